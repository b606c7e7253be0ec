import { useCallback, useRef } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, request } from '../../api/client';
import {
  appendCreatedItem,
  indexInList,
  patchItemInList,
  planMoveInList,
  removeItemsFromList,
  setItemRankInList,
  whenListIdle,
  type MoveDirection,
} from '../../api/item-cache';
import { queryKeys } from '../../api/query-keys';
import { addItemToTrash, removeItemsFromTrash } from '../../api/trash-cache';
import type { Item, ItemCreate, ItemPage, ItemUpdate } from '../../api/types';

export const ITEMS_PAGE_SIZE = 50;

/** The product's items in rank order, a cursor page at a time. */
export function useItems(productId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.items.list(productId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(ITEMS_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return request<ItemPage>(`/products/${encodeURIComponent(productId)}/items?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const TRASH_PAGE_SIZE = 50;

/** The product's trashed items, most recently trashed first, a cursor page at a time. */
export function useTrash(productId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.trash(productId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(TRASH_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return request<ItemPage>(`/products/${encodeURIComponent(productId)}/trash?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * Mutations patch the cached list with the item the server returned rather than
 * refetching every loaded page. The patch waits for any page fetch in flight,
 * which would otherwise overwrite it; the mutation itself does not wait.
 */
function patchWhenIdle(client: QueryClient, productId: string, patch: () => void): void {
  void whenListIdle(client, productId).then(patch);
}

export function useCreateItem(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<ItemCreate, 'type' | 'title' | 'description'>) =>
      request<Item>(`/products/${encodeURIComponent(productId)}/items`, { method: 'POST', body }),
    // Lands at the end of the backlog: shown now if the list is loaded that far, else when paged to.
    onSuccess: (item) => patchWhenIdle(client, productId, () => appendCreatedItem(client, item)),
  });
}

export function useUpdateItem(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, changes }: { item: Item; changes: ItemUpdate }) =>
      request<Item>(`/items/${encodeURIComponent(item.id)}`, { method: 'PATCH', body: changes, ifMatch: item.version }),
    onSuccess: (item) => patchWhenIdle(client, productId, () => patchItemInList(client, item, { insertMissing: false })),
  });
}

export function useTrashItem(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: Item) => request<Item>(`/items/${encodeURIComponent(item.id)}`, { method: 'DELETE', ifMatch: item.version }),
    onSuccess: (item) => {
      addItemToTrash(client, item);
      patchWhenIdle(client, productId, () => removeItemsFromList(client, productId, [item.id]));
    },
  });
}

export function useRestoreItem(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: Item) => request<Item>(`/items/${encodeURIComponent(item.id)}/restore`, { method: 'POST' }),
    onSuccess: (item) => {
      removeItemsFromTrash(client, productId, [item.id]);
      patchWhenIdle(client, productId, () => patchItemInList(client, item, { insertMissing: true }));
    },
    // Purged meanwhile: there is nothing left to restore, so it leaves the trash too.
    onError: (error, item) => {
      if (error instanceof ApiError && error.status === 404) removeItemsFromTrash(client, productId, [item.id]);
    },
  });
}

/** One item's moves, sent one after another so they reach the server in the order they were made. */
interface MoveQueue {
  tail: Promise<void>;
  /** Moves made but not yet answered. */
  pending: number;
  /** The item as the server last confirmed it: where a failed move goes back to. */
  confirmed: Item;
  /** Bumped by a failure, which takes back the moves queued after it too. */
  generation: number;
}

export interface MoveResult {
  item: Item;
  /** The row's new place in the cached list, or -1 when it moved past the loaded pages. */
  index: number;
}

/**
 * Reordering, optimistic: the row moves in the cached list at once and the
 * request follows. Each move is planned from the list as it is on screen, and an
 * item's moves are queued, so rapid presses end where the last one put the row.
 * A refused move puts the row back where the server last had it.
 */
export function useMoveItem(productId: string, onError: (error: unknown, item: Item) => void) {
  const client = useQueryClient();
  const queues = useRef(new Map<string, MoveQueue>());

  return useCallback(
    (itemId: string, direction: MoveDirection): MoveResult | null => {
      const plan = planMoveInList(client, productId, itemId, direction);
      if (!plan) return null;
      let queue = queues.current.get(itemId);
      if (!queue) {
        queue = { tail: Promise.resolve(), pending: 0, confirmed: plan.item, generation: 0 };
        queues.current.set(itemId, queue);
      }
      const current = queue;
      current.pending += 1;
      // Each move adds one to the server's version: realtime echoes of the earlier moves are older than this copy and cannot drag it back.
      setItemRankInList(client, plan.item, plan.rank, current.confirmed.version + current.pending);
      const generation = current.generation;
      current.tail = current.tail.then(async () => {
        if (generation !== current.generation) return;
        try {
          const moved = await request<Item>(`/items/${encodeURIComponent(itemId)}/move`, { method: 'POST', body: plan.target });
          current.confirmed = moved;
          current.pending -= 1;
          if (current.pending > 0) return;
          queues.current.delete(itemId);
          patchWhenIdle(client, productId, () => patchItemInList(client, moved, { insertMissing: false }));
        } catch (error) {
          current.generation += 1;
          if (queues.current.get(itemId) === current) queues.current.delete(itemId);
          if (error instanceof ApiError && error.status === 404) removeItemsFromList(client, productId, [itemId]);
          else setItemRankInList(client, current.confirmed, current.confirmed.rank, current.confirmed.version);
          onError(error, current.confirmed);
        }
      });
      return { item: plan.item, index: indexInList(client, productId, itemId) };
    },
    [client, productId, onError],
  );
}

export function fetchItem(itemId: string): Promise<Item> {
  return request<Item>(`/items/${encodeURIComponent(itemId)}`);
}
