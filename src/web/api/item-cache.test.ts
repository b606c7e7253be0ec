import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  appendCreatedItem,
  indexInList,
  stringBetween,
  patchItemInList,
  planMoveInList,
  removeItemsFromList,
  replaceItemInList,
  rollBackItemInList,
  setItemRankInList,
  type MoveDirection,
} from './item-cache';
import { buildItem, PRODUCT } from './item-fixtures.test-helper';
import { queryKeys } from './query-keys';
import type { ItemPage } from './types';


/** A cached list of two pages (ranks a0 a1 | a3 a4); `more` says whether a third page exists. */
function cachedList({ more }: { more: boolean }): QueryClient {
  const client = new QueryClient();
  const data: InfiniteData<ItemPage, string | null> = {
    pages: [
      { items: [buildItem({ id: '0', rank: 'a0' }), buildItem({ id: '1', rank: 'a1' })], nextCursor: 'c1' },
      { items: [buildItem({ id: '3', rank: 'a3' }), buildItem({ id: '4', rank: 'a4' })], nextCursor: more ? 'c2' : null },
    ],
    pageParams: [null, 'c1'],
  };
  client.setQueryData(queryKeys.items.list(PRODUCT), data);
  return client;
}

const pagesOf = (client: QueryClient) =>
  client.getQueryData<InfiniteData<ItemPage, string | null>>(queryKeys.items.list(PRODUCT))?.pages.map((page) => page.items.map((item) => item.id));

describe('patching the cached backlog', () => {
  it('replaces an updated item in place and ignores one it does not hold', () => {
    const client = cachedList({ more: true });
    patchItemInList(client, buildItem({ id: '1', rank: 'a1', title: 'Renamed', version: 2 }), { insertMissing: false });
    patchItemInList(client, buildItem({ id: '2', rank: 'a2', version: 2 }), { insertMissing: false });
    expect(pagesOf(client)).toEqual([['0', '1'], ['3', '4']]);
    expect(client.getQueryData<InfiniteData<ItemPage>>(queryKeys.items.list(PRODUCT))?.pages[0]?.items[1]?.title).toBe('Renamed');
  });

  it('keeps a newer cached copy over an older fetched one', () => {
    const client = cachedList({ more: true });
    patchItemInList(client, buildItem({ id: '1', rank: 'a1', title: 'Newer', version: 3 }), { insertMissing: false });
    patchItemInList(client, buildItem({ id: '1', rank: 'a1', title: 'Older', version: 2 }), { insertMissing: false });
    expect(client.getQueryData<InfiniteData<ItemPage>>(queryKeys.items.list(PRODUCT))?.pages[0]?.items[1]?.title).toBe('Newer');
  });

  it('inserts a restored item at its rank inside the loaded range, and not beyond it', () => {
    const client = cachedList({ more: true });
    patchItemInList(client, buildItem({ id: '2', rank: 'a2' }), { insertMissing: true });
    patchItemInList(client, buildItem({ id: '9', rank: 'a9' }), { insertMissing: true });
    // Page two starts after a1's cursor, so a2 is where refetching that page would put it.
    expect(pagesOf(client)).toEqual([['0', '1'], ['2', '3', '4']]);
  });

  it('appends a restored item after the last row once every page is loaded', () => {
    const client = cachedList({ more: false });
    patchItemInList(client, buildItem({ id: '9', rank: 'a9' }), { insertMissing: true });
    expect(pagesOf(client)).toEqual([['0', '1'], ['3', '4', '9']]);
  });

  it('removes deleted items and items whose fresh copy is in the trash', () => {
    const client = cachedList({ more: true });
    removeItemsFromList(client, PRODUCT, ['0', '4']);
    patchItemInList(client, buildItem({ id: '3', rank: 'a3', version: 2, deletedAt: '2026-11-28T11:00:00.000Z' }), { insertMissing: false });
    expect(pagesOf(client)).toEqual([['1'], []]);
  });

  it('appends a created item only when the last page is loaded and it sorts last', () => {
    const partial = cachedList({ more: true });
    appendCreatedItem(partial, buildItem({ id: '9', rank: 'a9' }));
    expect(pagesOf(partial)).toEqual([['0', '1'], ['3', '4']]);

    const complete = cachedList({ more: false });
    appendCreatedItem(complete, buildItem({ id: '2', rank: 'a2' }));
    appendCreatedItem(complete, buildItem({ id: '9', rank: 'a9' }));
    appendCreatedItem(complete, buildItem({ id: '9', rank: 'a9' }));
    expect(pagesOf(complete)).toEqual([['0', '1'], ['3', '4', '9']]);
  });

  it('leaves a list that is not cached alone', () => {
    const client = new QueryClient();
    appendCreatedItem(client, buildItem({ id: '9', rank: 'a9' }));
    expect(client.getQueryData(queryKeys.items.list(PRODUCT))).toBeUndefined();
  });
});

