import type { GoalCreate, GoalUpdate, InitiativeCreate, InitiativeUpdate, KeyResultCreate, KeyResultUpdate } from '../contracts/strategy.schema';
import type { FieldError } from '../contracts/errors';
import { statusKeysIn } from '../domain/backlog/workflow';
import { invalidField, invalidFields, notFound, staleVersion } from '../domain/errors';
import { assertAlignable, assertPeriod, EMPTY_ROLLUP, withProgress } from '../domain/strategy/rollup';
import { goalProgress, keyResultProblems, keyResultProgress } from '../domain/strategy/key-results';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import type {
  EventPublisher,
  GoalPatch,
  GoalRecord,
  InitiativePatch,
  InitiativeRecord,
  ItemRecord,
  KeyResultPatch,
  KeyResultRecord,
  ProductRecord,
  Repositories,
  TracedItemRecord,
  UnitOfWork,
} from './ports';

type StrategyRepositories = Pick<Repositories, 'goals' | 'initiatives' | 'items' | 'members' | 'activity'>;

export type GoalView = GoalRecord & { keyResults: KeyResultView[]; progress: number };
export type KeyResultView = KeyResultRecord & ReturnType<typeof keyResultProgress>;

/** How many unaligned epics and features the traceability answer lists (it counts them all). */
const UNALIGNED_SHOWN = 100;

const defined = <T extends object>(patch: T) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as T;

/**
 * The PM's strategy: goals with key results, initiatives serving goals, the
 * epics and features aligned to initiatives, and the traceability between
 * them and the delivery work below.
 */
export class StrategyService {
  constructor(
    private readonly store: UnitOfWork<StrategyRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  async listGoals(scope: Scope, product: ProductRecord): Promise<GoalView[]> {
    return this.viewGoals(this.store.read, await this.store.read.goals.list(scope.workspaceId, product.id));
  }

  async getGoal(goal: GoalRecord): Promise<GoalView> {
    return (await this.viewGoals(this.store.read, [goal]))[0]!;
  }

  async createGoal(scope: Scope, product: ProductRecord, input: GoalCreate): Promise<GoalView> {
    const now = this.ctx.clock.now().toISOString();
    assertPeriod(input.startDate, input.endDate, 'endDate');
    const problems = input.keyResults.flatMap((keyResult, index) => keyResultProblems(keyResult).map((problem) => ({ ...problem, field: `keyResults.${index}.${problem.field}` })));
    if (problems.length > 0) throw invalidFields(problems);
    const goal: GoalRecord = {
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      productId: product.id,
      title: input.title,
      description: input.description,
      startDate: input.startDate,
      endDate: input.endDate,
      ownerId: input.ownerId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.store.transaction(async (repos) => {
      await this.assertMember(repos, scope, goal.ownerId, 'ownerId');
      await repos.goals.insert(goal);
      for (const [position, keyResult] of input.keyResults.entries()) await repos.goals.insertKeyResult(this.newKeyResult(scope, goal.id, keyResult, position, now));
      const view = (await this.viewGoals(repos, [goal]))[0]!;
      await this.record(repos, scope, 'goal.created', 'goal', goal.id, null, view);
      return view;
    });
    this.publish(scope, product.id, [created.id]);
    return created;
  }

  async updateGoal(scope: Scope, goal: GoalRecord, patch: GoalUpdate, expectedVersion?: number): Promise<GoalView> {
    const changes = defined(patch) as GoalPatch;
    const updated = await this.store.transaction(async (repos) => {
      const before = await this.freshGoal(repos, goal.id);
      assertPeriod(changes.startDate ?? before.startDate, changes.endDate ?? before.endDate, changes.endDate ? 'endDate' : 'startDate');
      if (changes.ownerId !== undefined) await this.assertMember(repos, scope, changes.ownerId, 'ownerId');
      const after = await repos.goals.update(goal.id, changes, this.ctx.clock.now().toISOString(), expectedVersion);
      if (!after) throw staleVersion('goal', before.version);
      const view = (await this.viewGoals(repos, [after]))[0]!;
      await this.record(repos, scope, 'goal.updated', 'goal', goal.id, before, after);
      return view;
    });
    this.publish(scope, goal.productId, [goal.id]);
    return updated;
  }

  async deleteGoal(scope: Scope, goal: GoalRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = (await this.viewGoals(repos, [await this.freshGoal(repos, goal.id)]))[0]!;
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('goal', before.version);
      await repos.goals.delete(goal.id);
      await this.record(repos, scope, 'goal.deleted', 'goal', goal.id, before, null);
    });
    this.publish(scope, goal.productId, [goal.id]);
  }

