import type { Roadmap } from '../../../contracts/timeline.schema';
import type { ROADMAP_HORIZONS } from '../../../contracts/vocabulary';
import { addDays, daysFrom } from '../../../domain/calendar';
import { formatPlanDate } from '../strategy/strategy-model';

export type { Roadmap };
export type RoadmapItem = Roadmap['items'][number];
export type RoadmapInitiative = Roadmap['initiatives'][number];
export type RoadmapRelease = Roadmap['releases'][number];
export type RoadmapMilestone = Roadmap['milestones'][number];
export type RoadmapConflict = Roadmap['conflicts'][number];
export type Horizon = (typeof ROADMAP_HORIZONS)[number];

export { addDays, daysFrom };

/** A start and a target date, both counted: a plan one day long starts and ends on the same date. */
export interface Plan {
  startDate: string;
  targetDate: string;
}

/** How much of the calendar a screen width holds: days are wide in weeks, narrow in quarters. */
export type Zoom = 'weeks' | 'months' | 'quarters';
export const ZOOMS: readonly Zoom[] = ['weeks', 'months', 'quarters'];
export const ZOOM_LABELS: Record<Zoom, string> = { weeks: 'Weeks', months: 'Months', quarters: 'Quarters' };
export const DAY_WIDTH: Record<Zoom, number> = { weeks: 28, months: 8, quarters: 3 };

export const HORIZON_LABELS: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };
export const HORIZON_HINTS: Record<Horizon, string> = {
  now: 'Being built, or about to be',
  next: 'Shaped and coming up once Now is done',
  later: 'Worth doing; not shaped yet',
};

// ————— the time axis —————

/** The days the timeline shows, from `start` to `end`, both included, each `dayWidth` pixels wide. */
export interface TimeScale {
  start: string;
  end: string;
  dayWidth: number;
}

/** The left edge of a date's day on the axis. */
export const xOfDate = (scale: TimeScale, date: string): number => daysFrom(scale.start, date) * scale.dayWidth;

/** The day under a position on the axis, snapped to whole days. */
export const dateAtX = (scale: TimeScale, x: number): string => addDays(scale.start, Math.floor(x / scale.dayWidth));

/** The axis's whole width. */
export const scaleWidth = (scale: TimeScale): number => (daysFrom(scale.start, scale.end) + 1) * scale.dayWidth;

/**
 * Where a plan's bar sits: from the left edge of its start day to the right
 * edge of its target day, cut to the axis (a plan beyond it shows as one day at its edge).
 */
export function barOf(scale: TimeScale, plan: Plan): { left: number; width: number } {
  const clamp = (date: string) => (date < scale.start ? scale.start : date > scale.end ? scale.end : date);
  const left = xOfDate(scale, clamp(plan.startDate));
  return { left, width: Math.max(scale.dayWidth, xOfDate(scale, clamp(plan.targetDate)) + scale.dayWidth - left) };
}

/** Pixels dragged as whole days, rounded to the nearest day: what a drag snaps to. */
export const daysOfDrag = (pixels: number, dayWidth: number): number => Math.round(pixels / dayWidth) || 0;

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
const monthAfter = (date: string) => {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
};
const lastOfMonth = (date: string) => addDays(monthAfter(date), -1);

/** How far from today the axis reaches at most: ten years either way. */
export const TIMELINE_REACH_DAYS = 3_653;

/**
 * The span the timeline covers: every dated thing on it within the reach, and today, with a
 * margin, from the first of a month to the end of one, so the axis starts and
 * ends on a clean edge; at least `minDays` long, so a sparse roadmap still has room to plan into.
 */
export function timelineRange(dates: ReadonlyArray<string | null>, today: string, minDays = 120): { start: string; end: string } {
  let first = today;
  let last = today;
  // A date decades away (a typo such as 2207) would make an axis no one can scroll; the axis stops at the reach.
  const [earliest, latest] = [addDays(today, -TIMELINE_REACH_DAYS), addDays(today, TIMELINE_REACH_DAYS)];
  for (const date of dates) {
    if (date === null || date < earliest || date > latest) continue;
    if (date < first) first = date;
    if (date > last) last = date;
  }
  const start = firstOfMonth(addDays(first, -14));
  let end = lastOfMonth(addDays(last, 30));
  while (daysFrom(start, end) + 1 < minDays) end = lastOfMonth(addDays(end, 1));
  return { start, end };
}

