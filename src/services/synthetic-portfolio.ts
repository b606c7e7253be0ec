import type { ItemType } from '../contracts/item.schema';
import { INSIGHT_IMPORTANCES, INSIGHT_SOURCES } from '../contracts/vocabulary';
import { addDays } from '../domain/calendar';
import type { ServiceContext } from './context';
import { DEMO_GOALS } from './demo-strategy';
import type { CustomerRecord, InsightLinkRecord, InsightRecord } from './evidence.ports';
import type { Repositories, UnitOfWork } from './ports';

/**
 * The product manager's side of the benchmark workload, on top of the synthetic
 * backlog: a strategy tree whose roll-ups walk real depth (goal → initiative →
 * epic → feature → story → task or bug) and customer evidence in the reference
 * workload's proportion (DESIGN.md: 10,000 insights for 100,000 items).
 */

/** One seeded item, in seeding order. */
export interface SeededItem {
  id: string;
  type: ItemType;
}

export const PORTFOLIO = {
  initiatives: 12,
  /** Synthetic features put under new epics, ten to an epic. */
  features: 600,
  featuresPerEpic: 10,
  /** Share of the backlog's blocks (3 stories, a task, a bug, a feature) whose stories go under those features, their task and bug under a story. */
  childBlockShare: 0.4,
  /** Insights per seeded item, and customers per insight, as in the reference workload. */
  insightsPerItem: 0.1,
  insightsPerCustomer: 5,
  /** Every this-many-th insight speaks for the hot feature, so one item's roll-up reads thousands of rows. */
  hotEvery: 5,
} as const;

export const SYNTHETIC_SEGMENTS = [
  { name: 'Enterprise', description: 'More than 1,000 employees.', revenue: [80_000, 400_000] },
  { name: 'Mid-market', description: '100 to 1,000 employees.', revenue: [15_000, 90_000] },
  { name: 'Small business', description: '20 to 100 employees.', revenue: [3_000, 20_000] },
  { name: 'Start-up', description: 'Fewer than 20 employees; self-serve.', revenue: [0, 6_000] },
  { name: 'Public sector', description: 'Agencies and universities; yearly tenders.', revenue: [20_000, 150_000] },
] as const;

const THEMES = ['Onboarding', 'Reporting', 'Integrations', 'Permissions', 'Billing', 'Mobile', 'Search', 'Notifications', 'Performance', 'Data export', 'Collaboration', 'Compliance'];
const ASKS = ['export the weekly report to CSV', 'see who changed a dashboard', 'invite the whole team at once', 'filter by country and plan', 'get an alert when a sync fails', 'sign in with our identity provider', 'schedule a report for Monday morning', 'share a view with a client'];
const INITIATIVE_STATUS = ['active', 'active', 'proposed', 'completed'] as const;

