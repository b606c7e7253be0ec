import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys';
import type { Item, ItemPage } from './types';

/**
 * Patches for the cached backlog (the infinite items list), so one changed
 * item costs one small request instead of refetching every loaded page.
 *
 * The list is read in (rank, id) order with a keyset cursor, so pages may grow
 * or shrink here without breaking the cursors that fetch the pages after them.
 */
type ItemPages = InfiniteData<ItemPage, string | null>;

/** The list's sort order: rank bytewise, then id (JavaScript compares ASCII the same way). */
function compareItems(a: Pick<Item, 'rank' | 'id'>, b: Pick<Item, 'rank' | 'id'>): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

const lastPage = (data: ItemPages) => data.pages.at(-1);
const lastRow = (data: ItemPages) => data.pages.findLast((page) => page.items.length > 0)?.items.at(-1);

function withPages(data: ItemPages, pages: ItemPage[]): ItemPages {
  return { ...data, pages };
}

function withoutIds(data: ItemPages, ids: ReadonlySet<string>): ItemPages {
  if (!data.pages.some((page) => page.items.some((item) => ids.has(item.id)))) return data;
  return withPages(
    data,
    data.pages.map((page) => (page.items.some((item) => ids.has(item.id)) ? { ...page, items: page.items.filter((item) => !ids.has(item.id)) } : page)),
  );
}

/**
 * Whether a row at this sort position belongs to what is loaded: anything up to
 * the last cached row, or anywhere at all once the last page is in.
 */
function isInLoadedRange(data: ItemPages, item: Item): boolean {
  if (!lastPage(data)?.nextCursor) return true;
  const last = lastRow(data);
  return last !== undefined && compareItems(item, last) < 0;
}

function insertSorted(data: ItemPages, item: Item): ItemPages {
  // The first page holding a later row takes the item before that row; otherwise the last page ends with it.
  let target = data.pages.findIndex((page) => page.items.some((row) => compareItems(item, row) < 0));
  if (target < 0) target = data.pages.length - 1;
  return withPages(
    data,
    data.pages.map((page, index) => {
      if (index !== target) return page;
      const at = page.items.findIndex((row) => compareItems(item, row) < 0);
      const items = at < 0 ? [...page.items, item] : [...page.items.slice(0, at), item, ...page.items.slice(at)];
      return { ...page, items };
    }),
  );
}

function findItem(data: ItemPages, id: string): Item | undefined {
  for (const page of data.pages) {
    const found = page.items.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Puts a fresh copy of an item where the list would have it. A trashed item
 * leaves; an older copy than the cached one changes nothing; a row that was not
 * cached joins only when `insertMissing` and its position is inside the loaded range.
 */
function placeItem(data: ItemPages, item: Item, insertMissing: boolean): ItemPages {
  if (item.deletedAt !== null) return withoutIds(data, new Set([item.id]));
  const cached = findItem(data, item.id);
  if (!cached) return insertMissing && isInLoadedRange(data, item) ? insertSorted(data, item) : data;
  if (cached.version > item.version) return data;
  if (compareItems(cached, item) === 0) {
    return withPages(
      data,
      data.pages.map((page) => (page.items.includes(cached) ? { ...page, items: page.items.map((row) => (row === cached ? item : row)) } : page)),
    );
  }
  // A new rank moves the row: out of its old place, into its new one if that is loaded.
  const without = withoutIds(data, new Set([item.id]));
  return isInLoadedRange(without, item) ? insertSorted(without, item) : without;
}

function patchList(client: QueryClient, productId: string, patch: (data: ItemPages) => ItemPages): void {
  client.setQueryData<ItemPages>(queryKeys.items.list(productId), (data) => (data ? patch(data) : data));
}

/** A changed or restored item, fresh from the server, patched into the cached list. */
export function patchItemInList(client: QueryClient, item: Item, { insertMissing }: { insertMissing: boolean }): void {
  patchList(client, item.productId, (data) => placeItem(data, item, insertMissing));
}

/** Trashed (or no longer visible) items leave the cached list. */
export function removeItemsFromList(client: QueryClient, productId: string, ids: readonly string[]): void {
  const gone = new Set(ids);
  patchList(client, productId, (data) => withoutIds(data, gone));
}

/**
 * A new item joins the cached list only when the list is loaded to its end and
 * the item sorts after the last row; otherwise paging down will bring it.
 */
export function appendCreatedItem(client: QueryClient, item: Item): void {
  patchList(client, item.productId, (data) => {
    if (findItem(data, item.id)) return placeItem(data, item, false);
    if (lastPage(data)?.nextCursor) return data;
    const last = lastRow(data);
    if (last && compareItems(item, last) <= 0) return data;
    return insertSorted(data, item);
  });
}

/**
 * Resolves once no page of the product's list is being fetched. A page fetch
 * builds on the pages it started from, so a patch written mid-fetch would be lost.
 */
export function whenListIdle(client: QueryClient, productId: string): Promise<void> {
  const queryKey = queryKeys.items.list(productId);
  const isBusy = () => client.getQueryState(queryKey)?.fetchStatus === 'fetching';
  if (!isBusy()) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = client.getQueryCache().subscribe(() => {
      if (isBusy()) return;
      unsubscribe();
      resolve();
    });
  });
}
