import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomerCreate, CustomerUpdate, InsightCreate, InsightLinkBody, InsightUpdate, PersonaCreate, PersonaUpdate, SegmentCreate, SegmentUpdate } from '../../../contracts/evidence.schema';
import { ApiError, request } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { queryKeys } from '../../api/query-keys';
import type { Item, ListOf } from '../../api/types';
import type { Customer, Evidence, Insight, InsightSource, Persona, ProductEvidence, Segment } from './evidence-model';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const enc = encodeURIComponent;
const productPath = (productId: string, part: string) => `/products/${enc(productId)}${part}`;
const workspacePath = (workspaceId: string, part: string) => `/workspaces/${enc(workspaceId)}${part}`;

export const INSIGHTS_PAGE_SIZE = 20;

const ITEM_KEY = /^[a-z][a-z0-9]*-\d+$/i;

/** One view of the product's insights, newest first: the inbox still to triage (`linked: 'false'`) or all of them. */
export function useInsights(productId: string, view: { linked: 'false' | 'all'; q: string; source: InsightSource | '' }) {
  const q = view.q.trim();
  return useInfiniteQuery({
    queryKey: queryKeys.evidence.insights(productId, view.linked, q, view.source),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(INSIGHTS_PAGE_SIZE) });
      if (view.linked === 'false') params.set('linked', 'false');
      if (q) params.set('q', q);
      if (view.source) params.set('source', view.source);
      if (pageParam) params.set('cursor', pageParam);
      return request<Page<Insight>>(productPath(productId, `/insights?${params}`), { signal });
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The insights linked to one item, newest first (the first 50; the item's page shows the count of all). */
export function useItemInsights(productId: string, itemId: string) {
  return useQuery({
    queryKey: queryKeys.evidence.itemInsights(productId, itemId),
    queryFn: ({ signal }) => request<Page<Insight>>(productPath(productId, `/insights?limit=50&item=${enc(itemId)}`), { signal }),
  });
}

export function useProductEvidence(productId: string) {
  return useQuery({
    queryKey: queryKeys.evidence.ranking(productId),
    queryFn: ({ signal }) => request<ProductEvidence>(productPath(productId, '/evidence'), { signal }).then((answer) => answer.items),
  });
}

export function useItemEvidence(productId: string, itemId: string) {
  return useQuery({
    queryKey: queryKeys.evidence.item(productId, itemId),
    queryFn: ({ signal }) => request<Evidence>(`/items/${enc(itemId)}/evidence`, { signal }),
  });
}

export function useSegments(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.evidence.segments(workspaceId),
    queryFn: ({ signal }) => request<ListOf<Segment>>(workspacePath(workspaceId, '/segments'), { signal }).then((list) => list.items),
  });
}

/** The workspace's customers by name, matching `q` (and in one segment, if given); every page, since a workspace keeps hundreds, not millions. */
export function useCustomers(workspaceId: string, q = '', segmentId = '') {
  const text = q.trim();
  return useQuery({
    queryKey: queryKeys.evidence.customers(workspaceId, text, segmentId),
    queryFn: async ({ signal }) => {
      const all: Customer[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const params = new URLSearchParams({ limit: '200' });
        if (text) params.set('q', text);
        if (segmentId) params.set('segmentId', segmentId);
        if (cursor) params.set('cursor', cursor);
        const page: Page<Customer> = await request<Page<Customer>>(workspacePath(workspaceId, `/customers?${params}`), { signal });
        all.push(...page.items);
        cursor = page.nextCursor;
      }
      return all;
    },
    placeholderData: keepPreviousData,
  });
}

export function usePersonas(productId: string) {
  return useQuery({
    queryKey: queryKeys.evidence.personas(productId),
    queryFn: ({ signal }) => request<ListOf<Persona>>(productPath(productId, '/personas'), { signal }).then((list) => list.items),
  });
}

/** Items of the product found by key or title, for linking an insight or a persona. */
export function useItemCandidates(productId: string, text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: queryKeys.evidence.candidates(productId, q),
    queryFn: async ({ signal }) => {
      // A key such as DEMO-12 is looked up as it is; the search finds titles and descriptions.
      const byKey = ITEM_KEY.test(q)
        ? await request<Item>(`/items/${enc(q.toUpperCase())}`, { signal }).then(
            (item) => (item.productId === productId && !item.deletedAt ? [item] : []),
            (error: unknown) => {
              if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return [];
              throw error;
            },
          )
        : [];
      const found = await request<ListOf<Item>>(productPath(productId, `/items?limit=8&q=${enc(`"${q.replaceAll('"', '')}"`)}`), { signal });
      return [...byKey, ...found.items.filter((item) => !byKey.some((exact) => exact.id === item.id))];
    },
    enabled: q.length > 1,
  });
}

/**
 * A write may change what any evidence view shows (the inbox, an item's
 * demand, a customer's insight count), so every one refreshes; a stale
 * refusal refetches too, so the next try starts from the current version.
 */
