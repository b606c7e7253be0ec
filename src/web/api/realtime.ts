import { useEffect, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { EVENT_TYPES } from '../../contracts/events.schema';
import type { RealtimeMessage } from './types';
import { API_BASE } from './client';
import { queryKeys } from './query-keys';

export type RealtimeStatus = 'connecting' | 'live' | 'offline';

/** Maps one invalidation hint onto the query keys that may now be stale. */
export function invalidateFor(client: QueryClient, message: RealtimeMessage, selfId: string | null): void {
  const invalidate = (queryKey: readonly unknown[]) => void client.invalidateQueries({ queryKey });
  const [area] = message.type.split('.');
  switch (area) {
    case 'item':
      if (message.productId) invalidate(queryKeys.items.all(message.productId));
      for (const id of message.ids) invalidate(queryKeys.item(id));
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
    case 'workspace':
      invalidate(queryKeys.workspaces());
      invalidate(queryKeys.me());
      break;
  }
}

/**
 * One EventSource per signed-in tab. Messages are hints, not state: each one
 * invalidates the matching queries, which refetch through the normal client.
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
    const onMessage = (event: MessageEvent<string>) => {
      try {
        invalidateFor(client, JSON.parse(event.data) as RealtimeMessage, userId);
      } catch {
        // A malformed hint is ignored; the next one or a refocus refetches.
      }
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
