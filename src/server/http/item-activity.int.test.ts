import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

interface Entry {
  id: string;
  actorId: string | null;
  action: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe.each(DIALECTS)('item activity $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let po: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  // Each case starts in its own workspace, so sprints planned by one do not catch another's carry-over.
  beforeEach(async () => {
    ws = await buildWorkspace(t.runtime);
    po = ws.byRole.product_owner.token;
  });
  afterAll(() => t.close());

  const created = async (title: string): Promise<string> => {
    const response = await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: po, body: { type: 'story', title } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  };
  const ok = async (method: string, url: string, body?: unknown) => {
    const response = await call(t.app, method, url, { token: po, body });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response;
  };
  const history = async (itemRef: string, query = '', token = po): Promise<{ items: Entry[]; nextCursor: string | null }> => {
    const response = await call(t.app, 'GET', `/api/v1/items/${itemRef}/activity${query}`, { token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("lists the item's changes newest first: edits, scores, sprint moves, trash and restore", async () => {
    const id = await created('Export the invoice as CSV');
    const other = await created('Unrelated story');
    await ok('PATCH', `/api/v1/items/${id}`, { status: 'ready', estimate: 3 });
    await ok('PATCH', `/api/v1/items/${other}`, { estimate: 8 });
    await ok('POST', `/api/v1/items/${id}/scores`, { framework: 'value_effort', inputs: { value: 8, effort: 2 } });
    const sprint = (await ok('POST', `/api/v1/products/${ws.product.id}/sprints`, { name: 'Sprint A', startDate: '2026-03-02', endDate: '2026-03-13' })).json();
    await ok('POST', `/api/v1/sprints/${sprint.id}/items`, { itemId: id });
    await ok('DELETE', `/api/v1/sprints/${sprint.id}/items/${id}`);
    await ok('DELETE', `/api/v1/items/${id}`);
    await ok('POST', `/api/v1/items/${id}/restore`);

    const { items, nextCursor } = await history(id);
    expect(items.map((entry) => entry.action)).toEqual([
      'item.restored',
      'item.deleted',
      'item.sprint_changed',
      'item.sprint_changed',
      'item.scored',
      'item.updated',
      'item.created',
    ]);
    expect(nextCursor).toBeNull();
    expect(new Set(items.map((entry) => entry.subjectId))).toEqual(new Set([id]));
    expect(items.every((entry) => entry.actorId === ws.byRole.product_owner.user.id)).toBe(true);
    const [removed, planned] = items.slice(2, 4) as [Entry, Entry];
    expect(planned.before).toBeNull();
    expect(planned.after).toEqual({ sprintId: sprint.id, sprintName: 'Sprint A' });
    expect(removed.before).toEqual({ sprintId: sprint.id, sprintName: 'Sprint A' });
    expect(removed.after).toBeNull();
    const edit = items[5]!;
    expect([edit.before?.status, edit.after?.status]).toEqual(['backlog', 'ready']);
    expect([edit.before?.estimate, edit.after?.estimate]).toEqual([null, 3]);
  });

  it('pages with a cursor and answers by item key too', async () => {
    const id = await created('Paged history');
    for (const estimate of [1, 2, 3, 5]) await ok('PATCH', `/api/v1/items/${id}`, { estimate });
    const key = (await ok('GET', `/api/v1/items/${id}`)).json().key as string;
    const first = await history(key, '?limit=2');
    expect(first.items.map((entry) => entry.after?.estimate)).toEqual([5, 3]);
    const second = await history(key, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((entry) => entry.after?.estimate)).toEqual([2, 1]);
    const last = await history(key, `?limit=2&cursor=${second.nextCursor}`);
    expect(last.items.map((entry) => entry.action)).toEqual(['item.created']);
    expect(last.nextCursor).toBeNull();
  });

  it('records the carry-over when a sprint completes', async () => {
    const id = await created('Carried story');
    const sprint = (await ok('POST', `/api/v1/products/${ws.product.id}/sprints`, { name: 'Sprint B', startDate: '2026-04-06', endDate: '2026-04-17' })).json();
    const next = (await ok('POST', `/api/v1/products/${ws.product.id}/sprints`, { name: 'Sprint C', startDate: '2026-04-20', endDate: '2026-05-01' })).json();
    await ok('POST', `/api/v1/sprints/${sprint.id}/items`, { itemId: id });
    await ok('POST', `/api/v1/sprints/${sprint.id}/start`);
    await ok('POST', `/api/v1/sprints/${sprint.id}/complete`, { carryTo: 'next' });
    const [carried] = (await history(id)).items;
    expect(carried).toMatchObject({
      action: 'item.sprint_changed',
      before: { sprintId: sprint.id, sprintName: 'Sprint B' },
      after: { sprintId: next.id, sprintName: 'Sprint C' },
    });
  });

  it('is readable by every role, and by no one outside the workspace', async () => {
    const id = await created('Seen by all');
    for (const member of Object.values(ws.byRole)) expect((await history(id, '', member.token)).items).toHaveLength(1);
    const outsider = await buildWorkspace(t.runtime);
    const response = await call(t.app, 'GET', `/api/v1/items/${id}/activity`, { token: outsider.owner.token });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
  });

  it('refuses a cursor it did not issue and an out-of-range limit', async () => {
    const id = await created('Bad paging');
    for (const query of ['?cursor=not-a-cursor', '?limit=0', '?limit=201']) {
      const response = await call(t.app, 'GET', `/api/v1/items/${id}/activity${query}`, { token: po });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
