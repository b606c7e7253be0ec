import { describe, expect, it } from 'vitest';
import { failingFields } from './fields-of.test-helper';
import { valueEffort } from './value-effort';

describe('value vs effort', () => {
  it('scores value ÷ effort and names the quadrant', () => {
    expect(valueEffort({ value: 8, effort: 3 })).toEqual({
      score: 8 / 3,
      quadrant: 'quick_win',
      explanation: 'Value ÷ effort = 8 ÷ 3 ≈ 2.67; value 8 ≥ 5.5 (high), effort 3 < 5.5 (low) → quick win',
    });
  });

  it('places the four quadrants', () => {
    expect(valueEffort({ value: 9, effort: 2 }).quadrant).toBe('quick_win');
    expect(valueEffort({ value: 9, effort: 8 }).quadrant).toBe('big_bet');
    expect(valueEffort({ value: 2, effort: 2 }).quadrant).toBe('fill_in');
    expect(valueEffort({ value: 2, effort: 8 }).quadrant).toBe('time_sink');
    expect(valueEffort({ value: 2, effort: 8 }).explanation).toBe('Value ÷ effort = 2 ÷ 8 = 0.25; value 2 < 5.5 (low), effort 8 ≥ 5.5 (high) → time sink');
  });

  it('counts a rating at the midpoint as high (default 5.5: 1–5 low, 6–10 high)', () => {
    expect(valueEffort({ value: 5.5, effort: 5 }).quadrant).toBe('quick_win');
    expect(valueEffort({ value: 5, effort: 5.5 }).quadrant).toBe('time_sink');
    expect(valueEffort({ value: 6, effort: 6 }).quadrant).toBe('big_bet');
    expect(valueEffort({ value: 5, effort: 5 }).quadrant).toBe('fill_in');
    expect(valueEffort({ value: 1, effort: 1 }).score).toBe(1);
    expect(valueEffort({ value: 10, effort: 1 }).score).toBe(10);
  });

  it('takes a product’s own midpoint', () => {
    expect(valueEffort({ value: 5, effort: 4, midpoint: 5 }).quadrant).toBe('quick_win');
    expect(valueEffort({ value: 5, effort: 4, midpoint: 5 }).explanation).toContain('value 5 ≥ 5 (high), effort 4 < 5 (low)');
  });

  it('names ratings outside 1–10 and a bad midpoint', () => {
    expect(failingFields(() => valueEffort({ value: 0, effort: 5 }))).toEqual(['inputs.value']);
    expect(failingFields(() => valueEffort({ value: 5, effort: 11 }))).toEqual(['inputs.effort']);
    expect(failingFields(() => valueEffort({ value: 5, effort: 5, midpoint: NaN }))).toEqual(['inputs.midpoint']);
    expect(failingFields(() => valueEffort({ value: -1, effort: 0, midpoint: 12 }))).toEqual(['inputs.value', 'inputs.effort', 'inputs.midpoint']);
  });
});
