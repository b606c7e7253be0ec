import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GoalCreate, GoalUpdate, InitiativeCreate, InitiativeUpdate, KeyResultCreate, KeyResultUpdate } from '../../../contracts/strategy.schema';
import { request } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { queryKeys } from '../../api/query-keys';
import type { ListOf, Product } from '../../api/types';
import { withKeyResult, type Goal, type Initiative, type ItemTrace, type KeyResult, type Traceability } from './strategy-model';

const productPath = (productId: string, part: string) => `/products/${encodeURIComponent(productId)}/${part}`;

/** The product's goals with their key results and progress, in the server's order (by start date). */
export function useGoals(productId: string) {
  return useQuery({
    queryKey: queryKeys.strategy.goals(productId),
    queryFn: ({ signal }) => request<ListOf<Goal>>(productPath(productId, 'goals'), { signal }).then((page) => page.items),
  });
}

export function useInitiatives(productId: string) {
  return useQuery({
    queryKey: queryKeys.strategy.initiatives(productId),
    queryFn: ({ signal }) => request<ListOf<Initiative>>(productPath(productId, 'initiatives'), { signal }).then((page) => page.items),
  });
}

/** Goal → initiative → aligned epics and features, with delivery rolled up at each level, and the orphans. */
export function useTraceability(productId: string) {
  return useQuery({
    queryKey: queryKeys.strategy.traceability(productId),
    queryFn: ({ signal }) => request<Traceability>(productPath(productId, 'traceability'), { signal }),
  });
}

/** Which initiatives and goals an item serves, through itself or the epic or feature above it. */
export function useItemTrace(productId: string, itemId: string) {
  return useQuery({
    queryKey: queryKeys.strategy.trace(productId, itemId),
    queryFn: ({ signal }) => request<ItemTrace>(`/items/${encodeURIComponent(itemId)}/trace`, { signal }),
  });
}

const alignmentQuery = (productId: string, itemId: string) => ({
  queryKey: queryKeys.strategy.alignment(productId, itemId),
  queryFn: ({ signal }: { signal: AbortSignal }) => request<{ initiativeIds: string[] }>(`/items/${encodeURIComponent(itemId)}/initiatives`, { signal }).then((body) => body.initiativeIds),
});

/** The initiatives each of these epics or features is aligned to, by item id, as far as loaded. */
export function useAlignments(productId: string, itemIds: readonly string[]) {
  const results = useQueries({ queries: itemIds.map((id) => alignmentQuery(productId, id)) });
  const byItem = new Map<string, string[]>();
  itemIds.forEach((id, index) => {
    const data = results[index]?.data;
    if (data) byItem.set(id, data);
  });
  return { byItem, isError: results.some((result) => result.isError), error: results.find((result) => result.isError)?.error ?? null };
}

/**
 * Every strategy view of the product may hold what a write changed; only
 * those on screen refetch. A write refused as stale refetches too, so the
 * user's next attempt starts from the newer version.
 */
function useRefreshStrategy(productId: string) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.strategy.all(productId) });
  return { onSuccess: refresh, onError: (error: unknown) => isStale(error) && refresh() };
}

/** `PATCH /products/{id}` with the vision and strategy, If-Match on the version the user edited. */
export function useSaveVision(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ product, vision, strategy }: { product: Product; vision: string; strategy: string }) =>
      request<Product>(`/products/${encodeURIComponent(product.id)}`, { method: 'PATCH', body: { vision, strategy }, ifMatch: product.version }),
    onSuccess: (product) => {
      client.setQueryData<Product[]>(queryKeys.products(workspaceId), (list) => list?.map((candidate) => (candidate.id === product.id && candidate.version <= product.version ? product : candidate)));
    },
    // Refused as stale: fetch the newer version, which the next save goes over.
    onError: (error) => isStale(error) && void client.invalidateQueries({ queryKey: queryKeys.products(workspaceId) }),
  });
}

