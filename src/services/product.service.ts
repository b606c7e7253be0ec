import type { ItemScoreBody, ScoringCriteriaReplace } from '../contracts/prioritization.schema';
import type { CustomFieldsReplace, WorkflowReplace } from '../contracts/workflow.schema';
import { buildScoringCriteria, scoreItem } from '../domain/prioritization';
import { buildCustomFields } from '../domain/backlog/custom-fields';
import { buildWorkflow, DEFAULT_WORKFLOW } from '../domain/backlog/workflow';
import { notFound, staleVersion, TandemError } from '../domain/errors';
import type { Scope } from './access.service';
import { activityEntry } from './activity';
import type { ServiceContext } from './context';
import type { EventPublisher, ProductPatch, ProductRecord, Repositories, UnitOfWork } from './ports';
import { throughputHistory } from './throughput';

type ProductRepositories = Pick<Repositories, 'products' | 'activity' | 'items' | 'scores'>;

export class ProductService {
  constructor(
    private readonly store: UnitOfWork<ProductRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  list(scope: Scope): Promise<ProductRecord[]> {
    return this.store.read.products.list(scope.workspaceId);
  }

  async create(scope: Scope, input: { key: string; name: string; description: string }): Promise<ProductRecord> {
    const now = this.ctx.clock.now().toISOString();
    const product: ProductRecord = {
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      ...input,
      vision: '',
      strategy: '',
      workflow: [...DEFAULT_WORKFLOW],
      customFields: [],
      scoringCriteria: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction(async (repos) => {
      await repos.products.insert(product);
      await repos.activity.record(
        activityEntry(this.ctx, {
          workspaceId: scope.workspaceId,
          actorId: scope.actor.userId,
          action: 'product.created',
          subjectType: 'product',
          subjectId: product.id,
          after: product,
        }),
      );
    });
    this.events.publish({ type: 'product.created', workspaceId: scope.workspaceId, productId: product.id, ids: [product.id], actor: scope.actor.userId });
    return product;
  }

  async update(
    scope: Scope,
    productId: string,
    patch: { [field in 'name' | 'description' | 'vision' | 'strategy']?: string | undefined },
    expectedVersion?: number,
  ): Promise<ProductRecord> {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    return this.change(scope, productId, expectedVersion, async () => changes);
  }

  /** Items finished per day over the `days` whole days before today (UTC). */
  throughput(scope: Scope, product: ProductRecord, days: number): Promise<{ start: string; end: string; daily: number[] }> {
    return throughputHistory(this.store.read.items, product, this.ctx.clock.now().toISOString().slice(0, 10), days);
  }

  /** Items per status of the workflow (0 for an empty status). */
  async statusCounts(scope: Scope, product: ProductRecord): Promise<Record<string, number>> {
    const keys = product.workflow.map((status) => status.key);
    const counts = await this.store.read.items.countByStatus(scope.workspaceId, product.id, keys);
    return Object.fromEntries(keys.map((key) => [key, counts.get(key) ?? 0]));
  }

  /**
   * Replaces the product's workflow. A status left out is removed, which is
   * refused while items (outside the trash) are in it: nothing is lost.
   */
  async replaceWorkflow(scope: Scope, productId: string, input: WorkflowReplace, expectedVersion?: number): Promise<ProductRecord> {
    const workflow = buildWorkflow(input.statuses);
    return this.change(scope, productId, expectedVersion, async (repos, before) => {
      const kept = new Set(workflow.map((status) => status.key));
      const removed = before.workflow.filter((status) => !kept.has(status.key));
      const inUse = await repos.items.countByStatus(scope.workspaceId, productId, removed.map((status) => status.key));
      if (inUse.size > 0) {
        const list = removed.flatMap((status) => (inUse.has(status.key) ? [`${status.name} (${inUse.get(status.key)})`] : []));
        throw new TandemError('status_in_use', `Items are still in ${list.join(', ')}; move them to another status before removing it`, {
          statuses: [...inUse.keys()],
        });
      }
      return { workflow };
    });
  }

  /** Replaces the product's custom field definitions; values of a removed field are dropped as items are next edited. */
  async replaceCustomFields(scope: Scope, productId: string, input: CustomFieldsReplace, expectedVersion?: number): Promise<ProductRecord> {
    return this.change(scope, productId, expectedVersion, async (_repos, before) => ({
      customFields: buildCustomFields(input.fields, before.customFields, this.ctx.newId),
    }));
  }

  /**
   * Replaces the criteria of the product's weighted score and recomputes every
   * stored weighted score with them, in the same transaction. An item missing a
   * value for a new criterion keeps its old score until it is scored again.
   */
  async replaceScoringCriteria(scope: Scope, productId: string, input: ScoringCriteriaReplace, expectedVersion?: number): Promise<ProductRecord> {
    return this.change(scope, productId, expectedVersion, async (repos, before) => {
      const scoringCriteria = buildScoringCriteria(input.criteria, before.scoringCriteria, this.ctx.newId);
      if (scoringCriteria.length > 0) {
        const now = this.ctx.clock.now().toISOString();
        for (const stored of await repos.scores.listByFramework(scope.workspaceId, productId, 'weighted')) {
          const body = { framework: 'weighted', inputs: stored.inputs } as ItemScoreBody;
          const result = attempt(() => scoreItem(body, scoringCriteria));
          if (result) await repos.scores.upsert({ ...stored, score: result.score, explanation: result.explanation, updatedAt: now });
        }
      }
      return { scoringCriteria };
    });
  }

  /** One versioned change to a product, under its row lock, with its activity row and event. */
  private async change(
    scope: Scope,
    productId: string,
    expectedVersion: number | undefined,
    patchFor: (repos: ProductRepositories, before: ProductRecord) => Promise<ProductPatch>,
  ): Promise<ProductRecord> {
    const now = this.ctx.clock.now().toISOString();
    const product = await this.store.transaction(async (repos) => {
      // Locked first: item status changes read the workflow under the same lock.
      await repos.products.lock(productId);
      const before = await repos.products.findById(productId);
      if (!before || before.workspaceId !== scope.workspaceId) throw notFound('Product');
      if (expectedVersion !== undefined && expectedVersion !== before.version) throw staleVersion('product', before.version);
      const after = await repos.products.update(productId, await patchFor(repos, before), now, expectedVersion);
      if (!after) throw staleVersion('product', before.version);
      await repos.activity.record(
        activityEntry(this.ctx, {
          workspaceId: scope.workspaceId,
          actorId: scope.actor.userId,
          action: 'product.updated',
          subjectType: 'product',
          subjectId: productId,
          before,
          after,
        }),
      );
      return after;
    });
    this.events.publish({ type: 'product.updated', workspaceId: scope.workspaceId, productId, ids: [productId], actor: scope.actor.userId });
    return product;
  }
}

/** The result, or null when the inputs no longer score (a stored score then stays as it was). */
function attempt<T>(work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    if (error instanceof TandemError && error.code === 'validation_failed') return null;
    throw error;
  }
}
