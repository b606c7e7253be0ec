// Monte Carlo forecast, in process: the domain's own `forecastWhen` and
// `forecastHowMany` with 10,000 trials, timed with performance.now. No IO: the
// budget (≤ 100 ms) is on the simulation a release page or the calculator runs.
import { forecastHowMany, forecastWhen } from '../src/domain/roadmap/forecast';

export interface ForecastFigures {
  trials: number;
  /** Items left in the "when" forecast, and days of history it samples from. */
  remaining: number;
  historyDays: number;
  when: { coldMs: number; medianMs: number; maxMs: number };
  howMany: { days: number; coldMs: number; medianMs: number; maxMs: number };
  warmRuns: number;
}

const TRIALS = 10_000;
const REMAINING = 200;
const HORIZON_DAYS = 90;
const WARM_RUNS = 7;
const round = (value: number) => Math.round(value * 100) / 100;

/** A month of a team's throughput: quiet weekends, uneven weekdays. */
const HISTORY = [0, 3, 1, 4, 2, 5, 0, 0, 2, 6, 1, 3, 2, 0, 0, 4, 2, 2, 7, 1, 0, 0, 3, 3, 1, 2, 5, 0, 0, 2];

function timed(run: () => unknown): { coldMs: number; medianMs: number; maxMs: number } {
  const once = () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };
  const coldMs = once();
  const warm = Array.from({ length: WARM_RUNS }, once).sort((a, b) => a - b);
  return { coldMs: round(coldMs), medianMs: round(warm[Math.floor(warm.length / 2)]!), maxMs: round(warm[warm.length - 1]!) };
}

export function measureForecast(): ForecastFigures {
  let seed = 1;
  const when = timed(() => forecastWhen({ throughput: HISTORY, remaining: REMAINING, start: '2027-01-04', trials: TRIALS, seed: seed++ }));
  const howMany = timed(() => forecastHowMany({ throughput: HISTORY, start: '2027-01-04', end: '2027-04-03', trials: TRIALS, seed: seed++ }));
  return { trials: TRIALS, remaining: REMAINING, historyDays: HISTORY.length, when, howMany: { days: HORIZON_DAYS, ...howMany }, warmRuns: WARM_RUNS };
}
