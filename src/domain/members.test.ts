import { describe, expect, it } from 'vitest';
import { isTandemError } from './errors';
import { assertOwnerRemains } from './members';

const refused = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return isTandemError(error) ? error.code : 'other';
  }
  return null;
};

describe('the last-owner rule', () => {
  it('refuses to demote or remove the only owner', () => {
    expect(refused(() => assertOwnerRemains({ ownerIds: ['a'], userId: 'a', rolesAfter: ['viewer'] }))).toBe('last_owner');
    expect(refused(() => assertOwnerRemains({ ownerIds: ['a'], userId: 'a', rolesAfter: null }))).toBe('last_owner');
  });

  it('allows it when another owner remains, or when the owner keeps the role', () => {
    expect(refused(() => assertOwnerRemains({ ownerIds: ['a', 'b'], userId: 'a', rolesAfter: null }))).toBeNull();
    expect(refused(() => assertOwnerRemains({ ownerIds: ['a'], userId: 'a', rolesAfter: ['owner', 'viewer'] }))).toBeNull();
  });

  it('ignores changes to members who are not owners', () => {
    expect(refused(() => assertOwnerRemains({ ownerIds: ['a'], userId: 'c', rolesAfter: null }))).toBeNull();
  });
});
