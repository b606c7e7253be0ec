import type { BILLING_PERIODS, CAPABILITY_LEVELS, PLAN_INCLUSIONS } from '../../../contracts/vocabulary';

export type { Capability, CapabilityMatrix, Competitor, MatrixCell, Packaging, PricingPlan } from '../../../contracts/market.schema';
export type CapabilityLevel = (typeof CAPABILITY_LEVELS)[number];
export type PlanInclusion = (typeof PLAN_INCLUSIONS)[number];
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const LEVEL_LABELS: Record<CapabilityLevel, string> = { has: 'Has it', partial: 'Partly', none: 'Does not', unknown: 'Unknown' };

/** Shapes that read without colour (the cell also says its level in words to screen readers). */
export const LEVEL_MARKS: Record<CapabilityLevel, string> = { has: '●', partial: '◐', none: '○', unknown: '?' };

export const INCLUSION_LABELS: Record<PlanInclusion, string> = { included: 'Included', limited: 'Limited', add_on: 'Add-on' };
export const INCLUSION_MARKS: Record<PlanInclusion, string> = { included: '✓', limited: '◐', add_on: '+' };

export const PERIOD_LABELS: Record<BillingPeriod, string> = { monthly: 'Monthly', yearly: 'Yearly', one_time: 'One-time', custom: 'Custom (quoted per deal)' };

/** Single keys that set a focused cell's level without opening it: h(as), p(artly), n(o), u(nknown). */
const LEVEL_KEYS: Record<string, CapabilityLevel> = { h: 'has', p: 'partial', n: 'none', u: 'unknown' };

export function levelOfKey(key: string): CapabilityLevel | null {
  return LEVEL_KEYS[key.toLowerCase()] ?? null;
}

/** A website as a card shows it: its host without `www.`; the text itself when it is not an address. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** What a cell says to a screen reader: who, what, how far, and the note. */
export function cellLabel(competitor: string, capability: string, level: CapabilityLevel, note: string): string {
  const base = `${competitor}, ${capability}: ${LEVEL_LABELS[level].toLowerCase()}`;
  return note ? `${base}. ${note}` : base;
}

/** The file name the export is saved under. */
export const exportFileName = (productKey: string) => `${productKey.toLowerCase()}-packaging.md`;

/** A price as typed, for the plan form: a plain decimal or nothing (custom pricing). */
export function priceProblem(text: string, period: BillingPeriod): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return period === 'custom' ? null : 'Give a price, or choose custom pricing';
  return /^\d{1,12}(\.\d{1,4})?$/.test(trimmed) ? null : 'A plain number such as 49 or 49.90';
}
