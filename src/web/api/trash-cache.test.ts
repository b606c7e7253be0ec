import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { buildTrashed, PRODUCT } from './item-fixtures.test-helper';
import { queryKeys } from './query-keys';
import { addItemToTrash, daysUntilPurge, removeItemsFromTrash } from './trash-cache';
import type { ItemPage } from './types';


/** A cached trash of two pages, newest first: 3 2 | 1; `more` says whether older pages exist. */
function cachedTrash({ more }: { more: boolean }): QueryClient {
  const client = new QueryClient();
  client.setQueryData<InfiniteData<ItemPage, string | null>>(queryKeys.trash(PRODUCT), {
    pages: [
      { items: [buildTrashed('3', '2026-11-03T00:00:00.000Z'), buildTrashed('2', '2026-11-02T00:00:00.000Z')], nextCursor: 'c1' },
      { items: [buildTrashed('1', '2026-11-01T00:00:00.000Z')], nextCursor: more ? 'c2' : null },
    ],
    pageParams: [null, 'c1'],
  });
  return client;
}

const ids = (client: QueryClient) =>
  client.getQueryData<InfiniteData<ItemPage, string | null>>(queryKeys.trash(PRODUCT))?.pages.map((page) => page.items.map((item) => item.id));

describe('trash cache', () => {
  it('a restored item leaves whichever page holds it', () => {
    const client = cachedTrash({ more: false });
    removeItemsFromTrash(client, PRODUCT, ['2', '1']);
    expect(ids(client)).toEqual([['3'], []]);
  });

  it('a newly trashed item goes first; an older one only where it sorts inside what is loaded', () => {
    const client = cachedTrash({ more: true });
    addItemToTrash(client, buildTrashed('4', '2026-11-04T00:00:00.000Z'));
    addItemToTrash(client, buildTrashed('0', '2026-10-30T00:00:00.000Z'));
    expect(ids(client)).toEqual([['4', '3', '2'], ['1']]);
    addItemToTrash(client, buildTrashed('4', '2026-11-04T00:00:00.000Z'));
    expect(ids(client)).toEqual([['4', '3', '2'], ['1']]);
  });

  it('an uncached trash is left alone', () => {
    const client = new QueryClient();
    addItemToTrash(client, buildTrashed('4', '2026-11-04T00:00:00.000Z'));
    expect(client.getQueryData(queryKeys.trash(PRODUCT))).toBeUndefined();
  });

  it('counts the days to the purge, a part day as a whole one', () => {
    const deletedAt = '2026-11-01T12:00:00.000Z';
    expect(daysUntilPurge({ deletedAt }, Date.parse('2026-11-01T12:00:00.000Z'))).toBe(30);
    expect(daysUntilPurge({ deletedAt }, Date.parse('2026-11-04T13:00:00.000Z'))).toBe(27);
    expect(daysUntilPurge({ deletedAt }, Date.parse('2026-12-01T12:00:00.000Z'))).toBe(0);
  });
});
