import type { ItemType } from '../../contracts/item.schema';
import { daysFrom } from '../calendar';
import { invalidField } from '../errors';
import { criticalPath, type Dependency } from './dependencies';

/** The roadmap plans epics and features; stories are planned through sprints. */
export const SCHEDULABLE_TYPES: readonly ItemType[] = ['epic', 'feature'];

export function assertSchedulable(type: ItemType): void {
  if (!SCHEDULABLE_TYPES.includes(type)) throw invalidField('itemIdOrKey', `a ${type} is planned through sprints; put the feature or epic above it on the roadmap`);
}

/** Days a plan spans, both ends counted; 0 without both dates. */
export function scheduledDays(startDate: string | null, targetDate: string | null): number {
  return startDate !== null && targetDate !== null ? daysFrom(startDate, targetDate) + 1 : 0;
}

export interface PlannedWork {
  id: string;
  releaseId: string | null;
  startDate: string | null;
  targetDate: string | null;
}

/**
 * Each release's critical path on the timeline: among the planned work in its
 * scope, the chain of dependencies spanning the most scheduled days. Work
 * without both dates counts for nothing, so a path of undated work is empty.
 */
export function releaseCriticalPaths(work: readonly PlannedWork[], dependencies: readonly Dependency[]): Map<string, { ids: string[]; days: number }> {
  const byRelease = new Map<string, PlannedWork[]>();
  for (const item of work) {
    if (item.releaseId === null) continue;
    const scope = byRelease.get(item.releaseId);
    if (scope) scope.push(item);
    else byRelease.set(item.releaseId, [item]);
  }
  const paths = new Map<string, { ids: string[]; days: number }>();
  for (const [releaseId, scope] of byRelease) {
    const { ids, total } = criticalPath(
      scope.map((item) => ({ id: item.id, duration: scheduledDays(item.startDate, item.targetDate) })),
      dependencies,
    );
    paths.set(releaseId, total > 0 ? { ids, days: total } : { ids: [], days: 0 });
  }
  return paths;
}
