import { describe, expect, it } from 'vitest';
import { OWN_WORK_FIELDS } from '../../../domain/access/item-edits';
import { editRightsOf } from './edit-rights';

const mine = { assigneeId: 'dev' };
const theirs = { assigneeId: 'someone-else' };

describe('what the item page lets a person edit', () => {
  it('lets the backlog roles edit every field of any item', () => {
    for (const role of ['owner', 'product_manager', 'product_owner'] as const) {
      const rights = editRightsOf([role], 'pm', theirs);
      expect(rights.mode).toBe('all');
      expect(rights.mayEdit('title')).toBe(true);
      expect(rights.mayEdit('status')).toBe(true);
    }
  });

  it('lets a contributor change only the own-work fields, and only on work assigned to them', () => {
    const rights = editRightsOf(['contributor'], 'dev', mine);
    expect(rights.mode).toBe('own-work');
    for (const field of OWN_WORK_FIELDS) expect(rights.mayEdit(field)).toBe(true);
    for (const field of ['title', 'description', 'assigneeId', 'labels', 'parentId', 'type', 'dueDate', 'customFields']) expect(rights.mayEdit(field)).toBe(false);

    const other = editRightsOf(['contributor'], 'dev', theirs);
    expect(other.mode).toBe('none');
    expect(other.hasOwnWork).toBe(true);
    expect(other.mayEdit('status')).toBe(false);
    expect(editRightsOf(['contributor'], 'dev', { assigneeId: null }).mode).toBe('none');
  });

  it('lets readers change nothing, even on items assigned to them, and nobody edits while signed out', () => {
    for (const role of ['stakeholder', 'viewer'] as const) {
      const rights = editRightsOf([role], 'dev', mine);
      expect(rights.mode).toBe('none');
      expect(rights.hasOwnWork).toBe(false);
      expect(rights.mayEdit('status')).toBe(false);
    }
    expect(editRightsOf(['contributor'], null, mine).mode).toBe('none');
  });
});
