import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { request } from '../api/client';
import { queryKeys } from '../api/query-keys';
import type { ItemPage } from '../api/types';
import { parseBacklogSearch, viewOfSearch } from '../features/items/backlog-search';
import { itemsQueryOptions } from '../features/items/queries';
import { productsQueryOptions } from '../features/shell/queries';
import { backlogOf, itemsPagePath, type FirstRequests } from './first-requests';
import { createQueryClient, Providers } from './providers';
import { router } from './router';

/** The app proper, loaded by the entry script once it has sent the first requests. */
export function startApp(first: FirstRequests): void {
  const client = createQueryClient();
  seedFirstRequests(client, first);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers client={client}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}

/**
 * Hands the entry's requests to the query cache under the keys the pages read,
 * so the pages find them in flight (or answered) instead of asking again. Only
 * the first fetch is taken over; refetches and later pages use the pages' own
 * query functions. A 401 on any of them clears the user like any other 401
 * (see `createQueryClient`), and the signed-in pages send them to sign in.
 */
export function seedFirstRequests(client: QueryClient, first: FirstRequests): void {
  void client.prefetchQuery({ queryKey: queryKeys.me(), queryFn: () => first.me });
  const { backlog } = first;
  if (backlog) {
    const { productId, workspaceId, firstPage } = backlog;
    void client.prefetchInfiniteQuery({
      ...itemsQueryOptions(productId),
      queryFn: ({ pageParam, signal }) => (pageParam === null ? firstPage : request<ItemPage>(itemsPagePath(productId, { q: '', sort: 'rank' }, pageParam), { signal })),
    });
    void client.prefetchQuery({ ...productsQueryOptions(workspaceId), queryFn: () => backlog.products });
    return;
  }
  // A filtered or sorted backlog: not sent by the entry, but still beside `/me` rather than after it.
  const address = backlogOf(router.state.location.pathname);
  if (!address) return;
  const { workspaceId, productId } = address;
  void client.prefetchInfiniteQuery(itemsQueryOptions(productId, viewOfSearch(parseBacklogSearch(router.state.location.search as Record<string, unknown>))));
  void client.prefetchQuery(productsQueryOptions(workspaceId));
}
