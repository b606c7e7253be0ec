import type { InsightCreate, InsightLinkBody, InsightListQuery, InsightUpdate } from '../contracts/evidence.schema';
import { invalidField, invalidFields, notFound, staleVersion } from '../domain/errors';
import { locatePassage, passageProblem, rollUpEvidence, suggestedReach, type EvidenceSummary } from '../domain/evidence/evidence';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import type { CustomerRecord, InsightLinkRecord, InsightPatch, InsightRecord } from './evidence.ports';
import { readInsightCsv } from './insight-csv-file';
import { itemOfProduct } from './item-refs';
import { decodeCursor, NewestFirstCursorSchema, toPage } from './pagination';
import type { EventPublisher, ItemRecord, ProductRecord, Repositories, TracedItemRecord, UnitOfWork } from './ports';

type InsightRepositories = Pick<Repositories, 'insights' | 'customers' | 'items' | 'products' | 'scores' | 'activity'>;

export type InsightLinkView = InsightLinkRecord & { item: TracedItemRecord; passageStart: number | null };
export type InsightView = InsightRecord & { productKey: string; customer: Pick<CustomerRecord, 'id' | 'name' | 'segmentId'> | null; links: InsightLinkView[] };
export type EvidenceView = Omit<EvidenceSummary, 'bySegment'> & {
  bySegment: Array<Omit<EvidenceSummary['bySegment'][number], 'segmentId'> & { segment: { id: string; name: string } | null }>;
  riceReach: number | null;
};

const defined = <T extends object>(patch: T) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as T;

/**
 * The insights inbox: customer evidence captured from the form, the API or a
 * CSV file, linked to the items it asks for with the passage that says so,
 * and rolled up into each item's demand.
 */
