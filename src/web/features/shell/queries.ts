import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { ListOf, Product, Workspace } from '../../api/types';

export function useWorkspaces() {
  return useQuery({
    queryKey: queryKeys.workspaces(),
    queryFn: () => request<ListOf<Workspace>>('/workspaces').then((page) => page.items),
  });
}

export function useProducts(workspaceId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.products(workspaceId ?? ''),
    queryFn: () => request<ListOf<Product>>(`/workspaces/${encodeURIComponent(workspaceId!)}/products`).then((page) => page.items),
    enabled: Boolean(workspaceId),
  });
}
