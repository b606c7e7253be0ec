import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { addDays, daysFrom, LAST_DATE } from '../calendar';
import type { FieldError } from '../../contracts/errors';
import { invalidFields } from '../errors';

/**
 * Monte Carlo forecasts from a team's own history. The history is a list of
 * daily throughputs (items finished per day, zero days included); a trial
 * replays the future by drawing one past day at random for each day ahead.
 * Many trials give a distribution, read at 50, 85 and 95 % likelihood.
 *
 * The random source is seeded, so the same inputs and seed give the same
 * answer; with a constant throughput every trial is the same and the forecast
 * is exact.
 */

export const FORECAST_LIMITS = {
  maxHistoryDays: 3660,
  maxDailyThroughput: 10_000,
  maxRemaining: 100_000,
  maxTrials: 100_000,
  defaultTrials: 10_000,
  /** Ten years: beyond it a forecast says nothing useful, and a trial stops counting. */
  maxHorizonDays: 3653,
} as const;

export const LIKELIHOODS = [0.5, 0.85, 0.95] as const;

export interface Percentiles<T> {
  p50: T;
  p85: T;
  p95: T;
}

export interface WhenForecast extends Percentiles<string> {
  trials: number;
  seed: number;
  /** How many trials finished on each date, in date order (a trial past the horizon is not shown). */
  distribution: Array<{ date: string; trials: number }>;
}

export interface HowManyForecast extends Percentiles<number> {
  trials: number;
  seed: number;
  /** The number of days from start to end, both counted. */
  days: number;
  /** How many trials reached each count, in count order. */
  distribution: Array<{ count: number; trials: number }>;
}

interface Simulation {
  throughput: readonly number[];
  trials?: number | undefined;
  seed: number;
}

/** When will `remaining` items be done, starting on `start` (day 1 of the forecast)? */
export function forecastWhen(input: Simulation & { remaining: number; start: string }): WhenForecast {
  const trials = checkSimulation(input, []);
  const { throughput, remaining, start, seed } = input;
  const mean = throughput.reduce((sum, day) => sum + day, 0) / throughput.length;
  if (daysFrom(start, LAST_DATE) < FORECAST_LIMITS.maxHorizonDays) {
    throw invalidFields([{ field: 'start', message: `too late for a forecast: its ${FORECAST_LIMITS.maxHorizonDays}-day horizon would run past ${LAST_DATE}` }]);
  }
  if (remaining / mean > FORECAST_LIMITS.maxHorizonDays) {
    throw invalidFields([
      {
        field: 'remaining',
        message: `at ${round(mean)} items a day, ${remaining} items take about ${Math.round(remaining / mean)} days, past the ${FORECAST_LIMITS.maxHorizonDays}-day horizon of a forecast`,
      },
    ]);
  }
  const draw = sampler(throughput, seed);
  const days = new Array<number>(trials);
  for (let trial = 0; trial < trials; trial += 1) {
    let done = 0;
    let day = 0;
    // With nothing left the work is done on the first day, like work finished that day.
    while (done < remaining && day <= FORECAST_LIMITS.maxHorizonDays) {
      done += draw();
      day += 1;
    }
    days[trial] = Math.max(day, 1);
  }
  days.sort((a, b) => a - b);
  const dateOf = (day: number) => {
    if (day > FORECAST_LIMITS.maxHorizonDays) {
      throw invalidFields([{ field: 'throughput', message: `too few items a day: some trials run past the ${FORECAST_LIMITS.maxHorizonDays}-day horizon` }]);
    }
    return addDays(start, day - 1);
  };
  return {
    ...percentiles((likelihood) => dateOf(days[Math.ceil(likelihood * trials) - 1]!)),
    trials,
    seed,
    distribution: tally(days)
      .filter(([day]) => day <= FORECAST_LIMITS.maxHorizonDays)
      .map(([day, count]) => ({ date: dateOf(day), trials: count })),
  };
}

/** How many items will be done from `start` to `end`, both days counted? */
export function forecastHowMany(input: Simulation & { start: string; end: string }): HowManyForecast {
  const span = daysFrom(input.start, input.end) + 1;
  const problems: FieldError[] = [];
  if (span < 1) problems.push({ field: 'end', message: `the end (${input.end}) comes before the start (${input.start})` });
  else if (span > FORECAST_LIMITS.maxHorizonDays) problems.push({ field: 'end', message: `the span is ${span} days; a forecast reaches ${FORECAST_LIMITS.maxHorizonDays} days at most` });
  const trials = checkSimulation(input, problems);
  const draw = sampler(input.throughput, input.seed);
  const counts = new Array<number>(trials);
  for (let trial = 0; trial < trials; trial += 1) {
    let done = 0;
    for (let day = 0; day < span; day += 1) done += draw();
    counts[trial] = done;
  }
  // "Reached or passed with 85 % likelihood": read from the top, so p85 ≤ p50.
  const fromTop = [...counts].sort((a, b) => b - a);
  return {
    ...percentiles((likelihood) => fromTop[Math.ceil(likelihood * trials) - 1]!),
    trials,
    seed: input.seed,
    days: span,
    distribution: tally(counts.sort((a, b) => a - b)).map(([count, times]) => ({ count, trials: times })),
  };
}

function checkSimulation(input: Simulation, problems: FieldError[]): number {
  const trials = input.trials ?? FORECAST_LIMITS.defaultTrials;
  const { throughput } = input;
  if (throughput.length === 0) problems.push({ field: 'throughput', message: 'needs at least one day of history' });
  else if (throughput.length > FORECAST_LIMITS.maxHistoryDays) problems.push({ field: 'throughput', message: `at most ${FORECAST_LIMITS.maxHistoryDays} days of history` });
  throughput.forEach((day, index) => {
    if (!Number.isInteger(day) || day < 0 || day > FORECAST_LIMITS.maxDailyThroughput) {
      problems.push({ field: `throughput.${index}`, message: `a day's throughput is a whole number of items from 0 to ${FORECAST_LIMITS.maxDailyThroughput}` });
    }
  });
  if (throughput.length > 0 && throughput.every((day) => day === 0)) {
    problems.push({ field: 'throughput', message: 'no item was finished on any day of the history, so there is nothing to forecast from' });
  }
  if (!Number.isInteger(trials) || trials < 1 || trials > FORECAST_LIMITS.maxTrials) problems.push({ field: 'trials', message: `from 1 to ${FORECAST_LIMITS.maxTrials}` });
  if ('remaining' in input) {
    const { remaining } = input as { remaining: unknown };
    if (typeof remaining !== 'number' || !Number.isInteger(remaining) || remaining < 0 || remaining > FORECAST_LIMITS.maxRemaining) {
      problems.push({ field: 'remaining', message: `a whole number of items from 0 to ${FORECAST_LIMITS.maxRemaining}` });
    }
  }
  if (problems.length > 0) throw invalidFields(problems);
  return trials;
}

/** Draws past days uniformly, with replacement, from a seeded generator. */
function sampler(throughput: readonly number[], seed: number): () => number {
  const random = xoroshiro128plus(seed);
  const last = throughput.length - 1;
  return () => throughput[uniformInt(random, 0, last)]!;
}

function percentiles<T>(at: (likelihood: number) => T): Percentiles<T> {
  const [p50, p85, p95] = LIKELIHOODS.map(at) as [T, T, T];
  return { p50, p85, p95 };
}

/** Runs of equal values in a sorted list, as [value, how many]. */
function tally(sorted: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const value of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[0] === value) run[1] += 1;
    else runs.push([value, 1]);
  }
  return runs;
}

const round = (value: number) => Math.round(value * 100) / 100;