export function useSaveGoal(productId: string) {
  const refresh = useRefreshStrategy(productId);
  return useMutation({
    mutationFn: (change: { create: GoalCreate } | { goal: Goal; update: GoalUpdate }) =>
      'create' in change
        ? request<Goal>(productPath(productId, 'goals'), { method: 'POST', body: change.create })
        : request<Goal>(`/goals/${encodeURIComponent(change.goal.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.goal.version }),
    ...refresh,
  });
}

export function useDeleteGoal(productId: string) {
  const refresh = useRefreshStrategy(productId);
  return useMutation({
    mutationFn: (goal: Goal) => request<void>(`/goals/${encodeURIComponent(goal.id)}`, { method: 'DELETE', ifMatch: goal.version }),
    ...refresh,
  });
}

/**
 * Adds a key result or changes one (If-Match per row). The answer goes into
 * the cached goals at once, the goal's progress recomputed by the domain's
 * rule, so a recorded value moves the bars before the refetch lands.
 */
export function useSaveKeyResult(productId: string) {
  const client = useQueryClient();
  const refresh = useRefreshStrategy(productId);
  return useMutation({
    mutationFn: (change: { goalId: string; create: KeyResultCreate } | { keyResult: KeyResult; update: KeyResultUpdate }) =>
      'create' in change
        ? request<KeyResult>(`/goals/${encodeURIComponent(change.goalId)}/key-results`, { method: 'POST', body: change.create })
        : request<KeyResult>(`/key-results/${encodeURIComponent(change.keyResult.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.keyResult.version }),
    onSuccess: (keyResult) => {
      client.setQueryData<Goal[]>(queryKeys.strategy.goals(productId), (goals) => goals && withKeyResult(goals, keyResult));
      refresh.onSuccess();
    },
    onError: refresh.onError,
  });
}

export function useDeleteKeyResult(productId: string) {
  const refresh = useRefreshStrategy(productId);
  return useMutation({
    mutationFn: (keyResult: KeyResult) => request<void>(`/key-results/${encodeURIComponent(keyResult.id)}`, { method: 'DELETE' }),
    ...refresh,
  });
}

export function useSaveInitiative(productId: string) {
  const refresh = useRefreshStrategy(productId);
  return useMutation({
    mutationFn: (change: { create: InitiativeCreate } | { initiative: Initiative; update: InitiativeUpdate }) =>
      'create' in change
        ? request<Initiative>(productPath(productId, 'initiatives'), { method: 'POST', body: change.create })
        : request<Initiative>(`/initiatives/${encodeURIComponent(change.initiative.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.initiative.version }),
    ...refresh,
  });
}

export function useDeleteInitiative(productId: string) {
  const refresh = useRefreshStrategy(productId);
  return useMutation({
    mutationFn: (initiative: Initiative) => request<void>(`/initiatives/${encodeURIComponent(initiative.id)}`, { method: 'DELETE', ifMatch: initiative.version }),
    ...refresh,
  });
}

/**
 * Aligns an epic or feature. `add` joins initiatives to those it already
 * serves (read fresh, so an alignment made meanwhile is kept); `set`
 * replaces them all, as the item page's picker does.
 */
export function useAlignItem(productId: string) {
  const client = useQueryClient();
  const refresh = useRefreshStrategy(productId);
  return useMutation({
    mutationFn: async (change: { itemId: string } & ({ set: string[] } | { add: string[] })) => {
      const path = `/items/${encodeURIComponent(change.itemId)}/initiatives`;
      const initiativeIds = 'set' in change ? change.set : [...new Set([...(await request<{ initiativeIds: string[] }>(path)).initiativeIds, ...change.add])];
      return request<{ initiativeIds: string[] }>(path, { method: 'PUT', body: { initiativeIds } });
    },
    onSuccess: (body, change) => {
      client.setQueryData(queryKeys.strategy.alignment(productId, change.itemId), body.initiativeIds);
      refresh.onSuccess();
    },
  });
}