  async addKeyResult(scope: Scope, goal: GoalRecord, input: KeyResultCreate): Promise<KeyResultView> {
    const problems = keyResultProblems(input);
    if (problems.length > 0) throw invalidFields(problems);
    const now = this.ctx.clock.now().toISOString();
    const created = await this.store.transaction(async (repos) => {
      const existing = await repos.goals.keyResultsOf(scope.workspaceId, [goal.id]);
      const keyResult = this.newKeyResult(scope, goal.id, input, Math.max(-1, ...existing.map((other) => other.position)) + 1, now);
      await repos.goals.insertKeyResult(keyResult);
      await this.record(repos, scope, 'key_result.created', 'goal', goal.id, null, keyResult);
      return keyResult;
    });
    this.publish(scope, goal.productId, [goal.id]);
    return viewKeyResult(created);
  }

  async updateKeyResult(scope: Scope, keyResult: KeyResultRecord, patch: KeyResultUpdate, expectedVersion?: number): Promise<KeyResultView> {
    const changes = defined(patch) as KeyResultPatch;
    const problems = keyResultProblems({ ...keyResult, ...changes });
    // The problem is the pairing of baseline, target and direction: name the one this change touched.
    const touched = changes.target !== undefined ? 'target' : changes.direction !== undefined ? 'direction' : 'baseline';
    if (problems.length > 0) throw invalidFields(problems.map((problem) => ({ ...problem, field: touched })));
    const { updated, goal } = await this.store.transaction(async (repos) => {
      const before = await repos.goals.findKeyResult(keyResult.id);
      if (!before) throw notFound('Key result');
      const after = await repos.goals.updateKeyResult(keyResult.id, changes, this.ctx.clock.now().toISOString(), expectedVersion);
      if (!after) throw staleVersion('key result', before.version);
      await this.record(repos, scope, 'key_result.updated', 'goal', before.goalId, before, after);
      return { updated: after, goal: (await repos.goals.findById(before.goalId))! };
    });
    this.publish(scope, goal.productId, [goal.id]);
    return viewKeyResult(updated);
  }

  async deleteKeyResult(scope: Scope, keyResult: KeyResultRecord, expectedVersion?: number): Promise<void> {
    const goal = await this.store.transaction(async (repos) => {
      const current = await repos.goals.findKeyResult(keyResult.id);
      if (!current) throw notFound('Key result');
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion('key result', current.version);
      await repos.goals.deleteKeyResult(keyResult.id);
      await this.record(repos, scope, 'key_result.deleted', 'goal', keyResult.goalId, keyResult, null);
      return (await repos.goals.findById(keyResult.goalId))!;
    });
    this.publish(scope, goal.productId, [goal.id]);
  }

  listInitiatives(scope: Scope, product: ProductRecord): Promise<InitiativeRecord[]> {
    return this.store.read.initiatives.list(scope.workspaceId, product.id);
  }

  async createInitiative(scope: Scope, product: ProductRecord, input: InitiativeCreate): Promise<InitiativeRecord> {
    assertPeriod(input.startDate, input.targetDate, 'targetDate');
    const now = this.ctx.clock.now().toISOString();
    const { goalIds, ...fields } = input;
    const initiative = { id: this.ctx.newId(), workspaceId: scope.workspaceId, productId: product.id, ...fields, version: 1, createdAt: now, updatedAt: now };
    const created = await this.store.transaction(async (repos) => {
      await repos.initiatives.insert(initiative);
      await repos.initiatives.setGoals(scope.workspaceId, initiative.id, await this.goalIds(repos, scope, product.id, goalIds));
      const stored = (await repos.initiatives.findById(initiative.id))!;
      await this.record(repos, scope, 'initiative.created', 'initiative', stored.id, null, stored);
      return stored;
    });
    this.publish(scope, product.id, [created.id, ...created.goalIds]);
    return created;
  }

