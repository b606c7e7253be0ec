import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Rank keys are fractional strings that sort bytewise: a new key can always be
 * made between two others, so moving an item writes one row and never renumbers.
 */
export function rankAfter(last: string | null): string {
  return generateKeyBetween(last, null);
}

export function ranksAfter(last: string | null, count: number): string[] {
  return generateNKeysBetween(last, null, count);
}
