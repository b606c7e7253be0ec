import { describe, expect, it } from 'vitest';
import { ROLES } from '../../contracts/vocabulary';
import { ACTIONS, isAllowed, PERMISSIONS, primaryRole } from './permissions';

describe('permission matrix', () => {
  it('lets the owner do everything', () => {
    expect(ACTIONS.every((action) => isAllowed(['owner'], action))).toBe(true);
  });

  it('lets viewers only read, and keep views of their own (which nobody else sees)', () => {
    const allowed = ACTIONS.filter((action) => isAllowed(['viewer'], action));
    expect(allowed.filter((action) => !action.endsWith('.read'))).toEqual(['view.save']);
  });

  it('gives the union of permissions to a member holding several roles', () => {
    expect(isAllowed(['viewer'], 'item.create')).toBe(false);
    expect(isAllowed(['viewer', 'contributor'], 'item.create')).toBe(true);
    expect(isAllowed(['stakeholder', 'contributor'], 'item.delete')).toBe(false);
  });

  it('keeps strategy with the PM and the backlog with the PO', () => {
    expect(isAllowed(['product_manager'], 'product.create')).toBe(true);
    expect(isAllowed(['product_owner'], 'product.create')).toBe(false);
    expect(isAllowed(['product_owner'], 'item.delete')).toBe(true);
    expect(isAllowed(['contributor'], 'item.delete')).toBe(false);
  });

  it('allows no one an action without a role and names only known roles', () => {
    expect(isAllowed([], 'item.read')).toBe(false);
    for (const action of ACTIONS) for (const role of PERMISSIONS[action].roles) expect(ROLES).toContain(role);
  });

  it('shows the most powerful role as the headline', () => {
    expect(primaryRole(['viewer', 'product_owner'])).toBe('product_owner');
    expect(primaryRole(['contributor', 'owner'])).toBe('owner');
    expect(() => primaryRole([])).toThrow();
  });
});
