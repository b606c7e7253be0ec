import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Items seeded into the benchmark product. */
  items: number;
  /** Measured seconds per scenario (the warm-up comes on top). */
  durationSeconds: number;
  /** Concurrent connections autocannon keeps open. */
  connections: number;
  /** Run only these scenarios: `browser` seeds and opens the web app in Chromium, without the API load. */
  only: 'browser' | null;
}

export const USAGE = 'usage: npm run bench -- [--items N] [--duration SECONDS] [--connections C] [--only browser]';

export const DEFAULTS: BenchOptions = { items: 100_000, durationSeconds: 10, connections: 10, only: null };

const ONLY = ['browser'] as const;

/** A bad command line: printed as one line plus the usage, exit code 2. */
export class UsageError extends Error {}

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max} (got "${raw}")`);
  }
  return value;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let values: { items?: string; duration?: string; connections?: string; only?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { items: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' }, only: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // node:util explains unknown options well; keep its first line only.
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  const only = values.only ?? null;
  if (only !== null && !(ONLY as readonly string[]).includes(only)) throw new UsageError(`--only takes one of: ${ONLY.join(', ')} (got "${only}")`);
  return {
    items: wholeNumber('items', values.items, DEFAULTS.items, 10_000_000),
    durationSeconds: wholeNumber('duration', values.duration, DEFAULTS.durationSeconds, 3_600),
    connections: wholeNumber('connections', values.connections, DEFAULTS.connections, 1_000),
    only: only as BenchOptions['only'],
  };
}
