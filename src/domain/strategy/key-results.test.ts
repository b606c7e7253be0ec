import { describe, expect, it } from 'vitest';
import { failingFields } from '../prioritization/fields-of.test-helper';
import { assertKeyResult, goalProgress, keyResultProblems, keyResultProgress } from './key-results';

describe('key result progress', () => {
  it('measures a metric that should rise from baseline to target', () => {
    const result = keyResultProgress({ baseline: 40, target: 60, current: 55, direction: 'increase' }, '%');
    expect(result.progress).toBeCloseTo(0.75);
    expect(result).toMatchObject({ achieved: false, regressed: false });
    expect(result.explanation).toBe('55 % on the way 40 → 60 %: 75 %');
  });

  it('measures a metric that should fall the same way: churn from 8 % to 5 %, now 6.5 %', () => {
    const result = keyResultProgress({ baseline: 8, target: 5, current: 6.5, direction: 'decrease' });
    expect(result.progress).toBeCloseTo(0.5);
  });

  it('caps progress at 100 % when the target is passed, and says so', () => {
    const rising = keyResultProgress({ baseline: 100, target: 200, current: 260, direction: 'increase' });
    expect(rising).toMatchObject({ progress: 1, achieved: true, regressed: false });
    expect(rising.explanation).toContain('target passed');
    const falling = keyResultProgress({ baseline: 30, target: 10, current: 9, direction: 'decrease' });
    expect(falling).toMatchObject({ progress: 1, achieved: true });
  });

  it('floors progress at 0 when the metric moved the wrong way, and says so', () => {
    const rising = keyResultProgress({ baseline: 40, target: 60, current: 35, direction: 'increase' });
    expect(rising).toMatchObject({ progress: 0, achieved: false, regressed: true });
    expect(rising.explanation).toContain('wrong way');
    expect(keyResultProgress({ baseline: 8, target: 5, current: 9, direction: 'decrease' })).toMatchObject({ progress: 0, regressed: true });
  });

  it('counts exactly the target as achieved, and no value yet as 0', () => {
    expect(keyResultProgress({ baseline: 0, target: 10, current: 10, direction: 'increase' })).toMatchObject({ progress: 1, achieved: true });
    expect(keyResultProgress({ baseline: 0, target: 10, current: null, direction: 'increase' })).toMatchObject({ progress: 0, achieved: false });
  });
});

describe('goal progress', () => {
  it('averages its key results, each counting the same; an overshoot does not hide a shortfall', () => {
    const done = keyResultProgress({ baseline: 0, target: 10, current: 30, direction: 'increase' });
    const half = keyResultProgress({ baseline: 10, target: 0, current: 5, direction: 'decrease' });
    const none = keyResultProgress({ baseline: 0, target: 10, current: null, direction: 'increase' });
    expect(goalProgress([done, half, none])).toBeCloseTo(0.5);
    expect(goalProgress([])).toBe(0);
  });
});

describe('key result checks', () => {
  it('wants the target on the better side of the baseline', () => {
    expect(keyResultProblems({ baseline: 10, target: 20, direction: 'increase' })).toEqual([]);
    expect(keyResultProblems({ baseline: 10, target: 5, direction: 'decrease' })).toEqual([]);
    expect(failingFields(() => assertKeyResult({ baseline: 10, target: 5, direction: 'increase' }))).toEqual(['target']);
    expect(failingFields(() => assertKeyResult({ baseline: 10, target: 20, direction: 'decrease' }))).toEqual(['target']);
    expect(failingFields(() => assertKeyResult({ baseline: 10, target: 10, direction: 'increase' }))).toEqual(['target']);
  });
});
