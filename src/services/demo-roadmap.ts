import { addDays } from '../domain/calendar';
import type { ServiceContext } from './context';
import type { ProductRecord, Repositories } from './ports';
import type { Horizon } from './roadmap.ports';

/**
 * The demo's roadmap: epics and features planned in days from the seed, on
 * the timeline and the Now / Next / Later board, and two milestones. The audit
 * log is planned to start before SSO (its blocker) is due, so the timeline has
 * a conflict to flag; SSO then the audit log is Enterprise GA's critical path.
 */
export const DEMO_PLANS: ReadonlyArray<{ number: number; start: number | null; target: number | null; horizon: Horizon | null }> = [
  { number: 1, start: -40, target: 30, horizon: 'now' },
  { number: 2, start: -30, target: 10, horizon: 'now' },
  { number: 8, start: 5, target: 25, horizon: 'next' },
  { number: 9, start: 20, target: 80, horizon: 'next' },
  { number: 10, start: 20, target: 50, horizon: 'next' },
  { number: 13, start: 45, target: 80, horizon: 'later' },
  { number: 16, start: 60, target: 120, horizon: 'later' },
  { number: 17, start: 60, target: 85, horizon: 'later' },
  { number: 20, start: null, target: null, horizon: 'later' },
  { number: 21, start: -25, target: 55, horizon: 'now' },
  { number: 22, start: -20, target: 25, horizon: 'now' },
  { number: 25, start: 15, target: 40, horizon: 'now' },
  { number: 27, start: 30, target: 55, horizon: 'next' },
  { number: 29, start: -70, target: -10, horizon: null },
];

export const DEMO_MILESTONES = [
  { name: 'Security review with Helios Bank', day: 28, description: 'Their renewal waits on SSO and the audit export.' },
  { name: 'Product conference keynote', day: 60, description: 'Funnels 2.0 on stage.' },
] as const;

/** Writes the demo's roadmap into the seed's transaction. */
export async function seedDemoRoadmap(repos: Pick<Repositories, 'roadmap' | 'items'>, ctx: ServiceContext, product: ProductRecord, pmId: string | null): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const today = at.slice(0, 10);
  const day = (offset: number | null) => (offset === null ? null : addDays(today, offset));
  const { workspaceId } = product;
  for (const plan of DEMO_PLANS) {
    const item = (await repos.items.findByKey([workspaceId], product.key, plan.number))[0]!;
    await repos.roadmap.saveSchedule({ itemId: item.id, workspaceId, productId: product.id, startDate: day(plan.start), targetDate: day(plan.target), horizon: plan.horizon, updatedBy: pmId, updatedAt: at });
  }
  for (const milestone of DEMO_MILESTONES) {
    await repos.roadmap.insertMilestone({ id: ctx.newId(), workspaceId, productId: product.id, name: milestone.name, date: day(milestone.day)!, description: milestone.description, version: 1, createdAt: at, updatedAt: at });
  }
}
