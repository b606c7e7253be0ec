import type { ItemScoreBody, ScoredFramework } from '../contracts/prioritization.schema';
import { scoreItem } from '../domain/prioritization';
import { notFound, TandemError } from '../domain/errors';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import { decodeCursor, IdCursorSchema, toPage } from './pagination';
import type { EventPublisher, ItemRecord, ItemScoreRecord, ProductRecord, Repositories, UnitOfWork } from './ports';

type ScoreRepositories = Pick<Repositories, 'items' | 'products' | 'scores' | 'activity'>;

/** Scores stored per item and framework, each with the inputs and the formula that made it. */
export class ScoreService {
  constructor(
    private readonly store: UnitOfWork<ScoreRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  list(item: ItemRecord): Promise<ItemScoreRecord[]> {
    return this.store.read.scores.listForItem(item.id);
  }

  /** One framework's scores across a product, with each item's key and title: what a matrix plots. */
  async listForProduct(product: ProductRecord, framework: ScoredFramework, page: { limit: number; cursor?: string | undefined }) {
    const after = page.cursor ? decodeCursor(page.cursor, IdCursorSchema).id : undefined;
    const rows = await this.store.read.scores.pageByFramework(product.id, framework, page.limit + 1, after);
    return toPage(rows, page.limit, (row) => ({ id: row.itemId }));
  }

  /** Scores the item with one framework, replacing its previous score in that framework. */
  async set(scope: Scope, item: ItemRecord, body: ItemScoreBody): Promise<ItemScoreRecord> {
    const now = this.ctx.clock.now().toISOString();
    const score = await this.store.transaction(async (repos) => {
      const current = await repos.items.findById(item.id);
      if (!current) throw notFound('Item');
      if (current.deletedAt) throw new TandemError('conflict', 'The item is in the trash; restore it before scoring it');
      const product = (await repos.products.findById(current.productId))!;
      const result = scoreItem(body, product.scoringCriteria);
      const record: ItemScoreRecord = {
        workspaceId: current.workspaceId,
        productId: current.productId,
        itemId: current.id,
        framework: body.framework,
        inputs: body.inputs,
        score: result.score,
        explanation: result.explanation,
        updatedBy: scope.actor.userId,
        updatedAt: now,
      };
      await repos.scores.upsert(record);
      // The item's representation (its scores) changed, so it gets a new version and ETag.
      await repos.items.update(current.id, {}, now);
      await this.record(repos, scope, 'item.scored', current.id, { framework: body.framework, score: current.scores[body.framework] ?? null }, record);
      return record;
    });
    this.publish(scope, item);
    return score;
  }

  async remove(scope: Scope, item: ItemRecord, framework: ScoredFramework): Promise<void> {
    await this.store.transaction(async (repos) => {
      if (!(await repos.scores.delete(item.id, framework))) throw notFound(`A ${framework} score of this item`);
      await repos.items.update(item.id, {}, this.ctx.clock.now().toISOString());
      await this.record(repos, scope, 'item.unscored', item.id, { framework, score: item.scores[framework] ?? null }, null);
    });
    this.publish(scope, item);
  }

  private record(repos: ScoreRepositories, scope: Scope, action: string, itemId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType: 'item', action, subjectId: itemId, before, after });
  }

  private publish(scope: Scope, item: ItemRecord) {
    this.events.publish({ type: 'item.updated', workspaceId: scope.workspaceId, productId: item.productId, ids: [item.id], actor: scope.actor.userId });
  }
}
