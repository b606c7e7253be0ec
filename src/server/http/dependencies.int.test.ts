import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

interface Item {
  id: string;
  key: string;
}

describe.each(DIALECTS)('dependencies $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let po: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  beforeEach(async () => {
    ws = await buildWorkspace(t.runtime);
    po = ws.byRole.product_owner.token;
  });
  afterAll(() => t.close());

  const items = async (...titles: string[]): Promise<Item[]> => {
    const created: Item[] = [];
    for (const title of titles) created.push((await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: po, body: { type: 'story', title } })).json());
    return created;
  };
  const block = (blocker: Item, blocked: Item | string, token = po) =>
    call(t.app, 'POST', `/api/v1/items/${blocker.id}/dependencies`, { token, body: { blocksId: typeof blocked === 'string' ? blocked : blocked.key } });
  const around = async (item: Item, token = po) => {
    const response = await call(t.app, 'GET', `/api/v1/items/${item.key}/dependencies`, { token });
    expect(response.statusCode, response.body).toBe(200);
    const { blocks, blockedBy } = response.json();
    return { blocks: blocks.map((other: Item) => other.key), blockedBy: blockedBy.map((other: Item) => other.key) };
  };

  it('records that one item blocks another, seen from both ends, once', async () => {
    const [api, web] = await items('API', 'Web');
    const first = await block(api!, web!);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().blocks.map((other: Item) => other.key)).toEqual([web!.key]);
    expect((await block(api!, web!.id)).statusCode).toBe(200);
    expect(await around(api!)).toEqual({ blocks: [web!.key], blockedBy: [] });
    expect(await around(web!, ws.byRole.viewer.token)).toEqual({ blocks: [], blockedBy: [api!.key] });
  });

  it('refuses a dependency that closes a cycle with 409 dependency_cycle, naming the cycle', async () => {
    const [a, b, c] = await items('Design', 'Build', 'Ship');
    await block(a!, b!);
    await block(b!, c!);
    const refused = await block(c!, a!);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'dependency_cycle', cycle: [c!.key, a!.key, b!.key, c!.key] });
    expect(refused.json().detail).toContain(`${c!.key} cannot block ${a!.key}`);
    const itself = await block(a!, a!);
    expect(itself.json()).toMatchObject({ code: 'dependency_cycle', cycle: [a!.key, a!.key] });
    expect(await around(c!)).toEqual({ blocks: [], blockedBy: [b!.key] });
  });

  it('lets exactly one of two opposite dependencies through when they race', async () => {
    const pairs = await Promise.all([0, 1, 2].map((n) => items(`Left ${n}`, `Right ${n}`)));
    const responses = await Promise.all(pairs.flatMap(([left, right]) => [block(left!, right!), block(right!, left!)]));
    for (let pair = 0; pair < pairs.length; pair += 1) {
      const codes = [responses[2 * pair]!.statusCode, responses[2 * pair + 1]!.statusCode].sort();
      expect(codes).toEqual([201, 409]);
    }
  });

  it('refuses items of another product or in the trash, naming blocksId', async () => {
    const [here, gone] = await items('Here', 'Gone');
    const other = await call(t.app, 'POST', `/api/v1/workspaces/${ws.workspace.id}/products`, { token: ws.owner.token, body: { key: 'ELSE', name: 'Else' } });
    const there = (await call(t.app, 'POST', `/api/v1/products/${other.json().id}/items`, { token: po, body: { type: 'story', title: 'There' } })).json();
    await call(t.app, 'DELETE', `/api/v1/items/${gone!.id}`, { token: po });
    for (const target of [there.key, gone!.key, 'NOPE-1']) {
      const response = await block(here!, target);
      expect(response.statusCode, target).toBe(400);
      expect(response.json().errors[0].field).toBe('body.blocksId');
    }
  });

  it('removes a dependency once, and answers 404 the second time', async () => {
    const [a, b] = await items('A', 'B');
    await block(a!, b!);
    const url = `/api/v1/items/${a!.id}/dependencies/${b!.key}`;
    expect((await call(t.app, 'DELETE', url, { token: po })).statusCode).toBe(204);
    expect(await around(a!)).toEqual({ blocks: [], blockedBy: [] });
    expect((await call(t.app, 'DELETE', url, { token: po })).statusCode).toBe(404);
  });

  it('lets the backlog roles change dependencies and no one else', async () => {
    const [a, b] = await items('A', 'B');
    for (const role of ['contributor', 'stakeholder', 'viewer'] as const) expect((await block(a!, b!, ws.byRole[role].token)).statusCode).toBe(403);
    expect((await block(a!, b!, ws.byRole.product_manager.token)).statusCode).toBe(201);
    expect(await around(b!)).toEqual({ blocks: [], blockedBy: [a!.key] });
  });
});
