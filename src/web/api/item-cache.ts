import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { rankBetween } from '../../domain/ranking';
import { comparatorFor, DEFAULT_VIEW, isFiltered, isItemSort, type ListView } from './list-view';
import { queryKeys } from './query-keys';
import type { Item, ItemPage } from './types';

/**
 * Patches for the cached backlog (the infinite items lists), so one changed
 * item costs one small request instead of refetching every loaded page.
 *
 * Each view (filter and sort) is its own cached list, read in the view's order
 * with a keyset cursor, so pages may grow or shrink here without breaking the
 * cursors that fetch the pages after them. A patch applies to every cached view
 * in that view's order; a filtered view never takes in a row it did not have,
 * as only the server knows whether the row matches.
 */
type ItemPages = InfiniteData<ItemPage, string | null>;
type Compare = (a: Item, b: Item) => number;

/** The view a cached list's key names (see `queryKeys.items.list`). */
export function viewOfKey(queryKey: QueryKey): ListView {
  const [, , , , sort, q] = queryKey;
  return { sort: isItemSort(sort) ? sort : DEFAULT_VIEW.sort, q: typeof q === 'string' ? q : '' };
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
function isInLoadedRange(data: ItemPages, item: Item, compare: Compare): boolean {
  if (!lastPage(data)?.nextCursor) return true;
  const last = lastRow(data);
  return last !== undefined && compare(item, last) < 0;
}

function insertSorted(data: ItemPages, item: Item, compare: Compare): ItemPages {
  // The first page holding a later row takes the item before that row; otherwise the last page ends with it.
  let target = data.pages.findIndex((page) => page.items.some((row) => compare(item, row) < 0));
  if (target < 0) target = data.pages.length - 1;
  return withPages(
    data,
    data.pages.map((page, index) => {
      if (index !== target) return page;
      const at = page.items.findIndex((row) => compare(item, row) < 0);
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
 * leaves; an older copy than the cached one changes nothing (unless `force`); a
 * row that was not cached joins only when `insertMissing` and its position is
 * inside the loaded range.
 */
function placeItem(data: ItemPages, item: Item, insertMissing: boolean, compare: Compare, force = false): ItemPages {
  if (item.deletedAt !== null) return withoutIds(data, new Set([item.id]));
  const cached = findItem(data, item.id);
  if (!cached) return insertMissing && isInLoadedRange(data, item, compare) ? insertSorted(data, item, compare) : data;
  if (cached.version > item.version && !force) return data;
  if (compare(cached, item) === 0) {
    return withPages(
      data,
      data.pages.map((page) => (page.items.includes(cached) ? { ...page, items: page.items.map((row) => (row === cached ? item : row)) } : page)),
    );
  }
  // A new rank moves the row: out of its old place, into its new one if that is loaded.
  const without = withoutIds(data, new Set([item.id]));
  return isInLoadedRange(without, item, compare) ? insertSorted(without, item, compare) : without;
}

interface ListContext {
  view: ListView;
  compare: Compare;
  /** Whether a row the list did not have may join it: only where every item matches. */
  mayInsert: boolean;
}

/** Applies a patch to every cached view of the product's backlog, each in its own order. */
function patchList(client: QueryClient, productId: string, patch: (data: ItemPages, list: ListContext) => ItemPages): void {
  for (const query of client.getQueryCache().findAll({ queryKey: queryKeys.items.lists(productId) })) {
    const view = viewOfKey(query.queryKey);
    const list = { view, compare: comparatorFor(view.sort), mayInsert: !isFiltered(view) };
    client.setQueryData<ItemPages>(query.queryKey, (data) => (data ? patch(data, list) : data));
  }
}

/** A changed or restored item, fresh from the server, patched into the cached list. */
export function patchItemInList(client: QueryClient, item: Item, { insertMissing }: { insertMissing: boolean }): void {
  patchList(client, item.productId, (data, list) => placeItem(data, item, insertMissing && list.mayInsert, list.compare));
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
  patchList(client, item.productId, (data, list) => {
    if (findItem(data, item.id)) return placeItem(data, item, false, list.compare);
    if (!list.mayInsert || lastPage(data)?.nextCursor) return data;
    const last = lastRow(data);
    if (last && list.compare(item, last) <= 0) return data;
    return insertSorted(data, item, list.compare);
  });
}

/** One step, an end of the list, or next to a named row (where a drag drops it). */
export type MoveDirection = 'up' | 'down' | 'top' | 'bottom' | { beforeId: string } | { afterId: string };
/** The body of `POST /items/{id}/move`. */
export type MoveTarget = { beforeId: string } | { afterId: string } | { position: 'top' | 'bottom' };

export interface PlannedMove {
  /** The cached copy of the item being moved. */
  item: Item;
  target: MoveTarget;
  /** A local rank that sorts where the server will put the item, until the server's own arrives. */
  rank: string;
}

/**
 * A string strictly between two others compared bytewise (null: no upper
 * bound), for keys the fractional scheme will not split, such as earlier local
 * keys. It never ends in U+0000, so there is always room after it.
 */
export function stringBetween(before: string, after: string | null): string {
  let prefix = '';
  let upper = after;
  for (let i = 0; ; i += 1) {
    const low = i < before.length ? before.charCodeAt(i) : 0;
    const high = upper === null || i >= upper.length ? 0x10000 : upper.charCodeAt(i);
    if (low + 1 < high) return prefix + String.fromCharCode(Math.floor((low + high) / 2));
    prefix += String.fromCharCode(low);
    // Below the upper bound from here on, so only the lower one still matters.
    if (low + 1 === high) upper = null;
  }
}

/**
 * A key strictly between two ranks (null: that end of the list): a proper
 * fractional key when the pair allows, otherwise any string that sorts in
 * between, as the server's rank replaces it.
 */
function localRankBetween(before: string | null, after: string | null): string {
  try {
    const key = rankBetween(before, after);
    if ((before === null || before < key) && (after === null || key < after)) return key;
  } catch {
    // Not keys the fractional scheme can split.
  }
  return stringBetween(before ?? '', after);
}

/** After every rank: a row moved here leaves the loaded range, as the real bottom is not loaded yet. */
const PAST_THE_END = '\uffff';

/**
 * Works out a move from the cached list as it is now (earlier optimistic moves
 * included), so rapid moves chain from where the row is on screen. Null when the
 * move would go nowhere: already at that end, or past the last loaded row.
 */
export function planMove(data: ItemPages, id: string, direction: MoveDirection): PlannedMove | null {
  const rows = data.pages.flatMap((page) => page.items);
  const index = rows.findIndex((row) => row.id === id);
  const item = rows[index];
  if (!item) return null;
  const hasMore = Boolean(lastPage(data)?.nextCursor);
  const last = rows.length - 1;
  if (typeof direction === 'object') return planMoveNextTo(rows, item, direction, hasMore);
  switch (direction) {
    case 'up': {
      const anchor = rows[index - 1];
      if (!anchor) return null;
      return { item, target: { beforeId: anchor.id }, rank: localRankBetween(rows[index - 2]?.rank ?? null, anchor.rank) };
    }
    case 'down': {
      const anchor = rows[index + 1];
      // The row after the anchor is not loaded, so where the row would land is not known here.
      if (!anchor || (index + 1 === last && hasMore)) return null;
      return { item, target: { afterId: anchor.id }, rank: localRankBetween(anchor.rank, rows[index + 2]?.rank ?? null) };
    }
    case 'top': {
      const first = rows[0];
      if (index === 0 || !first) return null;
      return { item, target: { position: 'top' }, rank: localRankBetween(null, first.rank) };
    }
    case 'bottom': {
      if (index === last && !hasMore) return null;
      const end = rows[last];
      return { item, target: { position: 'bottom' }, rank: hasMore || !end ? PAST_THE_END : localRankBetween(end.rank, null) };
    }
  }
}

/** A move next to a named row, planned on the list without the moved row. */
function planMoveNextTo(rows: Item[], item: Item, direction: { beforeId: string } | { afterId: string }, hasMore: boolean): PlannedMove | null {
  const others = rows.filter((row) => row.id !== item.id);
  const anchorId = 'beforeId' in direction ? direction.beforeId : direction.afterId;
  const at = others.findIndex((row) => row.id === anchorId);
  const anchor = others[at];
  if (!anchor) return null;
  if ('beforeId' in direction) {
    if (rows[rows.indexOf(anchor) - 1] === item) return null;
    return { item, target: { beforeId: anchor.id }, rank: localRankBetween(others[at - 1]?.rank ?? null, anchor.rank) };
  }
  if (rows[rows.indexOf(anchor) + 1] === item) return null;
  // As with 'down': after the last loaded row, where the row lands is not known here.
  if (at === others.length - 1 && hasMore) return null;
  return { item, target: { afterId: anchor.id }, rank: localRankBetween(anchor.rank, others[at + 1]?.rank ?? null) };
}

/** Plans a move from one cached view of the product's backlog; null when the list or the row is not cached. */
export function planMoveInList(client: QueryClient, productId: string, id: string, direction: MoveDirection, view: ListView = DEFAULT_VIEW): PlannedMove | null {
  const data = client.getQueryData<ItemPages>(queryKeys.items.list(productId, view));
  return data ? planMove(data, id, direction) : null;
}

/**
 * Puts the item at `rank` with `version`, whatever version the cache holds: an
 * optimistic move, whose higher version keeps echoes of earlier moves from
 * dragging the row back. A row that had left the loaded range comes back if its
 * rank is inside it, so a refused move is taken back with `rollBackItemInList`.
 */
export function setItemRankInList(client: QueryClient, item: Item, rank: string, version: number): void {
  patchList(client, item.productId, (data, list) => {
    const cached = findItem(data, item.id) ?? item;
    return placeItem(data, { ...cached, rank, version }, list.mayInsert, list.compare, true);
  });
}

/**
 * Takes a refused move back: the row returns to the server's last confirmed
 * rank and version, but only if it is still cached. A row that left meanwhile
 * (trashed by someone, or moved past the loaded pages) is not brought back from
 * a stale snapshot. Returns whether the row was cached.
 */
export function rollBackItemInList(client: QueryClient, confirmed: Item): boolean {
  let cached = false;
  patchList(client, confirmed.productId, (data, list) => {
    const row = findItem(data, confirmed.id);
    if (row) cached = true;
    return row ? placeItem(data, { ...row, rank: confirmed.rank, version: confirmed.version }, false, list.compare, true) : data;
  });
  return cached;
}

/**
 * A fresh server copy replaces whatever the cache holds, even an optimistic
 * copy with a higher version: trashed, it leaves; otherwise it goes to its rank
 * (joining the list if that is inside the loaded range).
 */
export function replaceItemInList(client: QueryClient, item: Item): void {
  patchList(client, item.productId, (data, list) => placeItem(data, item, list.mayInsert, list.compare, true));
}

/** The row's place in a cached view (0-based), or -1 when it is not loaded. */
export function indexInList(client: QueryClient, productId: string, id: string, view: ListView = DEFAULT_VIEW): number {
  const data = client.getQueryData<ItemPages>(queryKeys.items.list(productId, view));
  return data?.pages.flatMap((page) => page.items).findIndex((item) => item.id === id) ?? -1;
}

/**
 * Resolves once no page of any of the product's cached views is being fetched.
 * A page fetch builds on the pages it started from, so a patch written mid-fetch would be lost.
 */
export function whenListIdle(client: QueryClient, productId: string): Promise<void> {
  const queryKey = queryKeys.items.lists(productId);
  const isBusy = () => client.isFetching({ queryKey }) > 0;
  if (!isBusy()) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = client.getQueryCache().subscribe(() => {
      if (isBusy()) return;
      unsubscribe();
      resolve();
    });
  });
}

/** Whether any view of the product's backlog is cached (a tab that never loaded one has nothing to keep current). */
export function hasCachedList(client: QueryClient, productId: string): boolean {
  return client.getQueryCache().findAll({ queryKey: queryKeys.items.lists(productId) }).some((query) => query.state.data !== undefined);
}
