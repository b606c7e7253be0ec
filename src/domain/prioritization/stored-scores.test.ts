import { describe, expect, it } from 'vitest';
import { ITEM_SORTS, SCORED_FRAMEWORKS } from '../../contracts/vocabulary';
import { TandemError } from '../errors';
import { scoreOrder } from '../ranking';
import { buildScoringCriteria } from './criteria';
import { scoreItem } from './evaluate';

describe('scoring an item for storage', () => {
  it('scores a Kano survey by its better coefficient, explained with its category', () => {
    const result = scoreItem(
      {
        framework: 'kano',
        inputs: {
          responses: [
            { functional: 'like', dysfunctional: 'neutral' },
            { functional: 'like', dysfunctional: 'dislike' },
          ],
        },
      },
      [],
    );
    expect(result.score).toBe(1);
    expect(result.explanation).toMatch(/better/i);
  });

  it('scores the weighted framework with the product’s criteria', () => {
    const criteria = [
      { id: 'r', name: 'Revenue', weight: 3 },
      { id: 's', name: 'Strategy', weight: 1 },
    ];
    expect(scoreItem({ framework: 'weighted', inputs: { values: { r: 8, s: 4 } } }, criteria).score).toBe(7);
  });

  it('refuses a weighted score in a product without criteria', () => {
    expect(() => scoreItem({ framework: 'weighted', inputs: { values: {} } }, [])).toThrow(/no scoring criteria/);
  });

  it('offers a backlog sort for every stored framework', () => {
    expect(ITEM_SORTS).toEqual(['rank', ...SCORED_FRAMEWORKS.map((framework) => `score:${framework}`)]);
  });
});

describe('apply score order', () => {
  it('hands the selection’s own keys out again, highest score first, unscored last', () => {
    const moves = scoreOrder([
      { id: 'a', rank: 'a0', score: 1 },
      { id: 'b', rank: 'a3', score: undefined },
      { id: 'c', rank: 'a5', score: 9 },
      { id: 'd', rank: 'a7', score: 4 },
    ]);
    expect(moves).toEqual([
      { id: 'c', rank: 'a0' },
      { id: 'd', rank: 'a3' },
      { id: 'a', rank: 'a5' },
      { id: 'b', rank: 'a7' },
    ]);
  });

  it('keeps ties in their current order and leaves items already in place out', () => {
    const moves = scoreOrder([
      { id: 'a', rank: 'a0', score: 5 },
      { id: 'b', rank: 'a1', score: 5 },
      { id: 'c', rank: 'a2', score: undefined },
    ]);
    expect(moves).toEqual([]);
  });
});

describe('weighted-scoring criteria', () => {
  let n = 0;
  const newId = () => `c${(n += 1)}`;

  it('keeps named ids and gives new criteria fresh ones', () => {
    const built = buildScoringCriteria([{ id: 'x', name: 'Revenue', weight: 2 }, { name: 'Reach', weight: 1 }], [{ id: 'x', name: 'Old', weight: 1 }], newId);
    expect(built[0]).toEqual({ id: 'x', name: 'Revenue', weight: 2 });
    expect(built[1]!.id).toMatch(/^c\d+$/);
  });

  it('refuses duplicate names, unknown ids and all-zero weights, naming each field', () => {
    try {
      buildScoringCriteria(
        [
          { id: 'nope', name: 'Revenue', weight: 0 },
          { name: 'revenue', weight: 0 },
        ],
        [],
        newId,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TandemError);
      expect((error as TandemError).details.errors!.map((entry) => entry.field)).toEqual(['criteria.0.id', 'criteria.1.name', 'criteria']);
    }
  });
});
