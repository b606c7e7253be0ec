import { daysFrom } from '../../../domain/calendar';
import { goalProgress } from '../../../domain/strategy/key-results';
import type { Goal, Initiative, KeyResult } from '../../../contracts/strategy.schema';
import type { INITIATIVE_STATUSES, KEY_RESULT_DIRECTIONS } from '../../../contracts/vocabulary';

export type { Goal, Initiative, ItemTrace, KeyResult, Traceability } from '../../../contracts/strategy.schema';
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export type Direction = (typeof KEY_RESULT_DIRECTIONS)[number];

export const INITIATIVE_STATUS_LABELS: Record<InitiativeStatus, string> = { proposed: 'Proposed', active: 'Active', completed: 'Completed', dropped: 'Dropped' };
export const DIRECTION_LABELS: Record<Direction, string> = { increase: 'Should rise', decrease: 'Should fall' };

/** A fraction 0–1 as a whole percentage, kept within 0–100 for bars. */
export const percentOf = (fraction: number): number => Math.round(Math.min(1, Math.max(0, fraction)) * 100);

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** `20 hours`, `15%`, `3 deals`, `1,200`: a measure with its unit (percent sits on the number). */
export function formatMeasure(value: number, unit: string): string {
  const shown = numberFormat.format(value);
  if (!unit) return shown;
  return unit === '%' ? `${shown}%` : `${shown} ${unit}`;
}

export type KeyResultState = 'unmeasured' | 'achieved' | 'regressed' | 'moving';

/** Where a key result stands, in one word a badge can show: the server's flags, and whether anyone has measured it yet. */
export function keyResultState(keyResult: Pick<KeyResult, 'current' | 'achieved' | 'regressed'>): KeyResultState {
  if (keyResult.current === null) return 'unmeasured';
  if (keyResult.achieved) return 'achieved';
  if (keyResult.regressed) return 'regressed';
  return 'moving';
}

export const KEY_RESULT_STATE_LABELS: Record<KeyResultState, string> = {
  unmeasured: 'No value yet',
  achieved: 'Achieved',
  regressed: 'Moved the wrong way',
  moving: 'On the way',
};

/**
 * A key result read out in one sentence, for its bar's screen-reader text and
 * tooltip: "Churn should fall from 8% to 4%; now 7%, 25% of the way."
 */
export function describeKeyResult(keyResult: Pick<KeyResult, 'name' | 'unit' | 'baseline' | 'target' | 'current' | 'direction' | 'progress' | 'achieved' | 'regressed'>): string {
  const verb = keyResult.direction === 'increase' ? 'should rise' : 'should fall';
  const span = `${keyResult.name} ${verb} from ${formatMeasure(keyResult.baseline, keyResult.unit)} to ${formatMeasure(keyResult.target, keyResult.unit)}`;
  if (keyResult.current === null) return `${span}; no value recorded yet.`;
  const now = `now ${formatMeasure(keyResult.current, keyResult.unit)}`;
  const state = keyResultState(keyResult);
  if (state === 'achieved') return `${span}; ${now}: achieved.`;
  if (state === 'regressed') return `${span}; ${now}: moved the wrong way.`;
  return `${span}; ${now}, ${percentOf(keyResult.progress)}% of the way.`;
}

/** Confidence as people say it ("60% confident"); null when nobody has given one. */
export const confidenceText = (confidence: number | null): string | null => (confidence === null ? null : `${percentOf(confidence)}% confident`);

export type Phase = 'upcoming' | 'running' | 'ended';