export class InsightService {
  constructor(
    private readonly store: UnitOfWork<InsightRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  async list(scope: Scope, product: ProductRecord, query: InsightListQuery) {
    const repos = this.store.read;
    let itemId: string | undefined;
    if (query.item) {
      const item = await itemOfProduct(repos.items, scope.workspaceId, product.id, query.item);
      if (!item) throw invalidField('querystring.item', 'no such item in this product');
      itemId = item.id;
    }
    const rows = await repos.insights.list(scope.workspaceId, product.id, {
      limit: query.limit + 1,
      ...(query.cursor && { after: decodeCursor(query.cursor, NewestFirstCursorSchema) }),
      ...(query.q && { words: query.q.split(/\s+/).filter(Boolean) }),
      ...(query.source && { source: query.source }),
      ...(query.customerId && { customerId: query.customerId }),
      ...(query.linked && { linked: query.linked === 'true' }),
      ...(itemId && { itemId }),
    });
    const page = toPage(rows, query.limit, (insight) => ({ createdAt: insight.createdAt, id: insight.id }));
    return { ...page, items: await this.view(repos, scope, page.items) };
  }

  async get(scope: Scope, insight: InsightRecord): Promise<InsightView> {
    return (await this.view(this.store.read, scope, [insight]))[0]!;
  }

  async create(scope: Scope, product: ProductRecord, input: InsightCreate): Promise<InsightView> {
    const now = this.ctx.clock.now().toISOString();
    const insight: InsightRecord = {
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      productId: product.id,
      kind: input.kind,
      text: input.text,
      source: input.source,
      observedOn: input.observedOn ?? now.slice(0, 10),
      customerId: input.customerId,
      url: input.url,
      createdBy: scope.actor.userId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.store.transaction(async (repos) => {
      await this.assertCustomer(repos, scope, insight.customerId);
      await repos.insights.insert(insight);
      await this.record(repos, scope, 'insight.created', insight.id, null, insight);
      return (await this.view(repos, scope, [insight]))[0]!;
    });
    this.publish(scope, product.id, [insight.id]);
    return created;
  }

  async update(scope: Scope, insight: InsightRecord, patch: InsightUpdate, expectedVersion?: number): Promise<InsightView> {
    const changes = defined(patch) as InsightPatch;
    const updated = await this.store.transaction(async (repos) => {
      if (changes.customerId !== undefined) await this.assertCustomer(repos, scope, changes.customerId);
      const after = await repos.insights.update(insight.id, changes, this.ctx.clock.now().toISOString(), expectedVersion);
      if (!after) throw staleVersion('insight', (await this.fresh(repos, insight.id)).version);
      await this.record(repos, scope, 'insight.updated', insight.id, insight, after);
      return (await this.view(repos, scope, [after]))[0]!;
    });
    this.publish(scope, insight.productId, [insight.id]);
    return updated;
  }

  /** Its links go with it, so the items it spoke for lose that evidence. */
  async delete(scope: Scope, insight: InsightRecord, expectedVersion?: number): Promise<void> {
    const itemIds = await this.store.transaction(async (repos) => {
      const before = (await this.view(repos, scope, [await this.fresh(repos, insight.id)]))[0]!;
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('insight', before.version);
      await repos.insights.delete(insight.id);
      await this.record(repos, scope, 'insight.deleted', insight.id, before, null);
      return before.links.map((link) => link.itemId);
    });
    this.publish(scope, insight.productId, [insight.id, ...itemIds]);
  }

  /**
   * A CSV file of insights, all or nothing: customers are matched by name,
   * ignoring case, and the ones not known yet are created.
   */
  async importCsv(scope: Scope, product: ProductRecord, text: string): Promise<{ created: number; customersCreated: string[]; insightIds: string[] }> {
    const now = this.ctx.clock.now().toISOString();
    const rows = readInsightCsv(text, now.slice(0, 10));
    const result = await this.store.transaction(async (repos) => {
      // A name spelled several ways in the file is one customer, named as first written.
      const spellings = new Map<string, string>();
      for (const row of rows) if (row.customerName && !spellings.has(row.customerName.toLowerCase())) spellings.set(row.customerName.toLowerCase(), row.customerName);
      const names = [...spellings.values()];
      const customers = new Map((await repos.customers.customersNamed(scope.workspaceId, names)).map((customer) => [customer.name.toLowerCase(), customer.id]));
      const customersCreated: string[] = [];
      for (const name of names) {
        if (customers.has(name.toLowerCase())) continue;
        const customer: CustomerRecord = { id: this.ctx.newId(), workspaceId: scope.workspaceId, name, segmentId: null, plan: '', annualRevenue: null, notes: '', version: 1, createdAt: now, updatedAt: now };
        await repos.customers.insertCustomer(customer);
        customers.set(name.toLowerCase(), customer.id);
        customersCreated.push(name);
      }
      const insightIds: string[] = [];
      for (const row of rows) {
        const insight: InsightRecord = {
          id: this.ctx.newId(),
          workspaceId: scope.workspaceId,
          productId: product.id,
          kind: row.kind,
          text: row.text,
          source: row.source,
          observedOn: row.observedOn,
          customerId: row.customerName ? customers.get(row.customerName.toLowerCase())! : null,
          url: row.url,
          createdBy: scope.actor.userId,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await repos.insights.insert(insight);
        insightIds.push(insight.id);
      }
      await this.record(repos, scope, 'insight.imported', product.id, null, { created: insightIds.length, customersCreated });
      return { created: insightIds.length, customersCreated, insightIds };
    });
    this.publish(scope, product.id, []);
    return result;
  }

  /** Links the insight to an item of its product, or changes the link's passage and importance. */
  async link(scope: Scope, insight: InsightRecord, itemRef: string, body: InsightLinkBody): Promise<InsightView> {
    const now = this.ctx.clock.now().toISOString();
    const { updated, itemId } = await this.store.transaction(async (repos) => {
      const fresh = await this.fresh(repos, insight.id);
      const item = await this.linkable(repos, scope, fresh, itemRef);
      const problem = passageProblem(fresh.text, body.passage);
      if (problem) throw invalidFields([problem]);
      const link: InsightLinkRecord = { insightId: fresh.id, itemId: item.id, workspaceId: scope.workspaceId, passage: body.passage, importance: body.importance, createdBy: scope.actor.userId, createdAt: now };
      await repos.insights.saveLink(link);
      await repos.insights.touch(fresh.id, now);
      await this.record(repos, scope, 'insight.linked', fresh.id, null, { itemId: item.id, passage: body.passage, importance: body.importance });
      return { updated: (await this.view(repos, scope, [await this.fresh(repos, fresh.id)]))[0]!, itemId: item.id };
    });
    this.publish(scope, insight.productId, [insight.id, itemId]);
    return updated;
  }

  async unlink(scope: Scope, insight: InsightRecord, itemRef: string): Promise<InsightView> {
    const { updated, itemId } = await this.store.transaction(async (repos) => {
      const item = await itemOfProduct(repos.items, scope.workspaceId, insight.productId, itemRef);
      if (!item || !(await repos.insights.removeLink(insight.id, item.id))) throw notFound('Link');
      await repos.insights.touch(insight.id, this.ctx.clock.now().toISOString());
      await this.record(repos, scope, 'insight.unlinked', insight.id, { itemId: item.id }, null);
      return { updated: (await this.view(repos, scope, [await this.fresh(repos, insight.id)]))[0]!, itemId: item.id };
    });
    this.publish(scope, insight.productId, [insight.id, itemId]);
    return updated;
  }

  /** The demand behind one item, by segment, with the RICE reach it suggests and the one stored. */
  async evidence(scope: Scope, item: ItemRecord): Promise<EvidenceView> {
    const repos = this.store.read;
    const [rows, segments, scores] = await Promise.all([
      repos.insights.evidenceRows(scope.workspaceId, item.id),
      repos.customers.listSegments(scope.workspaceId),
      repos.scores.listForItem(item.id),
    ]);
    const summary = rollUpEvidence(rows);
    const names = new Map(segments.map((segment) => [segment.id, segment.name]));
    const reach = scores.find((score) => score.framework === 'rice')?.inputs.reach;
    return {
      ...summary,
      bySegment: summary.bySegment.map(({ segmentId, ...figures }) => ({ segment: segmentId === null ? null : { id: segmentId, name: names.get(segmentId) ?? '' }, ...figures })),
      riceReach: typeof reach === 'number' ? reach : null,
    };
  }

  /** Every item of the product with evidence, the most demanded (by suggested reach, then revenue) first. */
  async productEvidence(scope: Scope, product: ProductRecord) {
    const repos = this.store.read;
    const demand = await repos.insights.productDemand(scope.workspaceId, product.id);
    const items = new Map((await repos.items.findMany(scope.workspaceId, product.id, demand.map((row) => row.itemId))).map((item) => [item.id, item]));
    return demand
      .flatMap(({ itemId, insights, customers, revenue, anonymous }) => {
        const item = items.get(itemId);
        if (!item) return [];
        return [{ item, insights, customers, revenue, suggestedReach: suggestedReach({ customers, anonymous }) }];
      })
      .sort((a, b) => b.suggestedReach - a.suggestedReach || b.revenue - a.revenue || a.item.number - b.item.number);
  }

  private async linkable(repos: InsightRepositories, scope: Scope, insight: InsightRecord, itemRef: string): Promise<ItemRecord> {
    const item = await itemOfProduct(repos.items, scope.workspaceId, insight.productId, itemRef);
    if (!item) throw invalidField('itemIdOrKey', 'no such item in the insight’s product');
    if (item.deletedAt) throw invalidField('itemIdOrKey', 'that item is in the trash');
    return item;
  }

  private async view(repos: InsightRepositories, scope: Scope, insights: InsightRecord[]): Promise<InsightView[]> {
    if (insights.length === 0) return [];
    const customerIds = [...new Set(insights.flatMap((insight) => (insight.customerId ? [insight.customerId] : [])))];
    // A page of insights is always one product's.
    const [product, links, customers] = await Promise.all([
      repos.products.findById(insights[0]!.productId),
      repos.insights.links(
        scope.workspaceId,
        insights.map((insight) => insight.id),
      ),
      repos.customers.findCustomers(scope.workspaceId, customerIds),
    ]);
    const byId = new Map(customers.map((customer) => [customer.id, { id: customer.id, name: customer.name, segmentId: customer.segmentId }]));
    return insights.map((insight) => ({
      ...insight,
      productKey: product?.key ?? '',
      customer: insight.customerId ? (byId.get(insight.customerId) ?? null) : null,
      links: links.filter((link) => link.insightId === insight.id).map((link) => ({ ...link, passageStart: locatePassage(insight.text, link.passage) })),
    }));
  }

  private async assertCustomer(repos: InsightRepositories, scope: Scope, customerId: string | null): Promise<void> {
    if (customerId === null) return;
    const customer = await repos.customers.findCustomer(customerId);
    if (!customer || customer.workspaceId !== scope.workspaceId) throw invalidField('customerId', 'no such customer in this workspace');
  }

  private async fresh(repos: InsightRepositories, id: string): Promise<InsightRecord> {
    const insight = await repos.insights.findById(id);
    if (!insight) throw notFound('Insight');
    return insight;
  }

  private record(repos: InsightRepositories, scope: Scope, action: string, subjectId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType: 'insight', action, subjectId, before, after });
  }

  private publish(scope: Scope, productId: string, ids: string[]) {
    this.events.publish({ type: 'evidence.changed', workspaceId: scope.workspaceId, productId, ids, actor: scope.actor.userId });
  }
}
