import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, createTestApp, jsonApi, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('roadmap timeline $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let pm: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.runtime);
    pm = ws.byRole.product_manager.token;
  });
  afterAll(() => t.close());

  const { api, ok } = jsonApi(() => ({ app: t.app, token: pm }));
  const item = (type: string, title: string, extra: Record<string, unknown> = {}) => ok('POST', `/products/${ws.product.id}/items`, { type, title, ...extra });

  it('plans an epic or feature by dates and on the Now / Next / Later board, refusing stale and impossible plans', async () => {
    const feature = await item('feature', 'Audit log');
    expect(await ok('GET', `/items/${feature.key}/schedule`, undefined, ws.byRole.viewer.token)).toMatchObject({ startDate: null, targetDate: null, horizon: null, version: 0 });

    const first = await api('PATCH', `/items/${feature.key}/schedule`, { startDate: '2027-01-04', targetDate: '2027-01-29' }, pm, { 'if-match': '"0"' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ item: { key: feature.key }, startDate: '2027-01-04', targetDate: '2027-01-29', horizon: null, version: 1 });
    // Moving it on the board keeps its dates.
    expect(await ok('PATCH', `/items/${feature.id}/schedule`, { horizon: 'now' })).toMatchObject({ startDate: '2027-01-04', horizon: 'now', version: 2 });

    expect((await api('PATCH', `/items/${feature.id}/schedule`, { targetDate: '2027-02-12' }, pm, { 'if-match': '"1"' })).status).toBe(412);
    expect((await api('PATCH', `/items/${feature.id}/schedule`, { horizon: 'later' }, pm, { 'if-match': '"0"' })).status).toBe(412);
    expect((await api('PATCH', `/items/${feature.id}/schedule`, { targetDate: '2027-01-01' })).json).toMatchObject({ status: 400, errors: [{ field: 'body.targetDate' }] });
    expect((await api('PATCH', `/items/${feature.id}/schedule`, { horizon: 'someday' })).status).toBe(400);
    expect((await api('PATCH', `/items/${feature.id}/schedule`, {})).status).toBe(400);
    const story = await item('story', 'Export the log');
    expect((await api('PATCH', `/items/${story.id}/schedule`, { horizon: 'now' })).json).toMatchObject({ status: 400, detail: expect.stringContaining('planned through sprints') });

    // The roadmap is the PM's: the PO reads it but may not plan it; another workspace sees nothing.
    expect((await api('PATCH', `/items/${feature.id}/schedule`, { horizon: 'next' }, ws.byRole.product_owner.token)).status).toBe(403);
    const other = await buildWorkspace(t.runtime);
    expect((await api('GET', `/items/${feature.id}/schedule`, undefined, other.owner.token)).status).toBe(404);
    expect((await api('GET', `/products/${ws.product.id}/roadmap`, undefined, other.owner.token)).status).toBe(404);
    expect((await ok('GET', `/items/${feature.id}/schedule`)).horizon).toBe('now');
  });

  it('shows each release’s critical path and flags a blocked item planned before its blocker is due', async () => {
    const release = await ok('POST', `/products/${ws.product.id}/releases`, { name: 'Q1', targetDate: '2027-03-31' });
    const epic = await item('epic', 'Enterprise');
    const sso = await item('feature', 'SSO', { parentId: epic.id });
    const scim = await item('feature', 'SCIM provisioning', { parentId: epic.id });
    const docs = await item('feature', 'Admin guide');
    for (const feature of [sso, scim, docs]) await ok('POST', `/releases/${release.id}/items`, { itemId: feature.id });
    await ok('POST', `/items/${sso.key}/dependencies`, { blocksId: scim.key });
    await ok('PATCH', `/items/${sso.id}/schedule`, { startDate: '2027-01-04', targetDate: '2027-01-29' }); // 26 days
    await ok('PATCH', `/items/${scim.id}/schedule`, { startDate: '2027-01-25', targetDate: '2027-02-19' }); // 26 days, starts before SSO is due
    await ok('PATCH', `/items/${docs.id}/schedule`, { startDate: '2027-02-01', targetDate: '2027-02-28', horizon: 'next' }); // 28 days, alone
    const milestone = await ok('POST', `/products/${ws.product.id}/milestones`, { name: 'Security review', date: '2027-02-15' });

    const roadmap = await ok('GET', `/products/${ws.product.id}/roadmap`, undefined, ws.byRole.stakeholder.token);
    const entry = (id: string) => roadmap.items.find((candidate: { item: { id: string } }) => candidate.item.id === id);
    expect(entry(scim.id)).toMatchObject({ parentId: epic.id, releaseId: release.id, startDate: '2027-01-25', targetDate: '2027-02-19', version: 1 });
    expect(entry(epic.id)).toMatchObject({ startDate: null, horizon: null, version: 0 });
    expect(roadmap.items.some((candidate: { item: { type: string } }) => candidate.item.type === 'story')).toBe(false);
    expect(roadmap.releases.find((candidate: { id: string }) => candidate.id === release.id)).toMatchObject({ criticalPath: [sso.id, scim.id], criticalPathDays: 52 });
    expect(roadmap.dependencies).toContainEqual({ blockerId: sso.id, blockedId: scim.id });
    expect(roadmap.conflicts).toEqual([{ blockerId: sso.id, blockedId: scim.id, blockerDate: '2027-01-29', blockedDate: '2027-01-25' }]);
    expect(roadmap.milestones).toEqual([expect.objectContaining({ id: milestone.id, name: 'Security review', date: '2027-02-15' })]);

    // Moving the blocked work after its blocker clears the flag.
    await ok('PATCH', `/items/${scim.id}/schedule`, { startDate: '2027-02-01', targetDate: '2027-02-26' });
    expect((await ok('GET', `/products/${ws.product.id}/roadmap`)).conflicts).toEqual([]);

    const moved = await ok('PATCH', `/milestones/${milestone.id}`, { date: '2027-02-22' });
    expect(moved).toMatchObject({ date: '2027-02-22', version: 2 });
    expect((await api('PATCH', `/milestones/${milestone.id}`, { date: 'soon' })).status).toBe(400);
    expect((await api('DELETE', `/milestones/${milestone.id}`, undefined, ws.byRole.product_owner.token)).status).toBe(403);
    await ok('DELETE', `/milestones/${milestone.id}`);
    expect((await ok('GET', `/products/${ws.product.id}/milestones`)).items).toEqual([]);
  });
});
