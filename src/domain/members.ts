import type { Role } from '../contracts/access.schema';
import { TandemError } from './errors';

/**
 * A workspace always keeps at least one owner: refuses a change that would
 * remove the owner role from the last member holding it.
 */
export function assertOwnerRemains(input: {
  ownerIds: readonly string[];
  userId: string;
  rolesAfter: readonly Role[] | null;
}): void {
  const { ownerIds, userId, rolesAfter } = input;
  const losesOwner = ownerIds.includes(userId) && !(rolesAfter ?? []).includes('owner');
  if (losesOwner && ownerIds.length <= 1) {
    throw new TandemError('last_owner', 'The last owner of a workspace cannot be removed or demoted; make someone else an owner first');
  }
}
