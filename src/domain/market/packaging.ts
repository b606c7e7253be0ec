import type { BILLING_PERIODS, PLAN_INCLUSIONS } from '../../contracts/vocabulary';
import { formatMoney } from './money';

export type BillingPeriod = (typeof BILLING_PERIODS)[number];
export type PlanInclusion = (typeof PLAN_INCLUSIONS)[number];

export interface PackagedPlan {
  id: string;
  name: string;
  /** Null for a plan quoted per deal ("contact us"). */
  priceMinor: number | null;
  currency: string;
  billingPeriod: BillingPeriod;
}

export interface PackagedFeature {
  id: string;
  key: string;
  title: string;
}

/** One feature in one plan. */
export interface PlanFeature {
  planId: string;
  itemId: string;
  inclusion: PlanInclusion;
  note: string;
}

export interface PackagingCell {
  planId: string;
  /** Null when the feature is not in the plan. */
  inclusion: PlanInclusion | null;
  note: string;
}

export interface PackagingRow<F> {
  feature: F;
  cells: PackagingCell[];
}

/**
 * The packaging grid: one row per feature in the order given, one cell per
 * plan in the order given; a feature missing from a plan is absent there.
 */
export function assemblePackaging<F extends { id: string }>(plans: readonly PackagedPlan[], features: readonly F[], entries: readonly PlanFeature[]): Array<PackagingRow<F>> {
  const byCell = new Map(entries.map((entry) => [`${entry.planId} ${entry.itemId}`, entry]));
  return features.map((feature) => ({
    feature,
    cells: plans.map((plan) => {
      const found = byCell.get(`${plan.id} ${feature.id}`);
      return found ? { planId: plan.id, inclusion: found.inclusion, note: found.note } : { planId: plan.id, inclusion: null, note: '' };
    }),
  }));
}

const PERIOD_SUFFIX: Record<BillingPeriod, string> = { monthly: ' / month', yearly: ' / year', one_time: ' one-time', custom: '' };

/** A plan's price as a heading shows it: "€49.00 / month", "€990.00 / year", "Custom pricing". */
export function formatPlanPrice(plan: Pick<PackagedPlan, 'priceMinor' | 'currency' | 'billingPeriod'>): string {
  if (plan.priceMinor === null) return 'Custom pricing';
  if (plan.billingPeriod === 'custom') return `${formatMoney(plan.priceMinor, plan.currency)} (custom terms)`;
  return `${formatMoney(plan.priceMinor, plan.currency)}${PERIOD_SUFFIX[plan.billingPeriod]}`;
}

const INCLUSION_TEXT: Record<PlanInclusion, string> = { included: '✓ Included', limited: '◐ Limited', add_on: '+ Add-on' };

/**
 * Text made safe for one cell of a GitHub-flavoured Markdown table: a pipe
 * would end the cell and a line break the row, so pipes are escaped, breaks
 * become spaces, and backslashes are doubled so that text ending in one does
 * not escape the cell's closing pipe.
 */
export function escapeTableCell(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

function cellText(cell: PackagingCell): string {
  if (cell.inclusion === null) return '—';
  const note = cell.note.trim();
  return note ? `${INCLUSION_TEXT[cell.inclusion]}: ${note}` : INCLUSION_TEXT[cell.inclusion];
}

/**
 * The packaging grid as a Markdown document: a heading, then a table with a
 * column per plan (its name and price) and a row per feature (its key and
 * title), each cell saying included, limited or add-on with its note, or a
 * dash when the feature is not in the plan.
 */
export function packagingToMarkdown(title: string, plans: readonly PackagedPlan[], rows: ReadonlyArray<PackagingRow<PackagedFeature>>): string {
  const lines = [`# ${escapeTableCell(title)}`, ''];
  if (plans.length === 0) {
    lines.push('No pricing plans yet.');
    return `${lines.join('\n')}\n`;
  }
  const header = ['Feature', ...plans.map((plan) => `${plan.name} (${formatPlanPrice(plan)})`)].map(escapeTableCell);
  lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) {
    const cells = [`${row.feature.key} ${row.feature.title}`, ...row.cells.map(cellText)].map(escapeTableCell);
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (rows.length === 0) lines.push('', 'No features are packaged in a plan yet.');
  lines.push('', 'Legend: ✓ Included · ◐ Limited · + Add-on (sold separately) · — not in the plan.');
  return `${lines.join('\n')}\n`;
}
