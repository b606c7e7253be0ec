import type {
  AssessmentInput,
  CapabilityCreate,
  CapabilityUpdate,
  CompetitorCreate,
  CompetitorUpdate,
  PlanFeatureInput,
  PricingPlanCreate,
  PricingPlanUpdate,
} from '../contracts/market.schema';
import { invalidField, notFound, staleVersion } from '../domain/errors';
import { formatItemKey, parseItemRef } from '../domain/items';
import { assembleMatrix, competitorTotals, isMarketItemType, type MatrixRow } from '../domain/market/matrix';
import { minorDigitsOf, parsePrice } from '../domain/market/money';
import { assemblePackaging, packagingToMarkdown, type PackagingRow } from '../domain/market/packaging';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import type {
  CapabilityPatch,
  CapabilityRecord,
  CompetitorPatch,
  CompetitorRecord,
  PricingPlanPatch,
  PricingPlanRecord,
} from './market.ports';
import type { EventPublisher, ItemRecord, ProductRecord, Repositories, TracedItemRecord, UnitOfWork } from './ports';

type MarketRepositories = Pick<Repositories, 'market' | 'items' | 'activity'>;

/** A capability with our epic or feature that delivers it (null when unlinked or in the trash). */
export type CapabilityView = CapabilityRecord & { item: TracedItemRecord | null };

export interface CapabilityMatrixView {
  competitors: Array<CompetitorRecord & { has: number; partial: number }>;
  rows: Array<MatrixRow<CapabilityView>>;
  gaps: number;
}

export interface PackagingView {
  plans: PricingPlanRecord[];
  rows: Array<PackagingRow<TracedItemRecord>>;
}

const defined = <T extends object>(patch: T) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as T;

/**
 * Market research: the competitors of a product, the capabilities we compare
 * ourselves with them on (each cell assessed or unknown), our pricing plans
 * and which of our features each plan packages.
 */
export class MarketService {
  constructor(
    private readonly store: UnitOfWork<MarketRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  findCompetitor(id: string): Promise<CompetitorRecord | null> {
    return this.store.read.market.findCompetitor(id);
  }

  findCapability(id: string): Promise<CapabilityRecord | null> {
    return this.store.read.market.findCapability(id);
  }

  findPlan(id: string): Promise<PricingPlanRecord | null> {
    return this.store.read.market.findPlan(id);
  }

  listCompetitors(scope: Scope, product: ProductRecord): Promise<CompetitorRecord[]> {
    return this.store.read.market.listCompetitors(scope.workspaceId, product.id);
  }

  async createCompetitor(scope: Scope, product: ProductRecord, input: CompetitorCreate): Promise<CompetitorRecord> {
    const now = this.now();
    const competitor: CompetitorRecord = {
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      productId: product.id,
      name: input.name,
      website: input.website,
      positioning: input.positioning,
      notes: input.notes,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction(async (repos) => {
      await repos.market.insertCompetitor(competitor);
      await this.record(repos, scope, 'competitor', 'competitor.created', competitor.id, null, competitor);
    });
    this.publish(scope, product.id, competitor.id);
    return competitor;
  }

  async updateCompetitor(scope: Scope, competitor: CompetitorRecord, patch: CompetitorUpdate, expectedVersion?: number): Promise<CompetitorRecord> {
    const updated = await this.store.transaction(async (repos) => {
      const before = await repos.market.findCompetitor(competitor.id);
      if (!before) throw notFound('Competitor');
      const after = await repos.market.updateCompetitor(competitor.id, defined(patch) as CompetitorPatch, this.now(), expectedVersion);
      if (!after) throw staleVersion('competitor', before.version);
      await this.record(repos, scope, 'competitor', 'competitor.updated', competitor.id, before, after);
      return after;
    });
    this.publish(scope, competitor.productId, competitor.id);
    return updated;
  }

  async deleteCompetitor(scope: Scope, competitor: CompetitorRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await repos.market.findCompetitor(competitor.id);
      if (!before) throw notFound('Competitor');
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('competitor', before.version);
      await repos.market.deleteCompetitor(competitor.id);
      await this.record(repos, scope, 'competitor', 'competitor.deleted', competitor.id, before, null);
    });
    this.publish(scope, competitor.productId, competitor.id);
  }