  async updateInitiative(scope: Scope, initiative: InitiativeRecord, patch: InitiativeUpdate, expectedVersion?: number): Promise<InitiativeRecord> {
    const { goalIds, ...fields } = patch;
    const changes = defined(fields) as InitiativePatch;
    const now = this.ctx.clock.now().toISOString();
    const updated = await this.store.transaction(async (repos) => {
      const before = await repos.initiatives.findById(initiative.id);
      if (!before) throw notFound('Initiative');
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('initiative', before.version);
      const startDate = changes.startDate !== undefined ? changes.startDate : before.startDate;
      const targetDate = changes.targetDate !== undefined ? changes.targetDate : before.targetDate;
      assertPeriod(startDate, targetDate, changes.targetDate !== undefined ? 'targetDate' : 'startDate');
      if (Object.keys(changes).length > 0) {
        if (!(await repos.initiatives.update(initiative.id, changes, now, before.version))) throw staleVersion('initiative', before.version);
      } else {
        await repos.initiatives.touch(initiative.id, now);
      }
      if (goalIds !== undefined) await repos.initiatives.setGoals(scope.workspaceId, initiative.id, await this.goalIds(repos, scope, before.productId, goalIds));
      const after = (await repos.initiatives.findById(initiative.id))!;
      await this.record(repos, scope, 'initiative.updated', 'initiative', initiative.id, before, after);
      return after;
    });
    this.publish(scope, initiative.productId, [initiative.id, ...new Set([...initiative.goalIds, ...updated.goalIds])]);
    return updated;
  }