/** The dates a roadmap puts on the axis. */
export function roadmapDates(roadmap: Pick<Roadmap, 'items' | 'initiatives' | 'releases' | 'milestones'>): Array<string | null> {
  return [
    ...roadmap.items.flatMap((entry) => [entry.startDate, entry.targetDate]),
    ...roadmap.initiatives.flatMap((initiative) => [initiative.startDate, initiative.targetDate]),
    ...roadmap.releases.map((release) => release.targetDate),
    ...roadmap.milestones.map((milestone) => milestone.date),
  ];
}

export interface Tick {
  date: string;
  x: number;
  label: string;
  /** A month (or quarter) boundary, drawn stronger than a week line. */
  major: boolean;
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** `2027-01-04` → `4 Jan`. */
export const formatDayMonth = (date: string): string => dayMonth.format(asDate(date));

/**
 * The axis's labels: Mondays in weeks (months marked), the first of each
 * month in months (January with its year), quarters in quarters.
 */
export function axisTicks(scale: TimeScale, zoom: Zoom): Tick[] {
  const ticks: Tick[] = [];
  if (zoom === 'weeks') {
    // The first Monday on or after the start (1970-01-05 was a Monday).
    let date = addDays(scale.start, (((7 - (daysFrom('1970-01-05', scale.start) % 7)) % 7) + 7) % 7);
    for (; date <= scale.end; date = addDays(date, 7)) {
      const major = Number(date.slice(8, 10)) <= 7;
      ticks.push({ date, x: xOfDate(scale, date), label: major ? `${formatDayMonth(date)} ${date.slice(0, 4)}` : formatDayMonth(date), major });
    }
    return ticks;
  }
  for (let date = firstOfMonth(scale.start); date <= scale.end; date = monthAfter(date)) {
    if (date < scale.start) continue;
    const month = Number(date.slice(5, 7));
    if (zoom === 'quarters') {
      const quarterStart = (month - 1) % 3 === 0;
      ticks.push({ date, x: xOfDate(scale, date), label: quarterStart ? `Q${(month + 2) / 3} ${date.slice(0, 4)}` : '', major: quarterStart });
    } else {
      ticks.push({ date, x: xOfDate(scale, date), label: month === 1 || ticks.length === 0 ? monthYear.format(asDate(date)) : monthName.format(asDate(date)), major: true });
    }
  }
  return ticks;
}

// ————— markers: release targets and milestones —————

export interface Marker {
  id: string;
  kind: 'release' | 'milestone';
  date: string;
  label: string;
  atRisk: boolean;
}

export interface PlacedMarker extends Marker {
  x: number;
  /** The label's line in the header: labels close together stack so none hides another. */
  lane: number;
}

export function markersOf(roadmap: Pick<Roadmap, 'releases' | 'milestones'>): Marker[] {
  const markers: Marker[] = [];
  for (const release of roadmap.releases) {
    if (release.targetDate && release.status !== 'canceled') markers.push({ id: release.id, kind: 'release', date: release.targetDate, label: release.name, atRisk: release.atRisk });
  }
  for (const milestone of roadmap.milestones) markers.push({ id: milestone.id, kind: 'milestone', date: milestone.date, label: milestone.name, atRisk: false });
  return markers.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
}

/**
 * Each marker's x and label lane: a label takes the first lane whose last
 * label ends before it starts (labels are about `charWidth` px per character).
 */
export function layoutMarkers(markers: readonly Marker[], scale: TimeScale, charWidth = 6.5, maxLanes = 3): PlacedMarker[] {
  const laneEnds: number[] = [];
  // A marker beyond the axis (a date past the timeline's reach) is not drawn.
  return markers.filter((marker) => marker.date >= scale.start && marker.date <= scale.end).map((marker) => {
    const x = xOfDate(scale, marker.date) + scale.dayWidth / 2;
    const width = (marker.label.length + (marker.atRisk ? 13 : 3)) * charWidth;
    let lane = laneEnds.findIndex((end) => end + 8 <= x);
    if (lane === -1) lane = laneEnds.length < maxLanes ? laneEnds.length : laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = x + width;
    return { ...marker, x, lane };
  });
}

// ————— rows —————

export interface ItemRow {
  kind: 'item';
  entry: RoadmapItem;
  /** 0 for an epic (or a feature without one on the roadmap), 1 for a feature under its epic. */
  depth: number;
}

export interface RowGroup {
  /** The initiative, or null for the work aligned to none. */
  initiative: RoadmapInitiative | null;
  rows: ItemRow[];
}

const byPlan = (a: RoadmapItem, b: RoadmapItem) =>
  (a.startDate ?? a.targetDate ?? '9999').localeCompare(b.startDate ?? b.targetDate ?? '9999') || a.item.key.localeCompare(b.item.key, 'en', { numeric: true });

/** Planned on the timeline: both dates set. Everything else is listed as not scheduled. */
export const isScheduled = (entry: Pick<RoadmapItem, 'startDate' | 'targetDate'>): entry is Plan => entry.startDate !== null && entry.targetDate !== null;

/**
 * The timeline's rows: by initiative (in the server's order, then "No
 * initiative"), each epic followed by its features, in order of their plans.
 * A feature follows its epic's initiative, unless aligned itself and its epic
 * is not on the roadmap. Work not scheduled is left out (listed apart).
 */
export function groupRows(roadmap: Pick<Roadmap, 'items' | 'initiatives'>): RowGroup[] {
  const scheduled = roadmap.items.filter(isScheduled);
  const byId = new Map(roadmap.items.map((entry) => [entry.item.id, entry]));
  const known = new Set(roadmap.initiatives.map((initiative) => initiative.id));
  const parentOf = (entry: RoadmapItem) => {
    const parent = entry.parentId ? byId.get(entry.parentId) : undefined;
    return parent && isScheduled(parent) ? parent : undefined;
  };
  const initiativeOf = (entry: RoadmapItem): string | null => {
    const own = entry.initiativeIds.find((id) => known.has(id));
    const parent = entry.parentId ? byId.get(entry.parentId) : undefined;
    const inherited = parent?.initiativeIds.find((id) => known.has(id));
    return parentOf(entry) ? (inherited ?? own ?? null) : (own ?? inherited ?? null);
  };
  const tops = scheduled.filter((entry) => !parentOf(entry)).sort(byPlan);
  const childrenOf = new Map<string, RoadmapItem[]>();
  for (const entry of scheduled) {
    const parent = parentOf(entry);
    if (!parent) continue;
    const list = childrenOf.get(parent.item.id) ?? [];
    list.push(entry);
    childrenOf.set(parent.item.id, list);
  }
  const groups = new Map<string | null, ItemRow[]>();
  for (const top of tops) {
    const key = initiativeOf(top);
    const rows = groups.get(key) ?? [];
    rows.push({ kind: 'item', entry: top, depth: 0 });
    for (const child of (childrenOf.get(top.item.id) ?? []).sort(byPlan)) rows.push({ kind: 'item', entry: child, depth: 1 });
    groups.set(key, rows);
  }
  const result: RowGroup[] = [];
  for (const initiative of roadmap.initiatives) {
    const rows = groups.get(initiative.id);
    if (rows) result.push({ initiative, rows });
  }
  const loose = groups.get(null);
  if (loose) result.push({ initiative: null, rows: loose });
  return result;
}

/** Epics and features with no dates (or only one), for the "Not scheduled" list. */
export const unscheduledOf = (roadmap: Pick<Roadmap, 'items'>): RoadmapItem[] => roadmap.items.filter((entry) => !isScheduled(entry)).sort(byPlan);

// ————— moving and resizing —————

export type DragMode = 'move' | 'start' | 'end';

/**
 * A plan after a drag of `days`: moved whole, or one end moved; an end never
 * passes the other (a plan is at least one day long).
 */
export function applyDrag(plan: Plan, mode: DragMode, days: number): Plan {
  if (mode === 'move') return { startDate: addDays(plan.startDate, days), targetDate: addDays(plan.targetDate, days) };
  if (mode === 'start') {
    const startDate = addDays(plan.startDate, days);
    return { startDate: startDate > plan.targetDate ? plan.targetDate : startDate, targetDate: plan.targetDate };
  }
  const targetDate = addDays(plan.targetDate, days);
  return { startDate: plan.startDate, targetDate: targetDate < plan.startDate ? plan.startDate : targetDate };
}

/**
 * The arrow keys on a focused bar: ← → move it a day, with Ctrl (or ⌘) a
 * week, as do Page Up and Page Down; with Shift they move its target date
 * instead, so the plan gets shorter or longer. Null for any other key.
 */
export function stepPlan(plan: Plan, key: string, modifiers: { shift: boolean; ctrl: boolean }): Plan | null {
  let days: number;
  if (key === 'ArrowLeft') days = modifiers.ctrl ? -7 : -1;
  else if (key === 'ArrowRight') days = modifiers.ctrl ? 7 : 1;
  else if (key === 'PageUp') days = -7;
  else if (key === 'PageDown') days = 7;
  else return null;
  return applyDrag(plan, modifiers.shift ? 'end' : 'move', days);
}

export const samePlan = (a: Plan, b: Plan): boolean => a.startDate === b.startDate && a.targetDate === b.targetDate;

/** Days a plan spans, both ends counted. */
export const planDays = (plan: Plan): number => daysFrom(plan.startDate, plan.targetDate) + 1;

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** `DEMO-25: 17 Dec 2026 to 11 Jan 2027, 26 days`: what a screen reader hears as a bar moves. */
export const describePlan = (key: string, plan: Plan): string => `${key}: ${formatPlanDate(plan.startDate)} to ${formatPlanDate(plan.targetDate)}, ${days(planDays(plan))}`;

// ————— dependencies, conflicts and the critical path —————

/** The flag on a blocked bar: "starts before DEMO-22 is due (27 Dec 2026)". */
export function conflictText(conflict: RoadmapConflict, keyOf: (id: string) => string): string {
  return `starts before ${keyOf(conflict.blockerId)} is due (${formatPlanDate(conflict.blockerDate)})`;
}

/** The conflicts of each blocked item, by its id. */
export function conflictsByBlocked(conflicts: readonly RoadmapConflict[]): Map<string, RoadmapConflict[]> {
  const map = new Map<string, RoadmapConflict[]>();
  for (const conflict of conflicts) map.set(conflict.blockedId, [...(map.get(conflict.blockedId) ?? []), conflict]);
  return map;
}

/** "Critical path: 72 days, DEMO-22 → DEMO-25", or what is missing for one. */
export function criticalPathText(release: RoadmapRelease, keyOf: (id: string) => string): string {
  if (release.criticalPath.length === 0) return `${release.name} has no critical path yet: plan the start and target dates of the epics and features in its scope.`;
  return `Critical path: ${days(release.criticalPathDays)}, ${release.criticalPath.map(keyOf).join(' → ')}`;
}

// ————— changes being saved —————

/** What a write changes: an epic's or feature's plan (dates, column), or an initiative's dates. */
export type PlanChange = { startDate?: string | null; targetDate?: string | null; horizon?: Horizon | null };
export interface PlanTarget {
  kind: 'item' | 'initiative';
  id: string;
  /** The key or title a message names it by. */
  label: string;
}

/** The loaded roadmap with the changes still being saved laid over it. */
export function withPending(roadmap: Roadmap, pending: ReadonlyMap<string, PlanChange>): Roadmap {
  if (pending.size === 0) return roadmap;
  return {
    ...roadmap,
    items: roadmap.items.map((entry) => {
      const change = pending.get(`item:${entry.item.id}`);
      return change ? { ...entry, ...change } : entry;
    }),
    initiatives: roadmap.initiatives.map((initiative) => {
      const change = pending.get(`initiative:${initiative.id}`);
      return change ? { ...initiative, startDate: change.startDate ?? initiative.startDate, targetDate: change.targetDate ?? initiative.targetDate } : initiative;
    }),
  };
}

// ————— the Now / Next / Later board —————

export type Column = Horizon | 'unplaced';
export const COLUMNS: readonly Column[] = ['now', 'next', 'later', 'unplaced'];
export const COLUMN_LABELS: Record<Column, string> = { ...HORIZON_LABELS, unplaced: 'Not placed' };

export const horizonOfColumn = (column: Column): Horizon | null => (column === 'unplaced' ? null : column);

/** The board's cards by column: epics first, then features, by key. */
export function boardColumns(items: readonly RoadmapItem[]): Record<Column, RoadmapItem[]> {
  const columns: Record<Column, RoadmapItem[]> = { now: [], next: [], later: [], unplaced: [] };
  const ordered = [...items].sort((a, b) => (a.item.type === b.item.type ? a.item.key.localeCompare(b.item.key, 'en', { numeric: true }) : a.item.type === 'epic' ? -1 : 1));
  for (const entry of ordered) columns[entry.horizon ?? 'unplaced'].push(entry);
  return columns;
}

/** The column a card goes to with Shift+← or Shift+→, or null at the edge. */
export function adjacentColumn(column: Column, direction: -1 | 1): Column | null {
  return COLUMNS[COLUMNS.indexOf(column) + direction] ?? null;
}

/** About how wide a conflict flag is: its icon and padding, and 11.5 px text at ~6 px a character. */
const flagWidth = (text: string) => 28 + text.length * 6;

/**
 * Where a bar's conflict flag goes on its track: after the bar, or before it
 * when it would run past the end of the timeline and fits before the bar.
 */
export function flagPlacement(bar: { left: number; width: number }, trackWidth: number, text: string): { left: number } | { right: number } {
  const width = flagWidth(text);
  const after = bar.left + bar.width + 6;
  if (after + width <= trackWidth || bar.left - 6 - width < 0) return { left: after };
  return { right: trackWidth - bar.left + 6 };
}
