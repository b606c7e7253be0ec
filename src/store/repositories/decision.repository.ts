import { sql, type Kysely, type Selectable } from 'kysely';
import { DecisionStatusSchema, type DecisionStatus } from '../../contracts/decision.schema';
import type { DecisionCursor, DecisionPatch, DecisionRecord, DecisionRepository } from '../../services/ports';
import type { Database, DecisionTable } from '../schema';
import { containsWord } from './like-pattern';

export class DecisionKyselyRepository implements DecisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Decisions with the items they concern: one more query for the whole page. */
  private async withItems(rows: Array<Selectable<DecisionTable>>): Promise<DecisionRecord[]> {
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('decisionItem')
      .select(['decisionId', 'itemId'])
      .where(
        'decisionId',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('itemId')
      .execute();
    return rows.map((row) => ({
      ...row,
      options: JSON.parse(row.options) as DecisionRecord['options'],
      status: DecisionStatusSchema.parse(row.status),
      itemIds: links.filter((link) => link.decisionId === row.id).map((link) => link.itemId),
    }));
  }

  async insert(decision: Omit<DecisionRecord, 'itemIds'>): Promise<void> {
    await this.db
      .insertInto('decision')
      .values({ ...decision, options: JSON.stringify(decision.options) })
      .execute();
  }

  async findById(id: string): Promise<DecisionRecord | null> {
    const row = await this.db.selectFrom('decision').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await this.withItems([row]))[0]! : null;
  }

  async list(
    workspaceId: string,
    productId: string,
    options: { limit: number; after?: DecisionCursor; words?: string[]; status?: DecisionStatus },
  ): Promise<DecisionRecord[]> {
    let query = this.db.selectFrom('decision').selectAll().where('workspaceId', '=', workspaceId).where('productId', '=', productId);
    if (options.status) query = query.where('status', '=', options.status);
    for (const word of options.words ?? []) {
      // The decision log of one product is small; a scan with lower() reads the same on both dialects.
      query = query.where((eb) =>
        eb.or(
          (['title', 'context', 'outcome', 'rationale'] as const).map((column) => eb(sql`lower(${sql.ref(column)})`, 'like', containsWord(word))),
        ),
      );
    }
    if (options.after) {
      const { createdAt, id } = options.after;
      query = query.where((eb) => eb.or([eb('createdAt', '<', createdAt), eb.and([eb('createdAt', '=', createdAt), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
    return this.withItems(rows);
  }

  async listForItem(workspaceId: string, itemId: string): Promise<DecisionRecord[]> {
    const rows = await this.db
      .selectFrom('decision')
      .innerJoin('decisionItem', 'decisionItem.decisionId', 'decision.id')
      .selectAll('decision')
      .where('decisionItem.workspaceId', '=', workspaceId)
      .where('decisionItem.itemId', '=', itemId)
      .orderBy('decision.createdAt', 'desc')
      .execute();
    return this.withItems(rows);
  }

  async update(id: string, patch: DecisionPatch, at: string, expectedVersion?: number): Promise<boolean> {
    const { options, ...rest } = patch;
    let query = this.db
      .updateTable('decision')
      .set((eb) => ({ ...rest, ...(options !== undefined && { options: JSON.stringify(options) }), updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const updated = await query.executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  async setItems(workspaceId: string, decisionId: string, itemIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('decisionItem').where('decisionId', '=', decisionId).execute();
    if (itemIds.length > 0) {
      await this.db
        .insertInto('decisionItem')
        .values(itemIds.map((itemId) => ({ workspaceId, decisionId, itemId })))
        .execute();
    }
  }
}
