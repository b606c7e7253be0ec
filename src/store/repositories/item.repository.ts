import { sql, type Kysely, type Selectable } from 'kysely';
import { ItemTypeSchema, type ItemType } from '../../contracts/item.schema';
import type { ScoredFramework } from '../../contracts/prioritization.schema';
import type { ItemFilter, ItemPatch, ItemRecord, ItemRepository, NewItem, RankCursor, ScoreCursor, TrashCursor } from '../../services/ports';
import type { Dialect } from '../database';
import type { Database, ItemTable } from '../schema';
import { itemFilterWhere } from './item-filter';

type ItemRow = Selectable<ItemTable> & { productKey: string; typicalSprintPoints: number | null };

const toItem = (row: ItemRow, scores: ItemRecord['scores'] = {}): ItemRecord => ({
  ...row,
  scores,
  type: ItemTypeSchema.parse(row.type),
  // PostgreSQL's double precision arrives as a number already; SQLite's REAL too.
  estimate: row.estimate === null ? null : Number(row.estimate),
  typicalSprintPoints: row.typicalSprintPoints === null ? null : Number(row.typicalSprintPoints),
  acceptanceCriteria: JSON.parse(row.acceptanceCriteria) as ItemRecord['acceptanceCriteria'],
  labels: JSON.parse(row.labels) as string[],
  customFields: JSON.parse(row.customFields) as ItemRecord['customFields'],
  blocked: Boolean(row.blocked),
});

/** The stored form of an item's fields: JSON text for lists and maps, 0/1 for flags. */
function toColumns<T extends Partial<ItemRecord>>(item: T) {
  const { acceptanceCriteria, labels, customFields, blocked, ...rest } = item;
  return {
    ...rest,
    ...(acceptanceCriteria !== undefined && { acceptanceCriteria: JSON.stringify(acceptanceCriteria) }),
    ...(labels !== undefined && { labels: JSON.stringify(labels) }),
    ...(customFields !== undefined && { customFields: JSON.stringify(customFields) }),
    ...(blocked !== undefined && { blocked: blocked ? 1 : 0 }),
  };
}

// SQLite caps bound parameters per statement; 14 columns × 500 rows stays well inside it.
const INSERT_BATCH = 500;

