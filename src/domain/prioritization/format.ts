/**
 * Display rules for explanations. Integers are shown as they are; other numbers
 * are rounded to two decimal places (a value that would round to 0 keeps two
 * significant figures instead, so 0.004 does not read as 0). Negative numbers use
 * the typographic minus sign, matching the formulas. No thousands separators, so
 * a number in an explanation can be pasted back into an input.
 */
export function formatNumber(value: number): string {
  const text = Number.isInteger(value) ? String(value) : roundedText(value);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

function roundedText(value: number): string {
  const rounded = Number(value.toFixed(2));
  return String(rounded === 0 ? Number(value.toPrecision(2)) : rounded);
}

/** Whether `formatNumber` shows the value without rounding it. */
export function isShownExactly(value: number): boolean {
  return Number(formatNumber(value).replace('−', '-')) === value;
}

/**
 * The numbers of a formula as shown, with the sign between the formula and its
 * result, formatting each number once (scores are recomputed by the thousand).
 */
export function shownWithSign(...values: number[]): { texts: string[]; sign: '=' | '≈' } {
  const texts = values.map(formatNumber);
  const exact = texts.every((text, index) => Number(text.replace('−', '-')) === values[index]);
  return { texts, sign: exact ? '=' : '≈' };
}

/**
 * The sign between the filled-in formula and its result: `=` when every number
 * shown is exact, `≈` as soon as one of them had to be rounded for display.
 */
export function equalsSign(...shown: number[]): '=' | '≈' {
  return shown.every(isShownExactly) ? '=' : '≈';
}
