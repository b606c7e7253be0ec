import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
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

export function useCreateItem(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<ItemCreate, 'type' | 'title' | 'description'>) =>
      request<Item>(`/products/${encodeURIComponent(productId)}/items`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.items.all(productId) }),
  });
}

export function useUpdateItem(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, changes }: { item: Item; changes: ItemUpdate }) =>
      request<Item>(`/items/${encodeURIComponent(item.id)}`, { method: 'PATCH', body: changes, ifMatch: item.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.items.all(productId) }),
  });
}

export function useTrashItem(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: Item) => request<Item>(`/items/${encodeURIComponent(item.id)}`, { method: 'DELETE', ifMatch: item.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.items.all(productId) }),
  });
}

export function useRestoreItem(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: Item) => request<Item>(`/items/${encodeURIComponent(item.id)}/restore`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.items.all(productId) }),
  });
}

export function fetchItem(itemId: string): Promise<Item> {
  return request<Item>(`/items/${encodeURIComponent(itemId)}`);
}