function useRefreshEvidence(workspaceId: string, productId: string | null) {
  const client = useQueryClient();
  const refresh = () => {
    if (productId) void client.invalidateQueries({ queryKey: queryKeys.evidence.all(productId) });
    else void client.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'products' && query.queryKey[2] === 'evidence' });
    void client.invalidateQueries({ queryKey: queryKeys.evidence.workspace(workspaceId) });
  };
  return { onSuccess: refresh, onError: (error: unknown) => isStale(error) && refresh() };
}

export function useCreateInsight(workspaceId: string, productId: string) {
  return useMutation({
    mutationFn: (body: InsightCreate) => request<Insight>(productPath(productId, '/insights'), { method: 'POST', body }),
    ...useRefreshEvidence(workspaceId, productId),
  });
}

export function useUpdateInsight(workspaceId: string, productId: string) {
  return useMutation({
    mutationFn: ({ insight, update }: { insight: Insight; update: InsightUpdate }) => request<Insight>(`/insights/${enc(insight.id)}`, { method: 'PATCH', body: update, ifMatch: insight.version }),
    ...useRefreshEvidence(workspaceId, productId),
  });
}

export function useDeleteInsight(workspaceId: string, productId: string) {
  return useMutation({
    mutationFn: (insight: Insight) => request<void>(`/insights/${enc(insight.id)}`, { method: 'DELETE', ifMatch: insight.version }),
    ...useRefreshEvidence(workspaceId, productId),
  });
}

/** Links an insight to an item (or changes the passage and importance), or with `remove` takes the link off. */
export function useLinkInsight(workspaceId: string, productId: string) {
  return useMutation({
    mutationFn: ({ insightId, itemId, body, remove }: { insightId: string; itemId: string; body?: InsightLinkBody; remove?: boolean }) => {
      const path = `/insights/${enc(insightId)}/links/${enc(itemId)}`;
      return remove ? request<null>(path, { method: 'DELETE' }) : request<Insight>(path, { method: 'PUT', body: body ?? {} });
    },
    ...useRefreshEvidence(workspaceId, productId),
  });
}

export interface ImportResult {
  created: number;
  customersCreated: string[];
  insightIds: string[];
}

/** Uploads a CSV file as it is; the server takes all of it or none, naming each bad row by line. */
export function useImportInsights(workspaceId: string, productId: string) {
  return useMutation({
    mutationFn: async (file: Blob) =>
      request<ImportResult>(productPath(productId, '/insights/import'), { method: 'POST', text: { contentType: 'text/csv', content: await file.text() } }),
    ...useRefreshEvidence(workspaceId, productId),
  });
}

export function useSaveSegment(workspaceId: string) {
  return useMutation({
    mutationFn: (change: { create: SegmentCreate } | { segment: Segment; update: SegmentUpdate }) =>
      'create' in change
        ? request<Segment>(workspacePath(workspaceId, '/segments'), { method: 'POST', body: change.create })
        : request<Segment>(`/segments/${enc(change.segment.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.segment.version }),
    ...useRefreshEvidence(workspaceId, null),
  });
}

export function useDeleteSegment(workspaceId: string) {
  return useMutation({
    mutationFn: (segment: Segment) => request<void>(`/segments/${enc(segment.id)}`, { method: 'DELETE', ifMatch: segment.version }),
    ...useRefreshEvidence(workspaceId, null),
  });
}

export function useSaveCustomer(workspaceId: string) {
  return useMutation({
    mutationFn: (change: { create: CustomerCreate } | { customer: Customer; update: CustomerUpdate }) =>
      'create' in change
        ? request<Customer>(workspacePath(workspaceId, '/customers'), { method: 'POST', body: change.create })
        : request<Customer>(`/customers/${enc(change.customer.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.customer.version }),
    ...useRefreshEvidence(workspaceId, null),
  });
}

export function useDeleteCustomer(workspaceId: string) {
  return useMutation({
    mutationFn: (customer: Customer) => request<void>(`/customers/${enc(customer.id)}`, { method: 'DELETE', ifMatch: customer.version }),
    ...useRefreshEvidence(workspaceId, null),
  });
}

export function useSavePersona(workspaceId: string, productId: string) {
  return useMutation({
    mutationFn: (change: { create: PersonaCreate } | { persona: Persona; update: PersonaUpdate }) =>
      'create' in change
        ? request<Persona>(productPath(productId, '/personas'), { method: 'POST', body: change.create })
        : request<Persona>(`/personas/${enc(change.persona.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.persona.version }),
    ...useRefreshEvidence(workspaceId, productId),
  });
}

export function useDeletePersona(workspaceId: string, productId: string) {
  return useMutation({
    mutationFn: (persona: Persona) => request<void>(`/personas/${enc(persona.id)}`, { method: 'DELETE', ifMatch: persona.version }),
    ...useRefreshEvidence(workspaceId, productId),
  });
}

/** Sets the items that serve a persona, as a whole list. */
export function useSetPersonaItems(workspaceId: string, productId: string) {
  return useMutation({
    mutationFn: ({ persona, itemIds }: { persona: Persona; itemIds: string[] }) => request<Persona>(`/personas/${enc(persona.id)}/items`, { method: 'PUT', body: { itemIds } }),
    ...useRefreshEvidence(workspaceId, productId),
  });
}
