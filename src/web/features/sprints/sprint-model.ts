import { isAllowed } from '../../../domain/access/permissions';
import type { Role } from '../../api/types';
import type { Burndown, ScopeChange, Sprint } from '../../api/sprint-keys';

/** `1 point`, `2.5 points`. */
export function formatPoints(points: number): string {
  const shown = Number.isInteger(points) ? String(points) : points.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${points === 1 ? 'point' : 'points'}`;
}

export type CapacityTone = 'none' | 'under' | 'near' | 'over';

export interface CapacityState {
  committed: number;
  capacity: number;
  /** How much of the bar is filled, 0 to 100. */
  percent: number;
  /** Points past capacity (0 when within it). */
  overBy: number;
  tone: CapacityTone;
  /** The bar read out in words, for its label and for screen readers. */
  label: string;
}

/** From this share of capacity on, the bar says the sprint is nearly full. */
const NEAR = 0.9;

/**
 * The capacity bar: committed points against what the team can take on.
 * Past capacity it turns to a warning; with no capacity (no availability
 * entered yet) there is nothing to measure against, and it says so.
 */
export function capacityState(committed: number, capacity: number): CapacityState {
  if (capacity <= 0) {
    return { committed, capacity, percent: committed > 0 ? 100 : 0, overBy: 0, tone: 'none', label: `${formatPoints(committed)} committed; no capacity yet` };
  }
  const ratio = committed / capacity;
  const overBy = Math.max(0, Math.round((committed - capacity) * 10) / 10);
  const tone: CapacityTone = committed > capacity ? 'over' : ratio >= NEAR ? 'near' : 'under';
  const base = `${formatPoints(committed).replace(/ points?$/, '')} of ${formatPoints(capacity)} committed`;
  const label = tone === 'over' ? `${base}, ${formatPoints(overBy)} over capacity` : tone === 'near' ? `${base}, nearly full` : base;
  return { committed, capacity, percent: Math.min(100, Math.round(ratio * 100)), overBy, tone, label };
}

export type Zone = 'backlog' | 'sprint';

export interface ScopeAccess {
  /** Whether this person may commit items to the sprint or take them out now. */
  allowed: boolean;
  /** Why not, in words, when not allowed. */
  reason: string | null;
  /** After the start every change of scope is recorded and shown on the burndown. */
  isScopeChange: boolean;
}

/** Who may change what a sprint holds: planners before the start, the PO or an owner while it runs, nobody after. */
export function scopeAccess(roles: readonly Role[], sprint: Pick<Sprint, 'state' | 'name'>): ScopeAccess {
  if (sprint.state === 'completed') return { allowed: false, reason: `${sprint.name} is completed; its scope is history.`, isScopeChange: false };
  if (sprint.state === 'active') {
    return isAllowed(roles, 'sprint.change_scope')
      ? { allowed: true, reason: null, isScopeChange: true }
      : { allowed: false, reason: `${sprint.name} has started: only the product owner or an owner can change its scope now.`, isScopeChange: true };
  }
  return isAllowed(roles, 'sprint.plan')
    ? { allowed: true, reason: null, isScopeChange: false }
    : { allowed: false, reason: 'Your role can see the plan but not change it.', isScopeChange: false };
}

export type PlanRequest = { kind: 'commit'; itemId: string } | { kind: 'remove'; itemId: string };

/**
 * What a drop on the planning page asks the server for: from the backlog into
 * the sprint commits, from the sprint back to the backlog removes; a drop
 * where the item already is, or by someone who may not plan, asks nothing.
 */
export function planDrop(drop: { itemId: string; from: Zone; to: Zone | null }, access: ScopeAccess): PlanRequest | null {
  if (!access.allowed || drop.to === null || drop.to === drop.from) return null;
  return drop.to === 'sprint' ? { kind: 'commit', itemId: drop.itemId } : { kind: 'remove', itemId: drop.itemId };
}

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });

/** `2026-12-07` → `7 Dec` (a plan date has no time zone, so it is read as UTC). */
export const formatPlanDate = (date: string): string => shortDate.format(new Date(`${date}T00:00:00Z`));

export const formatSprintDates = (sprint: Pick<Sprint, 'startDate' | 'endDate'>): string => `${formatPlanDate(sprint.startDate)} – ${formatPlanDate(sprint.endDate)}`;

/** Calendar days from start to end, both counted. */
export function sprintLength(startDate: string, endDate: string): number {
  return Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A new sprint's dates: starting the day after the latest sprint ends (or today), two weeks long. */
export function nextSprintDates(today: string, sprints: ReadonlyArray<Pick<Sprint, 'endDate'>>): { startDate: string; endDate: string } {
  const latestEnd = sprints.reduce<string | null>((latest, sprint) => (latest === null || sprint.endDate > latest ? sprint.endDate : latest), null);
  const start = latestEnd !== null && latestEnd >= today ? addDays(latestEnd, 1) : today;
  return { startDate: start, endDate: addDays(start, 13) };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A next name: `Sprint 4` after `Sprint 3`; `Sprint 1` for the first. */
export function nextSprintName(sprints: ReadonlyArray<Pick<Sprint, 'name'>>): string {
  const numbers = sprints.map((sprint) => /(\d+)\s*$/.exec(sprint.name)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return `Sprint ${numbers.length > 0 ? Math.max(...numbers) + 1 : sprints.length + 1}`;
}

/** Availability as the form edits it: days as typed, per member. */
export interface AvailabilityRow {
  userId: string;
  name: string;
  days: string;
}

/** The body's availability: members with days entered; a blank is "not in this sprint". Null when a value is not a number of days. */
export function toAvailability(rows: readonly AvailabilityRow[]): { value: Array<{ userId: string; days: number }>; errors: Record<string, string> } {
  const value: Array<{ userId: string; days: number }> = [];
  const errors: Record<string, string> = {};
  for (const row of rows) {
    const text = row.days.trim();
    if (text === '') continue;
    const days = Number(text);
    if (!Number.isFinite(days) || days < 0 || days > 365) errors[row.userId] = 'Enter days between 0 and 365';
    else value.push({ userId: row.userId, days });
  }
  return { value, errors };
}

export const totalDays = (availability: ReadonlyArray<{ days: number }>): number => availability.reduce((sum, member) => sum + member.days, 0);

/** Done points as a share of committed, 0 to 100. */
export function progressPercent(sprint: Pick<Sprint, 'committedPoints' | 'completedPoints'>): number {
  if (sprint.committedPoints <= 0) return 0;
  return Math.min(100, Math.round((sprint.completedPoints / sprint.committedPoints) * 100));
}

export const STATE_LABELS: Record<Sprint['state'], string> = { planned: 'Planned', active: 'Running', completed: 'Completed' };

/**
 * A scope change in words a stakeholder reads without help:
 * `Pablo Owner added DEMO-12 “Export CSV” (3 points) on 4 Dec, 10:04`.
 */
export function describeScopeChange(
  change: ScopeChange,
  names: { person: (id: string) => string | undefined },
): string {
  const who = (change.by && names.person(change.by)) || 'Someone';
  const verb = change.change === 'added' ? 'added' : 'took out';
  const points = change.points > 0 ? formatPoints(change.points) : 'not estimated';
  const direction = change.change === 'added' ? 'to the sprint' : 'of the sprint';
  return `${who} ${verb} ${change.key} “${change.title}” (${points}) ${direction} on ${dateTime.format(new Date(change.at))}`;
}

/** The net points scope changes added (negative: taken out). */
export const netScopeChange = (changes: readonly ScopeChange[]): number =>
  changes.reduce((sum, change) => sum + (change.change === 'added' ? change.points : -change.points), 0);

/** The burndown in one sentence, for the chart's accessible summary. */
export function burndownSummary(burndown: Burndown): string {
  const known = burndown.days.filter((day) => day.remaining !== null);
  const last = known.at(-1);
  const start = burndown.committedAtStart;
  if (start === null) return 'The sprint has not started; the burndown begins on its first day.';
  if (!last) return `${formatPoints(start)} committed at the start; no day has ended yet.`;
  const ideal = last.ideal;
  const remaining = last.remaining ?? 0;
  const pace = remaining > ideal ? `${formatPoints(Math.round((remaining - ideal) * 10) / 10)} behind the ideal line` : remaining < ideal ? `${formatPoints(Math.round((ideal - remaining) * 10) / 10)} ahead of the ideal line` : 'on the ideal line';
  return `${formatPoints(start)} committed at the start; ${formatPoints(remaining)} remaining on ${formatPlanDate(last.date)}, ${pace}.`;
}
