import type { Role } from '../contracts/access.schema';
import type { ItemType } from '../contracts/item.schema';

/** The demo workspace: a B2B SaaS analytics product mid-flight. */
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; roles: Role[] }> = [
  { email: 'owner@demo.test', name: 'Olivia Owner', roles: ['owner'] },
  { email: 'pm@demo.test', name: 'Priya Manager', roles: ['product_manager'] },
  { email: 'po@demo.test', name: 'Pablo Owner', roles: ['product_owner'] },
  { email: 'dev@demo.test', name: 'Dana Developer', roles: ['contributor'] },
  { email: 'stakeholder@demo.test', name: 'Sam Stakeholder', roles: ['stakeholder'] },
  { email: 'viewer@demo.test', name: 'Vic Viewer', roles: ['viewer'] },
];

export const DEMO_WORKSPACE = 'Northwind Analytics';
export const DEMO_PRODUCT = {
  key: 'DEMO',
  name: 'Pulse',
  description:
    'Pulse is a self-serve product-analytics suite for mid-market SaaS teams: dashboards, funnels and alerts without a data team.',
};

/** A demo item; `ref` names it for its children's `parent`, `assignee` is a demo account's email. */
export interface DemoItem {
  ref?: string;
  parent?: string;
  type: ItemType;
  title: string;
  status: string;
  description?: string;
  persona?: string;
  want?: string;
  benefit?: string;
  criteria?: Array<[given: string, when: string, then: string, done?: boolean]>;
  estimate?: number;
  labels?: string[];
  assignee?: string;
  blockedReason?: string;
  /** When a done item was finished, in days before the seed; other done items are spread over eight weeks. */
  doneDaysAgo?: number;
}

const DEV = 'dev@demo.test';

