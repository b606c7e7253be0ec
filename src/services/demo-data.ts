import type { Role } from '../contracts/access.schema';
import type { ItemStatus, ItemType } from '../contracts/item.schema';

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

export const DEMO_ITEMS: ReadonlyArray<{ type: ItemType; title: string; status: ItemStatus; description?: string }> = [
  { type: 'epic', title: 'Self-serve onboarding', status: 'in_progress', description: 'Cut time-to-first-dashboard from 3 days to 1 hour for new workspaces.' },
  { type: 'feature', title: 'Guided setup checklist', status: 'in_progress' },
  { type: 'story', title: 'As a new admin, I want a setup checklist so that I know what to do first', status: 'done' },
  { type: 'story', title: 'As a new admin, I want to connect our data warehouse in under five minutes', status: 'in_progress' },
  { type: 'task', title: 'Add Snowflake key-pair auth to the connector', status: 'in_progress' },
  { type: 'bug', title: 'Checklist progress resets after switching workspaces', status: 'todo' },
  { type: 'story', title: 'As an analyst, I want sample dashboards on day one so that I can see value before our data lands', status: 'todo' },
  { type: 'feature', title: 'Invite teammates from the setup flow', status: 'todo' },
  { type: 'epic', title: 'Funnels 2.0', status: 'todo', description: 'Close the gap with competitors on conversion analysis; top request from enterprise prospects.' },
  { type: 'feature', title: 'Breakdown funnels by any user property', status: 'todo' },
  { type: 'story', title: 'As a growth PM, I want to compare conversion between two segments side by side', status: 'todo' },
  { type: 'story', title: 'As a growth PM, I want to see time-to-convert between steps', status: 'backlog' },
  { type: 'feature', title: 'Funnel step drop-off explorer', status: 'backlog' },
  { type: 'task', title: 'Benchmark funnel query on 1B-event workspace', status: 'backlog' },
  { type: 'bug', title: 'Funnel totals differ from event counts when a step repeats', status: 'in_progress' },
  { type: 'epic', title: 'Alerts and anomaly detection', status: 'backlog', description: 'Proactive alerts so customers notice drops before their customers do.' },
  { type: 'feature', title: 'Threshold alerts to Slack and email', status: 'backlog' },
  { type: 'story', title: 'As a team lead, I want a Slack alert when weekly active users drop 20 %', status: 'backlog' },
  { type: 'story', title: 'As an admin, I want to mute an alert for a maintenance window', status: 'backlog' },
  { type: 'feature', title: 'Seasonality-aware anomaly detection', status: 'backlog' },
  { type: 'epic', title: 'Enterprise readiness', status: 'in_progress', description: 'Unblock the three enterprise deals in the pipeline: SSO, audit log, data residency.' },
  { type: 'feature', title: 'SAML single sign-on', status: 'in_progress' },
  { type: 'story', title: 'As an IT admin, I want to enforce SSO for every member of our workspace', status: 'in_progress' },
  { type: 'task', title: 'Support Okta and Azure AD metadata import', status: 'todo' },
  { type: 'feature', title: 'Exportable audit log', status: 'todo' },
  { type: 'story', title: 'As a compliance officer, I want to export a month of audit events as CSV', status: 'todo' },
  { type: 'feature', title: 'EU data residency', status: 'backlog' },
  { type: 'bug', title: 'SSO login loops when the IdP clock is skewed by more than 60 s', status: 'todo' },
  { type: 'epic', title: 'Dashboard performance', status: 'done', description: 'p95 dashboard load under 2 s for workspaces up to 500M events.' },
  { type: 'story', title: 'As a viewer, I want dashboards to load from cache when data has not changed', status: 'done' },
  { type: 'task', title: 'Precompute daily roll-ups for the top 20 charts', status: 'done' },
  { type: 'bug', title: 'Chart tooltips show UTC instead of the workspace time zone', status: 'done' },
  { type: 'story', title: 'As a CSM, I want to share a read-only dashboard link with a customer', status: 'backlog' },
  { type: 'task', title: 'Write the launch FAQ for support', status: 'todo' },
  { type: 'bug', title: 'CSV export drops rows with emoji in property values', status: 'backlog' },
  { type: 'story', title: 'As a finance lead, I want usage by plan tier so that I can forecast expansion revenue', status: 'backlog' },
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
const STATUSES: ItemStatus[] = ['backlog', 'backlog', 'todo', 'in_progress', 'done', 'done', 'canceled'];

/** A deterministic, plausible item for position `n` of a large benchmark backlog. */
export function syntheticItem(n: number): { type: ItemType; title: string; status: ItemStatus; description: string } {
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
  return { type, title, status: STATUSES[(n * 7) % STATUSES.length]!, description: `Generated for load testing. Area: ${area}.` };
}
