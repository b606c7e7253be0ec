import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('releases $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let pm: string;
  let po: string;
  // The service clock: each step sets the moment its requests happen at.
  let now = new Date('2027-03-01T12:00:00Z');
  const at = (instant: string) => {
    now = new Date(instant);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { ctx: { clock: { now: () => now }, newId: () => uuidv7() } });
  });
  beforeEach(async () => {
    ws = await buildWorkspace(t.runtime);
    pm = ws.byRole.product_manager.token;
    po = ws.byRole.product_owner.token;
  });
  afterAll(() => t.close());

  const ok = async (method: string, url: string, body?: unknown, token = pm) => {
    const response = await call(t.app, method, url, { token, body });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json();
  };
  const story = (title: string, extra: Record<string, unknown> = {}) => ok('POST', `/api/v1/products/${ws.product.id}/items`, { type: 'story', title, ...extra }, po);
  /** Two items done a day over the week before 2027-03-01. */
  const history = async () => {
    for (const day of ['2027-02-22', '2027-02-23', '2027-02-24', '2027-02-25', '2027-02-26', '2027-02-27', '2027-02-28']) {
      at(`${day}T10:00:00Z`);
      for (const n of [1, 2]) await ok('PATCH', `/api/v1/items/${(await story(`Done ${day} ${n}`)).id}`, { status: 'done' }, po);
    }
    at('2027-03-01T12:00:00Z');
  };

  it('forecasts a release from the team’s own throughput and flags it at risk when the target is pulled in', async () => {
    await history();
    const release = await ok('POST', `/api/v1/products/${ws.product.id}/releases`, { name: 'Spring launch', targetDate: '2027-03-31' });
    for (let n = 0; n < 10; n += 1) await ok('POST', `/api/v1/releases/${release.id}/items`, { itemId: (await story(`Scope ${n}`, { estimate: 2 })).key }, po);
    const forecast = await ok('GET', `/api/v1/releases/${release.id}/forecast`, undefined, ws.byRole.viewer.token);
    // The last 30 days hold two done a day for one week: 14 in 30 days. Ten items take weeks, not days.
    expect(forecast.remaining).toBe(10);
    expect(forecast.history.daily.reduce((sum: number, day: number) => sum + day, 0)).toBe(14);
    expect(forecast.p50 <= forecast.p85 && forecast.p85 <= forecast.p95).toBe(true);
    expect(forecast.p85 <= '2027-03-31').toBe(true);
    expect(forecast.atRisk).toBe(false);

    const pulledIn = await ok('PATCH', `/api/v1/releases/${release.id}`, { targetDate: '2027-03-05' });
    expect(pulledIn.atRisk).toBe(true);
    expect((await ok('GET', `/api/v1/releases/${release.id}/forecast`)).atRisk).toBe(true);
    const { items, summary } = await ok('GET', `/api/v1/releases/${release.id}/changes`);
    expect(items[0]).toMatchObject({ kind: 'at_risk', after: { targetDate: '2027-03-05', remaining: 10 } });
    expect(summary).toMatch(/^10 items added; target moved 26 days earlier \(2027-03-31 → 2027-03-05\); now at risk: 85 % forecast 2027-\d\d-\d\d against target 2027-03-05\.$/);

    const pushedOut = await ok('PATCH', `/api/v1/releases/${release.id}`, { targetDate: '2027-06-30' });
    expect(pushedOut.atRisk).toBe(false);
    expect((await ok('GET', `/api/v1/releases/${release.id}/changes`)).items[0].kind).toBe('back_on_track');
  });

  it('records a release turning at risk when the work in its scope grows, as the change of whoever grew it', async () => {
    await history();
    const release = await ok('POST', `/api/v1/products/${ws.product.id}/releases`, { name: 'Exports', targetDate: '2027-03-31' });
    const feature = await ok('POST', `/api/v1/products/${ws.product.id}/items`, { type: 'feature', title: 'Exports' }, po);
    await ok('POST', `/api/v1/releases/${release.id}/items`, { itemId: feature.id });
    for (const format of ['CSV', 'PDF', 'XLSX']) await story(format, { parentId: feature.id });
    const onTrack = await ok('GET', `/api/v1/releases/${release.id}/forecast`);
    expect(onTrack).toMatchObject({ remaining: 3, atRisk: false });
    // The distribution behind the percentiles: every trial on a date, dates in order, the 85 % date among them.
    expect(onTrack.distribution.reduce((sum: number, day: { trials: number }) => sum + day.trials, 0)).toBe(10_000);
    expect(onTrack.distribution.map((day: { date: string }) => day.date)).toEqual([...onTrack.distribution.map((day: { date: string }) => day.date)].sort());
    expect(onTrack.distribution.map((day: { date: string }) => day.date)).toContain(onTrack.p85);

    // Twenty more stories under the feature: at two a day for one week in thirty, that is weeks past the target.
    for (let n = 0; n < 20; n += 1) await story(`Format ${n}`, { parentId: feature.id });
    await vi.waitFor(async () => expect((await ok('GET', `/api/v1/releases/${release.id}`)).atRisk).toBe(true), { timeout: 15_000, interval: 100 });
    const { items } = await ok('GET', `/api/v1/releases/${release.id}/changes`);
    expect(items.filter((change: { kind: string }) => change.kind === 'at_risk')).toEqual([
      expect.objectContaining({ actorId: ws.byRole.product_owner.user.id, after: expect.objectContaining({ targetDate: '2027-03-31', remaining: expect.any(Number) }) }),
    ]);
  });

  it('keeps scope changes as history: moving an item between releases is a removal and an addition', async () => {
    const spring = await ok('POST', `/api/v1/products/${ws.product.id}/releases`, { name: 'Spring' });
    const summer = await ok('POST', `/api/v1/products/${ws.product.id}/releases`, { name: 'Summer' });
    const item = await story('Export', { estimate: 3 });
    expect((await call(t.app, 'POST', `/api/v1/releases/${spring.id}/items`, { token: po, body: { itemId: item.id } })).statusCode).toBe(201);
    expect((await call(t.app, 'POST', `/api/v1/releases/${spring.id}/items`, { token: po, body: { itemId: item.id } })).statusCode).toBe(200);
    await ok('POST', `/api/v1/releases/${summer.id}/items`, { itemId: item.key }, po);
    expect((await ok('GET', `/api/v1/releases/${spring.id}/changes`)).summary).toBe('1 item added, 1 removed.');
    expect((await ok('GET', `/api/v1/releases/${summer.id}/items`)).items.map((entry: { key: string }) => entry.key)).toEqual([item.key]);
    const listed = (await ok('GET', `/api/v1/products/${ws.product.id}/releases`)).items;
    expect(listed.map((release: { name: string; progress: { points: number } }) => [release.name, release.progress.points])).toEqual([
      ['Spring', 0],
      ['Summer', 3],
    ]);
    await ok('DELETE', `/api/v1/releases/${summer.id}/items/${item.key}`, undefined, po);
    expect((await ok('GET', `/api/v1/releases/${summer.id}/items`)).items).toEqual([]);
    expect((await call(t.app, 'DELETE', `/api/v1/releases/${summer.id}/items/${item.key}`, { token: po })).statusCode).toBe(404);
  });

  it('counts the work below an epic or feature in scope, and says plainly when there is no pace to forecast from', async () => {
    const release = await ok('POST', `/api/v1/products/${ws.product.id}/releases`, { name: 'Big bang', targetDate: '2027-04-01' });
    const feature = await ok('POST', `/api/v1/products/${ws.product.id}/items`, { type: 'feature', title: 'Exports' }, po);
    await story('CSV', { parentId: feature.id, estimate: 3 });
    await story('PDF', { parentId: feature.id, estimate: 5 });
    const withScope = await ok('POST', `/api/v1/releases/${release.id}/items`, { itemId: feature.id });
    expect(withScope.progress).toMatchObject({ points: 8, items: 2, doneItems: 0 });
    const forecast = await ok('GET', `/api/v1/releases/${release.id}/forecast`);
    expect(forecast).toMatchObject({ remaining: 2, p85: null, atRisk: false });
    expect(forecast.explanation).toContain('no pace to forecast from');
  });

  it('lets the PO scope stories, tasks and bugs, and leaves epics and features in or out of a release to the PM', async () => {
    const release = await ok('POST', `/api/v1/products/${ws.product.id}/releases`, { name: 'By level' });
    const feature = await ok('POST', `/api/v1/products/${ws.product.id}/items`, { type: 'feature', title: 'Scheduled reports' });
    const epic = await ok('POST', `/api/v1/products/${ws.product.id}/items`, { type: 'epic', title: 'Reporting' });
    for (const type of ['story', 'task', 'bug']) {
      const item = await ok('POST', `/api/v1/products/${ws.product.id}/items`, { type, title: `A ${type}` });
      expect((await call(t.app, 'POST', `/api/v1/releases/${release.id}/items`, { token: po, body: { itemId: item.id } })).statusCode).toBe(201);
    }
    for (const item of [feature, epic]) {
      const refused = await call(t.app, 'POST', `/api/v1/releases/${release.id}/items`, { token: po, body: { itemId: item.key } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'forbidden', detail: expect.stringContaining('scope releases at story level') });
    }
    await ok('POST', `/api/v1/releases/${release.id}/items`, { itemId: feature.key });
    const removal = await call(t.app, 'DELETE', `/api/v1/releases/${release.id}/items/${feature.key}`, { token: po });
    expect(removal.statusCode).toBe(403);
    const scope = (await ok('GET', `/api/v1/releases/${release.id}/items`)).items.map((entry: { type: string }) => entry.type).sort();
    expect(scope).toEqual(['bug', 'feature', 'story', 'task']);
    const { items } = await ok('GET', `/api/v1/releases/${release.id}/changes`);
    expect(items.filter((change: { kind: string }) => change.kind === 'scope_added')).toHaveLength(4);
    expect(items.filter((change: { kind: string }) => change.kind === 'scope_removed')).toHaveLength(0);
  });

  it('keeps a released release released, and lets the right roles change what', async () => {
    const release = await ok('POST', `/api/v1/products/${ws.product.id}/releases`, { name: 'Done deal' });
    const shipped = await ok('PATCH', `/api/v1/releases/${release.id}`, { status: 'released' });
    expect(shipped.releasedAt).toBe(now.toISOString());
    const back = await call(t.app, 'PATCH', `/api/v1/releases/${release.id}`, { token: pm, body: { status: 'in_progress' } });
    expect(back.statusCode).toBe(409);
    expect((await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/releases`, { token: po, body: { name: 'Mine' } })).statusCode).toBe(403);
    const item = await story('Scoped by the PO');
    expect((await call(t.app, 'POST', `/api/v1/releases/${release.id}/items`, { token: ws.byRole.contributor.token, body: { itemId: item.id } })).statusCode).toBe(403);
    const bad = await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/releases`, { token: pm, body: { name: '', targetDate: '2027-02-30' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['body.name', 'body.targetDate']);
  });
});