export const DEMO_ITEMS: readonly DemoItem[] = [
  { ref: 'onboarding', type: 'epic', title: 'Self-serve onboarding', status: 'in_progress', labels: ['onboarding'], description: 'Cut **time-to-first-dashboard** from 3 days to 1 hour for new workspaces.' },
  { ref: 'checklist', parent: 'onboarding', type: 'feature', title: 'Guided setup checklist', status: 'in_progress', labels: ['onboarding'] },
  {
    parent: 'checklist', type: 'story', title: 'Setup checklist for new admins', status: 'done', persona: 'new admin', want: 'a setup checklist', benefit: 'I know what to do first',
    criteria: [['a new workspace', 'its admin signs in for the first time', 'the checklist shows the five setup steps', true], ['a finished step', 'the admin reopens the checklist', 'the step is ticked', true]],
    estimate: 3, labels: ['onboarding'], assignee: DEV,
  },
  {
    ref: 'warehouse', parent: 'checklist', type: 'story', title: 'Connect the data warehouse in under five minutes', status: 'in_progress', persona: 'new admin', want: 'to connect our data warehouse in under five minutes', benefit: 'we see our own data on day one',
    criteria: [['Snowflake credentials with key-pair auth', 'the admin tests the connection', 'Tandem reports success within 10 seconds', true], ['wrong credentials', 'the admin tests the connection', 'the error names the failing setting']],
    estimate: 5, labels: ['onboarding', 'integrations'], assignee: DEV,
  },
  { parent: 'warehouse', type: 'task', title: 'Add Snowflake key-pair auth to the connector', status: 'in_progress', estimate: 2, labels: ['integrations'], assignee: DEV },
  { parent: 'checklist', type: 'bug', title: 'Checklist progress resets after switching workspaces', status: 'ready', labels: ['onboarding'], estimate: 2 },
  {
    parent: 'onboarding', type: 'story', title: 'Sample dashboards on day one', status: 'ready', persona: 'analyst', want: 'sample dashboards on day one', benefit: 'I can see value before our data lands',
    criteria: [['an empty workspace', 'an analyst opens Dashboards', 'three sample dashboards built on demo data are shown']], estimate: 3, labels: ['onboarding', 'dashboards'],
  },
  { parent: 'onboarding', type: 'feature', title: 'Invite teammates from the setup flow', status: 'ready', labels: ['onboarding'] },
  { ref: 'funnels', type: 'epic', title: 'Funnels 2.0', status: 'ready', labels: ['funnels'], description: 'Close the gap with competitors on conversion analysis; top request from enterprise prospects.' },
  { ref: 'breakdown', parent: 'funnels', type: 'feature', title: 'Breakdown funnels by any user property', status: 'ready', labels: ['funnels'] },
  {
    parent: 'breakdown', type: 'story', title: 'Compare conversion between two segments side by side', status: 'ready', persona: 'growth PM', want: 'to compare conversion between two segments side by side', benefit: 'I can tell which audience converts better',
    criteria: [['a funnel and two saved segments', 'the PM picks both segments', 'each step shows both conversion rates and their difference']], estimate: 5, labels: ['funnels'],
  },
  { parent: 'breakdown', type: 'story', title: 'Time to convert between funnel steps', status: 'backlog', persona: 'growth PM', want: 'to see time-to-convert between steps', benefit: '', estimate: 13, labels: ['funnels'] },
  { parent: 'funnels', type: 'feature', title: 'Funnel step drop-off explorer', status: 'backlog', labels: ['funnels'] },
  { parent: 'funnels', type: 'task', title: 'Benchmark funnel query on 1B-event workspace', status: 'backlog', labels: ['funnels', 'performance'] },
  { parent: 'funnels', type: 'bug', title: 'Funnel totals differ from event counts when a step repeats', status: 'in_progress', labels: ['funnels'], assignee: DEV, estimate: 3 },
  { ref: 'alerts', type: 'epic', title: 'Alerts and anomaly detection', status: 'backlog', labels: ['alerts'], description: 'Proactive alerts so customers notice drops before their customers do.' },
  { ref: 'threshold', parent: 'alerts', type: 'feature', title: 'Threshold alerts to Slack and email', status: 'backlog', labels: ['alerts'] },
  {
    parent: 'threshold', type: 'story', title: 'Slack alert when weekly active users drop 20 %', status: 'backlog', persona: 'team lead', want: 'a Slack alert when weekly active users drop 20 %', benefit: 'I hear about it before my customers do',
    criteria: [['an alert on weekly active users at -20 %', 'the weekly figure falls 21 %', 'the channel gets one message with the chart']], labels: ['alerts', 'integrations'],
  },
  { parent: 'threshold', type: 'story', title: 'Mute an alert for a maintenance window', status: 'backlog', persona: 'admin', want: 'to mute an alert for a maintenance window', benefit: 'planned downtime does not page anyone', estimate: 2, labels: ['alerts'] },
  { parent: 'alerts', type: 'feature', title: 'Seasonality-aware anomaly detection', status: 'backlog', labels: ['alerts'] },
  { ref: 'enterprise', type: 'epic', title: 'Enterprise readiness', status: 'in_progress', labels: ['enterprise'], description: 'Unblock the three enterprise deals in the pipeline: SSO, audit log, data residency.' },
  { ref: 'sso', parent: 'enterprise', type: 'feature', title: 'SAML single sign-on', status: 'in_progress', labels: ['enterprise', 'sso'] },
  {
    ref: 'enforce', parent: 'sso', type: 'story', title: 'Enforce SSO for every member of a workspace', status: 'in_review', persona: 'IT admin', want: 'to enforce SSO for every member of our workspace', benefit: 'leavers lose access the day IT removes them',
    criteria: [['SSO enforced', 'a member signs in with a password', 'they are sent to the identity provider', true], ['SSO enforced', 'the IdP removes a member', 'their next request is refused']], estimate: 8, labels: ['enterprise', 'sso'], assignee: DEV,
  },
  { parent: 'enforce', type: 'task', title: 'Support Okta and Azure AD metadata import', status: 'ready', estimate: 3, labels: ['sso'] },
  { ref: 'audit', parent: 'enterprise', type: 'feature', title: 'Exportable audit log', status: 'ready', labels: ['enterprise'] },
  {
    parent: 'audit', type: 'story', title: 'Export a month of audit events as CSV', status: 'ready', persona: 'compliance officer', want: 'to export a month of audit events as CSV', benefit: 'I can answer the auditor without asking engineering',
    criteria: [['a month with 40,000 audit events', 'the officer exports it', 'the CSV holds every event with actor, action and time']], estimate: 5, labels: ['enterprise', 'exports'],
    blockedReason: 'Waiting for legal to confirm which fields may leave the EU',
  },
  { parent: 'enterprise', type: 'feature', title: 'EU data residency', status: 'backlog', labels: ['enterprise'] },
  { parent: 'sso', type: 'bug', title: 'SSO login loops when the IdP clock is skewed by more than 60 s', status: 'ready', labels: ['sso'], estimate: 2 },
  { ref: 'performance', type: 'epic', title: 'Dashboard performance', status: 'done', labels: ['dashboards', 'performance'], description: 'p95 dashboard load under 2 s for workspaces up to 500M events.' },
  {
    parent: 'performance', type: 'story', title: 'Dashboards load from cache when data has not changed', status: 'done', persona: 'viewer', want: 'dashboards to load from cache when data has not changed', benefit: 'I do not wait for numbers I saw an hour ago',
    criteria: [['a dashboard viewed within the hour', 'no new events arrived', 'it loads from cache in under 300 ms', true]], estimate: 5, labels: ['dashboards', 'performance'],
  },
  { parent: 'performance', type: 'task', title: 'Precompute daily roll-ups for the top 20 charts', status: 'done', estimate: 3, labels: ['performance'] },
  { parent: 'performance', type: 'bug', title: 'Chart tooltips show UTC instead of the workspace time zone', status: 'done', estimate: 1, labels: ['dashboards'] },
  { type: 'story', title: 'Share a read-only dashboard link with a customer', status: 'backlog', persona: 'CSM', want: 'to share a read-only dashboard link with a customer', benefit: 'they see their usage without a seat', labels: ['dashboards'] },
  { type: 'task', title: 'Write the launch FAQ for support', status: 'ready', labels: ['launch'] },
  { type: 'bug', title: 'CSV export drops rows with emoji in property values', status: 'backlog', labels: ['exports'] },
  { type: 'story', title: 'Usage by plan tier', status: 'backlog', persona: 'finance lead', want: 'usage by plan tier', benefit: 'I can forecast expansion revenue', estimate: 21, labels: ['billing'] },
  // Small work finished over the last month: the pace the release forecasts read.
  { type: 'bug', title: 'Dashboard filters reset after a page refresh', status: 'done', estimate: 1, labels: ['dashboards'], assignee: DEV, doneDaysAgo: 3 },
  { type: 'bug', title: 'Sign-up email links expire after one hour', status: 'done', estimate: 1, labels: ['onboarding'], doneDaysAgo: 6 },
  { type: 'task', title: 'Move the event pipeline to the new ingestion API', status: 'done', estimate: 5, labels: ['performance'], assignee: DEV, doneDaysAgo: 9 },
  { type: 'bug', title: 'Invite emails land in spam for Outlook users', status: 'done', estimate: 2, labels: ['onboarding'], doneDaysAgo: 13 },
  { type: 'task', title: 'Rotate the warehouse connector’s signing keys', status: 'done', estimate: 1, labels: ['security'], doneDaysAgo: 17 },
  { type: 'bug', title: 'Funnel chart legend overlaps on narrow screens', status: 'done', estimate: 1, labels: ['funnels'], doneDaysAgo: 22 },
  { type: 'task', title: 'Archive the legacy v1 dashboard endpoints', status: 'done', estimate: 2, labels: ['dashboards'], doneDaysAgo: 26 },
];

