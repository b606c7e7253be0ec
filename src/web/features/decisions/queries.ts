import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Item, ListOf } from '../../api/types';
import type { Decision, DecisionCreate, DecisionSearch, DecisionUpdate } from './decision-model';

export const DECISIONS_PAGE_SIZE = 30;

interface DecisionPage {
  items: Decision[];
  nextCursor: string | null;
}

/** The product's decision log, newest first, narrowed by words and a status, a cursor page at a time. */
export function useDecisions(productId: string, search: DecisionSearch) {
  const q = search.q ?? '';
  const status = search.status ?? '';
  return useInfiniteQuery({
    queryKey: queryKeys.decisions.list(productId, q, status),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(DECISIONS_PAGE_SIZE) });
      if (q) params.set('q', q);
      if (status) params.set('status', status);
      if (pageParam) params.set('cursor', pageParam);
      return request<DecisionPage>(`/products/${encodeURIComponent(productId)}/decisions?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While a new search loads, the last one's rows stay on screen.
    placeholderData: keepPreviousData,
  });
}

/** The newest 200 decisions of the product, to choose a successor from. */
export function useDecisionChoices(productId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.decisions.choices(productId),
    queryFn: ({ signal }) => request<DecisionPage>(`/products/${encodeURIComponent(productId)}/decisions?limit=200`, { signal }),
    select: (page) => page.items,
    enabled,
  });
}

export function useDecision(productId: string, decisionId: string) {
  return useQuery({
    queryKey: queryKeys.decisions.detail(productId, decisionId),
    queryFn: ({ signal }) => request<Decision>(`/decisions/${encodeURIComponent(decisionId)}`, { signal }),
    enabled: Boolean(decisionId),
  });
}

/** The decisions that concern an item, newest first. */
export function useItemDecisions(productId: string, itemId: string) {
  return useQuery({
    queryKey: queryKeys.decisions.forItem(productId, itemId),
    queryFn: ({ signal }) => request<ListOf<Decision>>(`/items/${encodeURIComponent(itemId)}/decisions`, { signal }),
    select: (data) => data.items,
  });
}

/** Records a new decision, or changes one (If-Match on the version the user edited). */
export function useSaveDecision(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { create: DecisionCreate } | { decision: Decision; update: DecisionUpdate }) =>
      'create' in change
        ? request<Decision>(`/products/${encodeURIComponent(productId)}/decisions`, { method: 'POST', body: change.create })
        : request<Decision>(`/decisions/${encodeURIComponent(change.decision.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.decision.version }),
    onSuccess: (decision) => {
      client.setQueryData(queryKeys.decisions.detail(productId, decision.id), decision);
      // The log, the successor choices and the item lists may all hold it now.
      void client.invalidateQueries({ queryKey: queryKeys.decisions.all(productId), predicate: (query) => query.queryKey[3] !== 'detail' });
    },
  });
}

/** Items by id (a decision's linked items), each shared with the item cache that realtime hints refresh. */
export function useItemsById(itemIds: readonly string[]) {
  return useQueries({
    queries: itemIds.map((id) => ({
      queryKey: queryKeys.item(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => request<Item>(`/items/${encodeURIComponent(id)}`, { signal }),
    })),
  });
}
