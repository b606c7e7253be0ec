import { describe, expect, it } from 'vitest';
import { assemblePackaging, escapeTableCell, formatPlanPrice, packagingToMarkdown, type PackagedPlan } from './packaging';

const plans: PackagedPlan[] = [
  { id: 'free', name: 'Free', priceMinor: 0, currency: 'EUR', billingPeriod: 'monthly' },
  { id: 'pro', name: 'Pro', priceMinor: 4900, currency: 'EUR', billingPeriod: 'monthly' },
  { id: 'ent', name: 'Enterprise', priceMinor: null, currency: 'EUR', billingPeriod: 'custom' },
];
const features = [
  { id: 'sso', key: 'APP-12', title: 'SAML single sign-on' },
  { id: 'alerts', key: 'APP-30', title: 'Alerts | Slack & email' },
];

describe('packaging', () => {
  it('assembles the grid, a feature missing from a plan being absent there', () => {
    const rows = assemblePackaging(plans, features, [
      { planId: 'ent', itemId: 'sso', inclusion: 'included', note: '' },
      { planId: 'pro', itemId: 'alerts', inclusion: 'limited', note: '5 alerts' },
    ]);
    expect(rows.map((row) => row.cells.map((cell) => cell.inclusion))).toEqual([
      [null, null, 'included'],
      [null, 'limited', null],
    ]);
  });

  it('prices plans as a heading reads them', () => {
    expect(plans.map(formatPlanPrice)).toEqual(['€0.00 / month', '€49.00 / month', 'Custom pricing']);
    expect(formatPlanPrice({ priceMinor: 99000, currency: 'USD', billingPeriod: 'yearly' })).toBe('$990.00 / year');
    expect(formatPlanPrice({ priceMinor: 29900, currency: 'USD', billingPeriod: 'one_time' })).toBe('$299.00 one-time');
  });

  it('escapes pipes, line breaks and trailing backslashes in table cells', () => {
    expect(escapeTableCell('a | b')).toBe('a \\| b');
    expect(escapeTableCell('line one\r\n  line two\n')).toBe('line one line two');
    expect(escapeTableCell('ends in \\')).toBe('ends in \\\\');
  });

  it('exports the grid as a Markdown table', () => {
    const rows = assemblePackaging(plans, features, [
      { planId: 'ent', itemId: 'sso', inclusion: 'included', note: '' },
      { planId: 'pro', itemId: 'alerts', inclusion: 'limited', note: '5 alerts | no SMS' },
      { planId: 'ent', itemId: 'alerts', inclusion: 'add_on', note: '' },
    ]);
    expect(packagingToMarkdown('Acme Analytics — packaging', plans, rows)).toBe(
      [
        '# Acme Analytics — packaging',
        '',
        '| Feature | Free (€0.00 / month) | Pro (€49.00 / month) | Enterprise (Custom pricing) |',
        '| --- | --- | --- | --- |',
        '| APP-12 SAML single sign-on | — | — | ✓ Included |',
        '| APP-30 Alerts \\| Slack & email | — | ◐ Limited: 5 alerts \\| no SMS | + Add-on |',
        '',
        'Legend: ✓ Included · ◐ Limited · + Add-on (sold separately) · — not in the plan.',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to export', () => {
    expect(packagingToMarkdown('P', [], [])).toBe('# P\n\nNo pricing plans yet.\n');
    expect(packagingToMarkdown('P', plans.slice(0, 1), [])).toContain('No features are packaged in a plan yet.');
  });
});