const AREAS = ['Onboarding', 'Funnels', 'Dashboards', 'Alerts', 'Billing', 'SSO', 'Exports', 'Retention', 'Mobile SDK', 'Integrations'];
const PERSONAS = ['admin', 'analyst', 'growth PM', 'team lead', 'viewer', 'CSM', 'finance lead', 'developer'];
const WANTS = [
  'filter by any property',
  'share a link with my team',
  'export the data as CSV',
  'get alerted when numbers drop',
  'compare two date ranges',
  'save my view as a default',
  'see why a number changed',
  'schedule a weekly report',
];
const TYPES: ItemType[] = ['story', 'story', 'story', 'task', 'bug', 'feature'];
// The default workflow's keys, weighted the way a mature backlog looks: most of it waiting or done.
const STATUSES = ['backlog', 'backlog', 'ready', 'in_progress', 'in_review', 'done', 'done', 'canceled'];
/** Product areas as labels; the first ones are the busiest, as in a real backlog. */
export const SYNTHETIC_LABELS = ['checkout', 'onboarding', 'search', 'reporting', 'billing', 'mobile', 'api', 'performance', 'security', 'accessibility'];
const FIBONACCI = [1, 2, 3, 5, 8, 13, 21];

/**
 * A cheap, well-spread integer hash (from MurmurHash3's finaliser): labels and
 * estimates drawn from it do not line up with the type and status cycles, so a
 * filter like `type:story status:ready label:checkout` matches a realistic share.
 */
