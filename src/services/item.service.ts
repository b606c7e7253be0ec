import type { EventType } from '../contracts/events.schema';
import type { ItemCreate, ItemMove, ItemSort, ItemUpdate } from '../contracts/item.schema';
import { ScoredFrameworkSchema, type ApplyScoreOrder } from '../contracts/prioritization.schema';
import { assertMayEdit, assertMayRank } from '../domain/access/item-edits';
import { assertAllowed } from '../domain/access/permissions';
import { mergeCustomFieldValues } from '../domain/backlog/custom-fields';
import { parentProblem } from '../domain/backlog/hierarchy';
import { BLANK_ITEM_FIELDS, blockedState, numberCriteria } from '../domain/backlog/story';
import { checkWipLimit, findStatus, initialStatus, isDoneStatus, isFinishedStatus } from '../domain/backlog/workflow';
import { invalidField as fieldError, notFound, staleVersion, TandemError } from '../domain/errors';
import { formatItemKey, trashPurgeCutoff } from '../domain/items';
import { rankAfter, rankBetween, scoreOrder } from '../domain/ranking';
import type { Scope } from './access.service';
import { activityEntry } from './activity';
import type { ServiceContext } from './context';
import { resolveItemQuery } from './item-query';
import { storeReadiness } from './readiness';
import { decodeCursor, RankCursorSchema, ScoreCursorSchema, toPage, TrashCursorSchema } from './pagination';
import type { EventPublisher, ItemFields, ItemPatch, ItemRecord, ProductRecord, Repositories, UnitOfWork } from './ports';

type ItemRepositories = Pick<Repositories, 'items' | 'products' | 'activity' | 'members' | 'sprints'>;

export interface EditOptions {
  /** Enter a status past its WIP limit; only roles allowed `item.override_wip` may. */
  overrideWipLimit?: boolean | undefined;
}