describe('planning and applying a move in the cached backlog', () => {
  const order = (client: QueryClient) => pagesOf(client)?.flat();
  const move = (client: QueryClient, id: string, direction: MoveDirection) => {
    const plan = planMoveInList(client, PRODUCT, id, direction);
    if (plan) setItemRankInList(client, plan.item, plan.rank, plan.item.version + 1);
    return plan;
  };

  it('moves a row one place up or down, naming the neighbour it goes before or after', () => {
    const client = cachedList({ more: false });
    expect(move(client, '3', 'up')?.target).toEqual({ beforeId: '1' });
    expect(order(client)).toEqual(['0', '3', '1', '4']);
    expect(move(client, '3', 'up')?.target).toEqual({ beforeId: '0' });
    expect(order(client)).toEqual(['3', '0', '1', '4']);
    expect(move(client, '0', 'down')?.target).toEqual({ afterId: '1' });
    expect(order(client)).toEqual(['3', '1', '0', '4']);
    expect(indexInList(client, PRODUCT, '0')).toBe(2);
  });

  it('moves a row to the top or bottom, and does nothing at the end it is already at', () => {
    const client = cachedList({ more: false });
    expect(move(client, '0', 'up')).toBeNull();
    expect(move(client, '0', 'top')).toBeNull();
    expect(move(client, '4', 'bottom')).toBeNull();
    expect(move(client, '4', 'down')).toBeNull();
    expect(move(client, '3', 'top')?.target).toEqual({ position: 'top' });
    expect(move(client, '1', 'bottom')?.target).toEqual({ position: 'bottom' });
    expect(order(client)).toEqual(['3', '0', '4', '1']);
  });

  it('chains rapid moves from the latest cached order, even through local keys', () => {
    const client = cachedList({ more: false });
    // Local keys of earlier optimistic moves are not well-formed ranks; planning still finds a key between.
    setItemRankInList(client, buildItem({ id: '4', rank: 'a4' }), 'a0!', 2);
    expect(order(client)).toEqual(['0', '4', '1', '3']);
    move(client, '3', 'up');
    move(client, '3', 'up');
    move(client, '3', 'up');
    expect(order(client)).toEqual(['3', '0', '4', '1']);
    move(client, '1', 'up');
    move(client, '1', 'up');
    expect(order(client)).toEqual(['3', '1', '0', '4']);
  });

  it('sends a row moved to the bottom out of a partly loaded list, and never moves down past the loaded rows', () => {
    const client = cachedList({ more: true });
    expect(move(client, '4', 'down')).toBeNull();
    expect(move(client, '3', 'down')).toBeNull();
    move(client, '1', 'bottom');
    expect(order(client)).toEqual(['0', '3', '4']);
    expect(indexInList(client, PRODUCT, '1')).toBe(-1);
    move(client, '0', 'down');
    expect(order(client)).toEqual(['3', '0', '4']);
  });

  it('keeps an optimistic copy over older echoes, takes the server’s copy at the same version, and rolls back by force', () => {
    const client = cachedList({ more: false });
    move(client, '4', 'top');
    // The realtime echo of an earlier state (version 1) is older than the optimistic copy (version 2).
    patchItemInList(client, buildItem({ id: '4', rank: 'a4', version: 1 }), { insertMissing: false });
    expect(order(client)).toEqual(['4', '0', '1', '3']);
    // At the same version the server's copy wins, and its rank (between 1 and 3) is not where the optimistic copy sorts.
    patchItemInList(client, buildItem({ id: '4', rank: 'a2', version: 2 }), { insertMissing: false });
    expect(order(client)).toEqual(['0', '1', '4', '3']);
    // Refused: back to the confirmed rank and version, though the cache holds a newer version.
    setItemRankInList(client, buildItem({ id: '4', rank: 'a4' }), 'a4', 1);
    expect(pagesOf(client)).toEqual([['0', '1'], ['3', '4']]);
  });

  it('rolls a refused move back only while the row is still cached', () => {
    const client = cachedList({ more: false });
    move(client, '4', 'top');
    expect(rollBackItemInList(client, buildItem({ id: '4', rank: 'a4' }))).toBe(true);
    expect(order(client)).toEqual(['0', '1', '3', '4']);
    move(client, '3', 'top');
    // Trashed meanwhile (realtime took it out): the stale snapshot does not bring it back.
    removeItemsFromList(client, PRODUCT, ['3']);
    expect(rollBackItemInList(client, buildItem({ id: '3', rank: 'a3' }))).toBe(false);
    expect(order(client)).toEqual(['0', '1', '4']);
  });

  it('replaces the cached copy with a fresh one whatever its version, and drops a trashed one', () => {
    const client = cachedList({ more: false });
    move(client, '4', 'top');
    move(client, '4', 'down');
    replaceItemInList(client, buildItem({ id: '4', rank: 'a2', version: 2 }));
    expect(order(client)).toEqual(['0', '1', '4', '3']);
    replaceItemInList(client, buildItem({ id: '1', rank: 'a1', version: 2, deletedAt: '2026-11-28T11:00:00.000Z' }));
    expect(order(client)).toEqual(['0', '4', '3']);
  });

  it('finds a string between any two, with room left after it', () => {
    const pairs: [string, string | null][] = [['a0', 'a1'], ['a0', 'a0V'], ['', 'a'], ['a0', null], ['a0!', 'a0"'], ['x', 'x\u0001'], ['a\uffff', 'b']];
    for (const [before, after] of pairs) {
      const key = stringBetween(before, after);
      expect(before < key && (after === null || key < after), `${JSON.stringify(before)} < ${JSON.stringify(key)} < ${JSON.stringify(after)}`).toBe(true);
      expect(key.endsWith('\u0000')).toBe(false);
    }
  });
});
