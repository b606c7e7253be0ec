import { TandemError } from '../errors';

/**
 * What every scoring framework returns: the number to sort by and the formula
 * with the numbers filled in, so a PO can see why an item landed where it did.
 *
 * `score` is never rounded: it is the exact floating-point result, so sorting
 * and storing lose nothing. Only the numbers shown in `explanation` are
 * rounded (see `formatNumber`).
 */
export interface ScoreResult {
  score: number;
  explanation: string;
}

/**
 * Inputs that are each finite can still multiply past what a number can hold;
 * such a score means nothing, so it is refused as invalid input rather than
 * returned as Infinity or NaN.
 */
export function finiteScore(...values: number[]): void {
  if (values.every(Number.isFinite)) return;
  throw new TandemError('validation_failed', 'inputs: too large to score; use smaller numbers', {
    errors: [{ field: 'inputs', message: 'too large to score; use smaller numbers' }],
  });
}
