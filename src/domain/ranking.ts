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

/**
 * "Apply score order": the selected items trade places among themselves so
 * that the highest score takes the highest slot, unscored items last, ties
 * keeping their order. Items outside the selection do not move, and no new key
 * is made: the selection's own keys are handed out again. Returns only the
 * items whose key changes.
 */
export function scoreOrder(selection: ReadonlyArray<{ id: string; rank: string; score: number | undefined }>): Array<{ id: string; rank: string }> {
  const byRank = (a: { rank: string }, b: { rank: string }) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);
  const slots = selection.map((item) => item.rank).sort((a, b) => byRank({ rank: a }, { rank: b }));
  const ordered = [...selection].sort((a, b) => {
    if (a.score === undefined || b.score === undefined) return a.score === b.score ? byRank(a, b) : a.score === undefined ? 1 : -1;
    return b.score - a.score || byRank(a, b);
  });
  return ordered.flatMap((item, index) => (item.rank === slots[index] ? [] : [{ id: item.id, rank: slots[index]! }]));
}
