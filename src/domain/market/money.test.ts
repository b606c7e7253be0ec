import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMoney, minorDigitsOf, parsePrice } from './money';

describe('money', () => {
  it('reads a decimal price exactly into minor units, never through a float', () => {
    expect(parsePrice('49', 'EUR')).toBe(4900);
    expect(parsePrice('49.9', 'EUR')).toBe(4990);
    expect(parsePrice(' 0.29 ', 'USD')).toBe(29);
    // 0.1 + 0.2 style drift would give 1.1 * 100 = 110.00000000000001.
    expect(parsePrice('1.10', 'USD')).toBe(110);
    expect(parsePrice('1200', 'JPY')).toBe(1200);
    expect(parsePrice('1.234', 'KWD')).toBe(1234);
  });

  it('refuses signs, words and more decimals than the currency has, naming the field', () => {
    expect(() => parsePrice('-5', 'EUR')).toThrow(/plain decimal/);
    expect(() => parsePrice('4,90', 'EUR')).toThrow(/plain decimal/);
    expect(() => parsePrice('49.999', 'EUR')).toThrow(/at most 2 decimals/);
    expect(() => parsePrice('12.5', 'JPY')).toThrow(/no decimals/);
    expect(() => parsePrice('99999999999', 'EUR')).toThrow(/too large/);
    try {
      parsePrice('x', 'EUR', 'priceText');
    } catch (error) {
      expect((error as { details: { errors: unknown[] } }).details.errors).toEqual([{ field: 'priceText', message: expect.any(String) }]);
    }
  });

  it('writes minor units back as the canonical decimal and as people read it', () => {
    expect(minorDigitsOf('EUR')).toBe(2);
    expect(minorDigitsOf('JPY')).toBe(0);
    expect(formatDecimal(4990, 'EUR')).toBe('49.90');
    expect(formatDecimal(5, 'EUR')).toBe('0.05');
    expect(formatDecimal(0, 'USD')).toBe('0.00');
    expect(formatDecimal(1200, 'JPY')).toBe('1200');
    expect(formatMoney(4990, 'EUR')).toBe('€49.90');
    expect(formatMoney(123456789, 'USD')).toBe('$1,234,567.89');
    expect(formatMoney(1200, 'JPY')).toBe('¥1,200');
  });
});
