import type { SprintCreate, SprintUpdate } from '../contracts/sprint.schema';
import { isAllowed } from '../domain/access/permissions';
import { assertTransition, averageVelocity, burndown, checkSprintDates, sprintCapacity, sprintDays, type SprintOutcome } from '../domain/backlog/sprints';
import { isDoneStatus, isFinishedStatus, statusKeysIn } from '../domain/backlog/workflow';
import { invalidField, notFound, staleVersion, TandemError } from '../domain/errors';
import { formatItemKey } from '../domain/items';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import { decodeCursor, RankCursorSchema, toPage } from './pagination';
import { refreshReadiness } from './readiness';
import type { EventPublisher, ItemRecord, ProductRecord, Repositories, SprintPatch, SprintRecord, SprintTotals, UnitOfWork } from './ports';

type SprintRepositories = Pick<Repositories, 'sprints' | 'items' | 'products' | 'members' | 'activity'>;

/** A sprint with what the team sees at a glance: capacity, commitment, progress. */
export interface SprintView extends SprintRecord {
  capacity: { points: number; explanation: string };
  committedPoints: number;
  completedPointsNow: number;
  itemCount: number;
}

const doneStatuses = (product: ProductRecord) => statusKeysIn(product.workflow, 'done');
const isDone = (product: ProductRecord, status: string) => isDoneStatus(product.workflow, status);
const isFinished = (product: ProductRecord, status: string) => isFinishedStatus(product.workflow, status);

/**
 * Sprints: plan (commit items, capacity from availability), start, complete
 * (unfinished items carry over), with velocity history and a daily burndown.
 * Scope changes after the start are recorded, and only the PO or owner may make them.
 */
