import { useEffect, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { EVENT_TYPES } from '../../contracts/vocabulary';
import type { Item, RealtimeMessage } from './types';
import { API_BASE, ApiError, request } from './client';
import { appendCreatedItem, hasCachedList, patchItemInList, removeItemsFromList, viewOfKey, whenListIdle } from './item-cache';
import { isFiltered } from './list-view';
import { queryKeys } from './query-keys';
import { applySprintHint } from './sprint-hints';
import { removeItemsFromTrash } from './trash-cache';

export type RealtimeStatus = 'connecting' | 'live' | 'offline';

/**
 * Maps one invalidation hint onto the query keys that may now be stale. The
 * backlog list is the exception: it is patched with the named items instead.
 */
export async function applyHint(client: QueryClient, message: RealtimeMessage, selfId: string | null): Promise<void> {
  const invalidate = (queryKey: readonly unknown[]) => void client.invalidateQueries({ queryKey });
  const [area] = message.type.split('.');
  // Sprint pages and the board refetch whatever is on screen (sprint-hints.ts).
  applySprintHint(client, message);
  switch (area) {
    case 'item':
      // A purged item is gone for good: refetching its detail would only fetch a 404.
      if (message.type === 'item.purged') for (const id of message.ids) client.removeQueries({ queryKey: queryKeys.item(id), exact: true });
      else for (const id of message.ids) invalidate(queryKeys.item(id));
      if (message.productId) {
        // Scores, statuses, estimates and parents move points on the matrix and delivery in the traceability tree.
        invalidate(queryKeys.matrix.all(message.productId));
        invalidate(queryKeys.strategy.traceability(message.productId));
        invalidate(queryKeys.strategy.traces(message.productId));
        // A release's progress and forecast follow its items; blockers are shown with their titles and statuses.
        invalidate(queryKeys.releases.all(message.productId));
        invalidate(queryKeys.dependencies.all(message.productId));
        // The roadmap shows epics and features by title and status, with their releases, parents and dependencies.
        invalidate(queryKeys.roadmap.all(message.productId));
        // The matrix and the packaging grid name our epics and features by title.
        invalidate(queryKeys.market.all(message.productId));
        // Evidence names the linked items, and an item's RICE reach sits beside its suggested reach.
        invalidate(queryKeys.evidence.all(message.productId));
        refreshOpenItems(client, message, message.productId);
        patchTrash(client, message, message.productId);
        await patchItemList(client, message, message.productId);
      }
      break;
    case 'product':
      invalidate(queryKeys.products(message.workspaceId));
      break;
    case 'member':
      invalidate(queryKeys.members(message.workspaceId));
      invalidate(queryKeys.invites(message.workspaceId));
      // A change to my own membership changes what I may see and do.
      if (selfId && message.ids.includes(selfId)) {
        invalidate(queryKeys.me());
        invalidate(queryKeys.workspaces());
      }
      break;
    case 'decision':
      // One decision changed, and with it the log, its page and the pages of the items it names.
      if (message.productId) invalidate(queryKeys.decisions.all(message.productId));
      break;
    case 'strategy':
      // Goals, key results, initiatives and alignments: every strategy view of the product may show them.
      if (message.productId) invalidate(queryKeys.strategy.all(message.productId));
      // The timeline groups its rows by initiative and draws their dates.
      if (message.productId) invalidate(queryKeys.roadmap.all(message.productId));
      break;
    case 'release':
      // A release's dates, status, scope or risk: its card, forecast and history may all have moved.
      if (message.productId) invalidate(queryKeys.releases.all(message.productId));
      // Release targets are markers on the timeline, each with its critical path and risk.
      if (message.productId) invalidate(queryKeys.roadmap.all(message.productId));
      break;
    case 'roadmap':
      // A plan, a Now / Next / Later column or a milestone: the timeline and the board show them all.
      if (message.productId) invalidate(queryKeys.roadmap.all(message.productId));
      break;
    case 'market':
      // Competitors, capabilities, cells, plans and packaging: the market page shows them all.
      if (message.productId) invalidate(queryKeys.market.all(message.productId));
      break;
    case 'evidence':
      // Insights, links, customers, segments or personas: the inbox, the customers page and every item's evidence may show them.
      if (message.productId) invalidate(queryKeys.evidence.all(message.productId));
      // A customer or a segment belongs to the workspace: its name, segment and revenue show in every product's evidence.
      else void client.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'products' && query.queryKey[2] === 'evidence' });
      invalidate(queryKeys.evidence.workspace(message.workspaceId));
      break;
    case 'workspace':
      invalidate(queryKeys.workspaces());
      invalidate(queryKeys.me());
      break;
  }
}

