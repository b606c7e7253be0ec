import { assertMayEdit, OWN_WORK_FIELDS } from '../../../domain/access/item-edits';
import { isAllowed } from '../../../domain/access/permissions';
import { TandemError } from '../../../domain/errors';
import type { Role } from '../../api/types';

/**
 * What the signed-in person may change on an item, by the server's own rule
 * (assertMayEdit): `all` for those allowed item.update, `own-work` for a
 * contributor on an item assigned to them (only OWN_WORK_FIELDS), else `none`.
 */
export interface EditRights {
  mode: 'all' | 'own-work' | 'none';
  /** Whether the person holds item.update_own_work at all (so a note can say why this item is read-only). */
  hasOwnWork: boolean;
  mayEdit: (field: string) => boolean;
}

export function editRightsOf(roles: readonly Role[], userId: string | null, item: { assigneeId: string | null }): EditRights {
  const mayEdit = (field: string): boolean => {
    if (userId === null) return false;
    try {
      assertMayEdit(roles, userId, item, [field]);
      return true;
    } catch (error) {
      if (error instanceof TandemError && error.code === 'forbidden') return false;
      throw error;
    }
  };
  const mode = isAllowed(roles, 'item.update') ? 'all' : OWN_WORK_FIELDS.some(mayEdit) ? 'own-work' : 'none';
  return { mode, hasOwnWork: isAllowed(roles, 'item.update_own_work'), mayEdit: mode === 'all' ? () => true : mode === 'none' ? () => false : mayEdit };
}
