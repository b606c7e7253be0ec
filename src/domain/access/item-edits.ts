import type { ItemType } from '../../contracts/item.schema';
import type { Role } from '../../contracts/access.schema';
import { TandemError } from '../errors';
import { assertAllowed, isAllowed } from './permissions';

/** What a contributor may change on the work assigned to them. */
export const OWN_WORK_FIELDS = ['status', 'estimate', 'acceptanceCriteria', 'blocked', 'blockedReason'] as const;

/**
 * Whether these roles may make this change to this item: anyone allowed
 * `item.update` may change anything; a contributor (`item.update_own_work`)
 * may change only the fields of OWN_WORK_FIELDS, and only on items assigned to them.
 */
export function assertMayEdit(roles: readonly Role[], userId: string, item: { assigneeId: string | null }, fields: readonly string[]): void {
  if (isAllowed(roles, 'item.update')) return;
  assertAllowed(roles, 'item.update_own_work');
  if (item.assigneeId !== userId) {
    throw new TandemError('forbidden', 'Contributors update the items assigned to them; this one is not yours', { action: 'item.update' });
  }
  const others = fields.filter((field) => !(OWN_WORK_FIELDS as readonly string[]).includes(field));
  if (others.length > 0) {
    throw new TandemError('forbidden', `On your own items you may change ${OWN_WORK_FIELDS.join(', ')}; not ${others.join(', ')}`, { action: 'item.update' });
  }
}

/** The PM orders epics and features freely, but the work inside a running sprint is the PO's to order. */
export function assertMayRank(roles: readonly Role[], item: { type: ItemType }, inRunningSprint: boolean): void {
  if (!inRunningSprint || item.type === 'epic' || item.type === 'feature' || isAllowed(roles, 'item.rank_in_sprint')) return;
  throw new TandemError('forbidden', 'This item is in the running sprint; only the product owner (or an owner) reorders it', { action: 'item.rank_in_sprint' });
}
