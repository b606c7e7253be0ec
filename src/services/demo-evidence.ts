import type { InsightImportance } from '../domain/evidence/evidence';
import type { InsightKind, InsightSource } from '../domain/evidence/insight-csv';
import { addDays } from '../domain/calendar';
import type { ServiceContext } from './context';
import type { ProductRecord, Repositories } from './ports';

/**
 * The demo's customer evidence: three segments, eight customers (made-up
 * names), two personas, and a dozen insights linked to the demo's features by
 * ref with the passage that asks for each. SSO draws the most revenue, funnel
 * breakdowns the most customers; two insights wait in the inbox, unlinked.
 */
export const DEMO_SEGMENTS = [
  { name: 'Enterprise', description: 'More than 1,000 employees; security review before purchase.' },
  { name: 'Mid-market', description: '100 to 1,000 employees; a product team of their own.' },
  { name: 'Start-up', description: 'Fewer than 100 employees; self-serve.' },
] as const;

type SegmentName = (typeof DEMO_SEGMENTS)[number]['name'];

export const DEMO_CUSTOMERS: ReadonlyArray<{ name: string; segment: SegmentName; plan: string; annualRevenue: number }> = [
  { name: 'Northwind Logistics', segment: 'Enterprise', plan: 'Enterprise', annualRevenue: 180_000 },
  { name: 'Helios Bank', segment: 'Enterprise', plan: 'Enterprise (trial)', annualRevenue: 240_000 },
  { name: 'Umbra Health', segment: 'Enterprise', plan: 'Enterprise', annualRevenue: 95_000 },
  { name: 'Brightside Retail', segment: 'Mid-market', plan: 'Growth', annualRevenue: 36_000 },
  { name: 'Foxglove Media', segment: 'Mid-market', plan: 'Growth', annualRevenue: 28_000 },
  { name: 'Kestrel Apps', segment: 'Start-up', plan: 'Starter', annualRevenue: 2_400 },
  { name: 'Loop & Co', segment: 'Start-up', plan: 'Growth', annualRevenue: 5_900 },
  { name: 'Pinecone Studio', segment: 'Start-up', plan: 'Starter', annualRevenue: 0 },
];

export const DEMO_PERSONAS: ReadonlyArray<{ name: string; description: string; goals: string; pains: string; items: string[] }> = [
  {
    name: 'Ines, IT administrator',
    description: 'Runs identity and access for a 3,000-person company; signs off every new tool.',
    goals: '- Every SaaS tool behind the company SSO\n- Leavers lose access the day they leave',
    pains: '- Tools that need manual invites\n- No audit trail to show the auditors',
    items: ['sso', 'enforce', 'audit'],
  },
  {
    name: 'Gabriel, growth PM',
    description: 'Owns activation and conversion at a mid-market SaaS company.',
    goals: '- Know which audience converts, and why\n- Answer the CEO’s questions without an analyst',
    pains: '- Funnels that cannot be split by plan or country\n- Waiting a week for a data export',
    items: ['breakdown', 'checklist'],
  },
];

export interface DemoInsight {
  text: string;
  kind: InsightKind;
  source: InsightSource;
  customer: string | null;
  /** Days before the seed. */
  daysAgo: number;
  links: Array<{ item: string; passage: string | null; importance: InsightImportance }>;
}

