import type { CapabilityLevel } from '../domain/market/matrix';
import type { BillingPeriod, PlanInclusion } from '../domain/market/packaging';
import type { ServiceContext } from './context';
import type { ProductRecord, Repositories } from './ports';

/**
 * The demo product's market: three competitors (made-up names), the
 * capabilities the PM compares on, linked to the demo's epics and features by
 * ref, and three pricing plans with their packaging. Funnel breakdowns are a
 * gap on purpose, so the matrix has something to flag.
 */
export const DEMO_COMPETITORS = [
  {
    name: 'Metricly',
    website: 'https://metricly.example',
    positioning: 'Enterprise **digital analytics** suite; sells top-down to data teams.',
    notes: '- Strong funnels and cohorts\n- Annual contracts only; onboarding takes weeks',
  },
  {
    name: 'Glimpse',
    website: 'https://glimpse.example',
    positioning: 'Self-serve event analytics for start-ups; generous free tier.',
    notes: '- Priced per tracked user\n- No SSO below their top plan',
  },
  {
    name: 'Tally Insights',
    website: null,
    positioning: 'BI add-on bundled with a CRM; "good enough" dashboards.',
    notes: 'Shows up in deals where the buyer already owns the CRM.',
  },
] as const;

export interface DemoCapability {
  name: string;
  item: string | null;
  ours: CapabilityLevel;
  /** Levels of the competitors above, in order; a missing one is left unassessed. */
  levels: Array<CapabilityLevel | null>;
  notes?: string[];
}

export const DEMO_CAPABILITIES: readonly DemoCapability[] = [
  { name: 'Guided onboarding', item: 'checklist', ours: 'partial', levels: ['none', 'has', 'none'], notes: ['', 'Interactive product tour'] },
  { name: 'Funnel breakdowns by any property', item: 'breakdown', ours: 'none', levels: ['has', 'partial', 'none'], notes: ['', 'Top 10 values only'] },
  { name: 'Threshold alerts to Slack', item: 'threshold', ours: 'none', levels: ['has', 'none', null] },
  { name: 'SAML single sign-on', item: 'sso', ours: 'partial', levels: ['has', 'partial', 'has'], notes: ['', 'Top plan only'] },
  { name: 'Exportable audit log', item: 'audit', ours: 'none', levels: ['has', 'none', 'unknown'] },
  { name: 'Dashboards under 2 s at 500M events', item: 'performance', ours: 'has', levels: ['partial', 'none', 'none'] },
];

export const DEMO_PLANS: ReadonlyArray<{ name: string; description: string; priceMinor: number | null; billingPeriod: BillingPeriod; features: Array<[ref: string, inclusion: PlanInclusion, note?: string]> }> = [
  { name: 'Starter', description: 'For a first team trying Pulse.', priceMinor: 0, billingPeriod: 'monthly', features: [['checklist', 'included']] },
  {
    name: 'Growth',
    description: 'For product teams running on Pulse every week.',
    priceMinor: 4900,
    billingPeriod: 'monthly',
    features: [
      ['checklist', 'included'],
      ['breakdown', 'included'],
      ['threshold', 'limited', '5 alerts'],
      ['sso', 'add_on', '€8 per seat'],
    ],
  },
  {
    name: 'Enterprise',
    description: 'Security, compliance and scale, quoted per deal.',
    priceMinor: null,
    billingPeriod: 'custom',
    features: [
      ['checklist', 'included'],
      ['breakdown', 'included'],
      ['threshold', 'included'],
      ['sso', 'included'],
      ['audit', 'included'],
    ],
  },
];

/** Writes the demo market into the seed's transaction; `itemIds` maps the demo's refs to item ids. */
export async function seedDemoMarket(
  repos: Pick<Repositories, 'market'>,
  ctx: ServiceContext,
  product: ProductRecord,
  itemIds: ReadonlyMap<string, string>,
  pmId: string | null,
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const { workspaceId } = product;
  const base = { workspaceId, productId: product.id, version: 1, createdAt: at, updatedAt: at };
  const competitorIds: string[] = [];
  for (const spec of DEMO_COMPETITORS) {
    const id = ctx.newId();
    competitorIds.push(id);
    await repos.market.insertCompetitor({ ...base, id, ...spec });
  }
  for (const [position, spec] of DEMO_CAPABILITIES.entries()) {
    const id = ctx.newId();
    await repos.market.insertCapability({ ...base, id, name: spec.name, description: '', itemId: spec.item ? (itemIds.get(spec.item) ?? null) : null, ourLevel: spec.ours, position });
    for (const [index, level] of spec.levels.entries()) {
      if (level === null) continue;
      await repos.market.upsertAssessment({ workspaceId, capabilityId: id, competitorId: competitorIds[index]!, level, note: spec.notes?.[index] ?? '', updatedBy: pmId, updatedAt: at });
    }
  }
  for (const [position, spec] of DEMO_PLANS.entries()) {
    const id = ctx.newId();
    await repos.market.insertPlan({ ...base, id, name: spec.name, description: spec.description, priceMinor: spec.priceMinor, currency: 'EUR', billingPeriod: spec.billingPeriod, position });
    for (const [ref, inclusion, note] of spec.features) {
      await repos.market.upsertPlanFeature({ workspaceId, planId: id, itemId: itemIds.get(ref)!, inclusion, note: note ?? '', updatedBy: pmId, updatedAt: at });
    }
  }
}
