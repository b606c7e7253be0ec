import { ranksAfter } from '../domain/ranking';
import type { Role } from '../contracts/access.schema';
import { BLANK_ITEM_FIELDS } from '../domain/backlog/story';
import { DEFAULT_WORKFLOW, statusKeysIn } from '../domain/backlog/workflow';
import { isTandemError } from '../domain/errors';
import { formatItemKey } from '../domain/items';
import { activityEntry } from './activity';
import type { ServiceContext } from './context';
import { DEMO_ACCOUNTS, DEMO_ITEMS, DEMO_PASSWORD, DEMO_PRODUCT, DEMO_WORKSPACE, syntheticItem, type DemoItem } from './demo-data';
import { DEMO_AVAILABILITY, DEMO_DECISIONS, DEMO_SPRINTS } from './demo-sprints';
import { DEMO_DEPENDENCIES, DEMO_GOALS, DEMO_INITIATIVES, DEMO_RELEASES, DEMO_STRATEGY, DEMO_VISION } from './demo-strategy';
import { seedDemoMarket } from './demo-market';
import { seedDemoEvidence } from './demo-evidence';
import { seedDemoRoadmap } from './demo-roadmap';
import { seedDemoLaunches } from './demo-launches';
import { refreshReadiness, storeReadiness } from './readiness';
import { insightCount, planPortfolio, seedSyntheticEvidence, seedSyntheticStrategy, type PortfolioStage, type SeededItem } from './synthetic-portfolio';
import type { ItemFields, NewItem, PasswordHasher, ProductRecord, Repositories, SprintRecord, UnitOfWork, UserRecord, WorkspaceRecord } from './ports';

/** What a seeded item says for itself; the rest is blank. */
type SeedItem = Pick<NewItem, 'type' | 'title' | 'status' | 'createdBy'> & Partial<ItemFields> & { id?: string };

type SeedRepositories = Pick<Repositories, 'users' | 'members' | 'products' | 'items' | 'workspaces' | 'activity' | 'sprints' | 'decisions' | 'goals' | 'initiatives' | 'dependencies' | 'releases' | 'market' | 'launches' | 'customers' | 'insights' | 'roadmap'>;

// Large seeds commit in chunks: bounded memory, and progress that means something.
const CHUNK = 5_000;

