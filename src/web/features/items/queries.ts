import { useEffect, useMemo, useRef } from 'react';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, request } from '../../api/client';
import {
  appendCreatedItem,
  patchItemInList,
  removeItemsFromList,
  replaceItemInList,
  whenListIdle,
} from '../../api/item-cache';
import { itemsPagePath } from '../../app/first-requests';
import { createItemEditor, keepNewest, type SaveItem } from '../../api/item-editor';
import { createMoveQueue } from '../../api/move-queue';
import { queryKeys } from '../../api/query-keys';
import { sprintKeys } from '../../api/sprint-keys';
import { addItemToTrash, removeItemsFromTrash } from '../../api/trash-cache';
import { DEFAULT_VIEW, type ListView } from '../../api/list-view';
import type { Item, ItemCreate, ItemPage, ItemUpdate, ListOf } from '../../api/types';
import type { SavedView, SavedViewCreate, SavedViewUpdate } from '../../../contracts/view.schema';
import type { Activity } from '../../../contracts/workspace.schema';
import type { ScoredFramework } from '../../../contracts/prioritization.schema';

export { ITEMS_PAGE_SIZE } from '../../app/first-requests';

/**
 * One view of the product's items (a filter and an order), a cursor page at a
 * time. Shared by the items page and the first-load prefetch, so both land in
 * the same cached list.
 */
