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
