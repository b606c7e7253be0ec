/**
 * The demo's sprint history and decisions: two finished sprints that give the
 * team a velocity, one running now (started three days ago), one planned next.
 * Days are relative to the day the demo is seeded; items are named by number.
 */
export interface DemoSprint {
  name: string;
  goal: string;
  /** First and last day, in days from today. */
  startDay: number;
  endDay: number;
  state: 'planned' | 'active' | 'completed';
  committedAtStart?: number;
  completedPoints?: number;
  /** Item numbers (DEMO-n) in the sprint now. */
  items: number[];
}

export const DEMO_SPRINTS: readonly DemoSprint[] = [
  { name: 'Sprint 12', goal: 'Dashboards load from cache', startDay: -31, endDay: -18, state: 'completed', committedAtStart: 21, completedPoints: 18, items: [30, 31, 32] },
  { name: 'Sprint 13', goal: 'First-run checklist in customers’ hands', startDay: -17, endDay: -4, state: 'completed', committedAtStart: 22, completedPoints: 20, items: [3] },
  {
    name: 'Sprint 14',
    goal: 'Connect a warehouse in under five minutes; enforce SSO',
    startDay: -3,
    endDay: 10,
    state: 'active',
    items: [4, 5, 15, 23, 7, 11],
  },
  { name: 'Sprint 15', goal: 'Funnels 2.0 breakdowns', startDay: 11, endDay: 24, state: 'planned', items: [10, 28] },
];

/** Each demo member's days in a two-week sprint. */
export const DEMO_AVAILABILITY: Readonly<Record<string, number>> = { 'dev@demo.test': 9, 'po@demo.test': 4, 'pm@demo.test': 2 };

export interface DemoDecision {
  title: string;
  context: string;
  options: Array<{ title: string; notes: string }>;
  outcome: string;
  rationale: string;
  status: 'proposed' | 'decided';
  items: number[];
}

export const DEMO_DECISIONS: readonly DemoDecision[] = [
  {
    title: 'Snowflake before BigQuery for the warehouse connector',
    context: 'Onboarding needs one warehouse connector this quarter; both are requested.',
    options: [
      { title: 'Snowflake first', notes: '7 of the 10 largest trials run Snowflake' },
      { title: 'BigQuery first', notes: 'Simpler auth, fewer enterprise deals' },
    ],
    outcome: 'Snowflake first, with key-pair auth',
    rationale: 'It unblocks the enterprise trials that decide this quarter’s revenue.',
    status: 'decided',
    items: [4, 5],
  },
  {
    title: 'Enforce SSO per workspace, not per domain',
    context: 'IT admins asked for enforcement; domains can span several workspaces.',
    options: [
      { title: 'Per workspace', notes: 'Matches how admins manage access' },
      { title: 'Per email domain', notes: 'Catches new workspaces, but surprises users' },
    ],
    outcome: '',
    rationale: '',
    status: 'proposed',
    items: [23],
  },
];
