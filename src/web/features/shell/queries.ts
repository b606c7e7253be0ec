import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { productsPath } from '../../app/first-requests';
import type { ListOf, Product, Workspace } from '../../api/types';

export function useWorkspaces() {
  return useQuery({
    queryKey: queryKeys.workspaces(),
    queryFn: () => request<ListOf<Workspace>>('/workspaces').then((page) => page.items),
  });
}

/** The workspace's products; shared by the sidebar, the pages and the first-load prefetch. */
export function productsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.products(workspaceId),
    queryFn: () => request<ListOf<Product>>(productsPath(workspaceId)).then((page) => page.items),
  });
}

export function useProducts(workspaceId: string | undefined) {
  return useQuery({ ...productsQueryOptions(workspaceId ?? ''), enabled: Boolean(workspaceId) });
}