export class SprintService {
  constructor(
    private readonly store: UnitOfWork<SprintRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  async list(scope: Scope, product: ProductRecord): Promise<SprintView[]> {
    const sprints = await this.store.read.sprints.listByProduct(scope.workspaceId, product.id);
    return this.views(this.store.read, product, sprints);
  }

  async get(scope: Scope, sprintId: string): Promise<{ sprint: SprintView; product: ProductRecord }> {
    const sprint = await this.find(this.store.read, scope, sprintId);
    const product = (await this.store.read.products.findById(sprint.productId))!;
    const all = await this.store.read.sprints.listByProduct(scope.workspaceId, product.id);
    const [view] = await this.views(this.store.read, product, all, [sprint.id]);
    return { sprint: view!, product };
  }

  async create(scope: Scope, product: ProductRecord, input: SprintCreate): Promise<SprintRecord> {
    checkSprintDates(input.startDate, input.endDate);
    const now = this.ctx.clock.now().toISOString();
    const sprint: SprintRecord = {
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      productId: product.id,
      name: input.name,
      goal: input.goal ?? '',
      state: 'planned',
      startDate: input.startDate,
      endDate: input.endDate,
      availability: input.availability ?? [],
      committedAtStart: null,
      completedPoints: null,
      startedAt: null,
      completedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction(async (repos) => {
      await this.checkMembers(repos, scope, sprint.availability);
      await repos.sprints.insert(sprint);
      await this.record(repos, scope, 'sprint.created', sprint.id, null, sprint);
    });
    this.publish(scope, 'sprint.created', sprint);
    return sprint;
  }

  async update(scope: Scope, sprintId: string, patch: SprintUpdate, expectedVersion?: number): Promise<SprintRecord> {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as SprintPatch;
    return this.change(scope, sprintId, 'sprint.updated', expectedVersion, async (repos, before) => {
      if (before.state === 'completed') throw new TandemError('conflict', 'A completed sprint is history; it cannot be edited');
      checkSprintDates(changes.startDate ?? before.startDate, changes.endDate ?? before.endDate);
      if (changes.availability) await this.checkMembers(repos, scope, changes.availability);
      return changes;
    });
  }

  /** Starts the sprint, fixing the points committed; one sprint runs at a time in a product. */
  async start(scope: Scope, sprintId: string, expectedVersion?: number): Promise<SprintRecord> {
    return this.change(scope, sprintId, 'sprint.started', expectedVersion, async (repos, before, now) => {
      assertTransition(before.state, 'active');
      const running = (await repos.sprints.listByProduct(scope.workspaceId, before.productId)).find((sprint) => sprint.state === 'active');
      if (running) throw new TandemError('conflict', `${running.name} is running; complete it before starting another sprint`);
      const totals = await repos.sprints.totals(scope.workspaceId, [before.id], []);
      return { state: 'active', startedAt: now, committedAtStart: totals.get(before.id)?.points ?? 0 };
    });
  }

  /**
   * Completes the sprint: its done points become its velocity, and unfinished
   * items (neither done nor canceled) go to the next planned sprint or the backlog.
   */
  async complete(scope: Scope, sprintId: string, carryTo: 'next' | 'backlog', expectedVersion?: number) {
    let carried: { ids: string[]; to: SprintRecord | null } = { ids: [], to: null };
    const sprint = await this.change(scope, sprintId, 'sprint.completed', expectedVersion, async (repos, before, now) => {
      assertTransition(before.state, 'completed');
      const product = (await repos.products.findById(before.productId))!;
      const items = await this.allItems(repos, scope, before.id);
      const unfinished = items.filter((item) => !isFinished(product, item.status));
      const completedPoints = items.filter((item) => isDone(product, item.status)).reduce((sum, item) => sum + (item.estimate ?? 0), 0);
      const next =
        carryTo === 'next'
          ? ((await repos.sprints.listByProduct(scope.workspaceId, before.productId)).find((other) => other.state === 'planned' && other.id !== before.id) ?? null)
          : null;
      const ids = unfinished.map((item) => item.id);
      for (const id of ids) {
        await repos.sprints.closeEntry(before.id, id, now, scope.actor.userId);
        if (next) await repos.sprints.addEntry(this.entry(scope, next.id, id, now));
        await this.recordItemMove(repos, scope, id, before, next);
      }
      await repos.items.setSprint(ids, next?.id ?? null, now);
      carried = { ids, to: next };
      const finished = (await repos.sprints.listByProduct(scope.workspaceId, before.productId)).filter((other) => other.state === 'completed');
      await repos.products.setVelocity(before.productId, averageVelocity(outcomes([...finished, { ...before, completedPoints }])));
      // Stories are sized against the new velocity from now on.
      await refreshReadiness(repos.items, scope.workspaceId, before.productId);
      return { state: 'completed', completedAt: now, completedPoints };
    });
    if (carried.ids.length > 0) {
      this.events.publish({ type: 'item.updated', workspaceId: scope.workspaceId, productId: sprint.productId, ids: carried.ids, actor: scope.actor.userId });
    }
    return { sprint, carriedOver: carried.ids.length, carriedTo: carried.to?.id ?? null };
  }

  /**
   * Commits an item to the sprint (taking it out of any other open sprint).
   * Before the start this is planning; after it, a scope change only the PO
   * or owner may make, and the burndown shows it.
   */
  async commit(scope: Scope, sprintId: string, item: ItemRecord): Promise<ItemRecord> {
    const now = this.ctx.clock.now().toISOString();
    const result = await this.store.transaction(async (repos) => {
      await repos.products.lock(item.productId);
      const sprint = await this.find(repos, scope, sprintId);
      this.assertMayChangeScope(scope, sprint);
      const current = (await repos.items.findById(item.id))!;
      if (current.productId !== sprint.productId) throw invalidField('itemId', 'the item belongs to another product');
      if (current.deletedAt) throw invalidField('itemId', 'that item is in the trash');
      if (current.sprintId === sprint.id) return { item: current, changed: false };
      const previous = current.sprintId ? (await repos.sprints.findById(current.sprintId))! : null;
      if (previous && previous.state !== 'completed') {
        this.assertMayChangeScope(scope, previous);
        await repos.sprints.closeEntry(previous.id, current.id, now, scope.actor.userId);
      }
      const product = (await repos.products.findById(sprint.productId))!;
      await repos.sprints.addEntry({ ...this.entry(scope, sprint.id, current.id, now), doneAt: isFinished(product, current.status) ? now : null });
      await repos.items.setSprint([current.id], sprint.id, now);
      const after = (await repos.items.findById(current.id))!;
      await this.record(repos, scope, 'sprint.item_added', sprint.id, null, { itemId: current.id, points: current.estimate, afterStart: sprint.state === 'active' });
      await this.recordItemMove(repos, scope, current.id, previous, sprint);
      return { item: after, changed: true };
    });
    if (result.changed) this.publishItem(scope, result.item);
    return result.item;
  }

  async remove(scope: Scope, sprintId: string, item: ItemRecord): Promise<ItemRecord> {
    const now = this.ctx.clock.now().toISOString();
    const updated = await this.store.transaction(async (repos) => {
      await repos.products.lock(item.productId);
      const sprint = await this.find(repos, scope, sprintId);
      this.assertMayChangeScope(scope, sprint);
      const current = (await repos.items.findById(item.id))!;
      if (current.sprintId !== sprint.id) throw notFound('The item in this sprint');
      await repos.sprints.closeEntry(sprint.id, current.id, now, scope.actor.userId);
      await repos.items.setSprint([current.id], null, now);
      await this.record(repos, scope, 'sprint.item_removed', sprint.id, { itemId: current.id, points: current.estimate, afterStart: sprint.state === 'active' }, null);
      await this.recordItemMove(repos, scope, current.id, sprint, null);
      return (await repos.items.findById(current.id))!;
    });
    this.publishItem(scope, updated);
    return updated;
  }

  async items(scope: Scope, sprintId: string, page: { limit: number; cursor?: string | undefined }) {
    const sprint = await this.find(this.store.read, scope, sprintId);
    const after = page.cursor ? decodeCursor(page.cursor, RankCursorSchema) : undefined;
    const rows = await this.store.read.items.listBySprint(scope.workspaceId, sprint.id, page.limit + 1, after);
    return toPage(rows, page.limit, (item) => ({ rank: item.rank }));
  }

  /** The daily burndown and the scope changes made after the start. */
  async burndown(scope: Scope, sprintId: string) {
    const sprint = await this.find(this.store.read, scope, sprintId);
    // An item moved to the trash leaves the sprint's scope at that moment.
    const entries = (await this.store.read.sprints.entries(scope.workspaceId, sprint.id)).map((entry) => ({
      ...entry,
      removedAt: entry.trashedAt && (entry.removedAt === null || entry.trashedAt < entry.removedAt) ? entry.trashedAt : entry.removedAt,
    }));
    const today = this.ctx.clock.now().toISOString().slice(0, 10);
    // A carry-over at completion is not a scope change; only what moved while the sprint ran is.
    const ran = (at: string) => sprint.startedAt !== null && at > sprint.startedAt && (sprint.completedAt === null || at < sprint.completedAt);
    const scopeChanges = entries.flatMap((entry) => {
      const item = { itemId: entry.itemId, key: formatItemKey(entry.productKey, entry.number), title: entry.title, points: entry.points };
      return [
        ...(ran(entry.addedAt) ? [{ ...item, change: 'added' as const, at: entry.addedAt, by: entry.addedBy }] : []),
        ...(entry.removedAt && ran(entry.removedAt) ? [{ ...item, change: 'removed' as const, at: entry.removedAt, by: entry.removedBy }] : []),
      ];
    });
    const counted = sprint.state === 'planned' ? [] : entries.map((entry) => ({ ...entry, removedAt: entry.removedAt && sprint.completedAt === entry.removedAt ? null : entry.removedAt }));
    return {
      sprintId: sprint.id,
      committedAtStart: sprint.committedAtStart,
      days: burndown(sprintDays(sprint.startDate, sprint.endDate), counted, sprint.committedAtStart ?? 0, sprint.state === 'planned' ? '' : today),
      scopeChanges: scopeChanges.sort((a, b) => a.at.localeCompare(b.at)),
    };
  }

  /** Committed and completed points of each finished sprint, and the recent average. */
  async velocity(scope: Scope, product: ProductRecord) {
    const finished = (await this.store.read.sprints.listByProduct(scope.workspaceId, product.id)).filter((sprint) => sprint.state === 'completed');
    return {
      sprints: finished.map((sprint) => ({
        id: sprint.id,
        name: sprint.name,
        endDate: sprint.endDate,
        committed: sprint.committedAtStart ?? 0,
        completed: sprint.completedPoints ?? 0,
      })),
      average: averageVelocity(outcomes(finished)),
    };
  }

  private async views(repos: SprintRepositories, product: ProductRecord, sprints: SprintRecord[], only?: string[]): Promise<SprintView[]> {
    const shown = only ? sprints.filter((sprint) => only.includes(sprint.id)) : sprints;
    const totals = await repos.sprints.totals(product.workspaceId, shown.map((sprint) => sprint.id), doneStatuses(product));
    return shown.map((sprint) => {
      const before = outcomes(sprints.filter((other) => other.state === 'completed' && other.completedAt !== null && other.endDate < sprint.startDate));
      const total: SprintTotals = totals.get(sprint.id) ?? { itemCount: 0, points: 0, donePoints: 0 };
      return {
        ...sprint,
        capacity: sprintCapacity(sprint.availability, before),
        committedPoints: total.points,
        completedPointsNow: total.donePoints,
        itemCount: total.itemCount,
      };
    });
  }

  private assertMayChangeScope(scope: Scope, sprint: SprintRecord): void {
    if (sprint.state === 'completed') throw new TandemError('conflict', `${sprint.name} is completed; its scope is history`);
    if (sprint.state === 'active' && !isAllowed(scope.roles, 'sprint.change_scope')) {
      throw new TandemError('forbidden', `${sprint.name} has started; only the product owner (or an owner) can change its scope`, { action: 'sprint.change_scope' });
    }
  }

  private async allItems(repos: SprintRepositories, scope: Scope, sprintId: string): Promise<ItemRecord[]> {
    const items: ItemRecord[] = [];
    for (let after: { rank: string } | undefined; ; ) {
      const page = await repos.items.listBySprint(scope.workspaceId, sprintId, 500, after);
      items.push(...page);
      if (page.length < 500) return items;
      after = { rank: page.at(-1)!.rank };
    }
  }

  private async checkMembers(repos: SprintRepositories, scope: Scope, availability: SprintRecord['availability']): Promise<void> {
    const seen = new Set<string>();
    for (const [index, member] of availability.entries()) {
      if (seen.has(member.userId)) throw invalidField(`availability.${index}.userId`, 'listed twice');
      seen.add(member.userId);
      if (!(await repos.members.find(scope.workspaceId, member.userId))) throw invalidField(`availability.${index}.userId`, 'not a member of this workspace');
    }
  }

  private async find(repos: Pick<SprintRepositories, 'sprints'>, scope: Scope, sprintId: string): Promise<SprintRecord> {
    const sprint = await repos.sprints.findById(sprintId);
    if (!sprint || sprint.workspaceId !== scope.workspaceId) throw notFound('Sprint');
    return sprint;
  }

  private entry(scope: Scope, sprintId: string, itemId: string, at: string) {
    return { id: this.ctx.newId(), workspaceId: scope.workspaceId, sprintId, itemId, addedAt: at, addedBy: scope.actor.userId, removedAt: null, removedBy: null, doneAt: null };
  }

  private async change(
    scope: Scope,
    sprintId: string,
    action: 'sprint.updated' | 'sprint.started' | 'sprint.completed',
    expectedVersion: number | undefined,
    patchFor: (repos: SprintRepositories, before: SprintRecord, now: string) => Promise<SprintPatch>,
  ): Promise<SprintRecord> {
    const now = this.ctx.clock.now().toISOString();
    const sprint = await this.store.transaction(async (repos) => {
      const found = await this.find(repos, scope, sprintId);
      // Sprint changes in a product are serialised with commits and item moves.
      await repos.products.lock(found.productId);
      const before = (await repos.sprints.findById(sprintId))!;
      if (expectedVersion !== undefined && expectedVersion !== before.version) throw staleVersion('sprint', before.version);
      const after = await repos.sprints.update(sprintId, await patchFor(repos, before, now), now, expectedVersion);
      if (!after) throw staleVersion('sprint', before.version);
      await this.record(repos, scope, action, sprintId, before, after);
      return after;
    });
    this.publish(scope, action === 'sprint.updated' ? 'sprint.updated' : action, sprint);
    return sprint;
  }

  /** The sprint's own log has the scope change; the item's history gets the move too, in words a reader of the item wants. */
  private recordItemMove(repos: SprintRepositories, scope: Scope, itemId: string, from: SprintRecord | null, to: SprintRecord | null) {
    const side = (sprint: SprintRecord | null) => (sprint ? { sprintId: sprint.id, sprintName: sprint.name } : null);
    return recordChange(repos.activity, this.ctx, scope, { subjectType: 'item', action: 'item.sprint_changed', subjectId: itemId, before: side(from), after: side(to) });
  }

  private record(repos: SprintRepositories, scope: Scope, action: string, subjectId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType: 'sprint', action, subjectId, before, after });
  }

  private publish(scope: Scope, type: 'sprint.created' | 'sprint.updated' | 'sprint.started' | 'sprint.completed', sprint: SprintRecord) {
    this.events.publish({ type, workspaceId: scope.workspaceId, productId: sprint.productId, ids: [sprint.id], actor: scope.actor.userId });
  }

  private publishItem(scope: Scope, item: ItemRecord) {
    this.events.publish({ type: 'item.updated', workspaceId: scope.workspaceId, productId: item.productId, ids: [item.id], actor: scope.actor.userId });
    if (item.sprintId) this.events.publish({ type: 'sprint.updated', workspaceId: scope.workspaceId, productId: item.productId, ids: [item.sprintId], actor: scope.actor.userId });
  }
}

function outcomes(sprints: readonly SprintRecord[]): SprintOutcome[] {
  return sprints.map((sprint) => ({
    completedPoints: sprint.completedPoints ?? 0,
    availableDays: sprint.availability.reduce((sum, member) => sum + member.days, 0),
  }));
}
