import { invalidField } from '../errors';

/** ISO 4217 code: three capital letters. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** The largest price, in minor units, a plan stores (a 32-bit integer column on both dialects). */
export const MAX_PRICE_MINOR = 2_147_483_647;

/**
 * How many decimals a currency's minor unit has (2 for EUR, 0 for JPY, 3 for
 * KWD), from the platform's ISO 4217 data; 2 for a code it does not know.
 */
export function minorDigitsOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,4}))?$/;

/**
 * A decimal price as typed ("49", "49.9", "49.90") read exactly into minor
 * units of the currency, never through a float: "49.90" EUR is 4990 cents.
 * More decimals than the currency has, a sign or anything else is refused,
 * naming `field`.
 */
export function parsePrice(text: string, currency: string, field = 'price'): number {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw invalidField(field, 'a price is a plain decimal number such as 49 or 49.90');
  const digits = minorDigitsOf(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    throw invalidField(field, digits === 0 ? `${currency} prices have no decimals` : `${currency} prices have at most ${digits} decimals`);
  }
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_PRICE_MINOR) throw invalidField(field, 'that price is too large');
  return minor;
}

/** Minor units back to the canonical decimal text of the currency: 4990 EUR is "49.90", 1200 JPY is "1200". */
export function formatDecimal(minor: number, currency: string): string {
  const digits = minorDigitsOf(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A price as people read it, with the currency's symbol: "€49.90", "¥1,200", "US$0.00" is "$0.00". */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigitsOf(currency);
  try {
    // The formatter is given the exact decimal text, so no float rounding reaches the page.
    return new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: digits }).format(formatDecimal(minor, currency) as unknown as number);
  } catch {
    return `${formatDecimal(minor, currency)} ${currency}`;
  }
}
