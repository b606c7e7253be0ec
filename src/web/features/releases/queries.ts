import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReleaseCreate, ReleaseUpdate } from '../../../contracts/roadmap.schema';
import type { TracedItem } from '../../../contracts/strategy.schema';
import { request } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { queryKeys } from '../../api/query-keys';
import type { Item, ListOf } from '../../api/types';
import type { ItemDependencies, Release, ReleaseChanges, ReleaseForecast } from './release-model';

const releasePath = (releaseId: string, part = '') => `/releases/${encodeURIComponent(releaseId)}${part}`;

/** The product's releases by target date, each with the delivery of its scope. */
export function useReleases(productId: string) {
  return useQuery({
    queryKey: queryKeys.releases.list(productId),
    queryFn: ({ signal }) => request<ListOf<Release>>(`/products/${encodeURIComponent(productId)}/releases`, { signal }).then((page) => page.items),
  });
}

export function useReleaseScope(productId: string, releaseId: string) {
  return useQuery({
    queryKey: queryKeys.releases.scope(productId, releaseId),
    queryFn: ({ signal }) => request<ListOf<TracedItem>>(releasePath(releaseId, '/items'), { signal }).then((page) => page.items),
  });
}

export function useReleaseForecast(productId: string, releaseId: string) {
  return useQuery({
    queryKey: queryKeys.releases.forecast(productId, releaseId),
    queryFn: ({ signal }) => request<ReleaseForecast>(releasePath(releaseId, '/forecast'), { signal }),
  });
}

export function useReleaseChanges(productId: string, releaseId: string) {
  return useQuery({
    queryKey: queryKeys.releases.changes(productId, releaseId),
    queryFn: ({ signal }) => request<ReleaseChanges>(releasePath(releaseId, '/changes'), { signal }),
  });
}

/** Items whose title (or key) matches what the user typed, for the scope picker. */
export function useScopeCandidates(productId: string, text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: queryKeys.releases.candidates(productId, q),
    queryFn: ({ signal }) => request<ListOf<Item>>(`/products/${encodeURIComponent(productId)}/items?limit=8&q=${encodeURIComponent(`"${q.replaceAll('"', '')}"`)}`, { signal }).then((page) => page.items),
    enabled: q.length > 1,
  });
}

/** Every release view of the product may hold what a write changed; a stale refusal refetches too. */
function useRefreshReleases(productId: string) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.releases.all(productId) });
  return { onSuccess: refresh, onError: (error: unknown) => isStale(error) && refresh() };
}

export function useSaveRelease(productId: string) {
  const refresh = useRefreshReleases(productId);
  return useMutation({
    mutationFn: (change: { create: ReleaseCreate } | { release: Release; update: ReleaseUpdate }) =>
      'create' in change
        ? request<Release>(`/products/${encodeURIComponent(productId)}/releases`, { method: 'POST', body: change.create })
        : request<Release>(releasePath(change.release.id), { method: 'PATCH', body: change.update, ifMatch: change.release.version }),
    ...refresh,
  });
}

export function useDeleteRelease(productId: string) {
  const refresh = useRefreshReleases(productId);
  return useMutation({
    mutationFn: (release: Release) => request<void>(releasePath(release.id), { method: 'DELETE', ifMatch: release.version }),
    ...refresh,
  });
}

/** Puts an item (by id or key) in a release's scope, or takes it out. */
export function useChangeScope(productId: string) {
  const refresh = useRefreshReleases(productId);
  return useMutation({
    mutationFn: ({ releaseId, itemId, remove }: { releaseId: string; itemId: string; remove?: boolean }) =>
      remove
        ? request<void>(releasePath(releaseId, `/items/${encodeURIComponent(itemId)}`), { method: 'DELETE' })
        : request<unknown>(releasePath(releaseId, '/items'), { method: 'POST', body: { itemId } }),
    ...refresh,
  });
}

export function useDependencies(productId: string, itemId: string) {
  return useQuery({
    queryKey: queryKeys.dependencies.item(productId, itemId),
    queryFn: ({ signal }) => request<ItemDependencies>(`/items/${encodeURIComponent(itemId)}/dependencies`, { signal }),
  });
}

/** Makes `itemId` block `blocksId` (a key or an id), or removes that dependency. */
export function useChangeDependency(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, blocksId, remove }: { itemId: string; blocksId: string; remove?: boolean }) =>
      remove
        ? request<void>(`/items/${encodeURIComponent(itemId)}/dependencies/${encodeURIComponent(blocksId)}`, { method: 'DELETE' })
        : request<unknown>(`/items/${encodeURIComponent(itemId)}/dependencies`, { method: 'POST', body: { blocksId } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.dependencies.all(productId) }),
  });
}
