import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { buildItem, PRODUCT } from './item-fixtures.test-helper';
import { patchItemInList, planMove, replaceItemInList } from './item-cache';
import { comparatorFor } from './list-view';
import { queryKeys } from './query-keys';
import type { ItemPage } from './types';

const pagesOf = (...pages: ItemPage['items'][]): InfiniteData<ItemPage, string | null> => ({
  pages: pages.map((items, index) => ({ items, nextCursor: index < pages.length - 1 ? `c${index}` : null })),
  pageParams: pages.map((_, index) => (index === 0 ? null : `c${index - 1}`)),
});
const ids = (data: InfiniteData<ItemPage, string | null> | undefined) => data?.pages.flatMap((page) => page.items.map((item) => item.id));

describe('score order', () => {
  it('puts the highest score first, unscored last, ties in rank order', () => {
    const rows = [
      buildItem({ id: 'a', rank: 'a1', scores: {} }),
      buildItem({ id: 'b', rank: 'a2', scores: { rice: 10 } }),
      buildItem({ id: 'c', rank: 'a0', scores: { rice: 10 } }),
      buildItem({ id: 'd', rank: 'a3', scores: { rice: 40 } }),
    ];
    expect([...rows].sort(comparatorFor('score:rice')).map((row) => row.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('dropping a dragged row', () => {
  const rows = ['1', '2', '3', '4'].map((id, index) => buildItem({ id, rank: `a${index}` }));

  it('before a row above it, or after a row below it, with a local rank between the new neighbours', () => {
    const up = planMove(pagesOf(rows), '4', { beforeId: '1' });
    expect(up?.target).toEqual({ beforeId: '1' });
    expect(up!.rank < 'a0').toBe(true);
    const down = planMove(pagesOf(rows), '1', { afterId: '3' });
    expect(down?.target).toEqual({ afterId: '3' });
    expect(down!.rank > 'a2' && down!.rank < 'a3').toBe(true);
  });

  it('goes nowhere when dropped where it already is, or after the last loaded row with more to come', () => {
    expect(planMove(pagesOf(rows), '2', { beforeId: '3' })).toBeNull();
    expect(planMove(pagesOf(rows), '3', { afterId: '2' })).toBeNull();
    const partial = pagesOf(rows);
    partial.pages[0]!.nextCursor = 'more';
    expect(planMove(partial, '1', { afterId: '4' })).toBeNull();
  });
});

describe('patching every cached view', () => {
  it('keeps each view in its own order, and a filtered view takes in no row it did not have', () => {
    const client = new QueryClient();
    const one = buildItem({ id: '1', rank: 'a0', scores: { rice: 5 } });
    const two = buildItem({ id: '2', rank: 'a1', scores: { rice: 1 } });
    client.setQueryData(queryKeys.items.list(PRODUCT), pagesOf([one, two]));
    client.setQueryData(queryKeys.items.list(PRODUCT, { q: '', sort: 'score:rice' }), pagesOf([one, two]));
    client.setQueryData(queryKeys.items.list(PRODUCT, { q: 'label:x', sort: 'rank' }), pagesOf([two]));

    // Two is scored higher: it leads the RICE view, while rank order stays.
    replaceItemInList(client, { ...two, version: 2, scores: { rice: 9 } });
    expect(ids(client.getQueryData(queryKeys.items.list(PRODUCT)))).toEqual(['1', '2']);
    expect(ids(client.getQueryData(queryKeys.items.list(PRODUCT, { q: '', sort: 'score:rice' })))).toEqual(['2', '1']);

    // A restored item joins the whole backlog, but only the server knows whether it matches a filter.
    const three = buildItem({ id: '3', rank: 'a2' });
    patchItemInList(client, three, { insertMissing: true });
    expect(ids(client.getQueryData(queryKeys.items.list(PRODUCT)))).toEqual(['1', '2', '3']);
    expect(ids(client.getQueryData(queryKeys.items.list(PRODUCT, { q: 'label:x', sort: 'rank' })))).toEqual(['2']);
  });
});
