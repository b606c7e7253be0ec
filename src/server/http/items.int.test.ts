import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('items API $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let token: string;
  const itemsUrl = () => `/api/v1/products/${ws.product.id}/items`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.runtime);
    token = ws.byRole.product_owner.token;
  });
  afterAll(() => t.close());

  it('creates an item with the next human key, an ETag and a Location', async () => {
    const first = await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'First story' } });
    const second = await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'bug', title: 'Second', description: 'Steps…' } });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    const a = first.json();
    const b = second.json();
    expect(a.key).toBe(`${ws.product.key}-${a.number}`);
    expect(b.number).toBe(a.number + 1);
    expect(a.status).toBe('backlog');
    expect(a.version).toBe(1);
    expect(first.headers.etag).toBe('"1"');
    expect(first.headers.location).toBe(`/api/v1/items/${a.id}`);
    expect(b.rank > a.rank).toBe(true);
  });

  it('reads an item by id and by its human key, case-insensitively', async () => {
    const created = (await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'task', title: 'Find me' } })).json();
    const byId = await call(t.app, 'GET', `/api/v1/items/${created.id}`, { token });
    const byKey = await call(t.app, 'GET', `/api/v1/items/${created.key.toLowerCase()}`, { token });
    expect(byId.json().title).toBe('Find me');
    expect(byKey.statusCode).toBe(200);
    expect(byKey.json().id).toBe(created.id);
  });

  it('lists items in rank order with a cursor that pages through every item exactly once', async () => {
    const fresh = await buildWorkspace(t.runtime);
    const url = `/api/v1/products/${fresh.product.id}/items`;
    const titles = Array.from({ length: 7 }, (_, i) => `Item ${i}`);
    for (const title of titles) await call(t.app, 'POST', url, { token: fresh.owner.token, body: { type: 'story', title } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : '?limit=3';
      const page = (await call(t.app, 'GET', url + query, { token: fresh.owner.token })).json();
      seen.push(...page.items.map((item: { title: string }) => item.title));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(titles);
    expect(pages).toBe(3);
  });

  it('keeps paging stable when items are added between pages', async () => {
    const fresh = await buildWorkspace(t.runtime);
    const url = `/api/v1/products/${fresh.product.id}/items`;
    for (const title of ['a', 'b', 'c', 'd']) await call(t.app, 'POST', url, { token: fresh.owner.token, body: { type: 'story', title } });
    const first = (await call(t.app, 'GET', `${url}?limit=2`, { token: fresh.owner.token })).json();
    await call(t.app, 'POST', url, { token: fresh.owner.token, body: { type: 'story', title: 'e' } });
    const second = (await call(t.app, 'GET', `${url}?limit=10&cursor=${first.nextCursor}`, { token: fresh.owner.token })).json();
    expect([...first.items, ...second.items].map((item: { title: string }) => item.title)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses a stale If-Match with 412 and keeps the newer change', async () => {
    const created = (await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'Contested' } })).json();
    const mine = await call(t.app, 'PATCH', `/api/v1/items/${created.id}`, { token, body: { title: 'Mine' }, headers: { 'if-match': '"1"' } });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers.etag).toBe('"2"');
    const theirs = await call(t.app, 'PATCH', `/api/v1/items/${created.id}`, { token, body: { title: 'Theirs' }, headers: { 'if-match': '"1"' } });
    expect(theirs.statusCode).toBe(412);
    expect(theirs.headers['content-type']).toContain('application/problem+json');
    expect(theirs.json().code).toBe('version_mismatch');
    expect((await call(t.app, 'GET', `/api/v1/items/${created.id}`, { token })).json().title).toBe('Mine');
  });

  it('moves an item to the trash and restores it with one request each', async () => {
    const created = (await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'Trash me' } })).json();
    const trashed = await call(t.app, 'DELETE', `/api/v1/items/${created.id}`, { token });
    expect(trashed.statusCode).toBe(200);
    expect(trashed.json().deletedAt).not.toBeNull();
    expect(trashed.json().deletedBy).toBe(ws.byRole.product_owner.user.id);
    const listed = (await call(t.app, 'GET', `${itemsUrl()}?limit=200`, { token })).json();
    expect(listed.items.map((item: { id: string }) => item.id)).not.toContain(created.id);
    const edit = await call(t.app, 'PATCH', `/api/v1/items/${created.id}`, { token, body: { title: 'x' } });
    expect(edit.statusCode).toBe(409);
    const restored = await call(t.app, 'POST', `/api/v1/items/${created.id}/restore`, { token });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    expect(restored.json().deletedBy).toBeNull();
    const again = (await call(t.app, 'GET', `${itemsUrl()}?limit=200`, { token })).json();
    expect(again.items.map((item: { id: string }) => item.id)).toContain(created.id);
  });

  it('lists the trash newest first, a page at a time', async () => {
    const fresh = await buildWorkspace(t.runtime);
    const url = `/api/v1/products/${fresh.product.id}/items`;
    const ids: string[] = [];
    for (const title of ['one', 'two', 'three']) {
      const item = (await call(t.app, 'POST', url, { token: fresh.owner.token, body: { type: 'story', title } })).json();
      await call(t.app, 'DELETE', `/api/v1/items/${item.id}`, { token: fresh.owner.token });
      ids.push(item.id);
    }
    await call(t.app, 'POST', url, { token: fresh.owner.token, body: { type: 'story', title: 'kept' } });
    const trash = `/api/v1/products/${fresh.product.id}/trash`;
    const first = (await call(t.app, 'GET', `${trash}?limit=2`, { token: fresh.byRole.viewer.token })).json();
    const second = (await call(t.app, 'GET', `${trash}?limit=2&cursor=${first.nextCursor}`, { token: fresh.byRole.viewer.token })).json();
    expect([...first.items, ...second.items].map((item: { id: string }) => item.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    expect(first.items.every((item: { deletedAt: string | null }) => item.deletedAt !== null)).toBe(true);
  });

  it('writes an activity row for every change, with before and after', async () => {
    const created = (await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'Audited' } })).json();
    await call(t.app, 'PATCH', `/api/v1/items/${created.id}`, { token, body: { status: 'in_progress' } });
    const log = (await call(t.app, 'GET', `/api/v1/workspaces/${ws.workspace.id}/activity?limit=10`, { token })).json();
    const mine = log.items.filter((entry: { subjectId: string }) => entry.subjectId === created.id);
    expect(mine.map((entry: { action: string }) => entry.action)).toEqual(['item.updated', 'item.created']);
    expect(mine[0].before.status).toBe('backlog');
    expect(mine[0].after.status).toBe('in_progress');
    expect(mine[0].actorId).toBe(ws.byRole.product_owner.user.id);
  });

  it('makes one row for a create retried with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `retry-${dialect}-${Date.now()}` };
    const body = { type: 'story', title: 'Exactly once' };
    const first = await call(t.app, 'POST', itemsUrl(), { token, body, headers });
    const retry = await call(t.app, 'POST', itemsUrl(), { token, body, headers });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    const reused = await call(t.app, 'POST', itemsUrl(), { token, body: { ...body, title: 'Different' }, headers });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    const all = (await call(t.app, 'GET', `${itemsUrl()}?limit=200`, { token })).json();
    expect(all.items.filter((item: { title: string }) => item.title === 'Exactly once')).toHaveLength(1);
  });

  it('publishes an event after each committed change', async () => {
    const seen: string[] = [];
    const unsubscribe = t.runtime.services.events.subscribe((message) => {
      if (message.workspaceId === ws.workspace.id) seen.push(message.type);
    });
    const created = (await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'Evented' } })).json();
    await call(t.app, 'PATCH', `/api/v1/items/${created.id}`, { token, body: { title: 'Evented again' } });
    await call(t.app, 'DELETE', `/api/v1/items/${created.id}`, { token });
    await expect.poll(() => seen).toEqual(['item.created', 'item.updated', 'item.deleted']);
    unsubscribe();
  });
});
