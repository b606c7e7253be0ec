import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import { patchItemInList, stringBetween } from '../../api/item-cache';
import { keepNewest } from '../../api/item-editor';
import { queryKeys } from '../../api/query-keys';
import { sprintKeys } from '../../api/sprint-keys';
import type { Item, ItemPage, WorkflowStatus } from '../../api/types';
import { fetchAllSprintItems } from '../sprints/queries';
import { sortByRank, type MoveTarget } from './board-model';

/** What the board shows: one sprint's items, or the backlog through a filter. */
export type BoardSource = { kind: 'sprint'; sprintId: string } | { kind: 'backlog'; filter: string };

export const sourceKey = (source: BoardSource): string => (source.kind === 'sprint' ? `sprint:${source.sprintId}` : `backlog:${source.filter}`);

/** A board of the whole backlog stops here; past it, the filter should narrow things down. */
export const BACKLOG_BOARD_LIMIT = 600;

export interface BoardData {
  items: Item[];
  /** More items match than the board loaded. */
  truncated: boolean;
}

async function fetchBoard(productId: string, source: BoardSource, signal: AbortSignal): Promise<BoardData> {
  if (source.kind === 'sprint') return { items: await fetchAllSprintItems(source.sprintId, signal), truncated: false };
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ limit: '200' });
    if (source.filter) params.set('q', source.filter);
    if (cursor) params.set('cursor', cursor);
    const page: ItemPage = await request<ItemPage>(`/products/${encodeURIComponent(productId)}/items?${params}`, { signal });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < BACKLOG_BOARD_LIMIT);
  return { items, truncated: cursor !== null };
}

export function useBoardItems(productId: string, source: BoardSource | null) {
  return useQuery({
    queryKey: sprintKeys.board(productId, source ? sourceKey(source) : 'none'),
    queryFn: ({ signal }) => fetchBoard(productId, source!, signal),
    enabled: source !== null,
    placeholderData: (previous) => previous,
  });
}

/**
 * The WIP limit counts every item of the product in the status, not only the
 * ones on this board, so the counts come from the whole product.
 */
export function useWipCounts(productId: string, workflow: readonly WorkflowStatus[] | undefined) {
  const limited = (workflow ?? []).some((status) => status.wipLimit !== null);
  return useQuery({
    queryKey: sprintKeys.wipCounts(productId),
    queryFn: async ({ signal }) =>
      (await request<{ counts: Record<string, number> }>(`/products/${encodeURIComponent(productId)}/status-counts`, { signal })).counts,
    enabled: limited,
  });
}

type Snapshot = { key: readonly unknown[]; data: BoardData | undefined };

function useBoardCache(productId: string) {
  const client = useQueryClient();
  const boardQueries = () => client.getQueriesData<BoardData>({ queryKey: sprintKeys.boardAll(productId) });
  const patchAll = (patch: (items: Item[]) => Item[]) => {
    for (const [key, data] of boardQueries()) if (data) client.setQueryData<BoardData>(key, { ...data, items: patch(data.items) });
  };
  const snapshot = async (): Promise<Snapshot[]> => {
    await client.cancelQueries({ queryKey: sprintKeys.boardAll(productId) });
    return boardQueries().map(([key, data]) => ({ key, data }));
  };
  /** Takes one card back to its copy before the move, leaving any other card's newer move be. */
  const restore = (snapshots: Snapshot[] | undefined, itemId: string) => {
    for (const { key, data } of snapshots ?? []) {
      const old = data?.items.find((row) => row.id === itemId);
      client.setQueryData<BoardData>(key, (now) => {
        if (!now) return now;
        const rest = now.items.filter((row) => row.id !== itemId);
        return { ...now, items: old ? sortByRank([...rest, old]) : rest };
      });
    }
  };
  /** The server's copy replaces the card, unless a newer one (a later optimistic move) is there. */
  const settle = (saved: Item) => {
    patchAll((items) => sortByRank(items.map((item) => (item.id === saved.id ? keepNewest(item, saved) : item))));
    client.setQueryData<Item>(queryKeys.item(saved.id), (cached) => keepNewest(cached, saved));
    patchItemInList(client, saved, { insertMissing: false });
  };
  return { client, patchAll, snapshot, restore, settle };
}

export interface StatusMove {
  item: Item;
  to: string;
  overrideWipLimit?: boolean;
}

/**
 * A card into another column: `PATCH /items/{id}` with If-Match, shown at
 * once and taken back if the server refuses (a full WIP limit, a stale copy).
 */
export function useMoveCard(productId: string) {
  const cache = useBoardCache(productId);
  return useMutation({
    mutationFn: ({ item, to, overrideWipLimit }: StatusMove) =>
      request<Item>(`/items/${encodeURIComponent(item.id)}${overrideWipLimit ? '?overrideWipLimit=true' : ''}`, { method: 'PATCH', body: { status: to }, ifMatch: item.version }),
    onMutate: async ({ item, to }) => {
      const before = await cache.snapshot();
      cache.patchAll((items) => items.map((row) => (row.id === item.id ? { ...row, status: to } : row)));
      return before;
    },
    onError: (_error, move, before) => cache.restore(before, move.item.id),
    onSuccess: (saved) => cache.settle(saved),
    onSettled: () => {
      void cache.client.invalidateQueries({ queryKey: sprintKeys.wipCounts(productId) });
      void cache.client.invalidateQueries({ queryKey: sprintKeys.all(productId) });
    },
  });
}

/** A card up or down its column: one `POST /items/{id}/move`, the card placed at once with a local rank. */
export function useRankCard(productId: string) {
  const cache = useBoardCache(productId);
  return useMutation({
    mutationFn: ({ item, target }: { item: Item; target: MoveTarget }) => request<Item>(`/items/${encodeURIComponent(item.id)}/move`, { method: 'POST', body: target }),
    onMutate: async ({ item, target }) => {
      const before = await cache.snapshot();
      cache.patchAll((items) => {
        const rest = items.filter((row) => row.id !== item.id);
        const anchorId = 'beforeId' in target ? target.beforeId : target.afterId;
        const at = rest.findIndex((row) => row.id === anchorId);
        if (at < 0) return items;
        const [low, high] = 'beforeId' in target ? [rest[at - 1]?.rank ?? '', rest[at]!.rank] : [rest[at]!.rank, rest[at + 1]?.rank ?? null];
        const moved = { ...item, rank: stringBetween(low, high) };
        return sortByRank([...rest, moved]);
      });
      return before;
    },
    onError: (_error, move, before) => cache.restore(before, move.item.id),
    onSuccess: (saved) => cache.settle(saved),
  });
}
