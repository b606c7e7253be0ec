import { describe, expect, it } from 'vitest';
import { ITEM_TYPES } from '../../contracts/vocabulary';
import type { ItemType } from '../../contracts/item.schema';
import { ALLOWED_PARENTS, canParent, parentProblem } from './hierarchy';

/**
 * The rule, written out pair by pair: epic → feature → story → task | bug;
 * a story may sit under an epic; a bug under a story, feature or epic; an
 * epic has no parent. Every pair not listed is refused.
 */
const ALLOWED: ReadonlyArray<readonly [parent: ItemType, child: ItemType]> = [
  ['epic', 'feature'],
  ['feature', 'story'],
  ['epic', 'story'],
  ['story', 'task'],
  ['story', 'bug'],
  ['feature', 'bug'],
  ['epic', 'bug'],
];

const isAllowed = (parent: ItemType, child: ItemType) => ALLOWED.some(([p, c]) => p === parent && c === child);

const grid = ITEM_TYPES.flatMap((parent) => ITEM_TYPES.map((child) => [parent, child] as const));

describe('which item types may sit under which', () => {
  it('covers all five types', () => {
    expect(Object.keys(ALLOWED_PARENTS).sort()).toEqual([...ITEM_TYPES].sort());
    expect(grid).toHaveLength(25);
  });

  it.each(grid.filter(([parent, child]) => isAllowed(parent, child)))('lets a %s hold a %s', (parent, child) => {
    expect(canParent(parent, child)).toBe(true);
    expect(parentProblem(parent, child)).toBeNull();
  });

  it.each(grid.filter(([parent, child]) => !isAllowed(parent, child)))('refuses a %s holding a %s', (parent, child) => {
    expect(canParent(parent, child)).toBe(false);
    expect(parentProblem(parent, child)).toEqual(expect.any(String));
  });

  it('lets no type sit under its own type', () => {
    for (const type of ITEM_TYPES) expect(canParent(type, type)).toBe(false);
  });

  it('lets nothing sit under a task or a bug', () => {
    for (const child of ITEM_TYPES) {
      expect(canParent('task', child)).toBe(false);
      expect(canParent('bug', child)).toBe(false);
    }
  });

  it('lists the allowed parents of each type, nearest first', () => {
    expect(ALLOWED_PARENTS).toEqual({
      epic: [],
      feature: ['epic'],
      story: ['feature', 'epic'],
      task: ['story'],
      bug: ['story', 'feature', 'epic'],
    });
  });
});

describe('why a child cannot sit under a parent', () => {
  it('says an epic sits at the top, whatever the parent', () => {
    for (const parent of ITEM_TYPES) expect(parentProblem(parent, 'epic')).toBe('an epic sits at the top and has no parent');
  });

  it('names where the child may go instead, and the parent refused', () => {
    expect(parentProblem('story', 'feature')).toBe('a feature goes under an epic, not under a story');
    expect(parentProblem('task', 'story')).toBe('a story goes under a feature or an epic, not under a task');
    expect(parentProblem('epic', 'task')).toBe('a task goes under a story, not under an epic');
    expect(parentProblem('task', 'bug')).toBe('a bug goes under a story or a feature or an epic, not under a task');
  });
});
