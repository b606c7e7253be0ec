import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentInput, CapabilityCreate, CapabilityUpdate, CompetitorCreate, CompetitorUpdate, PlanFeatureInput, PricingPlanCreate, PricingPlanUpdate } from '../../../contracts/market.schema';
import { request } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { queryKeys } from '../../api/query-keys';
import type { Item, ListOf } from '../../api/types';
import type { Capability, CapabilityMatrix, Competitor, Packaging, PricingPlan } from './market-model';

const productPath = (productId: string, part: string) => `/products/${encodeURIComponent(productId)}${part}`;

/** The competitor × capability grid, with the competitors as its columns. */
export function useCapabilityMatrix(productId: string) {
  return useQuery({
    queryKey: queryKeys.market.matrix(productId),
    queryFn: ({ signal }) => request<CapabilityMatrix>(productPath(productId, '/capability-matrix'), { signal }),
  });
}

export function usePackaging(productId: string) {
  return useQuery({
    queryKey: queryKeys.market.packaging(productId),
    queryFn: ({ signal }) => request<Packaging>(productPath(productId, '/packaging'), { signal }),
  });
}

/** The product's epics and features, which capabilities link to and plans package. */
export function useMarketFeatures(productId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.market.features(productId),
    queryFn: ({ signal }) => request<ListOf<Item>>(productPath(productId, `/items?limit=200&q=${encodeURIComponent('type:epic,feature')}`), { signal }).then((page) => page.items),
    enabled,
  });
}

/** Every market view of the product may hold what a write changed; a stale refusal refetches too. */
function useRefreshMarket(productId: string) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.market.all(productId) });
  return { onSuccess: refresh, onError: (error: unknown) => isStale(error) && refresh() };
}

export function useSaveCompetitor(productId: string) {
  const refresh = useRefreshMarket(productId);
  return useMutation({
    mutationFn: (change: { create: CompetitorCreate } | { competitor: Competitor; update: CompetitorUpdate }) =>
      'create' in change
        ? request<Competitor>(productPath(productId, '/competitors'), { method: 'POST', body: change.create })
        : request<Competitor>(`/competitors/${encodeURIComponent(change.competitor.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.competitor.version }),
    ...refresh,
  });
}

export function useDeleteCompetitor(productId: string) {
  const refresh = useRefreshMarket(productId);
  return useMutation({
    mutationFn: (competitor: Competitor) => request<void>(`/competitors/${encodeURIComponent(competitor.id)}`, { method: 'DELETE', ifMatch: competitor.version }),
    ...refresh,
  });
}

export function useSaveCapability(productId: string) {
  const refresh = useRefreshMarket(productId);
  return useMutation({
    mutationFn: (change: { create: CapabilityCreate } | { capability: Capability; update: CapabilityUpdate }) =>
      'create' in change
        ? request<Capability>(productPath(productId, '/capabilities'), { method: 'POST', body: change.create })
        : request<Capability>(`/capabilities/${encodeURIComponent(change.capability.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.capability.version }),
    ...refresh,
  });
}

export function useDeleteCapability(productId: string) {
  const refresh = useRefreshMarket(productId);
  return useMutation({
    mutationFn: (capability: Capability) => request<void>(`/capabilities/${encodeURIComponent(capability.id)}`, { method: 'DELETE', ifMatch: capability.version }),
    ...refresh,
  });
}

/** Sets one cell of the matrix. */
export function useAssess(productId: string) {
  const refresh = useRefreshMarket(productId);
  return useMutation({
    mutationFn: ({ capabilityId, competitorId, input }: { capabilityId: string; competitorId: string; input: AssessmentInput }) =>
      request<unknown>(`/capabilities/${encodeURIComponent(capabilityId)}/competitors/${encodeURIComponent(competitorId)}`, { method: 'PUT', body: input }),
    ...refresh,
  });
}

export function useSavePlan(productId: string) {
  const refresh = useRefreshMarket(productId);
  return useMutation({
    mutationFn: (change: { create: PricingPlanCreate } | { plan: PricingPlan; update: PricingPlanUpdate }) =>
      'create' in change
        ? request<PricingPlan>(productPath(productId, '/pricing-plans'), { method: 'POST', body: change.create })
        : request<PricingPlan>(`/pricing-plans/${encodeURIComponent(change.plan.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.plan.version }),
    ...refresh,
  });
}

export function useDeletePlan(productId: string) {
  const refresh = useRefreshMarket(productId);
  return useMutation({
    mutationFn: (plan: PricingPlan) => request<void>(`/pricing-plans/${encodeURIComponent(plan.id)}`, { method: 'DELETE', ifMatch: plan.version }),
    ...refresh,
  });
}

/** Puts a feature in a plan (or changes how), or with `input: null` takes it out. */
export function usePackageFeature(productId: string) {
  const refresh = useRefreshMarket(productId);
  return useMutation({
    mutationFn: ({ planId, itemId, input }: { planId: string; itemId: string; input: PlanFeatureInput | null }) => {
      const path = `/pricing-plans/${encodeURIComponent(planId)}/features/${encodeURIComponent(itemId)}`;
      return input ? request<unknown>(path, { method: 'PUT', body: input }) : request<void>(path, { method: 'DELETE' });
    },
    ...refresh,
  });
}
