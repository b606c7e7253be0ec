import { describe, expect, it } from 'vitest';
import { equalsSign, formatNumber, isShownExactly } from './format';

describe('numbers in explanations', () => {
  it('shows integers as they are, without thousands separators', () => {
    expect(formatNumber(800)).toBe('800');
    expect(formatNumber(2000)).toBe('2000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });

  it('rounds other numbers to two decimal places and drops trailing zeros', () => {
    expect(formatNumber(0.8)).toBe('0.8');
    expect(formatNumber(80 / 3)).toBe('26.67');
    expect(formatNumber(0.25)).toBe('0.25');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(1.999)).toBe('2');
  });

  it('keeps two significant figures for small values instead of showing 0', () => {
    expect(formatNumber(0.004)).toBe('0.004');
    expect(formatNumber(1 / 3000)).toBe('0.00033');
  });

  it('writes negatives with the minus sign of the formulas', () => {
    expect(formatNumber(-8 / 19)).toBe('−0.42');
    expect(formatNumber(-3)).toBe('−3');
  });

  it('uses ≈ as soon as one shown number is rounded', () => {
    expect(isShownExactly(10.5)).toBe(true);
    expect(isShownExactly(1 / 3)).toBe(false);
    expect(isShownExactly(-0.5)).toBe(true);
    expect(equalsSign(2000, 2, 0.8, 4, 800)).toBe('=');
    expect(equalsSign(100, 1, 0.8, 3, 80 / 3)).toBe('≈');
  });
});