  async listCapabilities(scope: Scope, product: ProductRecord): Promise<CapabilityView[]> {
    return this.viewCapabilities(scope, await this.store.read.market.listCapabilities(scope.workspaceId, product.id));
  }

  async getCapability(scope: Scope, capability: CapabilityRecord): Promise<CapabilityView> {
    return (await this.viewCapabilities(scope, [capability]))[0]!;
  }

  async createCapability(scope: Scope, product: ProductRecord, input: CapabilityCreate): Promise<CapabilityView> {
    const now = this.now();
    const capability = await this.store.transaction(async (repos) => {
      const item = input.itemId === null ? null : await this.marketItem(repos, scope, product.id, input.itemId, 'itemId');
      const record: CapabilityRecord = {
        id: this.ctx.newId(),
        workspaceId: scope.workspaceId,
        productId: product.id,
        name: input.name,
        description: input.description,
        itemId: item?.id ?? null,
        ourLevel: input.ourLevel,
        position: input.position ?? (await repos.market.nextCapabilityPosition(scope.workspaceId, product.id)),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await repos.market.insertCapability(record);
      await this.record(repos, scope, 'capability', 'capability.created', record.id, null, record);
      return record;
    });
    this.publish(scope, product.id, capability.id);
    return this.getCapability(scope, capability);
  }

  async updateCapability(scope: Scope, capability: CapabilityRecord, patch: CapabilityUpdate, expectedVersion?: number): Promise<CapabilityView> {
    const updated = await this.store.transaction(async (repos) => {
      const before = await repos.market.findCapability(capability.id);
      if (!before) throw notFound('Capability');
      const { itemId, ...rest } = defined(patch);
      const changes: CapabilityPatch = { ...rest };
      if (itemId !== undefined) changes.itemId = itemId === null ? null : (await this.marketItem(repos, scope, before.productId, itemId, 'itemId')).id;
      const after = await repos.market.updateCapability(capability.id, changes, this.now(), expectedVersion);
      if (!after) throw staleVersion('capability', before.version);
      await this.record(repos, scope, 'capability', 'capability.updated', capability.id, before, after);
      return after;
    });
    this.publish(scope, capability.productId, capability.id);
    return this.getCapability(scope, updated);
  }

  async deleteCapability(scope: Scope, capability: CapabilityRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await repos.market.findCapability(capability.id);
      if (!before) throw notFound('Capability');
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('capability', before.version);
      await repos.market.deleteCapability(capability.id);
      await this.record(repos, scope, 'capability', 'capability.deleted', capability.id, before, null);
    });
    this.publish(scope, capability.productId, capability.id);
  }

  /** Sets one cell of the matrix: how far a competitor of the same product covers the capability. */
  async assess(scope: Scope, capability: CapabilityRecord, competitorId: string, input: AssessmentInput) {
    const competitor = await this.store.read.market.findCompetitor(competitorId);
    if (!competitor || competitor.workspaceId !== scope.workspaceId || competitor.productId !== capability.productId) throw notFound('Competitor');
    const assessment = {
      workspaceId: scope.workspaceId,
      capabilityId: capability.id,
      competitorId: competitor.id,
      level: input.level,
      note: input.note.trim(),
      updatedBy: scope.actor.userId,
      updatedAt: this.now(),
    };
    await this.store.transaction(async (repos) => {
      await repos.market.upsertAssessment(assessment);
      await this.record(repos, scope, 'capability', 'capability.assessed', capability.id, null, { competitorId: competitor.id, level: assessment.level, note: assessment.note });
    });
    this.publish(scope, capability.productId, capability.id);
    return { competitorId: competitor.id, level: assessment.level, note: assessment.note, assessed: true };
  }

  /** The competitor × capability grid, a missing cell reading as unknown, with coverage per row and totals per column. */
  async matrix(scope: Scope, product: ProductRecord): Promise<CapabilityMatrixView> {
    const { market } = this.store.read;
    const [competitors, capabilities, assessments] = await Promise.all([
      market.listCompetitors(scope.workspaceId, product.id),
      this.listCapabilities(scope, product),
      market.listAssessments(scope.workspaceId, product.id),
    ]);
    const ids = competitors.map((competitor) => competitor.id);
    const rows = assembleMatrix(capabilities, ids, assessments);
    const totals = competitorTotals(rows, ids);
    return {
      competitors: competitors.map((competitor, index) => ({ ...competitor, has: totals[index]!.has, partial: totals[index]!.partial })),
      rows,
      gaps: rows.filter((row) => row.coverage.isGap).length,
    };
  }

  listPlans(scope: Scope, product: ProductRecord): Promise<PricingPlanRecord[]> {
    return this.store.read.market.listPlans(scope.workspaceId, product.id);
  }

  async createPlan(scope: Scope, product: ProductRecord, input: PricingPlanCreate): Promise<PricingPlanRecord> {
    const now = this.now();
    const plan = await this.store.transaction(async (repos) => {
      const record: PricingPlanRecord = {
        id: this.ctx.newId(),
        workspaceId: scope.workspaceId,
        productId: product.id,
        name: input.name,
        description: input.description,
        priceMinor: this.priceOf(input.price, input.currency),
        currency: input.currency,
        billingPeriod: input.billingPeriod,
        position: input.position ?? (await repos.market.nextPlanPosition(scope.workspaceId, product.id)),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await repos.market.insertPlan(record);
      await this.record(repos, scope, 'pricing_plan', 'pricing_plan.created', record.id, null, record);
      return record;
    });
    this.publish(scope, product.id, plan.id);
    return plan;
  }

  async updatePlan(scope: Scope, plan: PricingPlanRecord, patch: PricingPlanUpdate, expectedVersion?: number): Promise<PricingPlanRecord> {
    const updated = await this.store.transaction(async (repos) => {
      const before = await repos.market.findPlan(plan.id);
      if (!before) throw notFound('Pricing plan');
      const { price, ...rest } = defined(patch);
      const changes: PricingPlanPatch = { ...rest };
      const currency = changes.currency ?? before.currency;
      if (price !== undefined) changes.priceMinor = this.priceOf(price, currency);
      else if (changes.currency && before.priceMinor !== null && minorDigitsOf(changes.currency) !== minorDigitsOf(before.currency)) {
        // The stored minor units mean another amount in a currency with other decimals: the price must come with the change.
        throw invalidField('price', `give the price again when changing from ${before.currency} to ${changes.currency}`);
      }
      const after = await repos.market.updatePlan(plan.id, changes, this.now(), expectedVersion);
      if (!after) throw staleVersion('pricing plan', before.version);
      await this.record(repos, scope, 'pricing_plan', 'pricing_plan.updated', plan.id, before, after);
      return after;
    });
    this.publish(scope, plan.productId, plan.id);
    return updated;
  }

  async deletePlan(scope: Scope, plan: PricingPlanRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await repos.market.findPlan(plan.id);
      if (!before) throw notFound('Pricing plan');
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('pricing plan', before.version);
      await repos.market.deletePlan(plan.id);
      await this.record(repos, scope, 'pricing_plan', 'pricing_plan.deleted', plan.id, before, null);
    });
    this.publish(scope, plan.productId, plan.id);
  }

  /** Puts one of our epics or features in a plan (or changes how it is in it); true when it was not in the plan before. */
  async setPlanFeature(scope: Scope, plan: PricingPlanRecord, itemRef: string, input: PlanFeatureInput): Promise<{ created: boolean; item: ItemRecord }> {
    const now = this.now();
    const result = await this.store.transaction(async (repos) => {
      const item = await this.marketItem(repos, scope, plan.productId, itemRef, 'params.itemIdOrKey', { missing: 'not_found' });
      const existing = (await repos.market.listPlanFeatures(scope.workspaceId, plan.productId)).some((entry) => entry.planId === plan.id && entry.itemId === item.id);
      const entry = { workspaceId: scope.workspaceId, planId: plan.id, itemId: item.id, inclusion: input.inclusion, note: input.note.trim(), updatedBy: scope.actor.userId, updatedAt: now };
      await repos.market.upsertPlanFeature(entry);
      await this.record(repos, scope, 'pricing_plan', 'pricing_plan.feature_set', plan.id, null, { itemId: item.id, inclusion: entry.inclusion, note: entry.note });
      return { created: !existing, item };
    });
    this.publish(scope, plan.productId, plan.id);
    return result;
  }

  async removePlanFeature(scope: Scope, plan: PricingPlanRecord, itemRef: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      const item = await this.findItem(repos, scope, itemRef);
      if (!item || item.productId !== plan.productId || !(await repos.market.deletePlanFeature(plan.id, item.id))) throw notFound('That feature in this plan');
      await this.record(repos, scope, 'pricing_plan', 'pricing_plan.feature_removed', plan.id, { itemId: item.id }, null);
    });
    this.publish(scope, plan.productId, plan.id);
  }

  /** The packaging grid: every epic or feature in at least one plan, by key, against every plan. */
  async packaging(scope: Scope, product: ProductRecord): Promise<PackagingView> {
    const { market } = this.store.read;
    const [plans, entries] = await Promise.all([market.listPlans(scope.workspaceId, product.id), market.listPlanFeatures(scope.workspaceId, product.id)]);
    const features = await market.tracedItems(scope.workspaceId, [...new Set(entries.map((entry) => entry.itemId))]);
    return { plans, rows: assemblePackaging(plans, features, entries) };
  }

  /** The packaging grid as a Markdown document. */
  async packagingMarkdown(scope: Scope, product: ProductRecord): Promise<string> {
    const { plans, rows } = await this.packaging(scope, product);
    const named = rows.map((row) => ({ ...row, feature: { id: row.feature.id, key: formatItemKey(product.key, row.feature.number), title: row.feature.title } }));
    return packagingToMarkdown(`${product.name}: pricing and packaging`, plans, named);
  }

  private async viewCapabilities(scope: Scope, capabilities: readonly CapabilityRecord[]): Promise<CapabilityView[]> {
    const linked = [...new Set(capabilities.flatMap((capability) => (capability.itemId ? [capability.itemId] : [])))];
    const items = new Map((await this.store.read.market.tracedItems(scope.workspaceId, linked)).map((item) => [item.id, item]));
    return capabilities.map((capability) => ({ ...capability, item: capability.itemId ? (items.get(capability.itemId) ?? null) : null }));
  }

  private priceOf(price: string | null, currency: string): number | null {
    return price === null ? null : parsePrice(price, currency, 'price');
  }

  private async findItem(repos: MarketRepositories, scope: Scope, ref: string): Promise<ItemRecord | null> {
    const parsed = parseItemRef(ref);
    const item = parsed.kind === 'id' ? await repos.items.findById(parsed.id) : ((await repos.items.findByKey([scope.workspaceId], parsed.productKey, parsed.number))[0] ?? null);
    return item && item.workspaceId === scope.workspaceId ? item : null;
  }

  /**
   * One of our epics or features in this product, outside the trash. An item
   * of another product or workspace, or none, is a field problem for a body
   * field and not found for a path; a story or task is always a field problem.
   */
  private async marketItem(repos: MarketRepositories, scope: Scope, productId: string, ref: string, field: string, options: { missing?: 'not_found' } = {}): Promise<ItemRecord> {
    const item = await this.findItem(repos, scope, ref);
    if (!item || item.productId !== productId || item.deletedAt) {
      if (options.missing === 'not_found') throw notFound('Item');
      throw invalidField(field, item?.deletedAt ? 'that item is in the trash' : 'no such epic or feature in this product');
    }
    if (!isMarketItemType(item.type)) throw invalidField(field, `link an epic or a feature, not a ${item.type}`);
    return item;
  }

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }

  private record(repos: MarketRepositories, scope: Scope, subjectType: string, action: string, subjectId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType, action, subjectId, before, after });
  }

  private publish(scope: Scope, productId: string, id: string) {
    this.events.publish({ type: 'market.changed', workspaceId: scope.workspaceId, productId, ids: [id], actor: scope.actor.userId });
  }
}

