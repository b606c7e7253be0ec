import { TandemError } from './errors';

/** Calendar dates as `YYYY-MM-DD`, counted in whole UTC days. */

const DAY_MS = 86_400_000;

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The first and last dates written with four digits for the year, as every Tandem date is. */
export const FIRST_DATE = '0000-01-01';
export const LAST_DATE = '9999-12-31';

/** The date `days` after `date` (before it when negative); refused when that leaves the calendar. */
export function addDays(date: string, days: number): string {
  const time = toTime(date) + days * DAY_MS;
  if (!(time >= toTime(FIRST_DATE) && time <= toTime(LAST_DATE))) {
    throw new TandemError('validation_failed', `${days} days from ${date} falls outside the calendar (${FIRST_DATE} to ${LAST_DATE})`);
  }
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: 0 for the same day, negative when `to` comes first. */
export function daysFrom(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** Every date from `first` to `last`, both included. */
export function datesFrom(first: string, last: string): string[] {
  const span = daysFrom(first, last);
  return Array.from({ length: Math.max(0, span + 1) }, (_, offset) => addDays(first, offset));
}

/** Whether `value` is a real day written as `YYYY-MM-DD` (no 30 February). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toTime(value)) && new Date(toTime(value)).toISOString().slice(0, 10) === value;
}
