import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemScore, ItemScoreBody, ScoredFramework } from '../../../contracts/prioritization.schema';
import { request } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { ListOf } from '../../api/types';

const itemPath = (itemId: string) => `/items/${encodeURIComponent(itemId)}`;

/** The item's stored scores; under the item's key, so a realtime hint about the item refreshes them. */
export function useItemScores(itemId: string) {
  return useQuery({
    queryKey: queryKeys.scores(itemId),
    queryFn: ({ signal }) => request<ListOf<ItemScore>>(`${itemPath(itemId)}/scores`, { signal }),
  });
}

export interface Preview {
  score: number;
  explanation: string;
  quadrant?: string;
  category?: string;
}

/** The calculator's answer for inputs not yet saved; null while the form is incomplete. */
export function usePreview(request_: { path: string; body: unknown } | null) {
  return useQuery({
    queryKey: ['prioritization-preview', request_?.path, JSON.stringify(request_?.body ?? null)],
    queryFn: async ({ signal }) => {
      const answer = await request<{ score?: number; better?: number; explanation: string; quadrant?: string; category?: string }>(request_!.path, { method: 'POST', body: request_!.body, signal });
      return { score: answer.score ?? answer.better ?? 0, explanation: answer.explanation, quadrant: answer.quadrant, category: answer.category } satisfies Preview;
    },
    enabled: request_ !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

/** After a score changes, the item itself carries new `scores`: its page and detail refetch. */
function useRefreshScored(productId: string) {
  const client = useQueryClient();
  return (itemId: string) => {
    void client.invalidateQueries({ queryKey: queryKeys.item(itemId) });
    void client.invalidateQueries({ queryKey: queryKeys.itemsByKey(productId) });
  };
}

export function useScoreItem(productId: string, itemId: string) {
  const refresh = useRefreshScored(productId);
  return useMutation({
    mutationFn: (body: ItemScoreBody) => request<ItemScore>(`${itemPath(itemId)}/scores`, { method: 'POST', body }),
    onSuccess: () => refresh(itemId),
  });
}

export function useDeleteScore(productId: string, itemId: string) {
  const refresh = useRefreshScored(productId);
  return useMutation({
    mutationFn: (framework: ScoredFramework) => request<void>(`${itemPath(itemId)}/scores/${framework}`, { method: 'DELETE' }),
    onSuccess: () => refresh(itemId),
  });
}