export class ItemService {
  constructor(
    private readonly store: UnitOfWork<ItemRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  /** A page of a product's items in rank order. */
  async list(
    scope: Scope,
    productId: string,
    page: { limit: number; cursor?: string | undefined; sort?: ItemSort | undefined; q?: string | undefined },
  ) {
    const sort = page.sort ?? 'rank';
    const filter = page.q?.trim() ? await resolveItemQuery(page.q, scope, (await this.store.read.products.findById(productId))!, this.store.read) : [];
    if (sort === 'rank') {
      const after = page.cursor ? decodeCursor(page.cursor, RankCursorSchema) : undefined;
      const rows = await this.store.read.items.listByRank(scope.workspaceId, productId, page.limit + 1, after, filter);
      return toPage(rows, page.limit, (item) => ({ rank: item.rank }));
    }
    const framework = ScoredFrameworkSchema.parse(sort.slice('score:'.length));
    const cursor = page.cursor ? decodeCursor(page.cursor, ScoreCursorSchema) : undefined;
    const after = cursor && { rank: cursor.rank, score: cursor.score === '' ? null : Number(cursor.score) };
    const rows = await this.store.read.items.listByScore(scope.workspaceId, productId, framework, page.limit + 1, after, filter);
    return toPage(rows, page.limit, (item) => ({ score: String(item.scores[framework] ?? ''), rank: item.rank }));
  }

  /**
   * Re-ranks a selection by one framework's scores in one step: the items trade
   * places among themselves, highest score first, unscored last; nothing else
   * in the backlog moves. The PO decides what to select and can move anything after.
   */
  async applyScoreOrder(scope: Scope, productId: string, input: ApplyScoreOrder): Promise<ItemRecord[]> {
    const ids = [...new Set(input.itemIds)];
    const now = this.ctx.clock.now().toISOString();
    const { items, moved } = await this.store.transaction(async (repos) => {
      await repos.products.lock(productId);
      const found = await repos.items.findMany(scope.workspaceId, productId, ids);
      const known = new Set(found.map((item) => item.id));
      const missing = input.itemIds.findIndex((id) => !known.has(id));
      if (missing >= 0) throw fieldError(`itemIds.${missing}`, 'no such item in this backlog (or it is in the trash)');
      for (const item of found) assertMayRank(scope.roles, item, await this.inRunningSprint(repos, item));
      const moves = scoreOrder(found.map((item) => ({ id: item.id, rank: item.rank, score: item.scores[input.framework] })));
      await repos.items.setRanks(moves, now);
      const after = await repos.items.findMany(scope.workspaceId, productId, ids);
      const byId = new Map(found.map((item) => [item.id, item]));
      for (const { id } of moves) {
        const moved = after.find((item) => item.id === id)!;
        await repos.activity.record(this.entry(scope, 'item.ranked', moved, byId.get(id)!, moved));
      }
      return { items: after.sort((a, b) => (a.rank < b.rank ? -1 : 1)), moved: moves.map((move) => move.id) };
    });
    if (moved.length > 0) {
      this.events.publish({ type: 'item.ranked', workspaceId: scope.workspaceId, productId, ids: moved, actor: scope.actor.userId });
    }
    return items;
  }

  /** A page of the product's trash, most recently trashed first. */
  async listTrash(scope: Scope, productId: string, page: { limit: number; cursor?: string | undefined }) {
    const after = page.cursor ? decodeCursor(page.cursor, TrashCursorSchema) : undefined;
    const rows = await this.store.read.items.listTrashed(scope.workspaceId, productId, page.limit + 1, after);
    return toPage(rows, page.limit, (item) => ({ deletedAt: item.deletedAt!, id: item.id }));
  }

  /** The item's children (outside the trash) in rank order. */
  async listChildren(scope: Scope, parentId: string, page: { limit: number; cursor?: string | undefined }) {
    const after = page.cursor ? decodeCursor(page.cursor, RankCursorSchema) : undefined;
    const rows = await this.store.read.items.listChildren(scope.workspaceId, parentId, page.limit + 1, after);
    return toPage(rows, page.limit, (item) => ({ rank: item.rank }));
  }

  /**
   * Creates an item at the bottom of the product's backlog with the next human
   * key, in the workflow's first status unless it names one.
   */
  async create(scope: Scope, productId: string, input: ItemCreate, options: EditOptions = {}): Promise<ItemRecord> {
    assertMayOverride(scope, options);
    const now = this.ctx.clock.now().toISOString();
    const item = await this.store.transaction(async (repos) => {
      // Taking the number locks the product row: WIP counts and ranks read after it are current.
      const number = await repos.products.takeItemNumbers(productId, 1);
      const product = (await repos.products.findById(productId))!;
      const fields = await this.checkedFields(repos, scope, product, null, { status: initialStatus(product.workflow), ...input }, options);
      const rank = rankAfter(await repos.items.lastRank(scope.workspaceId, productId));
      const id = this.ctx.newId();
      await repos.items.insert({
        ...BLANK_ITEM_FIELDS,
        ...(fields as ItemFields),
        doneAt: isDoneStatus(product.workflow, (fields as ItemFields).status) ? now : null,
        id,
        workspaceId: scope.workspaceId,
        productId,
        number,
        rank,
        version: 1,
        createdBy: scope.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      const created = (await repos.items.findById(id))!;
      await storeReadiness(repos.items, [created]);
      await repos.activity.record(this.entry(scope, 'item.created', created, null, created));
      return created;
    });
    this.publish(scope, 'item.created', item);
    return item;
  }

  async update(scope: Scope, itemId: string, patch: ItemUpdate, expectedVersion?: number, options: EditOptions = {}): Promise<ItemRecord> {
    assertMayOverride(scope, options);
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as ItemUpdate;
    // Status, type and parent are checked against the workflow, its WIP limits and the hierarchy as they
    // stand under the product lock, so parallel changes cannot each pass a check the other breaks.
    const structural = (before: ItemRecord) => (['status', 'type', 'parentId'] as const).some((field) => given[field] !== undefined && given[field] !== before[field]);
    return this.change(scope, itemId, 'item.updated', expectedVersion, async (repos, before, now) => {
      if (before.deletedAt) throw inTrash('editing');
      assertMayEdit(scope.roles, scope.actor.userId, before, Object.keys(given));
      const product = (await repos.products.findById(before.productId))!;
      const changes: ItemPatch = await this.checkedFields(repos, scope, product, before, given, options);
      // Throughput counts the day an item is done; leaving done forgets it, finishing again counts again.
      const done = (status: string) => isDoneStatus(product.workflow, status);
      if (changes.status !== undefined && done(changes.status) !== done(before.status)) changes.doneAt = done(changes.status) ? now : null;
      const after = await repos.items.update(itemId, changes, now, expectedVersion);
      if (after) await storeReadiness(repos.items, [after]);
      // The sprint's burndown stops counting an item the moment it is done (or canceled).
      const finished = (status: string) => isFinishedStatus(product.workflow, status);
      if (after?.sprintId && finished(after.status) !== finished(before.status)) {
        await repos.sprints.setDone(after.sprintId, after.id, finished(after.status) ? now : null);
      }
      return after;
    }, structural);
  }

  /**
   * The fields to write, checked against the product and the backlog: the
   * status exists (and has room), the parent can hold this type, the children
   * can stay under a new type, the assignee is a member, custom values fit
   * their fields. Field errors name the body field.
   */
  private async checkedFields(
    repos: ItemRepositories,
    scope: Scope,
    product: ProductRecord,
    before: ItemRecord | null,
    input: ItemUpdate,
    options: EditOptions,
  ): Promise<ItemPatch> {
    const current = before ?? { ...BLANK_ITEM_FIELDS, type: input.type!, title: input.title!, status: input.status! };
    const { acceptanceCriteria, customFields, blocked, blockedReason, ...plain } = input;
    const changes: ItemPatch = { ...plain };
    const next = { ...current, ...plain };

    if (before === null || next.status !== before.status) {
      const status = findStatus(product.workflow, next.status);
      if (!status) {
        const known = product.workflow.map((entry) => entry.key).join(', ');
        throw fieldError('status', `no status "${next.status}" in this product's workflow (it has: ${known})`);
      }
      if (status.wipLimit !== null) {
        const count = (await repos.items.countByStatus(scope.workspaceId, product.id, [status.key])).get(status.key) ?? 0;
        checkWipLimit(status, count, options.overrideWipLimit === true);
      }
    }
    if (next.parentId !== null && (before === null || next.parentId !== before.parentId || next.type !== before.type)) {
      // A parent trashed since it was chosen may stay; choosing a trashed parent may not.
      await this.checkParent(repos, product, before?.id ?? null, next.parentId, next.type, before !== null && next.parentId === before.parentId);
    }
    if (before !== null && next.type !== before.type) {
      for (const childType of await repos.items.childTypes(scope.workspaceId, before.id)) {
        const problem = parentProblem(next.type, childType);
        if (problem) throw fieldError('type', `${formatItemKey(before.productKey, before.number)} has ${childType}s under it, and ${problem}`);
      }
    }
    if (next.assigneeId !== null && (before === null || next.assigneeId !== before.assigneeId)) {
      if (!(await repos.members.find(scope.workspaceId, next.assigneeId))) throw fieldError('assigneeId', 'not a member of this workspace');
    }
    if (acceptanceCriteria !== undefined) changes.acceptanceCriteria = numberCriteria(acceptanceCriteria, current.acceptanceCriteria, this.ctx.newId);
    if (blocked !== undefined || blockedReason !== undefined) {
      Object.assign(changes, blockedState(blocked ?? current.blocked, blockedReason ?? current.blockedReason));
    }
    if (customFields !== undefined) changes.customFields = mergeCustomFieldValues(product.customFields, current.customFields, customFields);
    return changes;
  }

  private async inRunningSprint(repos: ItemRepositories, item: ItemRecord): Promise<boolean> {
    return item.sprintId !== null && (await repos.sprints.findById(item.sprintId))?.state === 'active';
  }

  private async checkParent(
    repos: ItemRepositories,
    product: ProductRecord,
    itemId: string | null,
    parentId: string,
    type: ItemRecord['type'],
    keptParent: boolean,
  ) {
    if (parentId === itemId) throw fieldError('parentId', 'an item cannot sit under itself');
    const parent = await repos.items.findById(parentId);
    if (!parent || parent.productId !== product.id || parent.workspaceId !== product.workspaceId) {
      throw fieldError('parentId', 'no such item in this product');
    }
    if (parent.deletedAt && !keptParent) throw fieldError('parentId', 'that item is in the trash');
    const problem = parentProblem(parent.type, type);
    if (problem) throw fieldError('parentId', problem);
  }

  /**
   * Moves an item in its backlog: just before or after another item, or to
   * the top or bottom. Only the moved item's row changes (it gets a key between
   * its new neighbours); moves in one product are serialised, so parallel moves
   * never share a key or lose an item.
   */
  async move(scope: Scope, itemId: string, target: ItemMove, expectedVersion?: number): Promise<ItemRecord> {
    return this.change(scope, itemId, 'item.ranked', expectedVersion, async (repos, before, now) => {
      if (before.deletedAt) throw inTrash('moving');
      await repos.products.lock(before.productId);
      assertMayRank(scope.roles, before, await this.inRunningSprint(repos, before));
      const rank = await this.rankFor(repos, before, target);
      const moved = await repos.items.setRank(itemId, rank, now, expectedVersion);
      // Trashed while this move waited for the lock: say so rather than "changed by someone".
      if (!moved && (await repos.items.findById(itemId))?.deletedAt) throw inTrash('moving');
      return moved;
    });
  }

  private async rankFor(repos: ItemRepositories, item: ItemRecord, target: ItemMove): Promise<string> {
    const { workspaceId, productId } = item;
    if ('position' in target) {
      return target.position === 'top'
        ? rankBetween(null, await repos.items.firstRank(workspaceId, productId))
        : rankBetween(await repos.items.lastRank(workspaceId, productId), null);
    }
    const [field, anchorId] = 'beforeId' in target ? ['beforeId', target.beforeId] : ['afterId', target.afterId];
    const invalid = (message: string) => fieldError(field, message);
    if (anchorId === item.id) throw invalid('an item cannot be moved next to itself');
    const anchor = await repos.items.findById(anchorId);
    if (!anchor || anchor.productId !== productId || anchor.workspaceId !== workspaceId) throw invalid('no such item in this backlog');
    if (anchor.deletedAt) throw invalid('that item is in the trash');
    const { previous, next } = await repos.items.neighbourRanks(workspaceId, productId, anchor.rank);
    return 'beforeId' in target ? rankBetween(previous, anchor.rank) : rankBetween(anchor.rank, next);
  }

  /** Moves the item to the trash, from where it can be restored for 30 days. */
  async trash(scope: Scope, itemId: string, expectedVersion?: number): Promise<ItemRecord> {
    return this.change(scope, itemId, 'item.deleted', expectedVersion, async (repos, before, now) => {
      if (before.deletedAt) return before;
      return repos.items.setTrashed(itemId, { at: now, by: scope.actor.userId }, now, expectedVersion);
    });
  }

  /**
   * Brings an item back from the trash into a backlog that may have changed
   * meanwhile: a status since removed becomes the workflow's first status, a
   * parent that can no longer hold it lets go, and WIP limits hold as for any move.
   */
  async restore(scope: Scope, itemId: string, expectedVersion?: number, options: EditOptions = {}): Promise<ItemRecord> {
    assertMayOverride(scope, options);
    return this.change(scope, itemId, 'item.restored', expectedVersion, async (repos, before, now) => {
      if (!before.deletedAt) return before;
      await repos.products.lock(before.productId);
      const product = (await repos.products.findById(before.productId))!;
      const status = findStatus(product.workflow, before.status) ?? findStatus(product.workflow, initialStatus(product.workflow))!;
      if (status.wipLimit !== null) {
        const count = (await repos.items.countByStatus(scope.workspaceId, product.id, [status.key])).get(status.key) ?? 0;
        checkWipLimit(status, count, options.overrideWipLimit === true);
      }
      const parent = before.parentId ? await repos.items.findById(before.parentId) : null;
      const keepsParent = parent !== null && parentProblem(parent.type, before.type) === null;
      const restored = await repos.items.setTrashed(itemId, null, now, expectedVersion);
      const changes: ItemPatch = {
        ...(status.key !== before.status && { status: status.key }),
        ...(before.parentId !== null && !keepsParent && { parentId: null }),
      };
      return restored && Object.keys(changes).length > 0 ? repos.items.update(itemId, changes, now) : restored;
    });
  }

  /**
   * Purges items that have been in the trash longer than the retention period,
   * recording each in the audit log and telling open pages which went.
   */
  async purgeTrash(): Promise<number> {
    const cutoff = trashPurgeCutoff(this.ctx.clock.now()).toISOString();
    const purged = await this.store.transaction(async (repos) => {
      const items = await repos.items.purgeTrashedBefore(cutoff);
      for (const item of items) {
        await repos.activity.record(
          activityEntry(this.ctx, { workspaceId: item.workspaceId, actorId: null, action: 'item.purged', subjectType: 'item', subjectId: item.id, before: item }),
        );
      }
      return items;
    });
    const byProduct = new Map<string, ItemRecord[]>();
    for (const item of purged) byProduct.set(item.productId, [...(byProduct.get(item.productId) ?? []), item]);
    for (const items of byProduct.values()) {
      const { workspaceId, productId } = items[0]!;
      this.events.publish({ type: 'item.purged', workspaceId, productId, ids: items.map((item) => item.id), actor: null });
    }
    return purged.length;
  }

  /** One versioned change inside a transaction, with its activity row and, after commit, its event. */
  private async change(
    scope: Scope,
    itemId: string,
    type: EventType,
    expectedVersion: number | undefined,
    apply: (repos: ItemRepositories, before: ItemRecord, now: string) => Promise<ItemRecord | null>,
    lockProduct: (before: ItemRecord) => boolean = () => false,
  ): Promise<ItemRecord> {
    const now = this.ctx.clock.now().toISOString();
    const { after, changed } = await this.store.transaction(async (repos) => {
      let before = await repos.items.findById(itemId);
      if (!before || before.workspaceId !== scope.workspaceId) throw notFound('Item');
      if (lockProduct(before)) {
        // Checks that read other rows (parent, children, WIP counts) run on what stands under the lock,
        // so the item itself is read again once the lock is held.
        await repos.products.lock(before.productId);
        before = (await repos.items.findById(itemId))!;
      }
      const after = await apply(repos, before, now);
      if (!after) throw staleVersion('item', before.version);
      const changed = after.version !== before.version;
      if (changed) await repos.activity.record(this.entry(scope, type, after, before, after));
      return { after, changed };
    });
    if (changed) this.publish(scope, type, after);
    return after;
  }

  private entry(scope: Scope, action: string, item: ItemRecord, before: ItemRecord | null, after: ItemRecord | null) {
    return activityEntry(this.ctx, {
      workspaceId: scope.workspaceId,
      actorId: scope.actor.userId,
      action,
      subjectType: 'item',
      subjectId: item.id,
      before,
      after,
    });
  }

  private publish(scope: Scope, type: EventType, item: ItemRecord) {
    this.events.publish({ type, workspaceId: scope.workspaceId, productId: item.productId, ids: [item.id], actor: scope.actor.userId });
  }
}

function assertMayOverride(scope: Scope, options: EditOptions): void {
  if (options.overrideWipLimit) assertAllowed(scope.roles, 'item.override_wip');
}

const inTrash = (doing: string) => new TandemError('conflict', `The item is in the trash; restore it before ${doing} it`);
