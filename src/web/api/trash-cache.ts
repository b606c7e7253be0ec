import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { TRASH_RETENTION_DAYS } from '../../domain/items';
import { queryKeys } from './query-keys';
import type { Item, ItemPage } from './types';

/**
 * Patches for the cached trash of a product (an infinite list, most recently
 * trashed first, read with a keyset cursor on (deletedAt, id) descending).
 */
type TrashPages = InfiniteData<ItemPage, string | null>;

const DAY_MS = 24 * 60 * 60_000;

/** When the server will purge a trashed item for good. */
export function purgeTime(item: Pick<Item, 'deletedAt'>): number {
  return new Date(item.deletedAt ?? 0).getTime() + TRASH_RETENTION_DAYS * DAY_MS;
}

/** Whole days left before the purge, counting a part day as one; 0 once it is due. */
export function daysUntilPurge(item: Pick<Item, 'deletedAt'>, now: number): number {
  return Math.max(0, Math.ceil((purgeTime(item) - now) / DAY_MS));
}

/** The trash's sort order: deletedAt descending, then id descending (ISO instants and UUIDv7s compare as strings). */
function compareTrashed(a: Item, b: Item): number {
  const [da, db] = [a.deletedAt ?? '', b.deletedAt ?? ''];
  if (da !== db) return da > db ? -1 : 1;
  if (a.id !== b.id) return a.id > b.id ? -1 : 1;
  return 0;
}

function isFetching(client: QueryClient, productId: string): boolean {
  return client.getQueryState(queryKeys.trash(productId))?.fetchStatus === 'fetching';
}

/**
 * A page fetch in flight was asked before this change and would write the old
 * state back over a patch, so then the trash is refetched instead.
 */
function patchTrash(client: QueryClient, productId: string, patch: (data: TrashPages) => TrashPages): void {
  const queryKey = queryKeys.trash(productId);
  if (client.getQueryData(queryKey) === undefined) return;
  if (isFetching(client, productId)) {
    void client.invalidateQueries({ queryKey });
    return;
  }
  client.setQueryData<TrashPages>(queryKey, (data) => (data ? patch(data) : data));
}

/** Restored (or purged) items leave the cached trash. */
export function removeItemsFromTrash(client: QueryClient, productId: string, ids: readonly string[]): void {
  const gone = new Set(ids);
  patchTrash(client, productId, (data) => {
    if (!data.pages.some((page) => page.items.some((item) => gone.has(item.id)))) return data;
    return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => !gone.has(item.id)) })) };
  });
}

/**
 * A freshly trashed item, as the server returned it, joins the cached trash in
 * its place; one that sorts after the last loaded row waits for paging.
 */
export function addItemToTrash(client: QueryClient, item: Item): void {
  if (item.deletedAt === null) return;
  patchTrash(client, item.productId, (data) => {
    const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((row) => row.id !== item.id) }));
    let target = pages.findIndex((page) => page.items.some((row) => compareTrashed(item, row) < 0));
    if (target < 0) {
      // Only after every loaded row: it belongs here only if nothing is left to page in.
      if (pages.at(-1)?.nextCursor) return { ...data, pages };
      target = pages.length - 1;
    }
    if (target < 0) return data;
    return {
      ...data,
      pages: pages.map((page, index) => {
        if (index !== target) return page;
        const at = page.items.findIndex((row) => compareTrashed(item, row) < 0);
        const items = at < 0 ? [...page.items, item] : [...page.items.slice(0, at), item, ...page.items.slice(at)];
        return { ...page, items };
      }),
    };
  });
}
