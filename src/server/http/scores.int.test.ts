import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

interface Listed {
  id: string;
  title: string;
  rank: string;
  version: number;
  scores: Record<string, number>;
}

const rice = (reach: number) => ({ framework: 'rice', inputs: { reach, impact: 1, confidence: 1, effort: 1 } });

describe.each(DIALECTS)('stored scores $name', ({ dialect }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  async function backlog(titles: string[]) {
    const ws = await buildWorkspace(t.runtime);
    const url = `/api/v1/products/${ws.product.id}/items`;
    const ids: Record<string, string> = {};
    for (const title of titles) ids[title] = (await call(t.app, 'POST', url, { token: ws.owner.token, body: { type: 'story', title } })).json().id;
    const po = ws.byRole.product_owner.token;
    const score = (title: string, body: unknown, token = po) => call(t.app, 'POST', `/api/v1/items/${ids[title]}/scores`, { token, body });
    const list = async (query = ''): Promise<Listed[]> => (await call(t.app, 'GET', `${url}?limit=200${query}`, { token: po })).json().items;
    return { ws, ids, url, po, score, list };
  }

  it('stores a score with its inputs and formula, shown on the item', async () => {
    const { ids, score, po } = await backlog(['a']);
    const scored = await score('a', { framework: 'rice', inputs: { reach: 500, impact: 2, confidence: 0.8, effort: 2 } });
    expect(scored.statusCode, scored.body).toBe(200);
    expect(scored.json()).toMatchObject({ framework: 'rice', score: 400, inputs: { reach: 500 } });
    expect(scored.json().explanation).toContain('500 × 2 × 0.8 ÷ 2');
    const item = (await call(t.app, 'GET', `/api/v1/items/${ids.a}`, { token: po })).json();
    expect(item.scores).toEqual({ rice: 400 });
    const listed = (await call(t.app, 'GET', `/api/v1/items/${ids.a}/scores`, { token: po })).json();
    expect(listed.items.map((entry: { framework: string }) => entry.framework)).toEqual(['rice']);
  });

  it('replaces the score of the same framework and gives the item a new version', async () => {
    const { ids, score, po } = await backlog(['a']);
    await score('a', rice(10));
    const before = (await call(t.app, 'GET', `/api/v1/items/${ids.a}`, { token: po })).json();
    await score('a', rice(20));
    const after = (await call(t.app, 'GET', `/api/v1/items/${ids.a}`, { token: po })).json();
    expect(after.scores.rice).toBe(20);
    expect(after.version).toBeGreaterThan(before.version);
  });

  it('refuses invalid inputs naming the field, and stores nothing', async () => {
    const { ids, score, po } = await backlog(['a']);
    const response = await score('a', { framework: 'rice', inputs: { reach: 10, impact: 1, confidence: 1.5, effort: -1 } });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.inputs.confidence', 'body.inputs.effort']));
    expect((await call(t.app, 'GET', `/api/v1/items/${ids.a}`, { token: po })).json().scores).toEqual({});
  });

  it('deletes a score, and says so when there is none', async () => {
    const { ids, score, po } = await backlog(['a']);
    await score('a', rice(10));
    expect((await call(t.app, 'DELETE', `/api/v1/items/${ids.a}/scores/rice`, { token: po })).statusCode).toBe(204);
    expect((await call(t.app, 'GET', `/api/v1/items/${ids.a}`, { token: po })).json().scores).toEqual({});
    expect((await call(t.app, 'DELETE', `/api/v1/items/${ids.a}/scores/rice`, { token: po })).statusCode).toBe(404);
  });

  it('sorts the backlog by a score, highest first, unscored last in rank order, across pages', async () => {
    const { score, list, url, po } = await backlog(['a', 'b', 'c', 'd', 'e', 'f']);
    await score('b', rice(5));
    await score('d', rice(50));
    await score('e', rice(5));
    await score('f', { framework: 'ice', inputs: { impact: 9, confidence: 9, ease: 9 } });
    expect((await list('&sort=score:rice')).map((item) => item.title)).toEqual(['d', 'b', 'e', 'a', 'c', 'f']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Listed[]; nextCursor: string | null } = (
        await call(t.app, 'GET', `${url}?limit=2&sort=score:rice${cursor ? `&cursor=${cursor}` : ''}`, { token: po })
      ).json();
      seen.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['d', 'b', 'e', 'a', 'c', 'f']);
  });

  it('refuses an unknown sort', async () => {
    const { url, po } = await backlog(['a']);
    const response = await call(t.app, 'GET', `${url}?sort=score:vibes`, { token: po });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
  });

  it('applies score order to a selection: the selected items trade places, nothing else moves', async () => {
    const { ids, score, list, url, po } = await backlog(['a', 'b', 'c', 'd', 'e']);
    await score('b', rice(1));
    await score('d', rice(9));
    const before = await list();
    const response = await call(t.app, 'POST', `${url}/apply-score-order`, { token: po, body: { framework: 'rice', itemIds: [ids.a, ids.b, ids.d] } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((item: Listed) => item.title)).toEqual(['d', 'b', 'a']);
    const after = await list();
    expect(after.map((item) => item.title)).toEqual(['d', 'b', 'c', 'a', 'e']);
    expect(new Set(after.map((item) => item.rank))).toEqual(new Set(before.map((item) => item.rank)));
    const untouched = after.filter((item) => ['c', 'e'].includes(item.title));
    expect(untouched).toEqual(before.filter((item) => ['c', 'e'].includes(item.title)));
  });

  it('refuses a selection naming an item outside the backlog', async () => {
    const { ids, url, po } = await backlog(['a', 'b']);
    const other = await backlog(['x']);
    const response = await call(t.app, 'POST', `${url}/apply-score-order`, { token: po, body: { framework: 'rice', itemIds: [ids.a, other.ids.x] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'body.itemIds.1', message: expect.stringContaining('no such item') }]);
  });

  it('scores with the product’s weighted criteria and recomputes when the weights change', async () => {
    const { ws, ids, score, po } = await backlog(['a']);
    const noCriteria = await score('a', { framework: 'weighted', inputs: { values: { x: 1 } } });
    expect(noCriteria.statusCode).toBe(400);
    const criteriaUrl = `/api/v1/products/${ws.product.id}/scoring-criteria`;
    const product = (
      await call(t.app, 'PUT', criteriaUrl, { token: po, body: { criteria: [{ name: 'Revenue', weight: 3 }, { name: 'Strategy', weight: 1 }] } })
    ).json();
    const [revenue, strategy] = product.scoringCriteria;
    const scored = await score('a', { framework: 'weighted', inputs: { values: { [revenue.id]: 8, [strategy.id]: 4 } } });
    expect(scored.json().score).toBe(7);
    await call(t.app, 'PUT', criteriaUrl, { token: po, body: { criteria: [{ ...revenue, weight: 1 }, { ...strategy, weight: 1 }] } });
    expect((await call(t.app, 'GET', `/api/v1/items/${ids.a}`, { token: po })).json().scores.weighted).toBe(6);
  });

  it('refuses a contributor, and changes nothing', async () => {
    const { ws, ids, score, po } = await backlog(['a']);
    const response = await score('a', rice(3), ws.byRole.contributor.token);
    expect(response.statusCode).toBe(403);
    expect((await call(t.app, 'GET', `/api/v1/items/${ids.a}`, { token: po })).json().scores).toEqual({});
  });
  it("lists one framework's scores across the product by page, with each item's key, leaving out the trash", async () => {
    const { ws, ids, score, po } = await backlog(['a', 'b', 'c', 'd']);
    for (const [title, value] of [['a', 9], ['b', 3], ['c', 6], ['d', 1]] as const) {
      expect((await score(title, { framework: 'value_effort', inputs: { value, effort: 2 } })).statusCode).toBe(200);
    }
    await score('a', rice(50));
    await call(t.app, 'DELETE', `/api/v1/items/${ids.d}`, { token: po });
    const url = `/api/v1/products/${ws.product.id}/scores?framework=value_effort&limit=2`;
    const first = (await call(t.app, 'GET', url, { token: ws.byRole.viewer.token })).json();
    const second = (await call(t.app, 'GET', `${url}&cursor=${first.nextCursor}`, { token: ws.byRole.viewer.token })).json();
    expect(second.nextCursor).toBeNull();
    const listed = [...first.items, ...second.items];
    expect(listed.map((entry: { itemId: string }) => entry.itemId)).toEqual([ids.a, ids.b, ids.c].sort());
    const a = listed.find((entry: { itemId: string }) => entry.itemId === ids.a);
    expect(a).toMatchObject({ framework: 'value_effort', inputs: { value: 9, effort: 2 }, score: 4.5, title: 'a', type: 'story', status: 'backlog' });
    expect(a.key).toMatch(new RegExp(`^${ws.product.key}-\\d+$`));
    const rices = (await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/scores?framework=rice`, { token: po })).json();
    expect(rices.items.map((entry: { itemId: string }) => entry.itemId)).toEqual([ids.a]);
  });

  it('refuses an unknown framework, and hides the product from other workspaces', async () => {
    const { ws, po } = await backlog(['a']);
    const unknown = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/scores?framework=vibes`, { token: po });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toContain('framework');
    const other = await backlog([]);
    const foreign = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/scores?framework=rice`, { token: other.po });
    expect(foreign.statusCode).toBe(404);
  });
});
