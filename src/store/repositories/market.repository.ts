import type { Kysely, Selectable } from 'kysely';
import { BILLING_PERIODS, CAPABILITY_LEVELS, PLAN_INCLUSIONS } from '../../contracts/vocabulary';
import { TandemError } from '../../domain/errors';
import type {
  AssessmentRecord,
  CapabilityPatch,
  CapabilityRecord,
  CompetitorPatch,
  CompetitorRecord,
  MarketRepository,
  PlanFeatureRecord,
  PricingPlanPatch,
  PricingPlanRecord,
} from '../../services/market.ports';
import type { TracedItemRecord } from '../../services/ports';
import type { CapabilityTable, CompetitorTable, Database, PricingPlanTable } from '../schema';
import { knownValue, tracedItem } from './known-value';
import { refusingDuplicates } from './sql-errors';

/** The key that keeps names unique per product whatever their case. */
const nameKeyOf = (name: string) => name.trim().toLocaleLowerCase('en');

/** With the name key alongside a changed name. */
const keyed = <P extends { name?: string }>(patch: P) => (patch.name === undefined ? patch : { ...patch, nameKey: nameKeyOf(patch.name) });

const toCompetitor = ({ nameKey: _key, ...row }: Selectable<CompetitorTable>): CompetitorRecord => row;

const toCapability = ({ nameKey: _key, ...row }: Selectable<CapabilityTable>): CapabilityRecord => ({
  ...row,
  ourLevel: knownValue(CAPABILITY_LEVELS, row.ourLevel, 'capability level'),
});

const toPlan = ({ nameKey: _key, ...row }: Selectable<PricingPlanTable>): PricingPlanRecord => ({
  ...row,
  // PostgreSQL integers come back as numbers; kept exact in minor units.
  priceMinor: row.priceMinor === null ? null : Number(row.priceMinor),
  billingPeriod: knownValue(BILLING_PERIODS, row.billingPeriod, 'billing period'),
});

/** A unique-name violation as the `name_taken` problem; anything else as it was. */
const uniqueName = <T>(what: string, name: string, write: () => Promise<T>): Promise<T> =>
  refusingDuplicates(write, () => new TandemError('name_taken', `This product already has a ${what} named “${name.trim()}”`, { field: 'name' }));

/** The columns every named table of the market shares: competitors, capabilities and pricing plans. */
interface NamedRow {
  id: string;
  workspaceId: string;
  productId: string;
  name: string;
  nameKey: string;
  position?: number;
  version: number;
  updatedAt: string;
}

type NamedTable = 'competitor' | 'capability' | 'pricingPlan';

/**
 * One table of named, versioned rows, unique by name per product: the reads
 * and writes competitors, capabilities and plans share. Capabilities and
 * plans keep the order they were added in (`position`), competitors read by name.
 */
class NamedRows<Entry extends { name: string }, Patch extends { name?: string }> {
  // Typed as one table with the shared columns; `toRecord` reads the whole row as its own table's.
  private readonly db: Kysely<{ named: NamedRow }>;
  private readonly table: 'named';

  constructor(
    db: Kysely<Database>,
    table: NamedTable,
    private readonly what: string,
    private readonly toRecord: (row: never) => Entry,
    private readonly positioned: boolean,
  ) {
    this.db = db as unknown as Kysely<{ named: NamedRow }>;
    this.table = table as 'named';
  }

  private read(row: NamedRow): Entry {
    return this.toRecord(row as never);
  }

  async insert(record: Entry): Promise<void> {
    await uniqueName(this.what, record.name, () =>
      this.db
        .insertInto(this.table)
        .values({ ...(record as unknown as NamedRow), nameKey: nameKeyOf(record.name) })
        .execute(),
    );
  }

  async find(id: string): Promise<Entry | null> {
    const row = await this.db.selectFrom(this.table).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.read(row) : null;
  }

  async list(workspaceId: string, productId: string): Promise<Entry[]> {
    let query = this.db.selectFrom(this.table).selectAll().where('workspaceId', '=', workspaceId).where('productId', '=', productId);
    if (this.positioned) query = query.orderBy('position');
    const rows = await query.orderBy('nameKey').orderBy('id').execute();
    return rows.map((row) => this.read(row));
  }

  async nextPosition(workspaceId: string, productId: string): Promise<number> {
    const row = await this.db
      .selectFrom(this.table)
      .select((eb) => eb.fn.max('position').as('last'))
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  }