function spread(n: number, salt: number): number {
  let h = Math.imul(n ^ salt, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One to three labels, skewed towards the first areas (checkout is on about a third of items). */
function syntheticLabels(n: number): string[] {
  const h = spread(n, 0x9e3779b9);
  const count = 1 + (h % 3);
  const labels: string[] = [];
  for (let i = 0; i < count; i += 1) {
    // u^1.5 of a uniform fraction skews the pick towards the first areas.
    const u = ((h >>> (4 + i * 9)) & 0x1ff) / 0x200;
    const label = SYNTHETIC_LABELS[Math.floor(u * Math.sqrt(u) * SYNTHETIC_LABELS.length)]!;
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

export interface SyntheticItem {
  type: ItemType;
  title: string;
  status: string;
  description: string;
  labels: string[];
  estimate: number | null;
}

/** A deterministic, plausible item for position `n` of a large benchmark backlog. */
export function syntheticItem(n: number): SyntheticItem {
  const type = TYPES[n % TYPES.length]!;
  const area = AREAS[(n >> 3) % AREAS.length]!;
  const persona = PERSONAS[(n >> 1) % PERSONAS.length]!;
  const want = WANTS[(n >> 2) % WANTS.length]!;
  const title =
    type === 'bug'
      ? `${area}: ${want} fails for large workspaces (#${n})`
      : type === 'task'
        ? `${area}: implement "${want}" (#${n})`
        : `${area}: as a ${persona}, I want to ${want} (#${n})`;
  const h = spread(n, 0x27d4eb2f);
  // Features and a fifth of the rest are not estimated yet.
  const estimate = type === 'feature' || h % 5 === 0 ? null : FIBONACCI[(h >>> 3) % FIBONACCI.length]!;
  return {
    type,
    title,
    status: STATUSES[(n * 7) % STATUSES.length]!,
    description: `Generated for load testing. Area: ${area}.`,
    labels: syntheticLabels(n),
    estimate,
  };
}

/** Whether item `n` of a benchmark backlog has a stored RICE score: about one in three has. */
export function hasSyntheticScore(n: number): boolean {
  return spread(n, 0x165667b1) % 3 === 0;
}

/** RICE inputs for item `n`, on Intercom's scales (reach per quarter, impact 3…0.25, confidence, person-months). */
export function syntheticRiceInputs(n: number): { reach: number; impact: number; confidence: number; effort: number } {
  const h = spread(n, 0xd3a2646c);
  return {
    reach: 50 * (1 + (h % 200)),
    impact: [3, 2, 1, 0.5, 0.25][(h >>> 8) % 5]!,
    confidence: [1, 0.8, 0.5][(h >>> 12) % 3]!,
    effort: [0.5, 1, 2, 3, 5, 8][(h >>> 16) % 6]!,
  };
}
