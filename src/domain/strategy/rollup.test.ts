import { describe, expect, it } from 'vitest';
import type { ItemType } from '../../contracts/item.schema';
import { EMPTY_ROLLUP, rollUpDelivery, withProgress, type DeliveryNode } from './rollup';

const STATUSES = { done: ['done'], canceled: ['canceled'] };

const node = (id: string, type: ItemType, parentId: string | null, estimate: number | null = null, status = 'ready', inTrash = false): DeliveryNode => ({
  id,
  parentId,
  type,
  estimate,
  status,
  inTrash,
});

// An epic with two features; the first holds a done story with a task inside it, an open story and a canceled bug; the second an unestimated story.
const backlog = [
  node('epic', 'epic', null),
  node('feature-a', 'feature', 'epic'),
  node('story-done', 'story', 'feature-a', 5, 'done'),
  node('task-inside', 'task', 'story-done', 2, 'ready'),
  node('story-open', 'story', 'feature-a', 3),
  node('bug-canceled', 'bug', 'feature-a', 8, 'canceled'),
  node('feature-b', 'feature', 'epic'),
  node('story-unestimated', 'story', 'feature-b', null, 'in_progress'),
];

describe('delivery roll-up', () => {
  it('sums the points of the stories, tasks and bugs under a feature, and how many of them are done', () => {
    expect(rollUpDelivery(backlog, ['feature-a'], STATUSES)).toEqual({ points: 8, donePoints: 5, items: 2, doneItems: 1, unestimated: 0 });
  });

  it('stops at work: a task inside a story is part of the story’s estimate', () => {
    expect(rollUpDelivery(backlog, ['story-done'], STATUSES)).toEqual({ points: 5, donePoints: 5, items: 1, doneItems: 1, unestimated: 0 });
  });

  it('leaves canceled work out, and counts unestimated work as items without points', () => {
    const rollup = rollUpDelivery(backlog, ['epic'], STATUSES);
    expect(rollup).toEqual({ points: 8, donePoints: 5, items: 3, doneItems: 1, unestimated: 1 });
    expect(withProgress(rollup).progress).toBe(5 / 8);
  });

  it('counts work reached from several roots once: an initiative with the epic and one of its features aligned', () => {
    expect(rollUpDelivery(backlog, ['epic', 'feature-a', 'feature-b'], STATUSES)).toEqual(rollUpDelivery(backlog, ['epic'], STATUSES));
  });

  it('counts a root that is itself work, even one inside another root’s story (a release with a story and its task)', () => {
    expect(rollUpDelivery(backlog, ['story-done', 'task-inside'], STATUSES)).toEqual({ points: 7, donePoints: 5, items: 2, doneItems: 1, unestimated: 0 });
  });

  it('leaves out an item in the trash with everything below it, and roots it does not know', () => {
    const trashed = backlog.map((entry) => (entry.id === 'feature-a' ? { ...entry, inTrash: true } : entry));
    expect(rollUpDelivery(trashed, ['epic'], STATUSES)).toEqual({ points: 0, donePoints: 0, items: 1, doneItems: 0, unestimated: 1 });
    expect(rollUpDelivery(trashed, ['feature-a', 'nowhere'], STATUSES)).toEqual(EMPTY_ROLLUP);
  });

  it('reads done and canceled from the workflow’s own statuses', () => {
    expect(rollUpDelivery(backlog, ['feature-a'], { done: ['done', 'ready'], canceled: [] })).toEqual({ points: 16, donePoints: 8, items: 3, doneItems: 2, unestimated: 0 });
  });

  it('shows no progress while nothing is estimated', () => {
    expect(withProgress(rollUpDelivery(backlog, ['feature-b'], STATUSES)).progress).toBe(0);
  });
});