export const DEMO_INSIGHTS: readonly DemoInsight[] = [
  {
    text: 'Our security team will not sign the renewal until Pulse sits behind Okta. We need SAML SSO, and we need to enforce it for everyone.',
    kind: 'quote',
    source: 'sales',
    customer: 'Helios Bank',
    daysAgo: 12,
    links: [
      { item: 'sso', passage: 'We need SAML SSO', importance: 'critical' },
      { item: 'enforce', passage: 'enforce it for everyone', importance: 'important' },
    ],
  },
  {
    text: 'We offboard about forty people a month. Removing each of them from Pulse by hand is the one task IT complains about.',
    kind: 'quote',
    source: 'interview',
    customer: 'Northwind Logistics',
    daysAgo: 20,
    links: [{ item: 'sso', passage: 'Removing each of them from Pulse by hand', importance: 'important' }],
  },
  {
    text: 'Auditors asked who changed the revenue dashboard in March. We could not tell them.',
    kind: 'quote',
    source: 'support',
    customer: 'Umbra Health',
    daysAgo: 9,
    links: [{ item: 'audit', passage: 'who changed the revenue dashboard', importance: 'critical' }],
  },
  {
    text: 'Procurement checklist: SSO, audit log export, EU data residency. Two of three missing today.',
    kind: 'note',
    source: 'sales',
    customer: 'Northwind Logistics',
    daysAgo: 30,
    links: [
      { item: 'sso', passage: 'SSO', importance: 'critical' },
      { item: 'audit', passage: 'audit log export', importance: 'important' },
    ],
  },
  {
    text: 'I want to split the signup funnel by plan and by country. Right now I export to a spreadsheet every Monday.',
    kind: 'quote',
    source: 'interview',
    customer: 'Brightside Retail',
    daysAgo: 6,
    links: [{ item: 'breakdown', passage: 'split the signup funnel by plan and by country', importance: 'critical' }],
  },
  {
    text: 'Funnel by campaign source would tell us which channel is worth the money.',
    kind: 'quote',
    source: 'survey',
    customer: 'Foxglove Media',
    daysAgo: 15,
    links: [{ item: 'breakdown', passage: 'Funnel by campaign source', importance: 'important' }],
  },
  {
    text: 'Love the product. Wish I could break the funnel down by device.',
    kind: 'quote',
    source: 'review',
    customer: 'Loop & Co',
    daysAgo: 24,
    links: [{ item: 'breakdown', passage: 'break the funnel down by device', importance: 'nice' }],
  },
  {
    text: 'Three trial users asked in chat this week how to compare two segments in a funnel.',
    kind: 'note',
    source: 'support',
    customer: null,
    daysAgo: 3,
    links: [{ item: 'breakdown', passage: 'compare two segments in a funnel', importance: 'important' }],
  },
  {
    text: 'Setup took us two afternoons. A checklist telling me what to connect first would have saved one.',
    kind: 'quote',
    source: 'interview',
    customer: 'Kestrel Apps',
    daysAgo: 18,
    links: [{ item: 'checklist', passage: 'A checklist telling me what to connect first', importance: 'important' }],
  },
  {
    text: 'We noticed the drop in sign-ups a week late. A Slack message when the numbers fall would have caught it the same day.',
    kind: 'quote',
    source: 'interview',
    customer: 'Foxglove Media',
    daysAgo: 11,
    links: [{ item: 'threshold', passage: 'A Slack message when the numbers fall', importance: 'important' }],
  },
  {
    text: 'Dark mode for the dashboards, please — we put them on the office TV.',
    kind: 'quote',
    source: 'review',
    customer: 'Pinecone Studio',
    daysAgo: 2,
    links: [],
  },
  {
    text: 'Two prospects asked whether Pulse can send a weekly PDF digest to executives.',
    kind: 'note',
    source: 'sales',
    customer: null,
    daysAgo: 1,
    links: [],
  },
];

/** Writes the demo's evidence into the seed's transaction; `itemIds` maps the demo's refs to item ids. */
export async function seedDemoEvidence(
  repos: Pick<Repositories, 'customers' | 'insights'>,
  ctx: ServiceContext,
  product: ProductRecord,
  itemIds: ReadonlyMap<string, string>,
  pmId: string | null,
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const today = at.slice(0, 10);
  const { workspaceId } = product;
  const stamp = { workspaceId, version: 1, createdAt: at, updatedAt: at };
  const segmentIds = new Map<string, string>();
  for (const spec of DEMO_SEGMENTS) {
    const id = ctx.newId();
    segmentIds.set(spec.name, id);
    await repos.customers.insertSegment({ ...stamp, id, ...spec });
  }
  const customerIds = new Map<string, string>();
  for (const spec of DEMO_CUSTOMERS) {
    const id = ctx.newId();
    customerIds.set(spec.name, id);
    await repos.customers.insertCustomer({ ...stamp, id, name: spec.name, segmentId: segmentIds.get(spec.segment)!, plan: spec.plan, annualRevenue: spec.annualRevenue, notes: '' });
  }
  for (const spec of DEMO_PERSONAS) {
    const id = ctx.newId();
    await repos.customers.insertPersona({ ...stamp, id, productId: product.id, name: spec.name, description: spec.description, goals: spec.goals, pains: spec.pains });
    await repos.customers.setPersonaItems(
      workspaceId,
      id,
      spec.items.map((ref) => itemIds.get(ref)!),
    );
  }
  for (const spec of DEMO_INSIGHTS) {
    const id = ctx.newId();
    await repos.insights.insert({
      ...stamp,
      id,
      productId: product.id,
      kind: spec.kind,
      text: spec.text,
      source: spec.source,
      observedOn: addDays(today, -spec.daysAgo),
      customerId: spec.customer ? customerIds.get(spec.customer)! : null,
      url: null,
      createdBy: pmId,
    });
    for (const link of spec.links) {
      await repos.insights.saveLink({ insightId: id, itemId: itemIds.get(link.item)!, workspaceId, passage: link.passage, importance: link.importance, createdBy: pmId, createdAt: at });
    }
  }
}
