import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Rank keys are fractional strings that sort bytewise: a new key can always be
 * made between two others, so moving an item writes one row and never renumbers.
 */
export function rankAfter(last: string | null): string {
  return generateKeyBetween(last, null);
}

/** A key strictly between two neighbours; null stands for either end of the list. */
export function rankBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

export function ranksAfter(last: string | null, count: number): string[] {
  return generateNKeysBetween(last, null, count);
}