export interface TimeBox {
  phase: Phase;
  /** `1 Jan – 31 Mar 2027`. */
  dates: string;
  /** `45 days left`, `Ends today`, `Starts in 3 days`, `Ended 2 days ago`. */
  remaining: string;
  /** How much of the time box has gone by, 0–1: a goal's progress reads against it. */
  elapsed: number;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** `2027-01-01` → `1 Jan 2027`: a plan date has no time zone, so it is read as UTC. */
export const formatPlanDate = (date: string): string => dayMonthYear.format(asDate(date));

/** `1 Jan – 31 Mar 2027`; the year shows once when both dates share it. */
export function formatPeriod(start: string, end: string): string {
  if (start.slice(0, 4) === end.slice(0, 4)) return `${dayMonth.format(asDate(start))} – ${dayMonthYear.format(asDate(end))}`;
  return `${formatPlanDate(start)} – ${formatPlanDate(end)}`;
}

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** A goal's time box as of `today` (YYYY-MM-DD): its dates, what is left, and how much has gone by. */
export function timeBoxOf(period: { startDate: string; endDate: string }, today: string): TimeBox {
  const dates = formatPeriod(period.startDate, period.endDate);
  const length = daysFrom(period.startDate, period.endDate) + 1;
  if (today < period.startDate) return { phase: 'upcoming', dates, remaining: `Starts in ${days(daysFrom(today, period.startDate))}`, elapsed: 0 };
  if (today > period.endDate) return { phase: 'ended', dates, remaining: `Ended ${days(daysFrom(period.endDate, today))} ago`, elapsed: 1 };
  const left = daysFrom(today, period.endDate);
  return { phase: 'running', dates, remaining: left === 0 ? 'Ends today' : `${days(left)} left`, elapsed: (daysFrom(period.startDate, today) + 1) / length };
}

/**
 * Whether a running goal keeps pace with its calendar: outcome progress well
 * behind the share of time gone is worth a look. The slack keeps early days,
 * when nothing has been measured yet, from crying wolf.
 */
export function isBehind(progress: number, timeBox: Pick<TimeBox, 'phase' | 'elapsed'>, slack = 0.15): boolean {
  return timeBox.phase !== 'upcoming' && progress < 1 && progress + slack < timeBox.elapsed;
}

/** A moment as a plan date in the user's own calendar: what "today" means to them. */
export const planDateOf = (moment: Date): string =>
  `${moment.getFullYear()}-${String(moment.getMonth() + 1).padStart(2, '0')}-${String(moment.getDate()).padStart(2, '0')}`;

/** The quarter a date falls in, as the default time box of a new goal. */
export function quarterOf(today: string): { startDate: string; endDate: string } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const startMonth = quarter * 3 + 1;
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, startMonth + 2, 0)).toISOString().slice(0, 10);
  return { startDate: start, endDate: end };
}

/** `Jan 2027 → Apr 2027`, `From 3 Feb 2027`, `Until …`, or null with neither date. */
export function initiativeDates(initiative: Pick<Initiative, 'startDate' | 'targetDate'>): string | null {
  const { startDate, targetDate } = initiative;
  if (startDate && targetDate) return formatPeriod(startDate, targetDate);
  if (startDate) return `From ${formatPlanDate(startDate)}`;
  if (targetDate) return `Target ${formatPlanDate(targetDate)}`;
  return null;
}

/** Goals in the order of their time boxes, then by title: the strategy page and the pickers list them alike. */
export function byTimeBox(goals: readonly Goal[]): Goal[] {
  return [...goals].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate) || a.title.localeCompare(b.title));
}

/** Initiatives by status (active first, dropped last), then by target date (undated last), then title. */
export function byStatus(initiatives: readonly Initiative[]): Initiative[] {
  const order: Record<InitiativeStatus, number> = { active: 0, proposed: 1, completed: 2, dropped: 3 };
  return [...initiatives].sort(
    (a, b) => order[a.status] - order[b.status] || (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.title.localeCompare(b.title),
  );
}

/**
 * The cached goals with one key result added or replaced (unless the cache
 * already holds a newer version of it), the goal's progress recomputed by the
 * domain's own rule: a recorded value moves the bars before the refetch lands.
 */
export function withKeyResult(goals: readonly Goal[], keyResult: KeyResult): Goal[] {
  return goals.map((goal) => {
    if (goal.id !== keyResult.goalId) return goal;
    const index = goal.keyResults.findIndex((candidate) => candidate.id === keyResult.id);
    if (index >= 0 && goal.keyResults[index]!.version > keyResult.version) return goal;
    const keyResults = index >= 0 ? goal.keyResults.map((candidate, at) => (at === index ? keyResult : candidate)) : [...goal.keyResults, keyResult];
    return { ...goal, keyResults, progress: goalProgress(keyResults) };
  });
}
