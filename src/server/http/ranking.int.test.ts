import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

interface Listed {
  id: string;
  title: string;
  rank: string;
  version: number;
}

describe.each(DIALECTS)('moving items in the backlog $name', ({ dialect }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  /** A fresh backlog of the given titles, in that order. */
  async function backlog(titles: string[]) {
    const ws = await buildWorkspace(t.runtime);
    const url = `/api/v1/products/${ws.product.id}/items`;
    const ids: Record<string, string> = {};
    for (const title of titles) ids[title] = (await call(t.app, 'POST', url, { token: ws.owner.token, body: { type: 'story', title } })).json().id;
    const list = async (): Promise<Listed[]> => (await call(t.app, 'GET', `${url}?limit=200`, { token: ws.owner.token })).json().items;
    const move = (title: string, body: unknown, token = ws.byRole.product_owner.token) =>
      call(t.app, 'POST', `/api/v1/items/${ids[title]}/move`, { token, body });
    return { ws, ids, list, move };
  }

  it('places an item before or after another, or at the top or bottom', async () => {
    const { ids, list, move } = await backlog(['a', 'b', 'c', 'd']);
    expect((await move('d', { position: 'top' })).statusCode).toBe(200);
    expect((await list()).map((item) => item.title)).toEqual(['d', 'a', 'b', 'c']);
    await move('d', { position: 'bottom' });
    expect((await list()).map((item) => item.title)).toEqual(['a', 'b', 'c', 'd']);
    await move('a', { afterId: ids.c });
    expect((await list()).map((item) => item.title)).toEqual(['b', 'c', 'a', 'd']);
    await move('d', { beforeId: ids.b });
    expect((await list()).map((item) => item.title)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('writes exactly one row: no other item changes', async () => {
    const { ids, list, move } = await backlog(['a', 'b', 'c', 'd', 'e']);
    const before = await list();
    await move('e', { afterId: ids.a });
    const after = await list();
    const changed = after.filter((item) => {
      const was = before.find((old) => old.id === item.id)!;
      return was.rank !== item.rank || was.version !== item.version;
    });
    expect(changed.map((item) => item.title)).toEqual(['e']);
  });

  it('never lands on the key of a trashed item', async () => {
    const { ws, ids, list, move } = await backlog(['a', 'b', 'c']);
    await call(t.app, 'DELETE', `/api/v1/items/${ids.b}`, { token: ws.owner.token });
    expect((await move('c', { afterId: ids.a })).statusCode).toBe(200);
    await call(t.app, 'POST', `/api/v1/items/${ids.b}/restore`, { token: ws.owner.token });
    const after = await list();
    expect(new Set(after.map((item) => item.rank)).size).toBe(3);
    expect(after.map((item) => item.title)).toEqual(['a', 'c', 'b']);
  });

  it('refuses a move next to itself, to another backlog or to a trashed item, by field', async () => {
    const { ws, ids, move } = await backlog(['a', 'b']);
    const self = await move('a', { beforeId: ids.a });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('body.beforeId');
    const other = await backlog(['x']);
    const elsewhere = await move('a', { afterId: other.ids.x });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors[0].field).toBe('body.afterId');
    await call(t.app, 'DELETE', `/api/v1/items/${ids.b}`, { token: ws.owner.token });
    expect((await move('a', { afterId: ids.b })).statusCode).toBe(400);
    const both = await move('a', { beforeId: ids.b, position: 'top' });
    expect(both.statusCode).toBe(400);
    const badVersion = await call(t.app, 'POST', `/api/v1/items/${ids.a}/move`, { token: ws.owner.token, body: { position: 'top' }, headers: { 'if-match': 'soon' } });
    expect(badVersion.json().errors[0].field).toBe('headers.if-match');
    const trashed = await call(t.app, 'POST', `/api/v1/items/${ids.b}/move`, { token: ws.owner.token, body: { position: 'top' } });
    expect(trashed.statusCode).toBe(409);
  });

  it('keeps every key distinct and every item under parallel moves', async () => {
    const titles = Array.from({ length: 12 }, (_, i) => `item ${i}`);
    const { ids, list, move } = await backlog(titles);
    const moves = titles.map((title, i) =>
      i % 3 === 0 ? move(title, { position: 'top' }) : i % 3 === 1 ? move(title, { afterId: ids[titles[0]!] }) : move(title, { beforeId: ids[titles[1]!] }),
    );
    const statuses = (await Promise.all(moves)).map((response) => response.statusCode);
    expect(statuses).toEqual(Array(12).fill(200));
    const after = await list();
    expect(after).toHaveLength(12);
    expect(new Set(after.map((item) => item.rank)).size).toBe(12);
    expect(new Set(after.map((item) => item.id))).toEqual(new Set(Object.values(ids)));
  });

  it('refuses a stale If-Match and records the move', async () => {
    const { ws, ids, move } = await backlog(['a', 'b']);
    const stale = await call(t.app, 'POST', `/api/v1/items/${ids.b}/move`, {
      token: ws.owner.token,
      body: { position: 'top' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(412);
    await move('b', { position: 'top' });
    const log = (await call(t.app, 'GET', `/api/v1/workspaces/${ws.workspace.id}/activity?limit=1`, { token: ws.owner.token })).json();
    expect(log.items[0]).toMatchObject({ action: 'item.ranked', subjectId: ids.b });
  });
});
