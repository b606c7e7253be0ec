import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { sprintKeys, type Burndown, type CompletedSprint, type Sprint, type SprintCreate, type SprintUpdate, type Velocity } from '../../api/sprint-keys';
import type { Item, ItemPage, ListOf } from '../../api/types';

const sprintPath = (sprintId: string, rest = '') => `/sprints/${encodeURIComponent(sprintId)}${rest}`;

export function useSprints(productId: string) {
  return useQuery({
    queryKey: sprintKeys.list(productId),
    queryFn: ({ signal }) => request<ListOf<Sprint>>(`/products/${encodeURIComponent(productId)}/sprints`, { signal }).then((page) => page.items),
  });
}

export function useSprint(productId: string, sprintId: string) {
  return useQuery({
    queryKey: sprintKeys.detail(productId, sprintId),
    queryFn: ({ signal }) => request<Sprint>(sprintPath(sprintId), { signal }),
  });
}

/** Sprints hold tens of items, so all of them load at once (a page of 200 at a time), in rank order. */
export async function fetchAllSprintItems(sprintId: string, signal?: AbortSignal): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ limit: '200' });
    if (cursor) params.set('cursor', cursor);
    const page: ItemPage = await request<ItemPage>(sprintPath(sprintId, `/items?${params}`), { signal });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export function useSprintItems(productId: string, sprintId: string) {
  return useQuery({
    queryKey: sprintKeys.items(productId, sprintId),
    queryFn: ({ signal }) => fetchAllSprintItems(sprintId, signal),
  });
}

export function useBurndown(productId: string, sprintId: string, enabled = true) {
  return useQuery({
    queryKey: sprintKeys.burndown(productId, sprintId),
    queryFn: ({ signal }) => request<Burndown>(sprintPath(sprintId, '/burndown'), { signal }),
    enabled,
  });
}

export function useVelocity(productId: string) {
  return useQuery({
    queryKey: sprintKeys.velocity(productId),
    queryFn: ({ signal }) => request<Velocity>(`/products/${encodeURIComponent(productId)}/velocity`, { signal }),
  });
}

export const UNPLANNED_PAGE_SIZE = 50;

/** Open items in no sprint, in rank order: what a sprint can take on. `filter` is the filter language, added to that. */
export const unplannedQuery = (filter: string): string => `sprint:none -category:done,canceled ${filter}`.trim();

