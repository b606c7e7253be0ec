import type { ScoreResult } from './score-result';
import { InputErrors } from './validation';

export type MoscowCategory = 'must' | 'should' | 'could' | 'wont';

/**
 * A sortable score per category, must highest. "Won't (this time)" still scores
 * 1, not 0, so a deliberately parked item sorts above an item nobody has
 * categorised yet (which has no score at all).
 */
export const MOSCOW_SCORES: Readonly<Record<MoscowCategory, number>> = { must: 4, should: 3, could: 2, wont: 1 };

const LABELS: Readonly<Record<MoscowCategory, string>> = {
  must: 'Must have',
  should: 'Should have',
  could: 'Could have',
  wont: "Won't have (this time)",
};

const CATEGORIES = Object.keys(MOSCOW_SCORES) as MoscowCategory[];

export function moscow(input: { category: MoscowCategory }): ScoreResult {
  const { category } = input;
  if (!(CATEGORIES as unknown[]).includes(category)) {
    const errors = new InputErrors();
    errors.add('inputs.category', `must be one of ${CATEGORIES.join(', ')}`);
    errors.throwIfAny();
  }
  const score = MOSCOW_SCORES[category];
  return {
    score,
    explanation: `MoSCoW: ${LABELS[category]} = ${score} (must 4 > should 3 > could 2 > won't 1)`,
  };
}
