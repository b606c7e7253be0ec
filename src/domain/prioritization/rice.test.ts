import { describe, expect, it } from 'vitest';
import { failingFields, untyped } from './fields-of.test-helper';
import { RICE_IMPACTS, rice } from './rice';

describe('RICE', () => {
  it('is reach × impact × confidence ÷ effort, explained with the numbers filled in', () => {
    expect(rice({ reach: 2000, impact: 2, confidence: 0.8, effort: 4 })).toEqual({
      score: 800,
      explanation: 'RICE = reach × impact × confidence ÷ effort = 2000 × 2 × 0.8 ÷ 4 = 800',
    });
  });

  // Sean McBride, "RICE: Simple prioritization for product managers" (Intercom):
  // project 1 reaches 500 × 30 % × 3 months = 450 customers a quarter, massive impact,
  // 100 % confidence, 2 person-months; project 2 reaches 2,000, medium impact, 80 %,
  // 4 person-months; project 3 a one-off 800, high impact, 50 %, 1 person-month.
  it("reproduces Intercom's three example projects and their order", () => {
    const project1 = rice({ reach: 500 * 0.3 * 3, impact: 3, confidence: 1, effort: 2 });
    const project2 = rice({ reach: 2000, impact: 1, confidence: 0.8, effort: 4 });
    const project3 = rice({ reach: 800, impact: 2, confidence: 0.5, effort: 1 });
    expect(project1.score).toBe(675);
    expect(project2.score).toBe(400);
    expect(project3.score).toBe(800);
    expect(project1.explanation).toBe('RICE = reach × impact × confidence ÷ effort = 450 × 3 × 1 ÷ 2 = 675');
    const ranked = [
      ['project 1', project1.score],
      ['project 2', project2.score],
      ['project 3', project3.score],
    ].sort((a, b) => Number(b[1]) - Number(a[1]));
    expect(ranked.map(([name]) => name)).toEqual(['project 3', 'project 1', 'project 2']);
  });

  it('accepts exactly the five impact steps', () => {
    expect(RICE_IMPACTS.map((step) => step.value)).toEqual([3, 2, 1, 0.5, 0.25]);
    for (const { value } of RICE_IMPACTS) expect(rice({ reach: 100, impact: value, confidence: 1, effort: 1 }).score).toBe(100 * value);
    for (const impact of [0, 1.5, 4, 0.3, -1]) expect(failingFields(() => rice({ reach: 100, impact, confidence: 1, effort: 1 }))).toEqual(['inputs.impact']);
  });

  it('keeps the score unrounded and rounds only the explanation, marking it ≈', () => {
    const result = rice({ reach: 100, impact: 1, confidence: 0.8, effort: 3 });
    expect(result.score).toBe(80 / 3);
    expect(result.explanation).toBe('RICE = reach × impact × confidence ÷ effort = 100 × 1 × 0.8 ÷ 3 ≈ 26.67');
  });

  it('takes the boundaries: no reach, no confidence, full confidence, a tiny effort', () => {
    expect(rice({ reach: 0, impact: 3, confidence: 1, effort: 1 }).score).toBe(0);
    expect(rice({ reach: 10, impact: 3, confidence: 0, effort: 1 }).score).toBe(0);
    expect(rice({ reach: 10, impact: 1, confidence: 1, effort: 0.5 }).score).toBe(20);
  });

  it('names the field of each invalid input', () => {
    const valid = { reach: 100, impact: 1, confidence: 0.5, effort: 1 };
    expect(failingFields(() => rice({ ...valid, effort: 0 }))).toEqual(['inputs.effort']);
    expect(failingFields(() => rice({ ...valid, effort: -2 }))).toEqual(['inputs.effort']);
    expect(failingFields(() => rice({ ...valid, confidence: 1.01 }))).toEqual(['inputs.confidence']);
    // A percentage where a fraction belongs is the usual mistake.
    expect(failingFields(() => rice({ ...valid, confidence: 80 }))).toEqual(['inputs.confidence']);
    expect(failingFields(() => rice({ ...valid, confidence: -0.1 }))).toEqual(['inputs.confidence']);
    expect(failingFields(() => rice({ ...valid, reach: -1 }))).toEqual(['inputs.reach']);
  });

  it('requires finite numbers', () => {
    const valid = { reach: 100, impact: 1, confidence: 0.5, effort: 1 };
    expect(failingFields(() => rice({ ...valid, reach: Infinity }))).toEqual(['inputs.reach']);
    expect(failingFields(() => rice({ ...valid, effort: NaN }))).toEqual(['inputs.effort']);
    expect(failingFields(() => rice({ ...valid, impact: untyped<number>('2') }))).toEqual(['inputs.impact']);
    expect(failingFields(() => rice(untyped({})))).toEqual(['inputs.reach', 'inputs.impact', 'inputs.confidence', 'inputs.effort']);
  });

  it('lists every failing field at once', () => {
    expect(failingFields(() => rice({ reach: -5, impact: 5, confidence: 2, effort: 0 }))).toEqual([
      'inputs.reach',
      'inputs.impact',
      'inputs.confidence',
      'inputs.effort',
    ]);
  });
});

describe('RICE with numbers too large to multiply', () => {
  it('refuses them as invalid input instead of scoring Infinity', () => {
    expect(() => rice({ reach: 1e308, impact: 3, confidence: 1, effort: 1 })).toThrow(/too large to score/);
    expect(() => rice({ reach: 1, impact: 1, confidence: 1, effort: 5e-324 })).toThrow(/too large to score/);
  });
});

describe('the RICE impact scale', () => {
  it('is the one the API accepts', async () => {
    const { RICE_IMPACTS: accepted } = await import('../../contracts/prioritization.schema');
    expect(RICE_IMPACTS.map((step) => step.value)).toEqual([...accepted]);
  });
});
