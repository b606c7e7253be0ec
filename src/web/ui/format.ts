const relative = {
  narrow: new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'narrow' }),
  long: new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'long' }),
};
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** `3d ago` for dense rows; `style: 'long'` spells it out (`3 days ago`) where there is room to read it. */
export function timeAgo(iso: string, now: number = Date.now(), style: 'narrow' | 'long' = 'narrow'): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative[style].format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));
