import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Items seeded into the benchmark product. */
  items: number;
  /** Measured seconds per scenario (the warm-up comes on top). */
  durationSeconds: number;
  /** Concurrent connections autocannon keeps open. */
  connections: number;
}

export const USAGE = 'usage: npm run bench -- [--items N] [--duration SECONDS] [--connections C]';

export const DEFAULTS: BenchOptions = { items: 100_000, durationSeconds: 10, connections: 10 };

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
  let values: { items?: string; duration?: string; connections?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { items: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // node:util explains unknown options well; keep its first line only.
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  return {
    items: wholeNumber('items', values.items, DEFAULTS.items, 10_000_000),
    durationSeconds: wholeNumber('duration', values.duration, DEFAULTS.durationSeconds, 3_600),
    connections: wholeNumber('connections', values.connections, DEFAULTS.connections, 1_000),
  };
}