export function useUnplannedItems(productId: string, filter: string) {
  return useInfiniteQuery({
    queryKey: sprintKeys.unplanned(productId, filter),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(UNPLANNED_PAGE_SIZE), q: unplannedQuery(filter) });
      if (pageParam) params.set('cursor', pageParam);
      return request<ItemPage>(`/products/${encodeURIComponent(productId)}/items?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Typing a filter keeps the old rows on screen until the new ones arrive.
    placeholderData: (previous) => previous,
  });
}

/** A changed sprint replaces its copies, then everything about the product's sprints refreshes. */
function afterSprintWrite(client: QueryClient, productId: string, sprint: Sprint): void {
  client.setQueryData(sprintKeys.detail(productId, sprint.id), sprint);
  client.setQueryData<Sprint[]>(sprintKeys.list(productId), (list) => list?.map((candidate) => (candidate.id === sprint.id ? sprint : candidate)));
  void client.invalidateQueries({ queryKey: sprintKeys.all(productId) });
  void client.invalidateQueries({ queryKey: sprintKeys.boardAll(productId) });
}

export function useCreateSprint(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SprintCreate) => request<Sprint>(`/products/${encodeURIComponent(productId)}/sprints`, { method: 'POST', body }),
    onSuccess: (sprint) => {
      client.setQueryData<Sprint[]>(sprintKeys.list(productId), (list) => (list ? [...list, sprint] : list));
      afterSprintWrite(client, productId, sprint);
    },
  });
}

export function useUpdateSprint(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sprint, changes }: { sprint: Sprint; changes: SprintUpdate }) => request<Sprint>(sprintPath(sprint.id), { method: 'PATCH', body: changes, ifMatch: sprint.version }),
    onSuccess: (sprint) => afterSprintWrite(client, productId, sprint),
  });
}

export function useStartSprint(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sprint: Sprint) => request<Sprint>(sprintPath(sprint.id, '/start'), { method: 'POST', ifMatch: sprint.version }),
    onSuccess: (sprint) => afterSprintWrite(client, productId, sprint),
  });
}

export function useCompleteSprint(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sprint, carryTo }: { sprint: Sprint; carryTo: 'next' | 'backlog' }) =>
      request<CompletedSprint>(sprintPath(sprint.id, '/complete'), { method: 'POST', body: { carryTo }, ifMatch: sprint.version }),
    onSuccess: (result) => {
      afterSprintWrite(client, productId, result.sprint);
      void client.invalidateQueries({ queryKey: queryKeys.items.all(productId) });
    },
  });
}

/**
 * Commit or remove, optimistic: the item moves between the two lists at once
 * and goes back if the server refuses. The sprint's totals come back with the
 * refetch that follows.
 */
export function usePlanItem(productId: string, sprintId: string) {
  const client = useQueryClient();
  const itemsKey = sprintKeys.items(productId, sprintId);
  return useMutation({
    mutationFn: ({ kind, item }: { kind: 'commit' | 'remove'; item: Item }) =>
      kind === 'commit'
        ? request<Item>(sprintPath(sprintId, '/items'), { method: 'POST', body: { itemId: item.id } })
        : request<Item>(sprintPath(sprintId, `/items/${encodeURIComponent(item.id)}`), { method: 'DELETE' }),
    onMutate: async ({ kind, item }) => {
      await client.cancelQueries({ queryKey: itemsKey });
      await client.cancelQueries({ queryKey: ['products', productId, 'sprints', 'unplanned'] });
      const before = {
        items: client.getQueryData<Item[]>(itemsKey),
        unplanned: client.getQueriesData<{ pages: ItemPage[]; pageParams: unknown[] }>({ queryKey: ['products', productId, 'sprints', 'unplanned'] }),
        detail: client.getQueryData<Sprint>(sprintKeys.detail(productId, sprintId)),
      };
      const points = item.estimate ?? 0;
      if (kind === 'commit') {
        client.setQueryData<Item[]>(itemsKey, (items) => (items ? insertByRank(items, { ...item, sprintId }) : items));
        for (const [key] of before.unplanned) {
          client.setQueryData<{ pages: ItemPage[]; pageParams: unknown[] }>(key, (data) =>
            data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((row) => row.id !== item.id) })) } : data,
          );
        }
      } else {
        client.setQueryData<Item[]>(itemsKey, (items) => items?.filter((row) => row.id !== item.id));
      }
      // The capacity bar moves with the card.
      client.setQueryData<Sprint>(sprintKeys.detail(productId, sprintId), (sprint) =>
        sprint ? { ...sprint, committedPoints: sprint.committedPoints + (kind === 'commit' ? points : -points), itemCount: sprint.itemCount + (kind === 'commit' ? 1 : -1) } : sprint,
      );
      return before;
    },
    onError: (_error, _vars, before) => {
      if (!before) return;
      client.setQueryData(itemsKey, before.items);
      for (const [key, data] of before.unplanned) client.setQueryData(key, data);
      client.setQueryData(sprintKeys.detail(productId, sprintId), before.detail);
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: sprintKeys.all(productId) });
      void client.invalidateQueries({ queryKey: sprintKeys.boardAll(productId) });
      void client.invalidateQueries({ queryKey: queryKeys.items.all(productId) });
    },
  });
}

function insertByRank(items: Item[], item: Item): Item[] {
  const rest = items.filter((row) => row.id !== item.id);
  const at = rest.findIndex((row) => row.rank > item.rank || (row.rank === item.rank && row.id > item.id));
  return at < 0 ? [...rest, item] : [...rest.slice(0, at), item, ...rest.slice(at)];
}
