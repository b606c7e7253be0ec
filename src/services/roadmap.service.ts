import type { ItemScheduleBody, MilestoneCreate, MilestoneUpdate } from '../contracts/timeline.schema';
import { invalidField, notFound, staleVersion } from '../domain/errors';
import { scheduleConflicts } from '../domain/roadmap/dependencies';
import { assertSchedulable, releaseCriticalPaths } from '../domain/roadmap/timeline';
import { assertPeriod } from '../domain/strategy/rollup';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import type { EventPublisher, ItemRecord, ProductRecord, Repositories, TracedItemRecord, UnitOfWork } from './ports';
import type { Horizon, MilestonePatch, MilestoneRecord } from './roadmap.ports';

type RoadmapRepositories = Pick<Repositories, 'roadmap' | 'items' | 'initiatives' | 'releases' | 'dependencies' | 'activity'>;

export interface ItemScheduleView {
  item: TracedItemRecord;
  startDate: string | null;
  targetDate: string | null;
  horizon: Horizon | null;
  version: number;
}

const defined = <T extends object>(patch: T) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as T;

/**
 * The roadmap: epics and features planned on a timeline (dates) and a
 * Now / Next / Later board, with initiatives, releases and milestones around
 * them, the critical path of each release and the plans that contradict a
 * dependency.
 */
export class RoadmapService {
  constructor(
    private readonly store: UnitOfWork<RoadmapRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  async roadmap(scope: Scope, product: ProductRecord) {
    const repos = this.store.read;
    const [items, initiatives, releases, milestones, dependencies, alignments] = await Promise.all([
      repos.roadmap.items(scope.workspaceId, product.id),
      repos.initiatives.list(scope.workspaceId, product.id),
      repos.releases.list(scope.workspaceId, product.id),
      repos.roadmap.listMilestones(scope.workspaceId, product.id),
      repos.dependencies.ofProduct(scope.workspaceId, product.id),
      repos.initiatives.alignments(scope.workspaceId, product.id),
    ]);
    const listed = new Set(items.map((item) => item.id));
    const between = dependencies.filter((edge) => listed.has(edge.blockerId) && listed.has(edge.blockedId));
    const paths = releaseCriticalPaths(items, between);
    return {
      items: items.map((item) => ({ ...item, initiativeIds: alignments.filter((alignment) => alignment.id === item.id).map((alignment) => alignment.initiativeId) })),
      initiatives,
      releases: releases.map((release) => ({ ...release, criticalPath: paths.get(release.id) ?? { ids: [], days: 0 } })),
      milestones,
      dependencies: between,
      conflicts: scheduleConflicts(items, between),
    };
  }

  async getSchedule(item: ItemRecord): Promise<ItemScheduleView> {
    assertSchedulable(item.type);
    return this.viewSchedule(item, await this.store.read.roadmap.findSchedule(item.id));
  }

  /** Changes when an epic or feature is planned: its dates, its column on the board, or both. */
  async schedule(scope: Scope, item: ItemRecord, body: ItemScheduleBody, expectedVersion?: number): Promise<ItemScheduleView> {
    assertSchedulable(item.type);
    if (item.deletedAt) throw invalidField('itemIdOrKey', 'that item is in the trash');
    const changes = defined(body);
    const saved = await this.store.transaction(async (repos) => {
      const before = await repos.roadmap.findSchedule(item.id);
      const plan = {
        startDate: changes.startDate !== undefined ? changes.startDate : (before?.startDate ?? null),
        targetDate: changes.targetDate !== undefined ? changes.targetDate : (before?.targetDate ?? null),
        horizon: changes.horizon !== undefined ? changes.horizon : (before?.horizon ?? null),
      };
      assertPeriod(plan.startDate, plan.targetDate, changes.targetDate !== undefined ? 'targetDate' : 'startDate');
      const now = this.ctx.clock.now().toISOString();
      const written = await repos.roadmap.saveSchedule({ itemId: item.id, workspaceId: scope.workspaceId, productId: item.productId, ...plan, updatedBy: scope.actor.userId, updatedAt: now }, expectedVersion);
      if (!written) throw staleVersion('plan', before?.version ?? 0);
      const after = await repos.roadmap.findSchedule(item.id);
      await recordChange(repos.activity, this.ctx, scope, { subjectType: 'item', action: 'item.scheduled', subjectId: item.id, before: before && this.planOf(before), after: after && this.planOf(after) });
      return after;
    });
    this.publish(scope, item.productId, [item.id]);
    return this.viewSchedule(item, saved);
  }

  listMilestones(scope: Scope, product: ProductRecord): Promise<MilestoneRecord[]> {
    return this.store.read.roadmap.listMilestones(scope.workspaceId, product.id);
  }

  async createMilestone(scope: Scope, product: ProductRecord, input: MilestoneCreate): Promise<MilestoneRecord> {
    const now = this.ctx.clock.now().toISOString();
    const milestone: MilestoneRecord = { id: this.ctx.newId(), workspaceId: scope.workspaceId, productId: product.id, ...input, version: 1, createdAt: now, updatedAt: now };
    await this.store.transaction(async (repos) => {
      await repos.roadmap.insertMilestone(milestone);
      await this.record(repos, scope, 'milestone.created', milestone.id, null, milestone);
    });
    this.publish(scope, product.id, [milestone.id]);
    return milestone;
  }

  async updateMilestone(scope: Scope, milestone: MilestoneRecord, patch: MilestoneUpdate, expectedVersion?: number): Promise<MilestoneRecord> {
    const updated = await this.store.transaction(async (repos) => {
      const after = await repos.roadmap.updateMilestone(milestone.id, defined(patch) as MilestonePatch, this.ctx.clock.now().toISOString(), expectedVersion);
      if (!after) throw staleVersion('milestone', (await this.freshMilestone(repos, milestone.id)).version);
      await this.record(repos, scope, 'milestone.updated', milestone.id, milestone, after);
      return after;
    });
    this.publish(scope, milestone.productId, [milestone.id]);
    return updated;
  }

  async deleteMilestone(scope: Scope, milestone: MilestoneRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await this.freshMilestone(repos, milestone.id);
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('milestone', before.version);
      await repos.roadmap.deleteMilestone(milestone.id);
      await this.record(repos, scope, 'milestone.deleted', milestone.id, before, null);
    });
    this.publish(scope, milestone.productId, [milestone.id]);
  }

  private planOf(schedule: { startDate: string | null; targetDate: string | null; horizon: Horizon | null }) {
    return { startDate: schedule.startDate, targetDate: schedule.targetDate, horizon: schedule.horizon };
  }

  private viewSchedule(item: ItemRecord, schedule: { startDate: string | null; targetDate: string | null; horizon: Horizon | null; version: number } | null): ItemScheduleView {
    return { item, startDate: schedule?.startDate ?? null, targetDate: schedule?.targetDate ?? null, horizon: schedule?.horizon ?? null, version: schedule?.version ?? 0 };
  }

  private async freshMilestone(repos: RoadmapRepositories, id: string): Promise<MilestoneRecord> {
    const milestone = await repos.roadmap.findMilestone(id);
    if (!milestone) throw notFound('Milestone');
    return milestone;
  }

  private record(repos: RoadmapRepositories, scope: Scope, action: string, subjectId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType: 'milestone', action, subjectId, before, after });
  }

  private publish(scope: Scope, productId: string, ids: string[]) {
    this.events.publish({ type: 'roadmap.changed', workspaceId: scope.workspaceId, productId, ids, actor: scope.actor.userId });
  }
}
