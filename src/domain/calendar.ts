/** Calendar dates as `YYYY-MM-DD`, counted in whole UTC days. */

const DAY_MS = 86_400_000;

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return new Date(toTime(date) + days * DAY_MS).toISOString().slice(0, 10);
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
