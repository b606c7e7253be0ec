import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('market research $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let pm: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  beforeEach(async () => {
    ws = await buildWorkspace(t.runtime);
    pm = ws.byRole.product_manager.token;
  });
  afterAll(() => t.close());

  const send = (method: string, url: string, body?: unknown, token = pm, headers?: Record<string, string>) => call(t.app, method, `/api/v1${url}`, { token, body, ...(headers && { headers }) });
  const ok = async (method: string, url: string, body?: unknown, token = pm) => {
    const response = await send(method, url, body, token);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json();
  };
  const products = () => `/products/${ws.product.id}`;
  const item = (type: string, title: string) => ok('POST', `${products()}/items`, { type, title }, ws.byRole.product_owner.token);

  it('builds the capability matrix: unknown by default, coverage counted, gaps flagged', async () => {
    const amplitude = await ok('POST', `${products()}/competitors`, { name: 'Amplitude', website: 'https://amplitude.com', positioning: 'Digital **analytics** for product teams' });
    const mixpanel = await ok('POST', `${products()}/competitors`, { name: 'Mixpanel' });
    const funnels = await item('epic', 'Funnels 2.0');
    const sso = await item('feature', 'SAML single sign-on');
    const breakdown = await ok('POST', `${products()}/capabilities`, { name: 'Funnel breakdowns', itemId: funnels.key, ourLevel: 'none' });
    expect(breakdown.item).toMatchObject({ id: funnels.id, key: funnels.key, type: 'epic' });
    await ok('POST', `${products()}/capabilities`, { name: 'SSO', itemId: sso.id, ourLevel: 'has' });

    const cell = await ok('PUT', `/capabilities/${breakdown.id}/competitors/${amplitude.id}`, { level: 'has', note: 'Any property, | pipes too' });
    expect(cell).toEqual({ competitorId: amplitude.id, level: 'has', note: 'Any property, | pipes too', assessed: true });
    await ok('PUT', `/capabilities/${breakdown.id}/competitors/${mixpanel.id}`, { level: 'partial' });
    // Setting a cell again replaces it.
    await ok('PUT', `/capabilities/${breakdown.id}/competitors/${mixpanel.id}`, { level: 'has', note: 'Since 2026' });

    const matrix = await ok('GET', `${products()}/capability-matrix`, undefined, ws.byRole.viewer.token);
    expect(matrix.competitors.map((competitor: { name: string; has: number }) => [competitor.name, competitor.has])).toEqual([
      ['Amplitude', 1],
      ['Mixpanel', 1],
    ]);
    expect(matrix.rows.map((row: { capability: { name: string } }) => row.capability.name)).toEqual(['Funnel breakdowns', 'SSO']);
    expect(matrix.rows[0].coverage).toMatchObject({ ours: 'none', has: 2, isGap: true, summary: 'we do not have it / 2 of 2 competitors have it' });
    expect(matrix.rows[1].cells).toEqual([
      { competitorId: amplitude.id, level: 'unknown', note: '', assessed: false },
      { competitorId: mixpanel.id, level: 'unknown', note: '', assessed: false },
    ]);
    expect(matrix.rows[1].coverage).toMatchObject({ ours: 'has', isDifferentiator: true });
    expect(matrix.gaps).toBe(1);

    // Removing a competitor takes its column with it.
    await ok('DELETE', `/competitors/${mixpanel.id}`);
    const after = await ok('GET', `${products()}/capability-matrix`);
    expect(after.rows[0].cells.map((entry: { competitorId: string }) => entry.competitorId)).toEqual([amplitude.id]);
  });

  it('refuses duplicates with 409 name_taken, whatever the case', async () => {
    await ok('POST', `${products()}/competitors`, { name: 'Amplitude' });
    const again = await send('POST', `${products()}/competitors`, { name: ' amplitude ' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'name_taken', detail: 'This product already has a competitor named “amplitude”' });
    const heap = await ok('POST', `${products()}/competitors`, { name: 'Heap' });
    expect((await send('PATCH', `/competitors/${heap.id}`, { name: 'AMPLITUDE' })).json().code).toBe('name_taken');
    await ok('POST', `${products()}/capabilities`, { name: 'SSO' });
    expect((await send('POST', `${products()}/capabilities`, { name: 'sso' })).statusCode).toBe(409);
    await ok('POST', `${products()}/pricing-plans`, { name: 'Pro', price: '49', currency: 'EUR' });
    expect((await send('POST', `${products()}/pricing-plans`, { name: 'PRO', price: '59', currency: 'EUR' })).json().code).toBe('name_taken');
  });

  it('refuses links to items of another product or workspace, of the wrong type, or in the trash', async () => {
    const story = await item('story', 'A story');
    const wrongType = await send('POST', `${products()}/capabilities`, { name: 'Exports', itemId: story.key });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body.itemId', message: 'link an epic or a feature, not a story' }] });

    const other = await buildWorkspace(t.runtime);
    const foreign = (await call(t.app, 'POST', `/api/v1/products/${other.product.id}/items`, { token: other.owner.token, body: { type: 'feature', title: 'Theirs' } })).json();
    const foreignLink = await send('POST', `${products()}/capabilities`, { name: 'Theirs', itemId: foreign.id });
    expect(foreignLink.statusCode).toBe(400);
    expect(foreignLink.json().errors).toEqual([{ field: 'body.itemId', message: 'no such epic or feature in this product' }]);

    const plan = await ok('POST', `${products()}/pricing-plans`, { name: 'Pro', price: '49.00', currency: 'EUR' });
    const foreignFeature = await send('PUT', `/pricing-plans/${plan.id}/features/${foreign.id}`, { inclusion: 'included' });
    expect(foreignFeature.statusCode).toBe(404);
    expect(foreignFeature.json().code).toBe('not_found');
    const storyFeature = await send('PUT', `/pricing-plans/${plan.id}/features/${story.key}`, { inclusion: 'included' });
    expect(storyFeature.statusCode).toBe(400);
    expect(storyFeature.json().errors).toEqual([{ field: 'params.itemIdOrKey', message: 'link an epic or a feature, not a story' }]);

    // A competitor of another product is not a column of this matrix.
    const capability = await ok('POST', `${products()}/capabilities`, { name: 'Dashboards' });
    const theirCompetitor = (await call(t.app, 'POST', `/api/v1/products/${other.product.id}/competitors`, { token: other.owner.token, body: { name: 'Rival' } })).json();
    expect((await send('PUT', `/capabilities/${capability.id}/competitors/${theirCompetitor.id}`, { level: 'has' })).statusCode).toBe(404);
    // Nor can another workspace's owner read or change ours.
    expect((await send('GET', `${products()}/capability-matrix`, undefined, other.owner.token)).statusCode).toBe(404);
    expect((await send('PATCH', `/capabilities/${capability.id}`, { name: 'Mine now' }, other.owner.token)).statusCode).toBe(404);
  });

  it('keeps exact prices and packages features in plans, exported as Markdown', async () => {
    const free = await ok('POST', `${products()}/pricing-plans`, { name: 'Free', price: '0', currency: 'eur' });
    expect(free).toMatchObject({ price: '0.00', priceMinor: 0, currency: 'EUR', billingPeriod: 'monthly', priceLabel: '€0.00 / month', position: 0 });
    const pro = await ok('POST', `${products()}/pricing-plans`, { name: 'Pro', price: '49.90', currency: 'EUR' });
    expect(pro).toMatchObject({ price: '49.90', priceMinor: 4990, position: 1 });
    const enterprise = await ok('POST', `${products()}/pricing-plans`, { name: 'Enterprise', billingPeriod: 'custom', currency: 'EUR' });
    expect(enterprise).toMatchObject({ price: null, priceLabel: 'Custom pricing' });

    const tooPrecise = await send('POST', `${products()}/pricing-plans`, { name: 'Odd', price: '9.999', currency: 'EUR' });
    expect(tooPrecise.statusCode).toBe(400);
    expect(tooPrecise.json().errors).toEqual([{ field: 'body.price', message: 'EUR prices have at most 2 decimals' }]);
    expect((await send('POST', `${products()}/pricing-plans`, { name: 'Odd', price: 9.99 })).statusCode).toBe(400);

    const sso = await item('feature', 'SAML single sign-on');
    const alerts = await item('feature', 'Alerts | Slack');
    expect((await send('PUT', `/pricing-plans/${enterprise.id}/features/${sso.key}`, { inclusion: 'included' })).statusCode).toBe(201);
    await ok('PUT', `/pricing-plans/${pro.id}/features/${alerts.id}`, { inclusion: 'limited', note: '5 alerts' });
    const changed = await send('PUT', `/pricing-plans/${pro.id}/features/${alerts.id}`, { inclusion: 'limited', note: '10 alerts' });
    expect(changed.statusCode).toBe(200);
    await ok('PUT', `/pricing-plans/${enterprise.id}/features/${alerts.key}`, { inclusion: 'add_on' });

    const grid = await ok('GET', `${products()}/packaging`, undefined, ws.byRole.stakeholder.token);
    expect(grid.plans.map((plan: { name: string }) => plan.name)).toEqual(['Free', 'Pro', 'Enterprise']);
    expect(grid.rows.map((row: { feature: { key: string }; cells: Array<{ inclusion: string | null }> }) => [row.feature.key, row.cells.map((cell) => cell.inclusion)])).toEqual([
      [sso.key, [null, null, 'included']],
      [alerts.key, [null, 'limited', 'add_on']],
    ]);

    const exported = await send('GET', `${products()}/packaging.md`, undefined, ws.byRole.viewer.token);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe(`attachment; filename="${ws.product.key.toLowerCase()}-packaging.md"`);
    expect(exported.body).toContain('| Feature | Free (€0.00 / month) | Pro (€49.90 / month) | Enterprise (Custom pricing) |');
    expect(exported.body).toContain(`| ${sso.key} SAML single sign-on | — | — | ✓ Included |`);
    expect(exported.body).toContain(`| ${alerts.key} Alerts \\| Slack | — | ◐ Limited: 10 alerts | + Add-on |`);

    await ok('DELETE', `/pricing-plans/${enterprise.id}/features/${sso.key}`);
    expect((await send('DELETE', `/pricing-plans/${enterprise.id}/features/${sso.key}`)).statusCode).toBe(404);
    // A feature in the trash leaves the grid.
    await ok('DELETE', `/items/${alerts.id}`, undefined, ws.byRole.product_owner.token);
    expect((await ok('GET', `${products()}/packaging`)).rows).toEqual([]);
  });

  it('uses optimistic concurrency on every PATCH and DELETE', async () => {
    const competitor = await send('POST', `${products()}/competitors`, { name: 'Heap' });
    expect(competitor.headers.etag).toBe('"1"');
    const id = competitor.json().id;
    const updated = await send('PATCH', `/competitors/${id}`, { notes: '## Pricing\nPer event' }, pm, { 'if-match': '"1"' });
    expect(updated.statusCode).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    const stale = await send('PATCH', `/competitors/${id}`, { notes: 'Lost update' }, pm, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('version_mismatch');
    expect((await send('DELETE', `/competitors/${id}`, undefined, pm, { 'if-match': '"1"' })).statusCode).toBe(412);

    const plan = (await send('POST', `${products()}/pricing-plans`, { name: 'Pro', price: '10', currency: 'USD' })).json();
    expect((await send('PATCH', `/pricing-plans/${plan.id}`, { price: '12.50' }, pm, { 'if-match': '"1"' })).json()).toMatchObject({ price: '12.50', version: 2 });
    expect((await send('PATCH', `/pricing-plans/${plan.id}`, { billingPeriod: 'yearly' }, pm, { 'if-match': '"1"' })).statusCode).toBe(412);
    // Minor units mean another amount in a currency with other decimals: the price must come along.
    expect((await send('PATCH', `/pricing-plans/${plan.id}`, { currency: 'JPY' })).json().errors).toEqual([{ field: 'body.price', message: 'give the price again when changing from USD to JPY' }]);
    expect((await ok('PATCH', `/pricing-plans/${plan.id}`, { currency: 'JPY', price: '1500' })).priceLabel).toBe('¥1,500 / month');

    const capability = (await send('POST', `${products()}/capabilities`, { name: 'SSO' })).json();
    expect((await send('PATCH', `/capabilities/${capability.id}`, { ourLevel: 'partial' }, pm, { 'if-match': '"7"' })).statusCode).toBe(412);
    expect((await ok('PATCH', `/capabilities/${capability.id}`, { ourLevel: 'partial' })).version).toBe(2);
  });

  it('answers bad input with a problem naming the field, never a 500', async () => {
    const bad = await send('POST', `${products()}/competitors`, { name: '', website: 'ftp://nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['body.name', 'body.website']);
    const capability = (await send('POST', `${products()}/capabilities`, { name: 'SSO' })).json();
    const competitor = (await send('POST', `${products()}/competitors`, { name: 'Heap' })).json();
    expect((await send('PUT', `/capabilities/${capability.id}/competitors/${competitor.id}`, { level: 'mostly' })).statusCode).toBe(400);
    expect((await send('PUT', `/pricing-plans/${capability.id}/features/X-1`, { inclusion: 'included' })).statusCode).toBe(404);
    expect((await send('POST', `${products()}/pricing-plans`, { name: 'X', currency: 'EURO' })).json().errors[0].field).toBe('body.currency');
    expect((await send('PATCH', `/competitors/${competitor.id}`, {})).statusCode).toBe(400);
    // Only the PM and the owner research the market; everyone reads it.
    expect((await send('POST', `${products()}/competitors`, { name: 'Posthog' }, ws.byRole.product_owner.token)).statusCode).toBe(403);
    expect((await send('GET', `${products()}/competitors`, undefined, ws.byRole.viewer.token)).statusCode).toBe(200);
  });
  it('makes one competitor of a retried POST, writes the activity log and publishes a market hint', async () => {
    const seen: Array<{ type: string; ids: string[] }> = [];
    const stop = t.runtime.services.events.subscribe((message) => {
      if (message.workspaceId === ws.workspace.id) seen.push(message);
    });
    try {
      const headers = { 'idempotency-key': 'add-heap-once' };
      const first = await send('POST', `${products()}/competitors`, { name: 'Heap' }, pm, headers);
      const retry = await send('POST', `${products()}/competitors`, { name: 'Heap' }, pm, headers);
      expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
      expect(retry.json().id).toBe(first.json().id);
      expect((await ok('GET', `${products()}/competitors`)).items).toHaveLength(1);
      const activity = (await ok('GET', `/workspaces/${ws.workspace.id}/activity`, undefined, ws.owner.token)).items;
      expect(activity[0]).toMatchObject({ action: 'competitor.created', subjectType: 'competitor', subjectId: first.json().id });
      await expect.poll(() => seen).toContainEqual(expect.objectContaining({ type: 'market.changed', ids: [first.json().id] }));
    } finally {
      stop();
    }
  });
});
