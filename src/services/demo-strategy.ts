import type { KeyResultCreate } from '../contracts/strategy.schema';

/**
 * The demo product's strategy: a vision, three goals with key results measured
 * part of the way, and initiatives that the demo's epics serve. Funnels 2.0 is
 * left unaligned on purpose, so the traceability view has an orphan to flag.
 * Days are relative to the day the demo is seeded; epics are named by their ref.
 */
export const DEMO_VISION =
  'Every product team at a mid-sized SaaS company answers “is it working?” about their product in minutes, from their own data, without waiting for an analyst.';

export const DEMO_STRATEGY = `1. **Time to first insight beats feature count.** A new workspace sees its first useful dashboard within an hour.
2. **Win the enterprise deals already in the pipeline** with the security and compliance basics, not custom work.
3. **Tell customers before they ask:** alerts and anomaly detection turn a reporting tool into a daily habit.`;

export interface DemoGoal {
  title: string;
  description: string;
  startDay: number;
  endDay: number;
  owner: string;
  keyResults: KeyResultCreate[];
}

export const DEMO_GOALS: readonly DemoGoal[] = [
  {
    title: 'New workspaces succeed in their first week',
    description: 'Trials that reach a useful dashboard on day one convert at twice the rate of the rest.',
    startDay: -45,
    endDay: 45,
    owner: 'pm@demo.test',
    keyResults: [
      { name: 'Median time to first dashboard', unit: 'hours', baseline: 72, target: 1, current: 20, direction: 'decrease', confidence: 0.6 },
      { name: 'Trial-to-paid conversion', unit: '%', baseline: 12, target: 20, current: 15, direction: 'increase', confidence: 0.5 },
    ],
  },
  {
    title: 'Close the enterprise deals in the pipeline',
    description: 'Three deals worth 420k ARR wait on SSO, an audit log and EU data residency.',
    startDay: -30,
    endDay: 60,
    owner: 'pm@demo.test',
    keyResults: [
      { name: 'Enterprise deals closed', unit: 'deals', baseline: 0, target: 3, current: 1, direction: 'increase', confidence: 0.7 },
      { name: 'Security questionnaires passed first time', unit: '%', baseline: 40, target: 90, current: 55, direction: 'increase', confidence: 0.5 },
    ],
  },
  {
    title: 'Customers come back every week',
    description: 'Weekly habits keep accounts: churned customers opened the product less than once a week.',
    startDay: 0,
    endDay: 90,
    owner: 'pm@demo.test',
    keyResults: [
      { name: 'Monthly logo churn', unit: '%', baseline: 3.5, target: 2, current: null, direction: 'decrease', confidence: null },
      { name: 'Accounts active four weeks out of four', unit: '%', baseline: 38, target: 55, current: 39, direction: 'increase', confidence: 0.4 },
    ],
  },
];

export interface DemoInitiative {
  title: string;
  description: string;
  status: 'proposed' | 'active' | 'completed' | 'dropped';
  startDay: number | null;
  targetDay: number | null;
  /** Indexes into DEMO_GOALS. */
  goals: number[];
  /** Refs of the demo epics aligned to it. */
  epics: string[];
}

export const DEMO_INITIATIVES: readonly DemoInitiative[] = [
  {
    title: 'Self-serve onboarding in an hour',
    description: 'Guided setup, sample data and a warehouse connector that works on the first try.',
    status: 'active',
    startDay: -40,
    targetDay: 30,
    goals: [0],
    epics: ['onboarding'],
  },
  {
    title: 'Enterprise-ready platform',
    description: 'SSO, an exportable audit log and EU data residency: what security reviews ask for first.',
    status: 'active',
    startDay: -25,
    targetDay: 55,
    goals: [1],
    epics: ['enterprise'],
  },
  {
    title: 'Dashboards that stay fast at scale',
    description: 'Cached dashboards under 2 s at p95 for workspaces up to 500M events.',
    status: 'completed',
    startDay: -70,
    targetDay: -10,
    goals: [0, 2],
    epics: ['performance'],
  },
  {
    title: 'Proactive alerts',
    description: 'Tell customers about a drop before their customers do.',
    status: 'proposed',
    startDay: 20,
    targetDay: 90,
    goals: [2],
    epics: ['alerts'],
  },
];

/**
 * Which demo item blocks which, as item numbers (DEMO-n): the connector before
 * the warehouse story before the sample dashboards, and so on; SSO before the
 * audit log, which records who signed in through which identity provider.
 */
export const DEMO_DEPENDENCIES: ReadonlyArray<readonly [blocker: number, blocked: number]> = [
  [5, 4],
  [4, 7],
  [24, 23],
  [18, 19],
  [22, 25],
];

export interface DemoRelease {
  name: string;
  description: string;
  targetDay: number;
  status: 'planned' | 'in_progress';
  /** Item numbers (DEMO-n) in its scope. */
  items: number[];
}

/** One release about to launch and one further out, as DESIGN asks of the demo. */
export const DEMO_RELEASES: readonly DemoRelease[] = [
  {
    name: 'Onboarding 2.0',
    description: 'Guided setup, the warehouse connector and sample dashboards for every new workspace.',
    targetDay: 12,
    status: 'in_progress',
    items: [3, 4, 5, 6, 7],
  },
  {
    name: 'Enterprise GA',
    description: 'SSO for every member, audit export, and the fixes enterprise trials asked for.',
    targetDay: 40,
    status: 'planned',
    items: [22, 23, 24, 25, 26, 28],
  },
];
