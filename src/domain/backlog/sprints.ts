import { invalidField, TandemError } from '../errors';
import { datesFrom } from '../calendar';

export type SprintState = 'planned' | 'active' | 'completed';

/** Days a member can give this sprint. */
export interface Availability {
  userId: string;
  days: number;
}

/** A finished sprint as velocity history sees it. */
export interface SprintOutcome {
  completedPoints: number;
  /** Person-days the team had available. */
  availableDays: number;
}

/** Points a person-day yields when the team has no finished sprint to learn from. */
export const DEFAULT_POINTS_PER_DAY = 1;
/** Velocity looks back this many finished sprints. */
export const VELOCITY_WINDOW = 3;

/** The team's average completed points over its last finished sprints (newest last); null with no history. */
export function averageVelocity(history: readonly SprintOutcome[]): number | null {
  const recent = history.slice(-VELOCITY_WINDOW);
  if (recent.length === 0) return null;
  return recent.reduce((sum, sprint) => sum + sprint.completedPoints, 0) / recent.length;
}

/**
 * Sprint capacity in points from each member's availability: the person-days
 * on offer times what a person-day has yielded in recent sprints (points
 * completed ÷ person-days available), or one point a day with no history.
 */
export function sprintCapacity(availability: readonly Availability[], history: readonly SprintOutcome[]): { points: number; explanation: string } {
  const days = availability.reduce((sum, member) => sum + member.days, 0);
  const recent = history.slice(-VELOCITY_WINDOW).filter((sprint) => sprint.availableDays > 0);
  const learned = recent.length > 0;
  const rate = learned
    ? recent.reduce((sum, sprint) => sum + sprint.completedPoints, 0) / recent.reduce((sum, sprint) => sum + sprint.availableDays, 0)
    : DEFAULT_POINTS_PER_DAY;
  const points = Math.round(days * rate * 10) / 10;
  const people = availability.filter((member) => member.days > 0).length;
  const source = learned ? `${round(rate)} points per person-day over the last ${recent.length} sprint${recent.length === 1 ? '' : 's'}` : `${rate} point per person-day (no finished sprint yet)`;
  return { points, explanation: `${people} ${people === 1 ? 'person' : 'people'}, ${round(days)} person-days × ${source} = ${points} points` };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Plan dates as `YYYY-MM-DD`: a sprint ends on or after the day it starts. */
export function checkSprintDates(startDate: string, endDate: string): void {
  if (endDate < startDate) throw invalidField('endDate', `the sprint ends (${endDate}) before it starts (${startDate})`);
}

/** Which state changes a sprint allows: planned → active → completed, one way. */
export function assertTransition(from: SprintState, to: SprintState): void {
  const allowed = (from === 'planned' && to === 'active') || (from === 'active' && to === 'completed');
  if (!allowed) {
    const doing = to === 'active' ? 'start' : 'complete';
    throw new TandemError('conflict', `A ${from} sprint cannot be ${doing === 'start' ? 'started' : 'completed'}`);
  }
}

/** The days of a sprint, `YYYY-MM-DD`, first to last. */
export function sprintDays(startDate: string, endDate: string): string[] {
  return datesFrom(startDate, endDate);
}

/** One item's life in a sprint, as the burndown reads it. */
export interface SprintEntry {
  points: number;
  /** Instants (ISO-8601); null when it has not happened. */
  addedAt: string;
  removedAt: string | null;
  doneAt: string | null;
}

export interface BurndownDay {
  date: string;
  /** Points committed and not done at the end of the day; null for days still ahead. */
  remaining: number | null;
  /** A straight line from the points committed at the start down to 0 on the last day. */
  ideal: number;
}

/**
 * The burndown: for each day of the sprint, the points in scope and not yet
 * done at the end of that day (UTC), next to the ideal line. Scope added or
 * removed during the sprint moves the line, which is the point of showing it.
 */
export function burndown(days: readonly string[], entries: readonly SprintEntry[], committedAtStart: number, today: string): BurndownDay[] {
  const last = days.length - 1;
  return days.map((date, index) => {
    const endOfDay = `${date}T23:59:59.999Z`;
    // A one-day sprint's line is already at its end.
    const ideal = last === 0 ? 0 : round(committedAtStart * (1 - index / last));
    if (date > today) return { date, remaining: null, ideal };
    const remaining = entries
      .filter((entry) => entry.addedAt <= endOfDay && !(entry.removedAt && entry.removedAt <= endOfDay) && !(entry.doneAt && entry.doneAt <= endOfDay))
      .reduce((sum, entry) => sum + entry.points, 0);
    return { date, remaining: round(remaining), ideal };
  });
}
