import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import { INSIGHT_IMPORTANCES, INSIGHT_KINDS, INSIGHT_SOURCES } from '../../contracts/vocabulary';
import type { CountedDemand, EvidenceRow } from '../../domain/evidence/evidence';
import type { InsightCursor, InsightFilter, InsightLinkRecord, InsightPatch, InsightRecord, InsightRepository } from '../../services/evidence.ports';
import type { TracedItemRecord } from '../../services/ports';
import type { Database, InsightTable } from '../schema';
import { knownValue, tracedItem } from './known-value';
import { containsWord } from './like-pattern';

const toInsight = (row: Selectable<InsightTable>): InsightRecord => ({
  ...row,
  kind: knownValue(INSIGHT_KINDS, row.kind, 'insight kind'),
  source: knownValue(INSIGHT_SOURCES, row.source, 'insight source'),
});

const importanceOf = (value: string) => knownValue(INSIGHT_IMPORTANCES, value, 'insight importance');

/** Insights, their links to the items they ask for, and the rows evidence is rolled up from. */
export class InsightKyselyRepository implements InsightRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(insight: InsightRecord): Promise<void> {
    await this.db.insertInto('insight').values(insight).execute();
  }

  async findById(id: string): Promise<InsightRecord | null> {
    const row = await this.db.selectFrom('insight').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toInsight(row) : null;
  }

  async list(workspaceId: string, productId: string, options: InsightFilter & { limit: number; after?: InsightCursor }): Promise<InsightRecord[]> {
    let query = this.db.selectFrom('insight').selectAll('insight').where('insight.workspaceId', '=', workspaceId).where('insight.productId', '=', productId);
    if (options.source) query = query.where('insight.source', '=', options.source);
    if (options.customerId) query = query.where('insight.customerId', '=', options.customerId);
    for (const word of options.words ?? []) query = query.where(sql`lower(insight.text)`, 'like', containsWord(word));
    const links = (eb: ExpressionBuilder<Database, 'insight'>) =>
      eb.selectFrom('insightLink').select('insightLink.insightId').whereRef('insightLink.insightId', '=', 'insight.id');
    if (options.linked !== undefined) query = query.where((eb) => (options.linked ? eb.exists(links(eb)) : eb.not(eb.exists(links(eb)))));
    if (options.itemId) {
      const itemId = options.itemId;
      query = query.where((eb) => eb.exists(links(eb).where('insightLink.itemId', '=', itemId)));
    }
    if (options.after) {
      const { createdAt, id } = options.after;
      query = query.where((eb) => eb.or([eb('insight.createdAt', '<', createdAt), eb.and([eb('insight.createdAt', '=', createdAt), eb('insight.id', '<', id)])]));
    }
    const rows = await query.orderBy('insight.createdAt', 'desc').orderBy('insight.id', 'desc').limit(options.limit).execute();
    return rows.map(toInsight);
  }

  async update(id: string, patch: InsightPatch, at: string, expectedVersion?: number): Promise<InsightRecord | null> {
    let query = this.db
      .updateTable('insight')
      .set((eb) => ({ ...patch, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await query.returningAll().executeTakeFirst();
    return row ? toInsight(row) : null;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.update(id, {}, at);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('insight').where('id', '=', id).execute();
  }

  async links(workspaceId: string, insightIds: readonly string[]): Promise<Array<InsightLinkRecord & { item: TracedItemRecord }>> {
    if (insightIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('insightLink')
      .innerJoin('item', 'item.id', 'insightLink.itemId')
      .select([
        'insightLink.insightId',
        'insightLink.itemId',
        'insightLink.workspaceId',
        'insightLink.passage',
        'insightLink.importance',
        'insightLink.createdBy',
        'insightLink.createdAt',
        'item.number',
        'item.title',
        'item.type',
        'item.status',
        'item.parentId',
      ])
      .where('insightLink.workspaceId', '=', workspaceId)
      .where('insightLink.insightId', 'in', insightIds)
      .where('item.deletedAt', 'is', null)
      .orderBy('item.number')
      .execute();
    return rows.map(({ number, title, type, status, parentId, ...link }) => ({
      ...link,
      importance: importanceOf(link.importance),
      item: tracedItem({ id: link.itemId, number, title, type, status, parentId }),
    }));
  }

  async saveLink(link: InsightLinkRecord): Promise<void> {
    await this.db
      .insertInto('insightLink')
      .values(link)
      .onConflict((conflict) => conflict.columns(['insightId', 'itemId']).doUpdateSet({ passage: link.passage, importance: link.importance }))
      .execute();
  }

  async removeLink(insightId: string, itemId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('insightLink').where('insightId', '=', insightId).where('itemId', '=', itemId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  private evidenceQuery(workspaceId: string) {
    return this.db
      .selectFrom('insightLink')
      .innerJoin('insight', 'insight.id', 'insightLink.insightId')
      .leftJoin('customer', 'customer.id', 'insight.customerId')
      .select(['insightLink.itemId', 'insightLink.insightId', 'insightLink.importance', 'insight.customerId', 'customer.segmentId', 'customer.annualRevenue as revenue'])
      .where('insightLink.workspaceId', '=', workspaceId);
  }

  async evidenceRows(workspaceId: string, itemId: string): Promise<EvidenceRow[]> {
    const rows = await this.evidenceQuery(workspaceId).where('insightLink.itemId', '=', itemId).execute();
    return rows.map(({ itemId: _, ...row }) => ({ ...row, importance: importanceOf(row.importance), revenue: row.revenue === null ? null : Number(row.revenue) }));
  }

  async productDemand(workspaceId: string, productId: string): Promise<Array<CountedDemand & { itemId: string }>> {
    // Counted here, not from rows: 10,000 insights make 13,000 links, and ten
    // requests holding their rows at once took the server past its memory budget.
    // A link is one insight of the item (its key is insight and item); per item and
    // customer first, so a customer's revenue counts once. CROSS JOIN reads the links
    // first and each one's item by id; SQLite otherwise (without ANALYZE statistics)
    // walked every item of the product looking for links.
    const result = await sql<{ itemId: string; insights: number | string; customers: number | string; anonymous: number | string; revenue: number | string }>`
      select per.item_id as item_id,
             sum(per.links) as insights,
             count(per.customer_id) as customers,
             sum(case when per.customer_id is null then per.links else 0 end) as anonymous,
             coalesce(sum(case when per.customer_id is not null then per.revenue end), 0) as revenue
        from (
          select l.item_id, i.customer_id, max(c.annual_revenue) as revenue, count(*) as links
            from insight_link l
            join insight i on i.id = l.insight_id
            left join customer c on c.id = i.customer_id
           cross join item t
           where t.id = l.item_id and l.workspace_id = ${workspaceId} and t.product_id = ${productId} and t.deleted_at is null
           group by l.item_id, i.customer_id
        ) per
       group by per.item_id`.execute(this.db);
    return result.rows.map((row) => ({
      itemId: row.itemId,
      insights: Number(row.insights),
      customers: Number(row.customers),
      anonymous: Number(row.anonymous),
      revenue: Number(row.revenue),
    }));
  }
}
