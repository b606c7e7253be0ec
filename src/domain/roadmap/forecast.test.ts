import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar';
import { failingFields } from '../prioritization/fields-of.test-helper';
import { FORECAST_LIMITS, forecastHowMany, forecastWhen } from './forecast';

const start = '2027-01-04';

describe('forecastWhen: the date N items are done', () => {
  it('is exact with a constant throughput: 10 items at 2 a day are done on day 5', () => {
    const forecast = forecastWhen({ throughput: [2, 2, 2], remaining: 10, start, seed: 1 });
    expect([forecast.p50, forecast.p85, forecast.p95]).toEqual(['2027-01-08', '2027-01-08', '2027-01-08']);
    expect(forecast.distribution).toEqual([{ date: '2027-01-08', trials: FORECAST_LIMITS.defaultTrials }]);
  });

  it('counts the start as day 1: what is done on the first day is done on the start date', () => {
    expect(forecastWhen({ throughput: [5], remaining: 3, start, seed: 1 }).p50).toBe(start);
    expect(forecastWhen({ throughput: [5], remaining: 0, start, seed: 1 }).p95).toBe(start);
  });

  it('gives the same answer for the same seed, and may differ for another', () => {
    const input = { throughput: [0, 1, 3, 0, 2, 5, 1, 0, 0, 4], remaining: 40, start, trials: 2000 };
    const once = forecastWhen({ ...input, seed: 42 });
    expect(forecastWhen({ ...input, seed: 42 })).toEqual(once);
    const others = [7, 8, 9].map((seed) => forecastWhen({ ...input, seed }).distribution);
    expect(others.some((distribution) => JSON.stringify(distribution) !== JSON.stringify(once.distribution))).toBe(true);
  });

  it('reads the distribution at 50, 85 and 95 %: a likelier date is never earlier', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 30 }).filter((days) => days.some((day) => day > 0)),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (throughput, remaining, seed) => {
          const forecast = forecastWhen({ throughput, remaining, start, seed, trials: 300 });
          expect(forecast.p50 <= forecast.p85 && forecast.p85 <= forecast.p95).toBe(true);
          expect(forecast.distribution.reduce((sum, entry) => sum + entry.trials, 0)).toBe(300);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('puts each percentile where that share of trials has finished', () => {
    // Half the history finishes 1 item a day, half 3: 6 items take 2 to 6 days.
    const forecast = forecastWhen({ throughput: [1, 3], remaining: 6, start, seed: 3, trials: 4000 });
    const finishedBy = (date: string) => forecast.distribution.filter((entry) => entry.date <= date).reduce((sum, entry) => sum + entry.trials, 0) / 4000;
    for (const [likelihood, date] of [[0.5, forecast.p50], [0.85, forecast.p85], [0.95, forecast.p95]] as const) {
      expect(finishedBy(date)).toBeGreaterThanOrEqual(likelihood);
      expect(finishedBy(addDays(date, -1))).toBeLessThan(likelihood);
    }
    expect(forecast.distribution[0]!.date >= addDays(start, 1)).toBe(true);
    expect(forecast.distribution.at(-1)!.date <= addDays(start, 5)).toBe(true);
  });

  it('refuses a history with no finished item, bad numbers, and a forecast past the horizon, naming the fields', () => {
    expect(failingFields(() => forecastWhen({ throughput: [0, 0], remaining: 5, start, seed: 1 }))).toEqual(['throughput']);
    expect(failingFields(() => forecastWhen({ throughput: [], remaining: 5, start, seed: 1 }))).toEqual(['throughput']);
    expect(failingFields(() => forecastWhen({ throughput: [1, -1, 2.5], remaining: -3, start, seed: 1, trials: 0 }))).toEqual([
      'throughput.1',
      'throughput.2',
      'trials',
      'remaining',
    ]);
    expect(failingFields(() => forecastWhen({ throughput: [1], remaining: 5000, start, seed: 1 }))).toEqual(['remaining']);
    // Its horizon must fit in the calendar, whose last day is 9999-12-31.
    expect(failingFields(() => forecastWhen({ throughput: [1], remaining: 5, start: '9999-12-30', seed: 1 }))).toEqual(['start']);
  });
});

describe('forecastHowMany: the items done between two dates', () => {
  it('is exact with a constant throughput, counting both ends', () => {
    const forecast = forecastHowMany({ throughput: [3], start, end: addDays(start, 9), seed: 5 });
    expect(forecast).toMatchObject({ p50: 30, p85: 30, p95: 30, days: 10 });
    expect(forecastHowMany({ throughput: [3], start, end: start, seed: 5 }).p85).toBe(3);
  });

  it('reads "reached or passed" from the top: p95 ≤ p85 ≤ p50', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 30 }).filter((days) => days.some((day) => day > 0)),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (throughput, extraDays, seed) => {
          const forecast = forecastHowMany({ throughput, start, end: addDays(start, extraDays), seed, trials: 300 });
          expect(forecast.p95 <= forecast.p85 && forecast.p85 <= forecast.p50).toBe(true);
          const reached = (count: number) => forecast.distribution.filter((entry) => entry.count >= count).reduce((sum, entry) => sum + entry.trials, 0) / 300;
          expect(reached(forecast.p85)).toBeGreaterThanOrEqual(0.85);
          expect(reached(forecast.p85 + 1)).toBeLessThan(0.85);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is reproducible with a seed', () => {
    const input = { throughput: [0, 2, 1, 4, 0, 1], start, end: addDays(start, 20), trials: 1000 };
    expect(forecastHowMany({ ...input, seed: 11 })).toEqual(forecastHowMany({ ...input, seed: 11 }));
  });

  it('refuses an end before the start and a span past the horizon', () => {
    expect(failingFields(() => forecastHowMany({ throughput: [1], start, end: addDays(start, -1), seed: 1 }))).toEqual(['end']);
    expect(failingFields(() => forecastHowMany({ throughput: [1], start, end: addDays(start, FORECAST_LIMITS.maxHorizonDays), seed: 1 }))).toEqual(['end']);
  });
});
