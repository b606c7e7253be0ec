import type { ItemTrace, Traceability } from '../../../contracts/strategy.schema';
import type { Goal, Initiative } from './strategy-model';
import { percentOf } from './strategy-model';

export type Rollup = Traceability['goals'][number]['rollup'];
export type TracedItem = ItemTrace['path'][number];
export type GoalNode = Traceability['goals'][number];
export type InitiativeNode = GoalNode['initiatives'][number];
export type Orphans = Traceability['orphans'];

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
const pointsFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/**
 * A rollup in words, as each level of the tree shows it:
 * "5 of 13 points done · 4 items · 1 unestimated". Points lead because
 * progress is measured in them; unestimated work is named because it is
 * invisible in the bar.
 */
export function rollupText(rollup: Rollup): string {
  if (rollup.items === 0) return 'No delivery work yet';
  const points = `${pointsFormat.format(rollup.donePoints)} of ${pointsFormat.format(rollup.points)} ${rollup.points === 1 ? 'point' : 'points'} done`;
  const parts = [points, `${rollup.doneItems.toLocaleString('en')} of ${plural(rollup.items, 'item', 'items')} done`];
  if (rollup.unestimated > 0) parts.push(`${rollup.unestimated.toLocaleString('en')} unestimated`);
  return parts.join(' · ');
}

/** The bar's read-out for screen readers and tooltips. */
export function rollupValueText(rollup: Rollup): string {
  if (rollup.items === 0) return 'No delivery work yet';
  if (rollup.points === 0) return `Nothing estimated yet; ${rollup.doneItems} of ${plural(rollup.items, 'item', 'items')} done`;
  return `${percentOf(rollup.progress)}% of the points done`;
}

export interface OrphanSummary {
  /** Nothing to flag: every goal has work, every initiative a goal, every open epic and feature an initiative. */
  clean: boolean;
  /** "1 goal without work · 2 unaligned epics and features". */
  text: string;
}

export function orphanSummary(orphans: Orphans): OrphanSummary {
  const parts: string[] = [];
  if (orphans.goalsWithoutWork.length > 0) parts.push(plural(orphans.goalsWithoutWork.length, 'goal without work', 'goals without work'));
  if (orphans.initiativesWithoutGoal.length > 0) parts.push(plural(orphans.initiativesWithoutGoal.length, 'initiative without a goal', 'initiatives without a goal'));
  if (orphans.unalignedCount > 0) parts.push(plural(orphans.unalignedCount, 'unaligned epic or feature', 'unaligned epics and features'));
  return parts.length === 0 ? { clean: true, text: 'Everything is traced: each goal has work, each initiative a goal, each open epic and feature an initiative.' } : { clean: false, text: parts.join(' · ') };
}

/** "Showing 100 of 240": the server lists the first hundred unaligned items and counts them all. */
export function unalignedNote(orphans: Orphans): string | null {
  return orphans.unalignedCount > orphans.unalignedItems.length ? `Showing ${orphans.unalignedItems.length.toLocaleString('en')} of ${orphans.unalignedCount.toLocaleString('en')}.` : null;
}

/** Orphan ids resolved to their goals and initiatives; ids no longer listed (deleted meanwhile) are left out. */
export function resolveOrphans(orphans: Orphans, goals: readonly Goal[], initiatives: readonly Initiative[]): { goals: Goal[]; initiatives: Initiative[] } {
  const goalById = new Map(goals.map((goal) => [goal.id, goal]));
  const initiativeById = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
  return {
    goals: orphans.goalsWithoutWork.flatMap((id) => goalById.get(id) ?? []),
    initiatives: orphans.initiativesWithoutGoal.flatMap((id) => initiativeById.get(id) ?? []),
  };
}

/** Tree node ids: a goal, an initiative under a goal (it can sit under several), an item under that. */
export const nodeId = {
  goal: (goalId: string) => `g:${goalId}`,
  initiative: (goalId: string, initiativeId: string) => `g:${goalId}/i:${initiativeId}`,
  item: (parent: string, itemId: string) => `${parent}/t:${itemId}`,
};

/**
 * Every goal and initiative node of the tree. Those levels are open unless
 * collapsed, so goals and initiatives arriving live show their work; items
 * open on demand, as they load their children.
 */
export function branchIds(tree: Pick<Traceability, 'goals'>): string[] {
  return tree.goals.flatMap((entry) => [nodeId.goal(entry.goal.id), ...entry.initiatives.map((child) => nodeId.initiative(entry.goal.id, child.initiative.id))]);
}

export interface ServedRow {
  initiative: Initiative;
  goals: Goal[];
  /** The item on the path (the item itself or an ancestor) aligned to the initiative; null when that is not known yet. */
  via: TracedItem | null;
}

/**
 * The item page's "Serves": each initiative the item serves, with its goals
 * and the item on its path that is aligned to it (the nearest, when several
 * are). `alignments` holds the initiative ids of each alignable item on the
 * path, by item id, as far as they are loaded.
 */
export function servedRows(trace: ItemTrace, alignments: ReadonlyMap<string, readonly string[]>): ServedRow[] {
  const goalById = new Map(trace.goals.map((goal) => [goal.id, goal]));
  return [...trace.initiatives]
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((initiative) => ({
      initiative,
      goals: initiative.goalIds.flatMap((id) => goalById.get(id) ?? []),
      via: trace.path.find((step) => alignments.get(step.id)?.includes(initiative.id)) ?? null,
    }));
}

/** The epics and features on a trace path: those whose alignment says which initiative comes through which step. */
export const alignableSteps = (path: readonly TracedItem[]): TracedItem[] => path.filter((step) => step.type === 'epic' || step.type === 'feature');
