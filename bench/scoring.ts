// Score recomputation, in process: the domain's own `rice` over 100k inputs,
// timed with performance.now. No IO: the budget is on the computation, the
// part that runs when a product's scoring changes and every score is redone.
import { rice, type RiceInputs } from '../src/domain/prioritization/rice';
import { syntheticRiceInputs } from '../src/services/demo-data';

export interface RecomputeFigures {
  items: number;
  /** The first pass, with the JIT still cold. */
  coldMs: number;
  /** Median of the warm passes: what a long-running server pays. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  warmRuns: number;
}

const WARM_RUNS = 7;
const round = (value: number) => Math.round(value * 100) / 100;

function recomputeAll(inputs: readonly RiceInputs[]): number {
  let checksum = 0;
  // The explanations are built too, as the stored scores hold them; summing keeps the work from being optimised away.
  for (const input of inputs) {
    const result = rice(input);
    checksum += result.score + result.explanation.length;
  }
  return checksum;
}

/** Times the recomputation of `items` RICE scores from the inputs the seed stores (generated for every item here). */
export function measureRecompute(items: number): RecomputeFigures {
  const inputs = Array.from({ length: items }, (_, n) => syntheticRiceInputs(n));
  const time = () => {
    const started = performance.now();
    const checksum = recomputeAll(inputs);
    const elapsed = performance.now() - started;
    if (!Number.isFinite(checksum)) throw new Error('score recomputation produced a non-finite score');
    return elapsed;
  };
  const coldMs = time();
  const warm = Array.from({ length: WARM_RUNS }, time).sort((a, b) => a - b);
  return {
    items,
    coldMs: round(coldMs),
    medianMs: round(warm[Math.floor(warm.length / 2)]!),
    minMs: round(warm[0]!),
    maxMs: round(warm[warm.length - 1]!),
    warmRuns: WARM_RUNS,
  };
}