  async update(id: string, patch: Patch, at: string, expectedVersion?: number): Promise<Entry | null> {
    let query = this.db
      .updateTable(this.table)
      .set((eb) => ({ ...(keyed(patch) as Partial<NamedRow>), updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await uniqueName(this.what, patch.name ?? '', () => query.returningAll().executeTakeFirst());
    return row ? this.read(row) : null;
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom(this.table).where('id', '=', id).execute();
  }
}

/** Competitors, the capability matrix, pricing plans and packaging of a product. */
export class MarketKyselyRepository implements MarketRepository {
  private readonly competitors: NamedRows<CompetitorRecord, CompetitorPatch>;
  private readonly capabilities: NamedRows<CapabilityRecord, CapabilityPatch>;
  private readonly plans: NamedRows<PricingPlanRecord, PricingPlanPatch>;

  constructor(private readonly db: Kysely<Database>) {
    this.competitors = new NamedRows(db, 'competitor', 'competitor', toCompetitor, false);
    this.capabilities = new NamedRows(db, 'capability', 'capability', toCapability, true);
    this.plans = new NamedRows(db, 'pricingPlan', 'pricing plan', toPlan, true);
  }

  insertCompetitor = (competitor: CompetitorRecord) => this.competitors.insert(competitor);
  findCompetitor = (id: string) => this.competitors.find(id);
  listCompetitors = (workspaceId: string, productId: string) => this.competitors.list(workspaceId, productId);
  updateCompetitor = (id: string, patch: CompetitorPatch, at: string, expectedVersion?: number) => this.competitors.update(id, patch, at, expectedVersion);
  deleteCompetitor = (id: string) => this.competitors.delete(id);

  insertCapability = (capability: CapabilityRecord) => this.capabilities.insert(capability);
  findCapability = (id: string) => this.capabilities.find(id);
  listCapabilities = (workspaceId: string, productId: string) => this.capabilities.list(workspaceId, productId);
  nextCapabilityPosition = (workspaceId: string, productId: string) => this.capabilities.nextPosition(workspaceId, productId);
  updateCapability = (id: string, patch: CapabilityPatch, at: string, expectedVersion?: number) => this.capabilities.update(id, patch, at, expectedVersion);
  deleteCapability = (id: string) => this.capabilities.delete(id);

  insertPlan = (plan: PricingPlanRecord) => this.plans.insert(plan);
  findPlan = (id: string) => this.plans.find(id);
  listPlans = (workspaceId: string, productId: string) => this.plans.list(workspaceId, productId);
  nextPlanPosition = (workspaceId: string, productId: string) => this.plans.nextPosition(workspaceId, productId);
  updatePlan = (id: string, patch: PricingPlanPatch, at: string, expectedVersion?: number) => this.plans.update(id, patch, at, expectedVersion);
  deletePlan = (id: string) => this.plans.delete(id);

  async upsertAssessment(assessment: AssessmentRecord): Promise<void> {
    const { level, note, updatedBy, updatedAt } = assessment;
    await this.db
      .insertInto('capabilityAssessment')
      .values(assessment)
      .onConflict((conflict) => conflict.columns(['capabilityId', 'competitorId']).doUpdateSet({ level, note, updatedBy, updatedAt }))
      .execute();
  }

  async listAssessments(workspaceId: string, productId: string): Promise<AssessmentRecord[]> {
    const rows = await this.db
      .selectFrom('capabilityAssessment')
      .innerJoin('capability', 'capability.id', 'capabilityAssessment.capabilityId')
      .selectAll('capabilityAssessment')
      .where('capabilityAssessment.workspaceId', '=', workspaceId)
      .where('capability.productId', '=', productId)
      .execute();
    return rows.map((row) => ({ ...row, level: knownValue(CAPABILITY_LEVELS, row.level, 'capability level') }));
  }

  async upsertPlanFeature(entry: PlanFeatureRecord): Promise<void> {
    const { inclusion, note, updatedBy, updatedAt } = entry;
    await this.db
      .insertInto('planFeature')
      .values(entry)
      .onConflict((conflict) => conflict.columns(['planId', 'itemId']).doUpdateSet({ inclusion, note, updatedBy, updatedAt }))
      .execute();
  }

  async deletePlanFeature(planId: string, itemId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('planFeature').where('planId', '=', planId).where('itemId', '=', itemId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listPlanFeatures(workspaceId: string, productId: string): Promise<PlanFeatureRecord[]> {
    const rows = await this.db
      .selectFrom('planFeature')
      .innerJoin('pricingPlan', 'pricingPlan.id', 'planFeature.planId')
      .innerJoin('item', 'item.id', 'planFeature.itemId')
      .selectAll('planFeature')
      .where('planFeature.workspaceId', '=', workspaceId)
      .where('pricingPlan.productId', '=', productId)
      .where('item.deletedAt', 'is', null)
      .execute();
    return rows.map((row) => ({ ...row, inclusion: knownValue(PLAN_INCLUSIONS, row.inclusion, 'plan inclusion') }));
  }

  async tracedItems(workspaceId: string, ids: readonly string[]): Promise<TracedItemRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('item')
      .select(['id', 'number', 'title', 'type', 'status', 'parentId'])
      .where('workspaceId', '=', workspaceId)
      .where('id', 'in', ids)
      .where('deletedAt', 'is', null)
      .orderBy('number')
      .execute();
    return rows.map(tracedItem);
  }
}