  async deleteInitiative(scope: Scope, initiative: InitiativeRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await repos.initiatives.findById(initiative.id);
      if (!before) throw notFound('Initiative');
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('initiative', before.version);
      await repos.initiatives.delete(initiative.id);
      await this.record(repos, scope, 'initiative.deleted', 'initiative', initiative.id, before, null);
    });
    this.publish(scope, initiative.productId, [initiative.id, ...initiative.goalIds]);
  }

  itemInitiatives(item: ItemRecord): Promise<string[]> {
    return this.store.read.initiatives.initiativesOfItem(item.id);
  }

  /** Replaces the initiatives an epic or feature serves. */
  async alignItem(scope: Scope, item: ItemRecord, initiativeIds: readonly string[]): Promise<string[]> {
    assertAlignable(item.type);
    const result = await this.store.transaction(async (repos) => {
      const ids: string[] = [];
      for (const [index, id] of initiativeIds.entries()) {
        const initiative = await repos.initiatives.findById(id);
        if (!initiative || initiative.workspaceId !== scope.workspaceId || initiative.productId !== item.productId) throw invalidField(`initiativeIds.${index}`, 'no such initiative in this product');
        if (!ids.includes(id)) ids.push(id);
      }
      const before = await repos.initiatives.initiativesOfItem(item.id);
      await repos.initiatives.setItemInitiatives(scope.workspaceId, item.id, ids);
      const after = await repos.initiatives.initiativesOfItem(item.id);
      await this.record(repos, scope, 'item.aligned', 'item', item.id, { initiativeIds: before }, { initiativeIds: after });
      return { before, after };
    });
    this.publish(scope, item.productId, [item.id, ...new Set([...result.before, ...result.after])]);
    return result.after;
  }

  /**
   * The tree goal → initiative → aligned epic or feature, each with delivery
   * progress by points from the work below, and what the chain misses.
   */
  async traceability(scope: Scope, product: ProductRecord) {
    const repos = this.store.read;
    const statuses = {
      done: statusKeysIn(product.workflow, 'done'),
      canceled: statusKeysIn(product.workflow, 'canceled'),
    };
    const [goals, initiatives, alignments, { byItem, byInitiative, byGoal }, unaligned] = await Promise.all([
      this.listGoals(scope, product),
      repos.initiatives.list(scope.workspaceId, product.id),
      repos.initiatives.alignments(scope.workspaceId, product.id),
      repos.initiatives.strategyRollups(scope.workspaceId, product.id, statuses),
      repos.initiatives.unaligned(scope.workspaceId, product.id, [...statuses.done, ...statuses.canceled], UNALIGNED_SHOWN),
    ]);
    const rollup = (rollups: Map<string, typeof EMPTY_ROLLUP>, id: string) => withProgress(rollups.get(id) ?? EMPTY_ROLLUP);
    const aligned = (initiativeId: string) => alignments.filter((alignment) => alignment.initiativeId === initiativeId);
    return {
      goals: goals.map((goal) => ({
        goal,
        rollup: rollup(byGoal, goal.id),
        initiatives: initiatives
          .filter((initiative) => initiative.goalIds.includes(goal.id))
          .map((initiative) => ({
            initiative,
            rollup: rollup(byInitiative, initiative.id),
            items: aligned(initiative.id).map((item) => ({ item, rollup: rollup(byItem, item.id) })),
          })),
      })),
      orphans: {
        goalsWithoutWork: goals.filter((goal) => !initiatives.some((initiative) => initiative.goalIds.includes(goal.id) && aligned(initiative.id).length > 0)).map((goal) => goal.id),
        initiativesWithoutGoal: initiatives.filter((initiative) => initiative.goalIds.length === 0).map((initiative) => initiative.id),
        unalignedItems: unaligned.items,
        unalignedCount: unaligned.count,
      },
    };
  }

  /** Which initiatives and goals an item serves: through itself or any item above it that is aligned. */
  async trace(scope: Scope, item: ItemRecord): Promise<{ path: TracedItemRecord[]; initiatives: InitiativeRecord[]; goals: GoalView[] }> {
    const repos = this.store.read;
    const path: TracedItemRecord[] = [];
    const initiativeIds = new Set<string>();
    for (let at: ItemRecord | null = item; at && path.length < 10; at = at.parentId ? await repos.items.findById(at.parentId) : null) {
      path.push(at);
      for (const id of await repos.initiatives.initiativesOfItem(at.id)) initiativeIds.add(id);
    }
    const initiatives = await repos.initiatives.findMany(scope.workspaceId, [...initiativeIds]);
    const goals = await repos.goals.findMany(scope.workspaceId, [...new Set(initiatives.flatMap((initiative) => initiative.goalIds))]);
    return { path, initiatives, goals: await this.viewGoals(repos, goals) };
  }

  private async viewGoals(repos: Pick<StrategyRepositories, 'goals'>, goals: readonly GoalRecord[]): Promise<GoalView[]> {
    if (goals.length === 0) return [];
    const keyResults = await repos.goals.keyResultsOf(
      goals[0]!.workspaceId,
      goals.map((goal) => goal.id),
    );
    return goals.map((goal) => {
      const own = keyResults.filter((keyResult) => keyResult.goalId === goal.id).map(viewKeyResult);
      return { ...goal, keyResults: own, progress: goalProgress(own) };
    });
  }

  private newKeyResult(scope: Scope, goalId: string, input: KeyResultCreate, position: number, now: string): KeyResultRecord {
    return { id: this.ctx.newId(), workspaceId: scope.workspaceId, goalId, ...input, position, version: 1, createdAt: now, updatedAt: now };
  }

  private async freshGoal(repos: Pick<StrategyRepositories, 'goals'>, goalId: string): Promise<GoalRecord> {
    const goal = await repos.goals.findById(goalId);
    if (!goal) throw notFound('Goal');
    return goal;
  }

  private async assertMember(repos: Pick<StrategyRepositories, 'members'>, scope: Scope, userId: string | null, field: string): Promise<void> {
    if (userId !== null && !(await repos.members.find(scope.workspaceId, userId))) throw invalidField(field, 'not a member of this workspace');
  }

  /** Goal ids of this product, each once. */
  private async goalIds(repos: Pick<StrategyRepositories, 'goals'>, scope: Scope, productId: string, ids: readonly string[]): Promise<string[]> {
    const problems: FieldError[] = [];
    const found = await repos.goals.findMany(scope.workspaceId, ids);
    ids.forEach((id, index) => {
      if (!found.some((goal) => goal.id === id && goal.productId === productId)) problems.push({ field: `goalIds.${index}`, message: 'no such goal in this product' });
    });
    if (problems.length > 0) throw invalidFields(problems);
    return [...new Set(ids)];
  }

  private record(repos: Pick<StrategyRepositories, 'activity'>, scope: Scope, action: string, subjectType: string, subjectId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType, action, subjectId, before, after });
  }

  private publish(scope: Scope, productId: string, ids: string[]) {
    this.events.publish({ type: 'strategy.changed', workspaceId: scope.workspaceId, productId, ids, actor: scope.actor.userId });
  }
}

function viewKeyResult(keyResult: KeyResultRecord): KeyResultView {
  return { ...keyResult, ...keyResultProgress(keyResult, keyResult.unit) };
}