export function itemsQueryOptions(productId: string, view: ListView = DEFAULT_VIEW) {
  return infiniteQueryOptions({
    queryKey: queryKeys.items.list(productId, view),
    queryFn: ({ pageParam, signal }) => request<ItemPage>(itemsPagePath(productId, view, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ItemPage) => last.nextCursor,
    // A mistyped filter is the user's to fix, not the network's: no retries.
    retry: (count: number, error: Error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useItems(productId: string, view: ListView = DEFAULT_VIEW) {
  return useInfiniteQuery({
    ...itemsQueryOptions(productId, view),
    // While the next filter loads, the last one's rows stay on screen (not draggable: they are not that view's).
    placeholderData: keepPreviousData,
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

/**
 * Reordering, optimistic: the row moves in the cached list at once and the
 * request follows. The product's moves form one queue (see `createMoveQueue`),
 * sent one at a time in the order they were made.
 */
export function useMoveItem(productId: string, onError: (error: unknown, item: Item) => void) {
  const client = useQueryClient();
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  }, [onError]);
  return useMemo(
    () =>
      createMoveQueue({
        client,
        productId,
        send: (itemId, target) => request<Item>(`/items/${encodeURIComponent(itemId)}/move`, { method: 'POST', body: target }),
        fetchItem,
        onError: (error, item) => onErrorRef.current(error, item),
      }),
    [client, productId],
  );
}

export function fetchItem(itemId: string): Promise<Item> {
  return request<Item>(`/items/${encodeURIComponent(itemId)}`);
}

/**
 * The item page's item, by its human key. A refetch (a realtime hint, a
 * refocus) never puts back an older copy than the cache holds, so it cannot
 * undo a save whose answer arrived first.
 */
export function useItemByKey(productId: string, itemKey: string) {
  const client = useQueryClient();
  const queryKey = queryKeys.itemByKey(productId, itemKey);
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => keepNewest(client.getQueryData<Item>(queryKey), await request<Item>(`/items/${encodeURIComponent(itemKey)}`, { signal })),
  });
}

/** Any item by id (a parent, say), shared with the realtime hints that refresh it. */
export function useItem(itemId: string | null) {
  return useQuery({
    queryKey: queryKeys.item(itemId ?? ''),
    queryFn: ({ signal }) => request<Item>(`/items/${encodeURIComponent(itemId!)}`, { signal }),
    enabled: Boolean(itemId),
  });
}

export const CHILDREN_PAGE_SIZE = 25;

/** An item's children in rank order, a cursor page at a time. */
export function useChildren(productId: string, parentId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.children(productId, parentId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(CHILDREN_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return request<ItemPage>(`/items/${encodeURIComponent(parentId)}/children?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const ACTIVITY_PAGE_SIZE = 20;

export interface ActivityPage {
  items: Activity[];
  nextCursor: string | null;
}

/**
 * An item's history, newest first, a cursor page at a time. Its key sits
 * under the item's, so the item's realtime hints (the page's own saves
 * included) refetch it with the item.
 */
export function useItemActivity(itemId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.itemActivity(itemId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(ACTIVITY_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return request<ActivityPage>(`/items/${encodeURIComponent(itemId)}/activity?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * The saves of the open item (see `createItemEditor`): each lands in the item
 * page's cache, the backlog list and the item's own detail.
 */
export function useItemEditor(productId: string, itemKey: string): SaveItem {
  const client = useQueryClient();
  return useMemo(
    () =>
      createItemEditor({
        client,
        queryKey: queryKeys.itemByKey(productId, itemKey),
        send: (item, body, options) =>
          request<Item>(`/items/${encodeURIComponent(item.id)}${options.overrideWipLimit ? '?overrideWipLimit=true' : ''}`, { method: 'PATCH', body, ifMatch: item.version }),
        fetchItem,
        onSaved: (item) => {
          client.setQueryData<Item>(queryKeys.item(item.id), (cached) => keepNewest(cached, item));
          patchWhenIdle(client, productId, () => patchItemInList(client, item, { insertMissing: false }));
        },
      }),
    [client, productId, itemKey],
  );
}

/** A bulk edit's one write: `PATCH /items/{id}` with If-Match; the answer lands in every cached view. */
export function usePatchItem(productId: string) {
  const client = useQueryClient();
  return useMemo(
    () => ({
      send: (item: Item, changes: ItemUpdate) => request<Item>(`/items/${encodeURIComponent(item.id)}`, { method: 'PATCH', body: changes, ifMatch: item.version }),
      onSaved: (item: Item) => {
        client.setQueryData<Item>(queryKeys.item(item.id), (cached) => keepNewest(cached, item));
        patchWhenIdle(client, productId, () => patchItemInList(client, item, { insertMissing: false }));
      },
    }),
    [client, productId],
  );
}

/**
 * A bulk sprint change's writes: commit to a sprint or take out of one (the
 * server answers the item, which lands in every cached view), and once the
 * run is over the product's sprint pages and board refresh.
 */
export function useSprintWrites(productId: string) {
  const client = useQueryClient();
  return useMemo(
    () => ({
      commit: (sprintId: string, item: Item) => request<Item>(`/sprints/${encodeURIComponent(sprintId)}/items`, { method: 'POST', body: { itemId: item.id } }),
      remove: (sprintId: string, item: Item) => request<Item>(`/sprints/${encodeURIComponent(sprintId)}/items/${encodeURIComponent(item.id)}`, { method: 'DELETE' }),
      onSaved: (item: Item) => {
        client.setQueryData<Item>(queryKeys.item(item.id), (cached) => keepNewest(cached, item));
        patchWhenIdle(client, productId, () => patchItemInList(client, item, { insertMissing: false }));
      },
      afterRun: () => {
        void client.invalidateQueries({ queryKey: sprintKeys.all(productId) });
        void client.invalidateQueries({ queryKey: sprintKeys.boardAll(productId) });
      },
    }),
    [client, productId],
  );
}

/** `POST /products/{id}/items/apply-score-order`: the selection trades places, highest score first. */
export function useApplyScoreOrder(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { framework: ScoredFramework; itemIds: string[] }) =>
      request<ListOf<Item>>(`/products/${encodeURIComponent(productId)}/items/apply-score-order`, { method: 'POST', body }),
    onSuccess: ({ items }) => patchWhenIdle(client, productId, () => items.forEach((item) => replaceItemInList(client, item))),
  });
}

/** The product's saved views: the caller's own and the shared ones. */
export function useSavedViews(productId: string) {
  return useQuery({
    queryKey: queryKeys.views(productId),
    queryFn: ({ signal }) => request<ListOf<SavedView>>(`/products/${encodeURIComponent(productId)}/views`, { signal }),
    select: (data) => data.items,
  });
}

export function useSaveView(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { create: SavedViewCreate } | { view: SavedView; update: SavedViewUpdate }) =>
      'create' in change
        ? request<SavedView>(`/products/${encodeURIComponent(productId)}/views`, { method: 'POST', body: change.create })
        : request<SavedView>(`/views/${encodeURIComponent(change.view.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.view.version }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.views(productId) }),
  });
}

export function useDeleteView(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) => request<void>(`/views/${encodeURIComponent(view.id)}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.views(productId) }),
  });
}