/** A cheap deterministic hash: the same seed gives the same workload. */
function spread(n: number, salt: number): number {
  let h = Math.imul(n ^ salt, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  return (h ^ (h >>> 13)) >>> 0;
}

export const insightCount = (items: number) => Math.round(items * PORTFOLIO.insightsPerItem);
export const customerCount = (insights: number) => Math.max(1, Math.round(insights / PORTFOLIO.insightsPerCustomer));

export interface PortfolioPlan {
  /** Indexes (into the seeded items) of the features under epic e: features[e]. */
  epics: number[][];
  /** Item index → parent item index, by level: features under epics come separately. */
  children: Array<{ child: number; parent: number }>;
  /** Strategy features in order; the first one is the hot feature. */
  features: number[];
}

/**
 * Which seeded items go where. The synthetic backlog comes in blocks of six
 * (story, story, story, task, bug, feature): the first `features` blocks give
 * the features under epics; a share of all blocks, spread evenly, puts its
 * stories under those features in turn and its task and bug under its last story.
 */
export function planPortfolio(items: readonly SeededItem[]): PortfolioPlan {
  const blocks: Array<{ stories: number[]; others: number[]; feature: number | null }> = [];
  for (let start = 0; start < items.length; start += 6) {
    const block = { stories: [] as number[], others: [] as number[], feature: null as number | null };
    for (let i = start; i < Math.min(start + 6, items.length); i += 1) {
      const type = items[i]!.type;
      if (type === 'story') block.stories.push(i);
      else if (type === 'feature') block.feature = i;
      else block.others.push(i);
    }
    blocks.push(block);
  }
  const features = blocks.flatMap((block) => (block.feature === null ? [] : [block.feature])).slice(0, PORTFOLIO.features);
  const epics: number[][] = [];
  for (let start = 0; start < features.length; start += PORTFOLIO.featuresPerEpic) epics.push(features.slice(start, start + PORTFOLIO.featuresPerEpic));
  const children: PortfolioPlan['children'] = [];
  if (features.length === 0) return { epics, children, features };
  let taken = 0;
  blocks.forEach((block, b) => {
    // Evenly spread: block b is taken when the running share crosses a whole block.
    if (Math.floor((b + 1) * PORTFOLIO.childBlockShare) === Math.floor(b * PORTFOLIO.childBlockShare)) return;
    const feature = features[taken++ % features.length]!;
    for (const story of block.stories) children.push({ child: story, parent: feature });
    const lastStory = block.stories[block.stories.length - 1];
    for (const other of block.others) children.push({ child: other, parent: lastStory ?? feature });
  });
  return { epics, children, features };
}

type PortfolioRepositories = Pick<Repositories, 'items' | 'goals' | 'initiatives' | 'customers' | 'insights'>;

export type PortfolioStage = 'strategy' | 'evidence';

// Commits in chunks, like the items: bounded transactions, progress that means something.
const CHUNK = 5_000;

/**
 * Goals (the demo's three, with their key results), initiatives serving them,
 * the epics `epicIds` aligned one to an initiative in turn, and the plan's
 * parents set in bulk. Returns the strategy features' ids, hot one first.
 */
export async function seedSyntheticStrategy(
  store: UnitOfWork<PortfolioRepositories>,
  ctx: ServiceContext,
  scope: { workspaceId: string; productId: string },
  items: readonly SeededItem[],
  plan: PortfolioPlan,
  epicIds: readonly string[],
  onProgress: (done: number, total: number) => void,
): Promise<string[]> {
  const { workspaceId, productId } = scope;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const day = (offset: number) => addDays(at.slice(0, 10), offset);
  const stamp = { workspaceId, version: 1, createdAt: at, updatedAt: at };
  const assignments = [
    ...plan.epics.flatMap((features, e) => features.map((feature) => ({ id: items[feature]!.id, parentId: epicIds[e]! }))),
    ...plan.children.map(({ child, parent }) => ({ id: items[child]!.id, parentId: items[parent]!.id })),
  ];
  const total = assignments.length;
  await store.transaction(async (repos) => {
    const goalIds: string[] = [];
    for (const spec of DEMO_GOALS) {
      const id = ctx.newId();
      goalIds.push(id);
      await repos.goals.insert({ ...stamp, id, productId, title: spec.title, description: spec.description, startDate: day(spec.startDay), endDate: day(spec.endDay), ownerId: null });
      for (const [position, keyResult] of spec.keyResults.entries()) await repos.goals.insertKeyResult({ ...stamp, id: ctx.newId(), goalId: id, ...keyResult, position });
    }
    const initiativeIds: string[] = [];
    for (let i = 0; i < PORTFOLIO.initiatives; i += 1) {
      const id = ctx.newId();
      initiativeIds.push(id);
      const theme = THEMES[i % THEMES.length]!;
      await repos.initiatives.insert({
        ...stamp,
        id,
        productId,
        title: `${theme} that sells itself`,
        description: `Generated for load testing: the ${theme.toLowerCase()} bets of the year.`,
        status: INITIATIVE_STATUS[i % INITIATIVE_STATUS.length]!,
        startDate: day(-60 + 10 * i),
        targetDate: day(30 + 10 * i),
      });
      // Every initiative serves one goal; every third serves the next one too.
      await repos.initiatives.setGoals(workspaceId, id, i % 3 === 2 ? [goalIds[i % goalIds.length]!, goalIds[(i + 1) % goalIds.length]!] : [goalIds[i % goalIds.length]!]);
    }
    for (const [e, epicId] of epicIds.entries()) await repos.initiatives.setItemInitiatives(workspaceId, epicId, [initiativeIds[e % initiativeIds.length]!]);
  });
  onProgress(0, total);
  for (let start = 0; start < total; start += CHUNK) {
    const chunk = assignments.slice(start, start + CHUNK);
    await store.transaction((repos) => repos.items.setParents(chunk, at));
    onProgress(start + chunk.length, total);
  }
  return plan.features.map((index) => items[index]!.id);
}

/**
 * Segments, customers with a segment and annual revenue, and `count` insights
 * linked to the features with a passage and an importance: one in five to the
 * hot (first) feature, the rest spread, a third of them to a second feature too.
 * Segments and customers of an earlier seed into the workspace are reused.
 */
export async function seedSyntheticEvidence(
  store: UnitOfWork<PortfolioRepositories>,
  ctx: ServiceContext,
  scope: { workspaceId: string; productId: string },
  featureIds: readonly string[],
  count: number,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  if (featureIds.length === 0 || count === 0) return 0;
  const { workspaceId, productId } = scope;
  const at = ctx.clock.now().toISOString();
  const today = at.slice(0, 10);
  const stamp = { workspaceId, version: 1, createdAt: at, updatedAt: at };
  const customers = customerCount(count);
  const customerIds: string[] = [];
  await store.transaction(async (repos) => {
    const segments = new Map((await repos.customers.listSegments(workspaceId)).map((segment) => [segment.name, segment.id]));
    for (const spec of SYNTHETIC_SEGMENTS) {
      if (segments.has(spec.name)) continue;
      const id = ctx.newId();
      await repos.customers.insertSegment({ ...stamp, id, name: spec.name, description: spec.description });
      segments.set(spec.name, id);
    }
    const names = Array.from({ length: customers }, (_, c) => `Customer ${String(c + 1).padStart(5, '0')}`);
    const existing = new Map((await repos.customers.customersNamed(workspaceId, names)).map((customer) => [customer.name, customer.id]));
    for (const [c, name] of names.entries()) {
      const known = existing.get(name);
      if (known) {
        customerIds.push(known);
        continue;
      }
      const spec = SYNTHETIC_SEGMENTS[c % SYNTHETIC_SEGMENTS.length]!;
      const [low, high] = spec.revenue;
      const customer: CustomerRecord = {
        ...stamp,
        id: ctx.newId(),
        name,
        segmentId: segments.get(spec.name)!,
        plan: spec.name === 'Start-up' ? 'Starter' : spec.name === 'Enterprise' ? 'Enterprise' : 'Growth',
        // One in twenty has no revenue on record.
        annualRevenue: spread(c, 0x51ed27) % 20 === 0 ? null : low + (spread(c, 0x2c1b3c6d) % (high - low + 1)),
        notes: '',
      };
      await repos.customers.insertCustomer(customer);
      customerIds.push(customer.id);
    }
  });
  onProgress(0, count);
  const [hot, ...rest] = featureIds;
  const others = rest.length > 0 ? rest : [hot!];
  for (let start = 0; start < count; start += CHUNK) {
    const size = Math.min(CHUNK, count - start);
    await store.transaction(async (repos) => {
      for (let i = start; i < start + size; i += 1) {
        const ask = ASKS[spread(i, 0x7f4a7c15) % ASKS.length]!;
        const passage = `we need to ${ask}`;
        // One in forty comes from an anonymous survey answer.
        const customerId = i % 40 === 0 ? null : customerIds[spread(i, 0x3243f6a8) % customerIds.length]!;
        const insight: InsightRecord = {
          ...stamp,
          id: ctx.newId(),
          productId,
          kind: i % 4 === 0 ? 'note' : 'quote',
          text: `Every week ${passage}; today it takes a spreadsheet and an afternoon (synthetic insight #${i}).`,
          source: customerId === null ? 'survey' : INSIGHT_SOURCES[i % INSIGHT_SOURCES.length]!,
          observedOn: addDays(today, -(i % 365)),
          customerId,
          url: null,
          createdBy: null,
        };
        await repos.insights.insert(insight);
        const link = (itemId: string, importance: InsightLinkRecord['importance']): InsightLinkRecord => ({ insightId: insight.id, itemId, workspaceId, passage, importance, createdBy: null, createdAt: at });
        const first = i % PORTFOLIO.hotEvery === 0 ? hot! : others[i % others.length]!;
        await repos.insights.saveLink(link(first, INSIGHT_IMPORTANCES[spread(i, 0x1b873593) % INSIGHT_IMPORTANCES.length]!));
        const second = others[spread(i, 0x0bad5eed) % others.length]!;
        if (i % 3 === 0 && second !== first) await repos.insights.saveLink(link(second, 'nice'));
      }
    });
    onProgress(start + size, count);
  }
  return count;
}
