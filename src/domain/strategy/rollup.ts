import type { ItemType } from '../../contracts/item.schema';
import { invalidField } from '../errors';

export interface Rollup {
  points: number;
  donePoints: number;
  items: number;
  doneItems: number;
  unestimated: number;
}

export const EMPTY_ROLLUP: Rollup = { points: 0, donePoints: 0, items: 0, doneItems: 0, unestimated: 0 };

/** Delivery progress by points: done points over all points, 0 while nothing is estimated. */
export function withProgress(rollup: Rollup): Rollup & { progress: number } {
  return { ...rollup, progress: rollup.points > 0 ? rollup.donePoints / rollup.points : 0 };
}

/** Epics and features serve initiatives directly; stories, tasks and bugs through them. */
export const ALIGNABLE_TYPES: readonly ItemType[] = ['epic', 'feature'];

export function assertAlignable(type: ItemType): void {
  if (!ALIGNABLE_TYPES.includes(type)) {
    throw invalidField('initiativeIds', `a ${type} serves initiatives through the feature or epic above it; align that instead`);
  }
}

/** A plan's dates: the end on or after the start. `endField` names the end for the error. */
export function assertPeriod(start: string | null, end: string | null, endField: string): void {
  if (start !== null && end !== null && end < start) throw invalidField(endField, `ends (${end}) before it starts (${start})`);
}

/** Stories, tasks and bugs: the work whose points roll up. Epics and features hold work. */
export const WORK_TYPES: readonly ItemType[] = ['story', 'task', 'bug'];

export interface DeliveryNode {
  id: string;
  parentId: string | null;
  type: ItemType;
  estimate: number | null;
  status: string;
  inTrash: boolean;
}

/**
 * The delivery of the work under some roots, by the rule every roll-up
 * follows (a feature, an initiative, a goal, a release): walking down from
 * each root, every story, task or bug met counts once, however many roots
 * reach it. The walk stops at work, since what lies inside a story is part of
 * its estimate, and at the trash, with all below it; canceled work is left out.
 * The store sums the same in SQL for large products; its tests hold it to this.
 */
export function rollUpDelivery(nodes: Iterable<DeliveryNode>, roots: Iterable<string>, statuses: { done: readonly string[]; canceled: readonly string[] }): Rollup {
  const byId = new Map<string, DeliveryNode>();
  const children = new Map<string, DeliveryNode[]>();
  for (const node of nodes) {
    byId.set(node.id, node);
    if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  }
  const work = new Map<string, DeliveryNode>();
  const seen = new Set<string>();
  const visit = (node: DeliveryNode | undefined) => {
    if (!node || node.inTrash || seen.has(node.id)) return;
    seen.add(node.id);
    if (WORK_TYPES.includes(node.type)) {
      if (!statuses.canceled.includes(node.status)) work.set(node.id, node);
      return;
    }
    for (const child of children.get(node.id) ?? []) visit(child);
  };
  for (const root of roots) visit(byId.get(root));
  const rollup = { ...EMPTY_ROLLUP };
  for (const node of work.values()) {
    const done = statuses.done.includes(node.status);
    rollup.items += 1;
    rollup.points += node.estimate ?? 0;
    if (node.estimate === null) rollup.unestimated += 1;
    if (done) {
      rollup.doneItems += 1;
      rollup.donePoints += node.estimate ?? 0;
    }
  }
  return rollup;
}
