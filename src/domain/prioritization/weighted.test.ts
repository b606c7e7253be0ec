import { describe, expect, it } from 'vitest';
import { failingFields, untyped } from './fields-of.test-helper';
import { type WeightedCriterion, weighted } from './weighted';

const criteria: WeightedCriterion[] = [
  { id: 'revenue', name: 'Revenue', weight: 3 },
  { id: 'fit', name: 'Strategic fit', weight: 2 },
  { id: 'risk', name: 'Risk', weight: 0 },
];

describe('custom weighted scoring', () => {
  it('is the weighted average Σ weight × value ÷ Σ weight, listing every term', () => {
    expect(weighted({ criteria, values: { revenue: 8, fit: 5, risk: 9 } })).toEqual({
      score: 6.8,
      explanation: 'Weighted score = Σ weight × value ÷ Σ weight = (Revenue 3 × 8 + Strategic fit 2 × 5 + Risk 0 × 9) ÷ (3 + 2 + 0) = 34 ÷ 5 = 6.8',
    });
  });

  it('with equal weights is the plain mean', () => {
    const equal = [
      { id: 'a', name: 'A', weight: 1 },
      { id: 'b', name: 'B', weight: 1 },
      { id: 'c', name: 'C', weight: 1 },
    ];
    expect(weighted({ criteria: equal, values: { a: 2, b: 4, c: 9 } }).score).toBe(5);
    const result = weighted({ criteria: equal, values: { a: 1, b: 1, c: 2 } });
    expect(result.score).toBe(4 / 3);
    expect(result.explanation).toMatch(/= 4 ÷ 3 ≈ 1\.33$/);
  });

  it('ignores values for ids that are not criteria', () => {
    expect(weighted({ criteria, values: { revenue: 8, fit: 5, risk: 9, retired: 100 } }).score).toBe(6.8);
  });

  it('needs a finite value for every criterion, named by criterion id', () => {
    expect(failingFields(() => weighted({ criteria, values: { revenue: 8 } }))).toEqual(['inputs.values.fit', 'inputs.values.risk']);
    expect(failingFields(() => weighted({ criteria, values: { revenue: 8, fit: NaN, risk: 1 } }))).toEqual(['inputs.values.fit']);
    // An id that happens to be an Object.prototype key is still missing.
    expect(failingFields(() => weighted({ criteria: [{ id: 'toString', name: 'T', weight: 1 }], values: {} }))).toEqual(['inputs.values.toString']);
    expect(failingFields(() => weighted({ criteria, values: untyped(null) }))).toEqual(['inputs.values']);
  });

  it('needs weights ≥ 0 with at least one above 0', () => {
    expect(failingFields(() => weighted({ criteria: [{ id: 'a', name: 'A', weight: -1 }], values: { a: 1 } }))).toEqual(['inputs.criteria.0.weight']);
    expect(
      failingFields(() =>
        weighted({
          criteria: [
            { id: 'a', name: 'A', weight: 0 },
            { id: 'b', name: 'B', weight: 0 },
          ],
          values: { a: 1, b: 2 },
        }),
      ),
    ).toEqual(['inputs.criteria']);
    expect(failingFields(() => weighted({ criteria: [{ id: 'a', name: 'A', weight: Infinity }], values: { a: 1 } }))).toEqual(['inputs.criteria.0.weight']);
  });

  it('needs at least one criterion, each with a unique id and a name', () => {
    expect(failingFields(() => weighted({ criteria: [], values: {} }))).toEqual(['inputs.criteria']);
    expect(
      failingFields(() =>
        weighted({
          criteria: [
            { id: 'a', name: 'A', weight: 1 },
            { id: 'a', name: '', weight: 1 },
            untyped(null),
          ],
          values: { a: 1 },
        }),
      ),
    ).toEqual(['inputs.criteria.1.id', 'inputs.criteria.1.name', 'inputs.criteria.2']);
  });
});
