import type { Kysely, Selectable } from 'kysely';
import { ItemTypeSchema } from '../../contracts/item.schema';
import { ScoredFrameworkSchema, type ScoredFramework } from '../../contracts/prioritization.schema';
import type { ItemScoreRecord, ScoredItemRecord, ScoreRepository } from '../../services/ports';
import type { Database, ItemScoreTable } from '../schema';

const toScore = (row: Selectable<ItemScoreTable>): ItemScoreRecord => ({
  ...row,
  framework: ScoredFrameworkSchema.parse(row.framework),
  inputs: JSON.parse(row.inputs) as Record<string, unknown>,
  score: Number(row.score),
});

export class ScoreKyselyRepository implements ScoreRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(score: ItemScoreRecord): Promise<void> {
    const row = { ...score, inputs: JSON.stringify(score.inputs) };
    await this.db
      .insertInto('itemScore')
      .values(row)
      .onConflict((conflict) =>
        conflict.columns(['itemId', 'framework']).doUpdateSet({
          inputs: row.inputs,
          score: row.score,
          explanation: row.explanation,
          updatedBy: row.updatedBy,
          updatedAt: row.updatedAt,
        }),
      )
      .execute();
  }

  async delete(itemId: string, framework: ScoredFramework): Promise<boolean> {
    const result = await this.db.deleteFrom('itemScore').where('itemId', '=', itemId).where('framework', '=', framework).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listForItem(itemId: string): Promise<ItemScoreRecord[]> {
    const rows = await this.db.selectFrom('itemScore').selectAll().where('itemId', '=', itemId).orderBy('framework').execute();
    return rows.map(toScore);
  }

  async listByFramework(workspaceId: string, productId: string, framework: ScoredFramework): Promise<ItemScoreRecord[]> {
    const rows = await this.db
      .selectFrom('itemScore')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .where('framework', '=', framework)
      .execute();
    return rows.map(toScore);
  }

  async pageByFramework(productId: string, framework: ScoredFramework, limit: number, afterItemId?: string): Promise<ScoredItemRecord[]> {
    let query = this.db
      .selectFrom('itemScore')
      .innerJoin('item', 'item.id', 'itemScore.itemId')
      .selectAll('itemScore')
      .select(['item.number', 'item.title', 'item.type', 'item.status'])
      .where('itemScore.productId', '=', productId)
      .where('itemScore.framework', '=', framework)
      .where('item.deletedAt', 'is', null);
    if (afterItemId) query = query.where('itemScore.itemId', '>', afterItemId);
    const rows = await query.orderBy('itemScore.itemId').limit(limit).execute();
    return rows.map(({ number, title, type, status, ...score }) => ({ ...toScore(score), number, title, type: ItemTypeSchema.parse(type), status }));
  }
}