/**
 * An item page open on a named item refetches it (its query is keyed by the
 * human key, so it is found by the id in its data); any open children list of
 * the product refetches too, as a child's title, status or parent may have changed.
 */
function refreshOpenItems(client: QueryClient, message: RealtimeMessage, productId: string): void {
  const ids = new Set(message.ids);
  void client.invalidateQueries({
    queryKey: queryKeys.itemsByKey(productId),
    predicate: (query) => ids.has((query.state.data as Item | undefined)?.id ?? ''),
  });
  void client.invalidateQueries({ queryKey: queryKeys.allChildren(productId) });
}

/**
 * A restore or a purge only takes rows out of the trash, so it needs no request;
 * a trash needs the item's deletedAt to place it, so the trash (newest first,
 * usually one page) is refetched, and only if someone has it open.
 */
function patchTrash(client: QueryClient, message: RealtimeMessage, productId: string): void {
  if (message.type === 'item.restored' || message.type === 'item.purged') removeItemsFromTrash(client, productId, message.ids);
  else if (message.type === 'item.deleted') void client.invalidateQueries({ queryKey: queryKeys.trash(productId) });
}

/**
 * Item hints patch the cached backlog with the named items alone: invalidating
 * it would refetch every loaded page, which is hundreds of requests per tab for
 * someone who has scrolled a big product.
 */
async function patchItemList(client: QueryClient, message: RealtimeMessage, productId: string): Promise<void> {
  // A tab that never loaded this product's list has nothing to keep current.
  if (!hasCachedList(client, productId)) return;
  // Only trashed items are purged, so the backlog rarely holds one; dropping it needs no request either way.
  if (message.type === 'item.deleted' || message.type === 'item.purged') {
    await whenListIdle(client, productId);
    removeItemsFromList(client, productId, message.ids);
    return;
  }
  // Through the query cache, so an expired session is noticed like any other query's.
  const fetchOne = (id: string) => client.fetchQuery({ queryKey: queryKeys.item(id), queryFn: () => request<Item>(`/items/${encodeURIComponent(id)}`), staleTime: 0 });
  const outcomes = await Promise.all(
    message.ids.map((id) =>
      fetchOne(id).then(
        (item) => ({ id, item }),
        (error: unknown) => ({ id, error }),
      ),
    ),
  );
  await whenListIdle(client, productId);
  for (const outcome of outcomes) {
    if ('item' in outcome) {
      if (message.type === 'item.created') appendCreatedItem(client, outcome.item);
      // A moved item may arrive from beyond the loaded pages (moved to the top, say), so it joins when its new place is loaded.
      else patchItemInList(client, outcome.item, { insertMissing: message.type === 'item.restored' || message.type === 'item.ranked' });
    } else if (outcome.error instanceof ApiError && (outcome.error.status === 404 || outcome.error.status === 403)) {
      // Gone, or no longer ours to see: it should not stay on screen.
      removeItemsFromList(client, productId, [outcome.id]);
    }
    // Other failures leave the row as it was; a dropped stream refetches everything when it reopens.
  }
  // Only the server knows whether a new or changed item now matches a filter; filtered views are short, so they refetch.
  if (message.type === 'item.created' || message.type === 'item.updated' || message.type === 'item.restored') {
    void client.invalidateQueries({ queryKey: queryKeys.items.lists(productId), predicate: (query) => isFiltered(viewOfKey(query.queryKey)) });
  }
}

/**
 * One EventSource per signed-in tab. Messages are hints, not state: each one
 * invalidates the matching queries, which refetch through the normal client,
 * except item hints, which fetch just the named items into the cached list.
 */
export function useRealtime(userId: string | null): RealtimeStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<RealtimeStatus>('connecting');

  useEffect(() => {
    if (!userId) return;
    const source = new EventSource(`${API_BASE}/events`);
    let dropped = false;
    source.onopen = () => {
      setStatus('live');
      // Hints sent while the stream was down are lost; refetch what is on screen.
      if (dropped) void client.invalidateQueries();
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    };
    // Hints apply one after another, so a slow fetch for an update cannot land after a later delete.
    let queue = Promise.resolve();
    const onMessage = (event: MessageEvent<string>) => {
      let message: RealtimeMessage;
      try {
        message = JSON.parse(event.data) as RealtimeMessage;
      } catch {
        return; // A malformed hint is ignored; the next one or a refocus refetches.
      }
      queue = queue.then(() => applyHint(client, message, userId)).catch(() => undefined);
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, onMessage);
    source.addEventListener('message', onMessage);
    return () => {
      source.close();
      setStatus('connecting');
    };
  }, [client, userId]);

  return status;
}
