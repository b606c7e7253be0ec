import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

interface Rollup {
  points: number;
  donePoints: number;
  items: number;
  doneItems: number;
  unestimated: number;
  progress: number;
}

describe.each(DIALECTS)('strategy $name', ({ dialect }) => {
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

  const ok = async (method: string, url: string, body?: unknown, token = pm) => {
    const response = await call(t.app, method, url, { token, body });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  const refused = async (method: string, url: string, body: unknown, status = 400) => {
    const response = await call(t.app, method, url, { token: pm, body });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return response.json();
  };
  const product = () => `/api/v1/products/${ws.product.id}`;
  const item = async (type: string, title: string, extra: Record<string, unknown> = {}) => ok('POST', `${product()}/items`, { type, title, ...extra });
  const goal = (title = 'Win mid-market teams', extra: Record<string, unknown> = {}) =>
    ok('POST', `${product()}/goals`, { title, startDate: '2027-01-01', endDate: '2027-03-31', ...extra });

  it("keeps the product's vision and strategy", async () => {
    const updated = await ok('PATCH', product(), { vision: 'Every PM knows what worked.', strategy: '1. Evidence first' });
    expect(updated).toMatchObject({ vision: 'Every PM knows what worked.', strategy: '1. Evidence first' });
    const denied = await call(t.app, 'PATCH', product(), { token: ws.byRole.product_owner.token, body: { vision: 'Mine' } });
    expect(denied.statusCode).toBe(403);
  });

  it('sets a goal with key results and computes progress for rising and falling metrics', async () => {
    const created = await goal('Grow activation', {
      keyResults: [
        { name: 'Weekly active teams', baseline: 200, target: 400, current: 300 },
        { name: 'Churn', unit: '%', baseline: 8, target: 4, current: 7, direction: 'decrease', confidence: 0.6 },
      ],
    });
    expect(created.keyResults.map((keyResult: { progress: number }) => keyResult.progress)).toEqual([0.5, 0.25]);
    expect(created.progress).toBeCloseTo(0.375);
    const churn = created.keyResults[1];
    expect(churn).toMatchObject({ direction: 'decrease', confidence: 0.6, achieved: false });
    const moved = await ok('PATCH', `/api/v1/key-results/${churn.id}`, { current: 3.5 });
    expect(moved).toMatchObject({ progress: 1, achieved: true });
    const listed = await ok('GET', `${product()}/goals`, undefined, ws.byRole.viewer.token);
    expect(listed.items[0].progress).toBeCloseTo(0.75);
  });

  it('refuses key results whose target is on the wrong side, naming the field', async () => {
    const problem = await refused('POST', `${product()}/goals`, {
      title: 'Bad',
      startDate: '2027-01-01',
      endDate: '2027-03-31',
      keyResults: [{ name: 'Ok', baseline: 1, target: 2 }, { name: 'Backwards', baseline: 10, target: 5 }],
    });
    expect(problem.errors).toEqual([{ field: 'body.keyResults.1.target', message: expect.stringContaining('decrease') }]);
    const created = await goal();
    const keyResult = await ok('POST', `/api/v1/goals/${created.id}/key-results`, { name: 'NPS', baseline: 20, target: 40 });
    const flipped = await refused('PATCH', `/api/v1/key-results/${keyResult.id}`, { direction: 'decrease' });
    expect(flipped.errors[0].field).toBe('body.direction');
    const staleDelete = await call(t.app, 'DELETE', `/api/v1/key-results/${keyResult.id}`, { token: pm, headers: { 'if-match': '"7"' } });
    expect(staleDelete.statusCode).toBe(412);
    expect((await call(t.app, 'DELETE', `/api/v1/key-results/${keyResult.id}`, { token: pm, headers: { 'if-match': `"${keyResult.version}"` } })).statusCode).toBe(204);
    const backwards = await refused('POST', `${product()}/goals`, { title: 'Time travel', startDate: '2027-05-01', endDate: '2027-04-01' });
    expect(backwards.errors[0].field).toBe('body.endDate');
    expect((await ok('GET', `${product()}/goals`)).items).toHaveLength(1);
  });

  it('refuses a stale If-Match on a goal with 412 and keeps the newer change', async () => {
    const created = await goal();
    await ok('PATCH', `/api/v1/goals/${created.id}`, { title: 'Newer' });
    const stale = await call(t.app, 'PATCH', `/api/v1/goals/${created.id}`, { token: pm, body: { title: 'Older' }, headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect((await ok('GET', `/api/v1/goals/${created.id}`)).title).toBe('Newer');
  });

  it('aligns initiatives to goals of the same product only, and only epics and features to initiatives', async () => {
    const served = await goal();
    const otherProduct = await ok('POST', `/api/v1/workspaces/${ws.workspace.id}/products`, { key: 'OTHR', name: 'Other' }, ws.owner.token);
    const foreignGoal = await ok('POST', `/api/v1/products/${otherProduct.id}/goals`, { title: 'Theirs', startDate: '2027-01-01', endDate: '2027-02-01' });
    const problem = await refused('POST', `${product()}/initiatives`, { title: 'Bet', goalIds: [served.id, foreignGoal.id] });
    expect(problem.errors).toEqual([{ field: 'body.goalIds.1', message: 'no such goal in this product' }]);
    const initiative = await ok('POST', `${product()}/initiatives`, { title: 'Bet', goalIds: [served.id] });
    const story = await item('story', 'A story');
    const storyProblem = await refused('PUT', `/api/v1/items/${story.id}/initiatives`, { initiativeIds: [initiative.id] });
    expect(storyProblem.errors[0].field).toBe('body.initiativeIds');
    const feature = await item('feature', 'Evidence inbox');
    expect(await ok('PUT', `/api/v1/items/${feature.key}/initiatives`, { initiativeIds: [initiative.id, initiative.id] })).toEqual({ initiativeIds: [initiative.id] });
    expect(await ok('GET', `/api/v1/items/${feature.id}/initiatives`)).toEqual({ initiativeIds: [initiative.id] });
    const contributor = await call(t.app, 'PUT', `/api/v1/items/${feature.id}/initiatives`, { token: ws.byRole.contributor.token, body: { initiativeIds: [] } });
    expect(contributor.statusCode).toBe(403);
  });

  it('rolls delivery up by points from story to feature, initiative and goal, and answers which goal a story serves', async () => {
    const growth = await goal('Grow');
    const retention = await goal('Retain');
    const idle = await goal('Idle goal');
    const both = await ok('POST', `${product()}/initiatives`, { title: 'Evidence-led roadmap', goalIds: [growth.id, retention.id] });
    const lonely = await ok('POST', `${product()}/initiatives`, { title: 'Unserved bet' });
    const epic = await item('epic', 'Customer evidence');
    const feature = await item('feature', 'Insights inbox', { parentId: epic.id });
    const shipped = await item('story', 'Capture a quote', { parentId: feature.id, estimate: 3 });
    await item('story', 'Import a CSV', { parentId: feature.id, estimate: 5 });
    await item('story', 'Tag by segment', { parentId: feature.id });
    const canceled = await item('story', 'Dropped idea', { parentId: feature.id, estimate: 13 });
    // A task inside a story is part of the story's estimate, not counted again.
    await item('task', 'Write the parser', { parentId: shipped.id, estimate: 2 });
    const epicBug = await item('bug', 'Broken export on the epic', { parentId: epic.id, estimate: 1 });
    await ok('PATCH', `/api/v1/items/${shipped.id}`, { status: 'done' });
    await ok('PATCH', `/api/v1/items/${epicBug.id}`, { status: 'done' });
    await ok('PATCH', `/api/v1/items/${canceled.id}`, { status: 'canceled' });
    // The epic and the feature are both aligned: their shared stories count once for the initiative.
    await ok('PUT', `/api/v1/items/${epic.id}/initiatives`, { initiativeIds: [both.id] });
    await ok('PUT', `/api/v1/items/${feature.id}/initiatives`, { initiativeIds: [both.id] });
    const unaligned = await item('feature', 'Pricing page');

    const tree = await ok('GET', `${product()}/traceability`, undefined, ws.byRole.viewer.token);
    // Below the epic: the feature's three live stories and the bug filed on the epic itself.
    const expected: Rollup = { points: 9, donePoints: 4, items: 4, doneItems: 2, unestimated: 1, progress: 4 / 9 };
    const featureOnly: Rollup = { points: 8, donePoints: 3, items: 3, doneItems: 1, unestimated: 1, progress: 3 / 8 };
    const grow = tree.goals.find((entry: { goal: { id: string } }) => entry.goal.id === growth.id);
    expect(grow.rollup).toEqual(expected);
    expect(grow.initiatives).toHaveLength(1);
    expect(grow.initiatives[0].rollup).toEqual(expected);
    expect(grow.initiatives[0].items.map((entry: { key: string; rollup: Rollup }) => [entry.key, entry.rollup])).toEqual([
      [epic.key, expected],
      [feature.key, featureOnly],
    ]);
    expect(tree.goals.find((entry: { goal: { id: string } }) => entry.goal.id === idle.id).rollup.items).toBe(0);
    expect(tree.orphans).toEqual({
      goalsWithoutWork: [idle.id],
      initiativesWithoutGoal: [lonely.id],
      unalignedItems: [{ id: unaligned.id, key: unaligned.key, title: 'Pricing page', type: 'feature', status: 'backlog' }],
      unalignedCount: 1,
    });

    const trace = await ok('GET', `/api/v1/items/${shipped.key}/trace`);
    expect(trace.path.map((step: { key: string }) => step.key)).toEqual([shipped.key, feature.key, epic.key]);
    expect(trace.initiatives.map((initiative: { id: string }) => initiative.id)).toEqual([both.id]);
    expect(trace.goals.map((served: { id: string }) => served.id).sort()).toEqual([growth.id, retention.id].sort());
  });

  it('removes a goal with its key results, leaving initiatives in place without it', async () => {
    const created = await goal('Short-lived', { keyResults: [{ name: 'Signups', baseline: 0, target: 10 }] });
    const initiative = await ok('POST', `${product()}/initiatives`, { title: 'Bet', goalIds: [created.id] });
    const removed = await call(t.app, 'DELETE', `/api/v1/goals/${created.id}`, { token: pm });
    expect(removed.statusCode).toBe(204);
    expect((await call(t.app, 'GET', `/api/v1/goals/${created.id}`, { token: pm })).statusCode).toBe(404);
    expect((await call(t.app, 'PATCH', `/api/v1/key-results/${created.keyResults[0].id}`, { token: pm, body: { current: 1 } })).statusCode).toBe(404);
    expect((await ok('GET', `/api/v1/initiatives/${initiative.id}`)).goalIds).toEqual([]);
  });
});
