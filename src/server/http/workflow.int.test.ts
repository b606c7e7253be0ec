import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

interface Status {
  key?: string;
  name: string;
  category: string;
  wipLimit?: number | null;
}

const DEFAULT_WORKFLOW = [
  { key: 'backlog', name: 'Backlog', category: 'backlog', wipLimit: null },
  { key: 'ready', name: 'Ready', category: 'todo', wipLimit: null },
  { key: 'in_progress', name: 'In progress', category: 'in_progress', wipLimit: null },
  { key: 'in_review', name: 'In review', category: 'in_progress', wipLimit: null },
  { key: 'done', name: 'Done', category: 'done', wipLimit: null },
  { key: 'canceled', name: 'Canceled', category: 'canceled', wipLimit: null },
];

/** The default workflow with WIP limits on some statuses. */
const limited = (limits: Record<string, number>): Status[] => DEFAULT_WORKFLOW.map((status) => ({ ...status, wipLimit: limits[status.key] ?? null }));

describe.each(DIALECTS)('workflow API $name', ({ dialect }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  /** A fresh workspace and the requests sent to its product. */
  async function product() {
    const ws = await buildWorkspace(t.runtime);
    const po = ws.byRole.product_owner.token;
    const productUrl = `/api/v1/products/${ws.product.id}`;
    const readProduct = () => call(t.app, 'GET', productUrl, { token: po });
    const replaceWorkflow = (statuses: Status[], options: { token?: string; headers?: Record<string, string> } = {}) =>
      call(t.app, 'PUT', `${productUrl}/workflow`, { token: options.token ?? po, body: { statuses }, headers: options.headers ?? {} });
    const create = (body: Record<string, unknown>, query = '', token = po) => call(t.app, 'POST', `${productUrl}/items${query}`, { token, body });
    const created = async (body: Record<string, unknown>) => {
      const response = await create(body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; status: string };
    };
    const setStatus = (id: string, status: string, options: { token?: string; query?: string } = {}) =>
      call(t.app, 'PATCH', `/api/v1/items/${id}${options.query ?? ''}`, { token: options.token ?? po, body: { status } });
    const read = async (id: string) => (await call(t.app, 'GET', `/api/v1/items/${id}`, { token: po })).json();
    const items = async (): Promise<Array<{ id: string; status: string }>> => (await call(t.app, 'GET', `${productUrl}/items?limit=200`, { token: po })).json().items;
    const inStatus = async (status: string) => (await items()).filter((item) => item.status === status).map((item) => item.id);
    return { ws, po, readProduct, replaceWorkflow, create, created, setStatus, read, items, inStatus };
  }

  function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
  }

  function expectFieldError(response: LightMyRequestResponse, field: string) {
    expectProblem(response, 400, 'validation_failed');
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
  }

  describe('statuses', () => {
    it('gives a new product the default workflow, and new items its first status', async () => {
      const { ws, readProduct, created } = await product();
      expect((await readProduct()).json().workflow).toEqual(DEFAULT_WORKFLOW);
      const made = await call(t.app, 'POST', `/api/v1/workspaces/${ws.workspace.id}/products`, { token: ws.owner.token, body: { key: 'NEWPROD', name: 'New product' } });
      expect(made.statusCode).toBe(201);
      expect(made.json().workflow).toEqual(DEFAULT_WORKFLOW);
      for (const type of ['epic', 'story', 'bug']) expect((await created({ type, title: `A new ${type}` })).status).toBe('backlog');
      const named = await created({ type: 'story', title: 'Started right away', status: 'in_progress' });
      expect(named.status).toBe('in_progress');
    });

    it('renames, reorders and adds statuses; a new status gets a key made from its name', async () => {
      const { ws, readProduct, replaceWorkflow, created, setStatus, read } = await product();
      const story = await created({ type: 'story', title: 'Export invoices as CSV' });
      const response = await replaceWorkflow([
        { key: 'ready', name: 'Up next', category: 'todo' },
        { key: 'backlog', name: 'Inbox', category: 'backlog' },
        { key: 'in_progress', name: 'In progress', category: 'in_progress' },
        { name: 'QA testing', category: 'in_progress', wipLimit: 3 },
        { key: 'in_review', name: 'In review', category: 'in_progress' },
        { key: 'done', name: 'Done', category: 'done' },
        { key: 'canceled', name: 'Canceled', category: 'canceled' },
      ]);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers.etag).toBe(`"${response.json().version}"`);
      expect(response.json().workflow).toEqual([
        { key: 'ready', name: 'Up next', category: 'todo', wipLimit: null },
        { key: 'backlog', name: 'Inbox', category: 'backlog', wipLimit: null },
        { key: 'in_progress', name: 'In progress', category: 'in_progress', wipLimit: null },
        { key: 'qa_testing', name: 'QA testing', category: 'in_progress', wipLimit: 3 },
        { key: 'in_review', name: 'In review', category: 'in_progress', wipLimit: null },
        { key: 'done', name: 'Done', category: 'done', wipLimit: null },
        { key: 'canceled', name: 'Canceled', category: 'canceled', wipLimit: null },
      ]);
      expect((await readProduct()).json().workflow).toEqual(response.json().workflow);

      // A renamed status keeps its items; new items start in the new first status.
      expect((await read(story.id)).status).toBe('backlog');
      expect((await created({ type: 'story', title: 'Arrives after the change' })).status).toBe('ready');

      // A contributor moves the work assigned to them.
      await call(t.app, 'PATCH', `/api/v1/items/${story.id}`, { token: ws.owner.token, body: { assigneeId: ws.byRole.contributor.user.id } });
      const moved = await setStatus(story.id, 'qa_testing', { token: ws.byRole.contributor.token });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().status).toBe('qa_testing');
      expect((await read(story.id)).status).toBe('qa_testing');
    });

    it('refuses an unknown status by field and leaves the item as it was', async () => {
      const { create, created, setStatus, read, items } = await product();
      const story = await created({ type: 'story', title: 'Export invoices as CSV' });
      const before = await read(story.id);
      expectFieldError(await setStatus(story.id, 'qa'), 'body.status');
      expectFieldError(await setStatus(story.id, 'In Progress'), 'body.status');
      expect(await read(story.id)).toEqual(before);
      const count = (await items()).length;
      expectFieldError(await create({ type: 'story', title: 'Nowhere to go', status: 'qa' }), 'body.status');
      expect(await items()).toHaveLength(count);
    });

    it('refuses to remove a status that holds an item, and removes it once the item has moved out', async () => {
      const { readProduct, replaceWorkflow, created, setStatus } = await product();
      const story = await created({ type: 'story', title: 'Export invoices as CSV' });
      expect((await setStatus(story.id, 'in_review')).statusCode).toBe(200);
      const before = await readProduct();
      const withoutReview = DEFAULT_WORKFLOW.filter((status) => status.key !== 'in_review');

      const refused = await replaceWorkflow(withoutReview);
      expectProblem(refused, 409, 'status_in_use');
      expect(refused.json().status).toBe(409);
      expect(refused.json().detail).toMatch(/In review/);
      const unchanged = await readProduct();
      expect(unchanged.json()).toEqual(before.json());
      expect(unchanged.headers.etag).toBe(before.headers.etag);

      expect((await setStatus(story.id, 'done')).statusCode).toBe(200);
      const removed = await replaceWorkflow(withoutReview);
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json().workflow.map((status: { key: string }) => status.key)).toEqual(['backlog', 'ready', 'in_progress', 'done', 'canceled']);
      expectFieldError(await setStatus(story.id, 'in_review'), 'body.status');
    });

    it('restores an item whose status was removed meanwhile into the first status, and keeps one that still exists', async () => {
      const { po, replaceWorkflow, created, setStatus, read } = await product();
      const restore = (id: string) => call(t.app, 'POST', `/api/v1/items/${id}/restore`, { token: po });
      const reviewed = await created({ type: 'story', title: 'Reviewed, then abandoned' });
      const started = await created({ type: 'story', title: 'Started, then abandoned' });
      expect((await setStatus(reviewed.id, 'in_review')).statusCode).toBe(200);
      expect((await setStatus(started.id, 'in_progress')).statusCode).toBe(200);
      for (const item of [reviewed, started]) expect((await call(t.app, 'DELETE', `/api/v1/items/${item.id}`, { token: po })).statusCode).toBe(200);

      // Ready comes first now, so "the first status" is not simply the backlog.
      const replaced = await replaceWorkflow([
        { key: 'ready', name: 'Ready', category: 'todo' },
        { key: 'backlog', name: 'Backlog', category: 'backlog' },
        { key: 'in_progress', name: 'In progress', category: 'in_progress' },
        { key: 'done', name: 'Done', category: 'done' },
        { key: 'canceled', name: 'Canceled', category: 'canceled' },
      ]);
      expect(replaced.statusCode, replaced.body).toBe(200);

      const restored = await restore(reviewed.id);
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json()).toMatchObject({ status: 'ready', deletedAt: null });
      expect(await read(reviewed.id)).toMatchObject({ status: 'ready', deletedAt: null });
      // It can move on from there like any item.
      expect((await setStatus(reviewed.id, 'in_progress')).statusCode).toBe(200);

      const kept = await restore(started.id);
      expect(kept.statusCode, kept.body).toBe(200);
      expect(kept.json()).toMatchObject({ status: 'in_progress', deletedAt: null });
    });

    it('refuses a workflow without a done status, with a name twice, or against a stale If-Match', async () => {
      const { readProduct, replaceWorkflow } = await product();
      const before = await readProduct();
      const noDone = await replaceWorkflow([
        { key: 'backlog', name: 'Backlog', category: 'backlog' },
        { key: 'in_progress', name: 'In progress', category: 'in_progress' },
      ]);
      expectFieldError(noDone, 'body.statuses');
      const twice = await replaceWorkflow([...DEFAULT_WORKFLOW, { name: 'done', category: 'done' }]);
      expectFieldError(twice, 'body.statuses.6.name');
      expectFieldError(await replaceWorkflow([]), 'body.statuses');
      expectFieldError(await replaceWorkflow(limited({ in_progress: 0 })), 'body.statuses.2.wipLimit');
      expect((await readProduct()).json()).toEqual(before.json());

      const version = before.json().version as number;
      const fresh = await replaceWorkflow(limited({ in_progress: 3 }), { headers: { 'if-match': `"${version}"` } });
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers.etag).toBe(`"${version + 1}"`);
      const stale = await replaceWorkflow(limited({ in_progress: 1 }), { headers: { 'if-match': `"${version}"` } });
      expectProblem(stale, 412, 'version_mismatch');
      expect((await readProduct()).json().workflow).toEqual(fresh.json().workflow);
    });

    it('lets only backlog roles change the workflow', async () => {
      const { ws, readProduct, replaceWorkflow } = await product();
      for (const role of ['contributor', 'stakeholder', 'viewer'] as const) {
        expectProblem(await replaceWorkflow(limited({ in_progress: 1 }), { token: ws.byRole[role].token }), 403, 'forbidden');
      }
      expect((await readProduct()).json().workflow).toEqual(DEFAULT_WORKFLOW);
      expect((await replaceWorkflow(limited({ in_progress: 1 }), { token: ws.byRole.product_manager.token })).statusCode).toBe(200);
    });
  });

  describe('WIP limits', () => {
    it('refuses a move into a full status, and lets only the PO or owner override it', async () => {
      const { ws, replaceWorkflow, created, setStatus, read, inStatus } = await product();
      expect((await replaceWorkflow(limited({ in_progress: 1 }))).statusCode).toBe(200);
      // Assigned to the contributor, who moves the work they are given.
      const mine = { assigneeId: ws.byRole.contributor.user.id };
      const [a, b, c] = [
        await created({ type: 'story', title: 'First', ...mine }),
        await created({ type: 'story', title: 'Second', ...mine }),
        await created({ type: 'task', title: 'Third' }),
      ];

      expect((await setStatus(a.id, 'in_progress', { token: ws.byRole.contributor.token })).statusCode).toBe(200);
      const before = await read(b.id);
      const full = await setStatus(b.id, 'in_progress', { token: ws.byRole.contributor.token });
      expectProblem(full, 409, 'wip_limit_reached');
      expect(await read(b.id)).toEqual(before);

      const byPm = await setStatus(b.id, 'in_progress', { token: ws.byRole.product_manager.token, query: '?overrideWipLimit=true' });
      expectProblem(byPm, 403, 'forbidden');
      const byContributor = await setStatus(b.id, 'in_progress', { token: ws.byRole.contributor.token, query: '?overrideWipLimit=true' });
      expectProblem(byContributor, 403, 'forbidden');
      expect(await read(b.id)).toEqual(before);
      expect(await inStatus('in_progress')).toEqual([a.id]);

      const byPo = await setStatus(b.id, 'in_progress', { query: '?overrideWipLimit=true' });
      expect(byPo.statusCode, byPo.body).toBe(200);
      expect(byPo.json().status).toBe('in_progress');
      const byOwner = await setStatus(c.id, 'in_progress', { token: ws.owner.token, query: '?overrideWipLimit=true' });
      expect(byOwner.statusCode).toBe(200);
      expect((await inStatus('in_progress')).sort()).toEqual([a.id, b.id, c.id].sort());

      // Items already in the status can still be edited; the limit guards entry only.
      const edited = await call(t.app, 'PATCH', `/api/v1/items/${a.id}`, { token: ws.byRole.contributor.token, body: { estimate: 2, status: 'in_progress' } });
      expect(edited.statusCode).toBe(200);
      // Without the override the PO is held to the limit like everyone else.
      const d = await created({ type: 'story', title: 'Fourth' });
      expectProblem(await setStatus(d.id, 'in_progress'), 409, 'wip_limit_reached');
      expectProblem(await setStatus(d.id, 'in_progress', { query: '?overrideWipLimit=false' }), 409, 'wip_limit_reached');
      expect((await read(d.id)).status).toBe('backlog');
    });

    it('refuses creating an item straight into a full status', async () => {
      const { ws, replaceWorkflow, create, created, items, inStatus } = await product();
      expect((await replaceWorkflow(limited({ in_progress: 1 }))).statusCode).toBe(200);
      const first = await created({ type: 'story', title: 'Started', status: 'in_progress' });
      const count = (await items()).length;

      expectProblem(await create({ type: 'story', title: 'Also started', status: 'in_progress' }), 409, 'wip_limit_reached');
      expectProblem(await create({ type: 'story', title: 'Also started', status: 'in_progress' }, '?overrideWipLimit=true', ws.byRole.product_manager.token), 403, 'forbidden');
      expect(await items()).toHaveLength(count);
      expect(await inStatus('in_progress')).toEqual([first.id]);

      const overridden = await create({ type: 'story', title: 'Started by the PO', status: 'in_progress' }, '?overrideWipLimit=true');
      expect(overridden.statusCode).toBe(201);
      expect(await inStatus('in_progress')).toHaveLength(2);
    });

    it('does not count a trashed item toward the limit', async () => {
      const { ws, po, replaceWorkflow, created, setStatus, inStatus } = await product();
      expect((await replaceWorkflow(limited({ in_progress: 1 }))).statusCode).toBe(200);
      const abandoned = await created({ type: 'story', title: 'Abandoned', status: 'in_progress' });
      const next = await created({ type: 'story', title: 'Next' });
      expectProblem(await setStatus(next.id, 'in_progress'), 409, 'wip_limit_reached');

      expect((await call(t.app, 'DELETE', `/api/v1/items/${abandoned.id}`, { token: po })).statusCode).toBe(200);
      const moved = await setStatus(next.id, 'in_progress');
      expect(moved.statusCode, moved.body).toBe(200);
      expect(await inStatus('in_progress')).toEqual([next.id]);
      const trash = (await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/trash`, { token: po })).json();
      expect(trash.items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([[abandoned.id, 'in_progress']]);
    });

    it('restores into a full status only with the override, which only the PO or owner may use', async () => {
      const { ws, po, replaceWorkflow, created, read, inStatus } = await product();
      const restore = (id: string, options: { token?: string; query?: string } = {}) =>
        call(t.app, 'POST', `/api/v1/items/${id}/restore${options.query ?? ''}`, { token: options.token ?? po });
      expect((await replaceWorkflow(limited({ in_progress: 1 }))).statusCode).toBe(200);
      const abandoned = await created({ type: 'story', title: 'Abandoned', status: 'in_progress' });
      expect((await call(t.app, 'DELETE', `/api/v1/items/${abandoned.id}`, { token: po })).statusCode).toBe(200);
      const next = await created({ type: 'story', title: 'Taken up instead', status: 'in_progress' });
      const trashed = await read(abandoned.id);
      expect(trashed.deletedAt).not.toBeNull();

      expectProblem(await restore(abandoned.id), 409, 'wip_limit_reached');
      expectProblem(await restore(abandoned.id, { token: ws.byRole.product_manager.token }), 409, 'wip_limit_reached');
      expectProblem(await restore(abandoned.id, { token: ws.byRole.product_manager.token, query: '?overrideWipLimit=true' }), 403, 'forbidden');
      expect(await read(abandoned.id)).toEqual(trashed);
      expect(await inStatus('in_progress')).toEqual([next.id]);

      const overridden = await restore(abandoned.id, { query: '?overrideWipLimit=true' });
      expect(overridden.statusCode, overridden.body).toBe(200);
      expect(overridden.json()).toMatchObject({ status: 'in_progress', deletedAt: null });
      expect((await inStatus('in_progress')).sort()).toEqual([abandoned.id, next.id].sort());
    });

    it('lets exactly as many parallel moves in as the limit allows', async () => {
      // Several rounds, each on a fresh product: one lucky interleaving must not hide a lost check.
      for (let round = 0; round < 3; round += 1) {
        const { replaceWorkflow, created, setStatus, read, inStatus } = await product();
        expect((await replaceWorkflow(limited({ in_review: 2 }))).statusCode).toBe(200);
        const stories: Array<{ id: string }> = [];
        for (let i = 0; i < 8; i += 1) stories.push(await created({ type: 'story', title: `Parallel story ${i}` }));

        const responses = await Promise.all(stories.map((story) => setStatus(story.id, 'in_review')));
        const codes = responses.map((response) => response.statusCode);
        expect(codes.filter((code) => code === 200)).toHaveLength(2);
        expect(codes.filter((code) => code === 409)).toHaveLength(6);
        for (const response of responses.filter((r) => r.statusCode === 409)) expect(response.json().code).toBe('wip_limit_reached');

        const winners = stories.filter((_, i) => codes[i] === 200).map((story) => story.id);
        expect((await inStatus('in_review')).sort()).toEqual(winners.sort());
        for (const [i, story] of stories.entries()) expect((await read(story.id)).status).toBe(codes[i] === 200 ? 'in_review' : 'backlog');
      }
    });
  });
});
