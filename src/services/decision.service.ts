import type { DecisionCreate, DecisionStatus, DecisionUpdate } from '../contracts/decision.schema';
import { checkDecision } from '../domain/backlog/decisions';
import { invalidField, notFound, staleVersion } from '../domain/errors';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import { itemIdsOfProduct } from './item-refs';
import type { ServiceContext } from './context';
import { decodeCursor, NewestFirstCursorSchema, toPage } from './pagination';
import type { DecisionPatch, DecisionRecord, EventPublisher, ProductRecord, Repositories, UnitOfWork } from './ports';

type DecisionRepositories = Pick<Repositories, 'decisions' | 'items' | 'activity'>;

/** The PO's quick decisions: context, options, outcome and rationale, linked to the items they concern. */
export class DecisionService {
  constructor(
    private readonly store: UnitOfWork<DecisionRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  async list(scope: Scope, product: ProductRecord, query: { limit: number; cursor?: string | undefined; q?: string | undefined; status?: DecisionStatus | undefined }) {
    const after = query.cursor ? decodeCursor(query.cursor, NewestFirstCursorSchema) : undefined;
    const words = query.q?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const rows = await this.store.read.decisions.list(scope.workspaceId, product.id, {
      limit: query.limit + 1,
      ...(after && { after }),
      words,
      ...(query.status && { status: query.status }),
    });
    return toPage(rows, query.limit, (decision) => ({ createdAt: decision.createdAt, id: decision.id }));
  }

  listForItem(scope: Scope, itemId: string): Promise<DecisionRecord[]> {
    return this.store.read.decisions.listForItem(scope.workspaceId, itemId);
  }

  async get(scope: Scope, decisionId: string): Promise<DecisionRecord> {
    return this.find(this.store.read, scope, decisionId);
  }

  async create(scope: Scope, product: ProductRecord, input: DecisionCreate): Promise<DecisionRecord> {
    const now = this.ctx.clock.now().toISOString();
    const status = input.status ?? 'proposed';
    const decision = {
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      productId: product.id,
      title: input.title,
      context: input.context ?? '',
      options: input.options ?? [],
      outcome: input.outcome ?? '',
      rationale: input.rationale ?? '',
      status,
      decidedBy: status === 'decided' ? scope.actor.userId : null,
      decidedAt: status === 'decided' ? now : null,
      supersededBy: input.supersededBy ?? null,
      createdBy: scope.actor.userId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    checkDecision(decision.id, null, decision);
    const created = await this.store.transaction(async (repos) => {
      if (decision.supersededBy) await this.find(repos, scope, decision.supersededBy, 'supersededBy');
      const itemIds = await this.itemIds(repos, scope, product.id, input.itemIds ?? []);
      await repos.decisions.insert(decision);
      await repos.decisions.setItems(scope.workspaceId, decision.id, itemIds);
      const stored = (await repos.decisions.findById(decision.id))!;
      await this.record(repos, scope, 'decision.created', stored.id, null, stored);
      return stored;
    });
    this.publish(scope, created);
    return created;
  }

  async update(scope: Scope, decisionId: string, patch: DecisionUpdate, expectedVersion?: number): Promise<DecisionRecord> {
    const now = this.ctx.clock.now().toISOString();
    const updated = await this.store.transaction(async (repos) => {
      const before = await this.find(repos, scope, decisionId);
      const { itemIds, ...fields } = patch;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as DecisionPatch;
      const next = { ...before, ...changes };
      checkDecision(before.id, before, next);
      if (changes.supersededBy) await this.find(repos, scope, changes.supersededBy, 'supersededBy');
      // Who decided, and when, is recorded the moment it is decided.
      if (before.status !== 'decided' && next.status === 'decided') Object.assign(changes, { decidedBy: scope.actor.userId, decidedAt: now });
      if (!(await repos.decisions.update(decisionId, changes, now, expectedVersion))) throw staleVersion('decision', before.version);
      if (itemIds !== undefined) await repos.decisions.setItems(scope.workspaceId, decisionId, await this.itemIds(repos, scope, before.productId, itemIds));
      const after = (await repos.decisions.findById(decisionId))!;
      await this.record(repos, scope, 'decision.updated', decisionId, before, after);
      return after;
    });
    this.publish(scope, updated);
    return updated;
  }

  /** Item refs (ids or keys) as ids of items of this product, each once. */
  private itemIds(repos: DecisionRepositories, scope: Scope, productId: string, refs: readonly string[]): Promise<string[]> {
    return itemIdsOfProduct(repos.items, scope.workspaceId, productId, refs, 'itemIds', { inTrash: true });
  }

  private async find(repos: Pick<DecisionRepositories, 'decisions'>, scope: Scope, decisionId: string, field?: string): Promise<DecisionRecord> {
    const decision = await repos.decisions.findById(decisionId);
    if (!decision || decision.workspaceId !== scope.workspaceId) {
      if (field) throw invalidField(field, 'no such decision');
      throw notFound('Decision');
    }
    return decision;
  }

  private record(repos: DecisionRepositories, scope: Scope, action: string, subjectId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType: 'decision', action, subjectId, before, after });
  }

  private publish(scope: Scope, decision: DecisionRecord) {
    this.events.publish({ type: 'decision.changed', workspaceId: scope.workspaceId, productId: decision.productId, ids: [decision.id, ...decision.itemIds], actor: scope.actor.userId });
  }
}
