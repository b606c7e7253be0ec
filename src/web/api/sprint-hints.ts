import type { QueryClient } from '@tanstack/react-query';
import { sprintKeys } from './sprint-keys';
import type { RealtimeMessage } from './types';

/**
 * Sprint pages and the board read sprints and the items in them. A sprint
 * hint changes dates, state or capacity; an item hint may change what a
 * sprint holds, its points and progress, or a card's column. Both refresh the
 * product's sprint and board queries, which only refetch while on screen.
 */
export function applySprintHint(client: QueryClient, message: RealtimeMessage): void {
  if (!message.productId) return;
  const [area] = message.type.split('.');
  if (area !== 'sprint' && area !== 'item') return;
  void client.invalidateQueries({ queryKey: sprintKeys.all(message.productId) });
  void client.invalidateQueries({ queryKey: sprintKeys.boardAll(message.productId) });
  if (area === 'item') void client.invalidateQueries({ queryKey: sprintKeys.wipCounts(message.productId) });
}