export class SeedService {
  constructor(
    private readonly store: UnitOfWork<SeedRepositories>,
    private readonly hasher: PasswordHasher,
    private readonly ctx: ServiceContext,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.store.read.users.count()) === 0;
  }

  /**
   * The demo workspace and one account per role, only into an empty database,
   * in one transaction: a crash leaves nothing half-made, and when two servers
   * start together on one database the second finds the accounts taken and
   * leaves the first one's demo alone.
   */
  async seedDemo(): Promise<{ seeded: boolean; workspaceId?: string; productId?: string }> {
    if (!(await this.isEmpty())) return { seeded: false };
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const now = this.ctx.clock.now().toISOString();
    const users: Array<UserRecord & { roles: Role[] }> = DEMO_ACCOUNTS.map((account) => ({
      id: this.ctx.newId(),
      email: account.email,
      name: account.name,
      roles: account.roles,
      passwordHash,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
    const workspace: WorkspaceRecord = { id: this.ctx.newId(), name: DEMO_WORKSPACE, version: 1, createdAt: now, updatedAt: now };
    const product: ProductRecord = {
      id: this.ctx.newId(),
      workspaceId: workspace.id,
      ...DEMO_PRODUCT,
      vision: DEMO_VISION,
      strategy: DEMO_STRATEGY,
      workflow: [...DEFAULT_WORKFLOW],
      customFields: [],
      scoringCriteria: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const authors = users.filter(({ roles }) => roles.some((role) => ['product_manager', 'product_owner', 'contributor'].includes(role)));
    try {
      await this.store.transaction(async (repos) => {
        for (const { roles: _roles, ...user } of users) await repos.users.insert(user);
        await repos.workspaces.insert(workspace);
        for (const user of users) await repos.members.add(workspace.id, user.id, user.roles, now);
        await repos.products.insert(product);
        await repos.activity.record(
          activityEntry(this.ctx, {
            workspaceId: workspace.id,
            actorId: users[0]!.id,
            action: 'workspace.created',
            subjectType: 'workspace',
            subjectId: workspace.id,
            after: { ...workspace, demo: true },
          }),
        );
        const ids = new Map(DEMO_ITEMS.flatMap((item) => (item.ref ? [[item.ref, this.ctx.newId()] as const] : [])));
        const userIds = new Map(users.map((user) => [user.email, user.id]));
        await this.appendItems(repos, workspace.id, product.id, 0, DEMO_ITEMS.length, (n) =>
          demoItem(DEMO_ITEMS[n]!, authors[n % authors.length]!.id, ids, userIds, () => this.ctx.newId(), this.ctx.clock.now()),
        );
        await this.seedDemoSprints(repos, product, userIds);
        await this.seedDemoStrategy(repos, product, userIds, ids);
        await seedDemoMarket(repos, this.ctx, product, ids, userIds.get('pm@demo.test') ?? null);
        await seedDemoEvidence(repos, this.ctx, product, ids, userIds.get('pm@demo.test') ?? null);
        await seedDemoRoadmap(repos, this.ctx, product, userIds.get('pm@demo.test') ?? null);
        await seedDemoLaunches(repos, this.ctx, product, userIds);
      });
    } catch (error) {
      if (isTandemError(error) && error.code === 'email_taken') return { seeded: false };
      throw error;
    }
    return { seeded: true, workspaceId: workspace.id, productId: product.id };
  }

  /** The demo's sprints (two finished, one running, one planned) and its decision log. */
  private async seedDemoSprints(repos: SeedRepositories, product: ProductRecord, userIds: ReadonlyMap<string, string>): Promise<void> {
    const now = this.ctx.clock.now();
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const instant = (offset: number) => `${day(offset)}T09:00:00.000Z`;
    const itemId = async (number: number) => (await repos.items.findByKey([product.workspaceId], product.key, number))[0]!.id;
    const availability = Object.entries(DEMO_AVAILABILITY).map(([email, days]) => ({ userId: userIds.get(email)!, days }));
    const po = userIds.get('po@demo.test')!;
    for (const spec of DEMO_SPRINTS) {
      const sprint: SprintRecord = {
        id: this.ctx.newId(),
        workspaceId: product.workspaceId,
        productId: product.id,
        name: spec.name,
        goal: spec.goal,
        state: spec.state,
        startDate: day(spec.startDay),
        endDate: day(spec.endDay),
        availability,
        committedAtStart: spec.state === 'planned' ? null : (spec.committedAtStart ?? null),
        completedPoints: spec.completedPoints ?? null,
        startedAt: spec.state === 'planned' ? null : instant(spec.startDay),
        completedAt: spec.state === 'completed' ? instant(spec.endDay + 1) : null,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await repos.sprints.insert(sprint);
      const ids = await Promise.all(spec.items.map(itemId));
      for (const id of ids) {
        const addedAt = instant(spec.startDay - 1);
        await repos.sprints.addEntry({ id: this.ctx.newId(), workspaceId: product.workspaceId, sprintId: sprint.id, itemId: id, addedAt, addedBy: po, removedAt: null, removedBy: null, doneAt: null });
      }
      await repos.items.setSprint(ids, sprint.id, now.toISOString());
      if (spec.state === 'active') {
        const points = (await repos.sprints.totals(product.workspaceId, [sprint.id], [])).get(sprint.id)?.points ?? 0;
        await repos.sprints.update(sprint.id, { committedAtStart: points }, now.toISOString());
      }
    }
    const finished = DEMO_SPRINTS.filter((spec) => spec.state === 'completed');
    await repos.products.setVelocity(product.id, finished.reduce((sum, spec) => sum + (spec.completedPoints ?? 0), 0) / finished.length);
    await refreshReadiness(repos.items, product.workspaceId, product.id);
    for (const spec of DEMO_DECISIONS) {
      const id = this.ctx.newId();
      const decided = spec.status === 'decided';
      await repos.decisions.insert({
        id,
        workspaceId: product.workspaceId,
        productId: product.id,
        title: spec.title,
        context: spec.context,
        options: spec.options,
        outcome: spec.outcome,
        rationale: spec.rationale,
        status: spec.status,
        decidedBy: decided ? po : null,
        decidedAt: decided ? instant(-2) : null,
        supersededBy: null,
        createdBy: po,
        version: 1,
        createdAt: instant(-5),
        updatedAt: instant(-2),
      });
      await repos.decisions.setItems(product.workspaceId, id, await Promise.all(spec.items.map(itemId)));
    }
  }

  /** The demo's goals with key results, initiatives with the epics that serve them, dependencies and releases. */
  private async seedDemoStrategy(
    repos: SeedRepositories,
    product: ProductRecord,
    userIds: ReadonlyMap<string, string>,
    itemIds: ReadonlyMap<string, string>,
  ): Promise<void> {
    const now = this.ctx.clock.now();
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const at = now.toISOString();
    const { workspaceId } = product;
    const goalIds: string[] = [];
    for (const spec of DEMO_GOALS) {
      const id = this.ctx.newId();
      goalIds.push(id);
      await repos.goals.insert({
        id,
        workspaceId,
        productId: product.id,
        title: spec.title,
        description: spec.description,
        startDate: day(spec.startDay),
        endDate: day(spec.endDay),
        ownerId: userIds.get(spec.owner) ?? null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      for (const [position, keyResult] of spec.keyResults.entries()) {
        await repos.goals.insertKeyResult({ id: this.ctx.newId(), workspaceId, goalId: id, ...keyResult, position, version: 1, createdAt: at, updatedAt: at });
      }
    }
    for (const spec of DEMO_INITIATIVES) {
      const id = this.ctx.newId();
      await repos.initiatives.insert({
        id,
        workspaceId,
        productId: product.id,
        title: spec.title,
        description: spec.description,
        status: spec.status,
        startDate: spec.startDay === null ? null : day(spec.startDay),
        targetDate: spec.targetDay === null ? null : day(spec.targetDay),
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      await repos.initiatives.setGoals(workspaceId, id, spec.goals.map((index) => goalIds[index]!));
      for (const ref of spec.epics) await repos.initiatives.setItemInitiatives(workspaceId, itemIds.get(ref)!, [id]);
    }
    const byNumber = async (number: number) => (await repos.items.findByKey([workspaceId], product.key, number))[0]!.id;
    for (const [blocker, blocked] of DEMO_DEPENDENCIES) {
      await repos.dependencies.add({ workspaceId, productId: product.id, blockerId: await byNumber(blocker), blockedId: await byNumber(blocked), createdBy: null, createdAt: at });
    }
    const pm = userIds.get('pm@demo.test') ?? null;
    for (const spec of DEMO_RELEASES) {
      const id = this.ctx.newId();
      await repos.releases.insert({
        id,
        workspaceId,
        productId: product.id,
        name: spec.name,
        description: spec.description,
        targetDate: day(spec.targetDay),
        status: spec.status,
        releasedAt: null,
        atRisk: false,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      for (const number of spec.items) {
        const item = (await repos.items.findByKey([workspaceId], product.key, number))[0]!;
        await repos.releases.setItemRelease(item.id, id, at);
        const after = { itemId: item.id, key: formatItemKey(product.key, number), title: item.title, type: item.type };
        await repos.releases.recordChange({ id: this.ctx.newId(), workspaceId, releaseId: id, kind: 'scope_added', before: null, after, actorId: pm, createdAt: at });
      }
    }
  }

  /**
   * Appends `count` synthetic items to a product, for benchmarks and load
   * tests, reporting progress as it goes.
   */
  async seedItems(workspaceId: string, productId: string, count: number, onProgress?: (done: number) => void): Promise<SeededItem[]> {
    return this.insertItems(workspaceId, productId, count, (n) => ({ ...syntheticItem(n), createdBy: null }), onProgress);
  }

  /**
   * The product manager's workload on top of seeded items (`seedItems`' answer):
   * goals, initiatives and new epics over the items (see `planPortfolio`), then
   * customer evidence, one insight per ten items. Reports each stage's progress.
   */
  async seedPortfolio(
    workspaceId: string,
    productId: string,
    items: readonly SeededItem[],
    onProgress?: (done: number, total: number, stage: PortfolioStage) => void,
  ): Promise<{ epics: number; reparented: number; insights: number; hotFeatureId: string | null }> {
    const scope = { workspaceId, productId };
    const plan = planPortfolio(items);
    const epics = await this.insertItems(workspaceId, productId, plan.epics.length, (e) => ({
      type: 'epic',
      title: `Epic ${e + 1}: ${plan.epics[e]!.length} features of the strategy`,
      status: 'in_progress',
      description: 'Generated for load testing.',
      createdBy: null,
    }));
    const featureIds = await seedSyntheticStrategy(this.store, this.ctx, scope, items, plan, epics.map((epic) => epic.id), (done, total) => onProgress?.(done, total, 'strategy'));
    const insights = await seedSyntheticEvidence(this.store, this.ctx, scope, featureIds, insightCount(items.length), (done, total) => onProgress?.(done, total, 'evidence'));
    return { epics: epics.length, reparented: plan.children.length + plan.features.length, insights, hotFeatureId: featureIds[0] ?? null };
  }

  private async insertItems(
    workspaceId: string,
    productId: string,
    count: number,
    make: (n: number) => SeedItem,
    onProgress?: (done: number) => void,
  ): Promise<SeededItem[]> {
    const seeded: SeededItem[] = [];
    for (let start = 0; start < count; start += CHUNK) {
      const size = Math.min(CHUNK, count - start);
      seeded.push(...(await this.store.transaction((repos) => this.appendItems(repos, workspaceId, productId, start, size, make))));
      onProgress?.(start + size);
    }
    return seeded;
  }

  private async appendItems(
    repos: SeedRepositories,
    workspaceId: string,
    productId: string,
    offset: number,
    size: number,
    make: (n: number) => SeedItem,
  ): Promise<SeededItem[]> {
    const first = await repos.products.takeItemNumbers(productId, size);
    const ranks = ranksAfter(await repos.items.lastRank(workspaceId, productId), size);
    const clock = this.ctx.clock.now();
    const now = clock.toISOString();
    const items: NewItem[] = ranks.map((rank, i) => {
      const made = make(offset + i);
      return {
        ...BLANK_ITEM_FIELDS,
        id: this.ctx.newId(),
        workspaceId,
        productId,
        number: first + i,
        rank,
        version: 1,
        createdAt: now,
        updatedAt: now,
        doneAt: DONE_STATUSES.has(made.status) ? seededDoneAt(clock, offset + i) : null,
        ...made,
      };
    });
    await repos.items.insertMany(items);
    const stories = items.filter((item) => item.type === 'story');
    await storeReadiness(
      repos.items,
      stories.map((item) => ({ ...item, productKey: '', deletedAt: null, deletedBy: null, sprintId: null, scores: {}, typicalSprintPoints: null, doneAt: item.doneAt ?? null, releaseId: null })),
    );
    return items.map(({ id, type }) => ({ id, type }));
  }
}

/** Seeded items start in the default workflow. */
const DONE_STATUSES = new Set(statusKeysIn(DEFAULT_WORKFLOW, 'done'));

/**
 * When seeded item `n`, if done, was finished: spread over the last eight weeks
 * (weekdays only, a few a day), so forecasts have a history to read.
 */
function seededDoneAt(now: Date, n: number): string {
  let daysAgo = 1 + ((n * 7919) % 56);
  const day = new Date(now.getTime() - daysAgo * 86_400_000);
  // Weekend finishes move to the Friday before.
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) daysAgo += weekday === 0 ? 2 : 1;
  return new Date(now.getTime() - daysAgo * 86_400_000 + ((n * 37) % 480) * 60_000).toISOString();
}

/** A demo item as stored: its parent and assignee resolved to ids, its criteria numbered. */
function demoItem(item: DemoItem, createdBy: string, ids: ReadonlyMap<string, string>, userIds: ReadonlyMap<string, string>, newId: () => string, now: Date): SeedItem {
  const { ref, parent, criteria, assignee, blockedReason, doneDaysAgo, ...fields } = item;
  return {
    ...fields,
    ...(doneDaysAgo !== undefined && { doneAt: new Date(now.getTime() - doneDaysAgo * 86_400_000).toISOString() }),
    ...(ref && { id: ids.get(ref)! }),
    parentId: parent ? ids.get(parent)! : null,
    acceptanceCriteria: (criteria ?? []).map(([given, when, then, done]) => ({ id: newId(), given, when, then, done: done ?? false })),
    assigneeId: assignee ? userIds.get(assignee)! : null,
    blocked: blockedReason !== undefined,
    blockedReason: blockedReason ?? '',
    createdBy,
  };
}