export class ItemKyselyRepository implements ItemRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  private selectItems() {
    return this.db
      .selectFrom('item')
      .innerJoin('product', 'product.id', 'item.productId')
      .selectAll('item')
      .select(['product.key as productKey', 'product.velocity as typicalSprintPoints']);
  }

  /** Each item with its stored scores: one query for the whole page. */
  private async withScores(rows: ItemRow[]): Promise<ItemRecord[]> {
    if (rows.length === 0) return [];
    const scores = await this.db
      .selectFrom('itemScore')
      .select(['itemId', 'framework', 'score'])
      .where(
        'itemId',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    const byItem = new Map<string, ItemRecord['scores']>();
    for (const { itemId, framework, score } of scores) {
      byItem.set(itemId, { ...byItem.get(itemId), [framework]: Number(score) });
    }
    return rows.map((row) => toItem(row, byItem.get(row.id)));
  }

  async listByScore(
    workspaceId: string,
    productId: string,
    framework: ScoredFramework,
    limit: number,
    after?: ScoreCursor,
    filter: ItemFilter = [],
  ): Promise<ItemRecord[]> {
    const inBacklog = () =>
      this.selectItems()
        .where('item.workspaceId', '=', workspaceId)
        .where('item.productId', '=', productId)
        .where('item.deletedAt', 'is', null)
        .$if(filter.length > 0, (query) => query.where((eb) => itemFilterWhere(eb, filter, this.dialect)));
    // Two reads, each along an index: scored items down the score index, highest
    // first (ties in rank order), then, once those run out, unscored items along the rank index.
    const rows: ItemRow[] = [];
    if (!after || after.score !== null) {
      let scored = inBacklog()
        .innerJoin('itemScore as s', (join) => join.onRef('s.itemId', '=', 'item.id').on('s.framework', '=', framework))
        // Named on the score side too, so the (workspace, product, framework, score) index drives the read.
        .where('s.workspaceId', '=', workspaceId)
        .where('s.productId', '=', productId);
      if (after && after.score !== null) {
        const score = after.score;
        scored = scored.where((eb) => eb.or([eb('s.score', '<', score), eb.and([eb('s.score', '=', score), eb('item.rank', '>', after.rank)])]));
      }
      rows.push(...(await scored.orderBy('s.score', 'desc').orderBy('item.rank').limit(limit).execute()));
    }
    if (rows.length < limit) {
      let unscored = inBacklog().where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('itemScore').select('itemScore.itemId').whereRef('itemScore.itemId', '=', 'item.id').where('itemScore.framework', '=', framework))),
      );
      if (after && after.score === null) unscored = unscored.where('item.rank', '>', after.rank);
      rows.push(...(await unscored.orderBy('item.rank').limit(limit - rows.length).execute()));
    }
    return this.withScores(rows);
  }

  async findMany(workspaceId: string, productId: string, ids: readonly string[]): Promise<ItemRecord[]> {
    if (ids.length === 0) return [];
    // The ids alone pick the rows: with the product in the WHERE clause SQLite (without
    // ANALYZE statistics) walked a product index over all its items instead, 80 ms
    // for 600 ids at 100,000 items. The workspace and product are checked here.
    const rows = await this.selectItems().where('item.id', 'in', ids).where('item.deletedAt', 'is', null).execute();
    return this.withScores(rows.filter((row) => row.workspaceId === workspaceId && row.productId === productId));
  }

  async setRanks(assignments: ReadonlyArray<{ id: string; rank: string }>, at: string): Promise<void> {
    // Keys move between the same items, and the unique index is checked row by row:
    // park every item on a key no real one can have ('~' sorts after base-62) first.
    for (const { id } of assignments) {
      await this.db.updateTable('item').set({ rank: `~${id}` }).where('id', '=', id).execute();
    }
    for (const { id, rank } of assignments) {
      await this.db
        .updateTable('item')
        .set((eb) => ({ rank, updatedAt: at, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
    }
  }

  async setParents(assignments: ReadonlyArray<{ id: string; parentId: string }>, at: string): Promise<void> {
    // One UPDATE … FROM (VALUES …) per batch: both dialects name the columns column1, column2.
    for (let start = 0; start < assignments.length; start += INSERT_BATCH) {
      const rows = assignments.slice(start, start + INSERT_BATCH).map(({ id, parentId }) => sql`(${id}, ${parentId})`);
      await sql`update item set parent_id = v.column2, updated_at = ${at}, version = version + 1
                  from (values ${sql.join(rows)}) as v
                 where item.id = v.column1`.execute(this.db);
    }
  }

  async insert(item: NewItem): Promise<void> {
    await this.db.insertInto('item').values(toColumns(item) as ItemTable).execute();
  }

  async insertMany(items: readonly NewItem[]): Promise<void> {
    for (let start = 0; start < items.length; start += INSERT_BATCH) {
      await this.db
        .insertInto('item')
        .values(items.slice(start, start + INSERT_BATCH).map((item) => toColumns(item) as ItemTable))
        .execute();
    }
  }

  async findById(id: string): Promise<ItemRecord | null> {
    const row = await this.selectItems().where('item.id', '=', id).executeTakeFirst();
    return row ? (await this.withScores([row]))[0]! : null;
  }

  async findByKey(workspaceIds: readonly string[], productKey: string, number: number): Promise<ItemRecord[]> {
    if (workspaceIds.length === 0) return [];
    const rows = await this.selectItems()
      .where('product.workspaceId', 'in', workspaceIds)
      .where('product.key', '=', productKey)
      .where('item.number', '=', number)
      .execute();
    return this.withScores(rows);
  }

  async listByRank(workspaceId: string, productId: string, limit: number, after?: RankCursor, filter: ItemFilter = []): Promise<ItemRecord[]> {
    let query = this.selectItems()
      .where('item.workspaceId', '=', workspaceId)
      .where('item.productId', '=', productId)
      .where('item.deletedAt', 'is', null);
    if (filter.length > 0) query = query.where((eb) => itemFilterWhere(eb, filter, this.dialect));
    // The unique rank index gives the order and lets a cursor seek straight to its place.
    if (after) query = query.where('item.rank', '>', after.rank);
    const rows = await query.orderBy('item.rank').limit(limit).execute();
    return this.withScores(rows);
  }

  async listTrashed(workspaceId: string, productId: string, limit: number, after?: TrashCursor): Promise<ItemRecord[]> {
    let query = this.selectItems()
      .where('item.workspaceId', '=', workspaceId)
      .where('item.productId', '=', productId)
      .where('item.deletedAt', 'is not', null);
    if (after) {
      query = query.where((eb) =>
        eb.or([eb('item.deletedAt', '<', after.deletedAt), eb.and([eb('item.deletedAt', '=', after.deletedAt), eb('item.id', '<', after.id)])]),
      );
    }
    const rows = await query.orderBy('item.deletedAt', 'desc').orderBy('item.id', 'desc').limit(limit).execute();
    return this.withScores(rows);
  }

  async neighbourRanks(workspaceId: string, productId: string, rank: string): Promise<{ previous: string | null; next: string | null }> {
    const inProduct = this.db.selectFrom('item').select('rank').where('workspaceId', '=', workspaceId).where('productId', '=', productId);
    const previous = await inProduct.where('rank', '<', rank).orderBy('rank', 'desc').limit(1).executeTakeFirst();
    const next = await inProduct.where('rank', '>', rank).orderBy('rank', 'asc').limit(1).executeTakeFirst();
    return { previous: previous?.rank ?? null, next: next?.rank ?? null };
  }

  async firstRank(workspaceId: string, productId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('item')
      .select('rank')
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .orderBy('rank', 'asc')
      .limit(1)
      .executeTakeFirst();
    return row?.rank ?? null;
  }

  async setRank(id: string, rank: string, at: string, expectedVersion?: number): Promise<ItemRecord | null> {
    let query = this.db
      .updateTable('item')
      .set((eb) => ({ rank, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('deletedAt', 'is', null);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const updated = await query.executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0 ? this.findById(id) : null;
  }

  async lastRank(workspaceId: string, productId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('item')
      .select('rank')
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      // Trashed items keep their rank, so a restore never lands on a taken key.
      .orderBy('rank', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.rank ?? null;
  }

  async update(id: string, patch: ItemPatch, at: string, expectedVersion?: number): Promise<ItemRecord | null> {
    let query = this.db
      .updateTable('item')
      .set((eb) => ({ ...toColumns(patch), updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const updated = await query.executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0 ? this.findById(id) : null;
  }

  async listBySprint(workspaceId: string, sprintId: string, limit: number, after?: RankCursor): Promise<ItemRecord[]> {
    let query = this.selectItems()
      .where('item.workspaceId', '=', workspaceId)
      .where('item.sprintId', '=', sprintId)
      .where('item.deletedAt', 'is', null);
    if (after) query = query.where('item.rank', '>', after.rank);
    return this.withScores(await query.orderBy('item.rank').limit(limit).execute());
  }

  async setSprint(ids: readonly string[], sprintId: string | null, at: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('item')
      .set((eb) => ({ sprintId, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', 'in', ids)
      .execute();
  }

  async setReadiness(readiness: ReadonlyMap<string, boolean | null>): Promise<void> {
    // Grouped by value: one statement per batch of items that share it.
    for (const value of [true, false, null]) {
      const ids = [...readiness].filter(([, ready]) => ready === value).map(([id]) => id);
      for (let start = 0; start < ids.length; start += INSERT_BATCH) {
        await this.db
          .updateTable('item')
          .set({ ready: value === null ? null : value ? 1 : 0 })
          .where('id', 'in', ids.slice(start, start + INSERT_BATCH))
          .execute();
      }
    }
  }

  async listStories(workspaceId: string, productId: string): Promise<ItemRecord[]> {
    const rows = await this.selectItems()
      .where('item.workspaceId', '=', workspaceId)
      .where('item.productId', '=', productId)
      .where('item.type', '=', 'story')
      .where('item.deletedAt', 'is', null)
      .execute();
    return rows.map((row) => toItem(row));
  }

  async listChildren(workspaceId: string, parentId: string, limit: number, after?: RankCursor): Promise<ItemRecord[]> {
    let query = this.selectItems()
      .where('item.workspaceId', '=', workspaceId)
      .where('item.parentId', '=', parentId)
      .where('item.deletedAt', 'is', null);
    if (after) query = query.where('item.rank', '>', after.rank);
    const rows = await query.orderBy('item.rank').limit(limit).execute();
    return this.withScores(rows);
  }

  async childTypes(workspaceId: string, parentId: string): Promise<ItemType[]> {
    const rows = await this.db
      .selectFrom('item')
      .select('type')
      .distinct()
      .where('workspaceId', '=', workspaceId)
      .where('parentId', '=', parentId)
      .where('deletedAt', 'is', null)
      .execute();
    return rows.map((row) => ItemTypeSchema.parse(row.type));
  }

  async countByStatus(workspaceId: string, productId: string, statuses: readonly string[]): Promise<Map<string, number>> {
    if (statuses.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('item')
      .select((eb) => ['status', eb.fn.countAll<number | string>().as('count')])
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .where('status', 'in', statuses)
      .where('deletedAt', 'is', null)
      .groupBy('status')
      .execute();
    return new Map(rows.map((row) => [row.status, Number(row.count)]));
  }

  async doneByDay(workspaceId: string, productId: string, from: string, to: string): Promise<Map<string, number>> {
    // Dialect branch: instants are ISO text on SQLite (the day is its first ten characters) and timestamptz on PostgreSQL.
    const day = this.dialect === 'postgres' ? sql<string>`to_char(done_at at time zone 'UTC', 'YYYY-MM-DD')` : sql<string>`substr(done_at, 1, 10)`;
    const rows = await this.db
      .selectFrom('item')
      .select((eb) => [day.as('day'), eb.fn.countAll<number | string>().as('count')])
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .where('doneAt', '>=', from)
      .where('doneAt', '<', to)
      .where('deletedAt', 'is', null)
      .groupBy(day)
      .execute();
    return new Map(rows.map((row) => [row.day, Number(row.count)]));
  }

  async purgeTrashedBefore(at: string): Promise<ItemRecord[]> {
    const due = await this.selectItems().where('item.deletedAt', 'is not', null).where('item.deletedAt', '<', at).execute();
    const purged: ItemRecord[] = [];
    for (let start = 0; start < due.length; start += INSERT_BATCH) {
      const batch = due.slice(start, start + INSERT_BATCH);
      // Deleted only if still due: an item restored since it was read stays.
      const deleted = await this.db
        .deleteFrom('item')
        .where(
          'id',
          'in',
          batch.map((row) => row.id),
        )
        .where('deletedAt', 'is not', null)
        .where('deletedAt', '<', at)
        .returning('id')
        .execute();
      const gone = new Set(deleted.map((row) => row.id));
      purged.push(...batch.filter((row) => gone.has(row.id)).map((row) => toItem(row)));
    }
    return purged;
  }

  async setTrashed(id: string, trashed: { at: string; by: string } | null, at: string, expectedVersion?: number): Promise<ItemRecord | null> {
    let query = this.db
      .updateTable('item')
      .set((eb) => ({ deletedAt: trashed?.at ?? null, deletedBy: trashed?.by ?? null, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const updated = await query.executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0 ? this.findById(id) : null;
  }

}
