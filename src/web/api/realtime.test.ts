import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyHint } from './realtime';
import { buildItem as buildOne, buildTrashed, PRODUCT, WORKSPACE } from './item-fixtures.test-helper';
import { queryKeys } from './query-keys';
import type { Item, ItemPage, RealtimeMessage } from './types';

/** An item of the cached lists, in the trash since `deletedAt` when given. */
const buildItem = (id: string, deletedAt: string | null): Item =>
  deletedAt ? buildTrashed(id, deletedAt, { rank: `a${id}` }) : buildOne({ id, rank: `a${id}`, version: 2 });

const pagesOf = (...pages: Item[][]): InfiniteData<ItemPage, string | null> => ({
  pages: pages.map((items, index) => ({ items, nextCursor: index < pages.length - 1 ? `c${index + 1}` : null })),
  pageParams: pages.map((_, index) => (index === 0 ? null : `c${index}`)),
});

const idsIn = (client: QueryClient, queryKey: readonly unknown[]) =>
  client.getQueryData<InfiniteData<ItemPage, string | null>>(queryKey)?.pages.map((page) => page.items.map((item) => item.id));

const purged = (ids: string[]): RealtimeMessage => ({ type: 'item.purged', workspaceId: WORKSPACE, productId: PRODUCT, ids, actor: null });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('realtime hints', () => {
  it('item.purged drops the ids from the cached trash and forgets their details, without a request', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no request expected')));
    vi.stubGlobal('fetch', fetch);
    const client = new QueryClient();
    client.setQueryData(queryKeys.trash(PRODUCT), pagesOf([buildItem('3', '2026-11-03T00:00:00.000Z'), buildItem('2', '2026-10-02T00:00:00.000Z')], [buildItem('1', '2026-10-01T00:00:00.000Z')]));
    client.setQueryData(queryKeys.items.list(PRODUCT), pagesOf([buildItem('4', null)]));
    client.setQueryData(queryKeys.item('1'), buildItem('1', '2026-10-01T00:00:00.000Z'));
    client.setQueryData(queryKeys.item('3'), buildItem('3', '2026-11-03T00:00:00.000Z'));

    await applyHint(client, purged(['2', '1']), null);

    expect(idsIn(client, queryKeys.trash(PRODUCT))).toEqual([['3'], []]);
    expect(client.getQueryState(queryKeys.item('1'))).toBeUndefined();
    expect(client.getQueryData(queryKeys.item('3'))).toBeDefined();
    expect(idsIn(client, queryKeys.items.list(PRODUCT))).toEqual([['4']]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('item.purged for a product whose trash is not cached changes nothing', async () => {
    const client = new QueryClient();
    await applyHint(client, purged(['1']), null);
    expect(client.getQueryData(queryKeys.trash(PRODUCT))).toBeUndefined();
  });

  it('item.purged while a trash page is loading refetches the trash rather than patch under it', async () => {
    const client = new QueryClient();
    const trash = pagesOf([buildItem('1', '2026-10-01T00:00:00.000Z')]);
    client.setQueryData(queryKeys.trash(PRODUCT), trash);
    let finish: (data: typeof trash) => void = () => undefined;
    const slow = new Promise<typeof trash>((resolve) => (finish = resolve));
    const queryFn = vi.fn(() => slow);
    void client.fetchQuery({ queryKey: queryKeys.trash(PRODUCT), queryFn, staleTime: 0 });
    expect(client.getQueryState(queryKeys.trash(PRODUCT))?.fetchStatus).toBe('fetching');

    await applyHint(client, purged(['1']), null);
    expect(client.getQueryState(queryKeys.trash(PRODUCT))?.isInvalidated).toBe(true);
    finish(pagesOf([]));
    await slow;
  });

  it('an item hint marks the open item page of that item stale, not the pages of other items, and every open children list', async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.itemByKey(PRODUCT, 'DEMO-1'), buildOne({ id: '1' }));
    client.setQueryData(queryKeys.itemByKey(PRODUCT, 'DEMO-2'), buildOne({ id: '2' }));
    client.setQueryData(queryKeys.children(PRODUCT, '7'), pagesOf([buildOne({ id: '8' })]));
    const updated: RealtimeMessage = { type: 'item.updated', workspaceId: WORKSPACE, productId: PRODUCT, ids: ['1'], actor: null };

    await applyHint(client, updated, null);

    expect(client.getQueryState(queryKeys.itemByKey(PRODUCT, 'DEMO-1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.itemByKey(PRODUCT, 'DEMO-2'))?.isInvalidated).toBe(false);
    expect(client.getQueryState(queryKeys.children(PRODUCT, '7'))?.isInvalidated).toBe(true);
  });
});

describe('decision hints', () => {
  it('decision.changed marks the product’s decision log, decision pages and item decision lists stale, and nothing of another product', async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.decisions.list(PRODUCT, '', ''), { pages: [], pageParams: [] });
    client.setQueryData(queryKeys.decisions.detail(PRODUCT, 'd1'), { id: 'd1' });
    client.setQueryData(queryKeys.decisions.forItem(PRODUCT, 'i1'), { items: [] });
    client.setQueryData(queryKeys.decisions.list('other', '', ''), { pages: [], pageParams: [] });
    client.setQueryData(queryKeys.itemByKey(PRODUCT, 'DEMO-1'), buildOne({ id: 'i1' }));
    const changed: RealtimeMessage = { type: 'decision.changed', workspaceId: WORKSPACE, productId: PRODUCT, ids: ['d1', 'i1'], actor: null };

    await applyHint(client, changed, null);

    expect(client.getQueryState(queryKeys.decisions.list(PRODUCT, '', ''))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.decisions.detail(PRODUCT, 'd1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.decisions.forItem(PRODUCT, 'i1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.decisions.list('other', '', ''))?.isInvalidated).toBe(false);
    // The item itself did not change: its page is not refetched.
    expect(client.getQueryState(queryKeys.itemByKey(PRODUCT, 'DEMO-1'))?.isInvalidated).toBe(false);
  });
});

describe('matrix and strategy hints', () => {
  it('an item hint marks the matrix, the traceability tree and the item traces of its product stale, not its goals or another product’s', async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.matrix.scores(PRODUCT, 'value_effort'), { points: [], capped: false });
    client.setQueryData(queryKeys.matrix.scores('other', 'value_effort'), { points: [], capped: false });
    client.setQueryData(queryKeys.strategy.traceability(PRODUCT), { goals: [] });
    client.setQueryData(queryKeys.strategy.trace(PRODUCT, '1'), { path: [] });
    client.setQueryData(queryKeys.strategy.goals(PRODUCT), { items: [] });
    const updated: RealtimeMessage = { type: 'item.updated', workspaceId: WORKSPACE, productId: PRODUCT, ids: ['1'], actor: null };

    await applyHint(client, updated, null);

    expect(client.getQueryState(queryKeys.matrix.scores(PRODUCT, 'value_effort'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.matrix.scores('other', 'value_effort'))?.isInvalidated).toBe(false);
    expect(client.getQueryState(queryKeys.strategy.traceability(PRODUCT))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.strategy.trace(PRODUCT, '1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.strategy.goals(PRODUCT))?.isInvalidated).toBe(false);
  });

  it('strategy.changed marks every strategy view of the product stale, and leaves its items and matrix alone', async () => {
    const client = new QueryClient();
    for (const key of [queryKeys.strategy.goals(PRODUCT), queryKeys.strategy.initiatives(PRODUCT), queryKeys.strategy.traceability(PRODUCT), queryKeys.strategy.alignment(PRODUCT, 'i1'), queryKeys.strategy.trace(PRODUCT, 'i1')]) {
      client.setQueryData(key, {});
    }
    client.setQueryData(queryKeys.strategy.goals('other'), {});
    client.setQueryData(queryKeys.matrix.all(PRODUCT), {});
    client.setQueryData(queryKeys.itemByKey(PRODUCT, 'DEMO-1'), buildOne({ id: 'i1' }));
    const changed: RealtimeMessage = { type: 'strategy.changed', workspaceId: WORKSPACE, productId: PRODUCT, ids: ['g1', 'i1'], actor: null };

    await applyHint(client, changed, null);

    for (const key of [queryKeys.strategy.goals(PRODUCT), queryKeys.strategy.initiatives(PRODUCT), queryKeys.strategy.traceability(PRODUCT), queryKeys.strategy.alignment(PRODUCT, 'i1'), queryKeys.strategy.trace(PRODUCT, 'i1')]) {
      expect(client.getQueryState(key)?.isInvalidated, key.join('/')).toBe(true);
    }
    expect(client.getQueryState(queryKeys.strategy.goals('other'))?.isInvalidated).toBe(false);
    expect(client.getQueryState(queryKeys.matrix.all(PRODUCT))?.isInvalidated).toBe(false);
    expect(client.getQueryState(queryKeys.itemByKey(PRODUCT, 'DEMO-1'))?.isInvalidated).toBe(false);
  });
});

describe('release hints', () => {
  it('release.changed marks the product’s releases, their scope, forecasts and histories stale, and nothing else', async () => {
    const client = new QueryClient();
    const keys = [queryKeys.releases.list(PRODUCT), queryKeys.releases.scope(PRODUCT, 'r1'), queryKeys.releases.forecast(PRODUCT, 'r1'), queryKeys.releases.changes(PRODUCT, 'r1')];
    for (const key of keys) client.setQueryData(key, {});
    client.setQueryData(queryKeys.releases.list('other'), {});
    client.setQueryData(queryKeys.strategy.goals(PRODUCT), {});
    const changed: RealtimeMessage = { type: 'release.changed', workspaceId: WORKSPACE, productId: PRODUCT, ids: ['r1'], actor: null };

    await applyHint(client, changed, null);

    for (const key of keys) expect(client.getQueryState(key)?.isInvalidated, key.join('/')).toBe(true);
    expect(client.getQueryState(queryKeys.releases.list('other'))?.isInvalidated).toBe(false);
    expect(client.getQueryState(queryKeys.strategy.goals(PRODUCT))?.isInvalidated).toBe(false);
  });

  it('an item hint marks the product’s releases and dependencies stale, as progress and blockers follow the items', async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.releases.forecast(PRODUCT, 'r1'), {});
    client.setQueryData(queryKeys.dependencies.item(PRODUCT, 'i1'), { blocks: [], blockedBy: [] });
    client.setQueryData(queryKeys.releases.list('other'), {});
    const updated: RealtimeMessage = { type: 'item.updated', workspaceId: WORKSPACE, productId: PRODUCT, ids: ['1'], actor: null };

    await applyHint(client, updated, null);

    expect(client.getQueryState(queryKeys.releases.forecast(PRODUCT, 'r1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.dependencies.item(PRODUCT, 'i1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.releases.list('other'))?.isInvalidated).toBe(false);
  });
});

describe('roadmap hints', () => {
  it('roadmap.changed, release.changed, strategy.changed and item hints each mark the product’s roadmap stale, and not another product’s', async () => {
    for (const type of ['roadmap.changed', 'release.changed', 'strategy.changed', 'item.updated'] as const) {
      const client = new QueryClient();
      client.setQueryData(queryKeys.roadmap.all(PRODUCT), {});
      client.setQueryData(queryKeys.roadmap.all('other'), {});

      await applyHint(client, { type, workspaceId: WORKSPACE, productId: PRODUCT, ids: ['1'], actor: null }, null);

      expect(client.getQueryState(queryKeys.roadmap.all(PRODUCT))?.isInvalidated, type).toBe(true);
      expect(client.getQueryState(queryKeys.roadmap.all('other'))?.isInvalidated, type).toBe(false);
    }
  });
});

describe('evidence hints', () => {
  it('evidence.changed of a product marks its inbox, ranking and item evidence stale, with the workspace’s customers, and not another product’s', async () => {
    const client = new QueryClient();
    const keys = [queryKeys.evidence.insights(PRODUCT, 'false', '', ''), queryKeys.evidence.ranking(PRODUCT), queryKeys.evidence.item(PRODUCT, 'i1'), queryKeys.evidence.customers(WORKSPACE, '')];
    for (const key of keys) client.setQueryData(key, {});
    client.setQueryData(queryKeys.evidence.item('other', 'i2'), {});

    await applyHint(client, { type: 'evidence.changed', workspaceId: WORKSPACE, productId: PRODUCT, ids: ['x'], actor: null }, null);

    for (const key of keys) expect(client.getQueryState(key)?.isInvalidated, key.join('/')).toBe(true);
    expect(client.getQueryState(queryKeys.evidence.item('other', 'i2'))?.isInvalidated).toBe(false);
  });

  it('a customer or segment change (no product) marks every product’s evidence stale, as names, segments and revenue show in all of them', async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.evidence.item(PRODUCT, 'i1'), {});
    client.setQueryData(queryKeys.evidence.item('other', 'i2'), {});
    client.setQueryData(queryKeys.evidence.segments(WORKSPACE), []);
    client.setQueryData(queryKeys.strategy.goals(PRODUCT), {});

    await applyHint(client, { type: 'evidence.changed', workspaceId: WORKSPACE, productId: null, ids: ['c1'], actor: null }, null);

    expect(client.getQueryState(queryKeys.evidence.item(PRODUCT, 'i1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.evidence.item('other', 'i2'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.evidence.segments(WORKSPACE))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.strategy.goals(PRODUCT))?.isInvalidated).toBe(false);
  });
});
