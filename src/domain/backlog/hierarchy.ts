import type { ItemType } from '../../contracts/item.schema';

/**
 * Which item types may sit under which: epic → feature → story → task | bug.
 * A story may also hang straight under an epic, and a bug under whatever it was
 * found in; an epic is always at the top.
 */
export const ALLOWED_PARENTS: Record<ItemType, readonly ItemType[]> = {
  epic: [],
  feature: ['epic'],
  story: ['feature', 'epic'],
  task: ['story'],
  bug: ['story', 'feature', 'epic'],
};

export function canParent(parent: ItemType, child: ItemType): boolean {
  return ALLOWED_PARENTS[child].includes(parent);
}

const article = (type: ItemType) => (type === 'epic' ? 'an epic' : `a ${type}`);

/** Why `child` cannot sit under `parent`, or null when it can. */
export function parentProblem(parent: ItemType, child: ItemType): string | null {
  if (canParent(parent, child)) return null;
  const allowed = ALLOWED_PARENTS[child];
  if (allowed.length === 0) return `${article(child)} sits at the top and has no parent`;
  return `${article(child)} goes under ${allowed.map(article).join(' or ')}, not under ${article(parent)}`;
}
