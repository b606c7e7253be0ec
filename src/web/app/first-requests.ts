import { ApiError, request, setCsrfToken } from '../api/client';
import type { ItemPage, ListOf, Me, Product } from '../api/types';

/**
 * The requests a cold start needs, sent by the entry script before the app's
 * own code has downloaded and started: the signed-in user and, on a backlog
 * address, the first page of items and the workspace's products. The app
 * seeds its query cache with them (see `seedFirstRequests`), so the rows paint
 * as soon as both answers and the code are in, instead of `/me`, then the
 * items, one after the other. This module stays free of zod and React: it is
 * part of the entry.
 */
export interface FirstRequests {
  me: Promise<Me | null>;
  /** Only for the backlog in its default view (no filter, rank order); other views are prefetched by the app. */
  backlog: { workspaceId: string; productId: string; firstPage: Promise<ItemPage>; products: Promise<Product[]> } | null;
}

export const ITEMS_PAGE_SIZE = 50;

/** `GET /products/{id}/items`: one page of one view of the backlog; the first page has no cursor. */
export function itemsPagePath(productId: string, view: { q: string; sort: string }, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(ITEMS_PAGE_SIZE) });
  if (view.q) params.set('q', view.q);
  if (view.sort !== 'rank') params.set('sort', view.sort);
  if (cursor) params.set('cursor', cursor);
  return `/products/${encodeURIComponent(productId)}/items?${params}`;
}

export const productsPath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/products`;

/**
 * `GET /me`, for the entry's first request and for `useMe` (features/auth/queries.ts)
 * alike: signed out is `null`, not an error, and the answer carries the CSRF
 * token for later writes. It lives here, free of React, because the entry sends it.
 */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await request<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    // Signed out is a normal state, not an error screen.
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

const BACKLOG_PATH = /^\/w\/([^/]+)\/p\/([^/]+)\/items\/?$/;

/** The workspace and product of a backlog address (`/w/{workspace}/p/{product}/items`), or null for any other page. */
export function backlogOf(pathname: string): { workspaceId: string; productId: string } | null {
  const match = BACKLOG_PATH.exec(pathname);
  return match ? { workspaceId: decodeURIComponent(match[1]!), productId: decodeURIComponent(match[2]!) } : null;
}

export function sendFirstRequests(location: Pick<Location, 'pathname' | 'search'>): FirstRequests {
  const me = fetchMe();
  const address = backlogOf(location.pathname);
  if (!address || location.search !== '') return { me, backlog: null };
  const { workspaceId, productId } = address;
  const firstPage = request<ItemPage>(itemsPagePath(productId, { q: '', sort: 'rank' }, null));
  const products = request<ListOf<Product>>(productsPath(workspaceId)).then((page) => page.items);
  // Failures are the app's to show once it takes these over; never an unhandled rejection meanwhile.
  firstPage.catch(() => undefined);
  products.catch(() => undefined);
  return { me, backlog: { workspaceId, productId, firstPage, products } };
}
