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
