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
import { isUniqueViolation } from './sql-errors';

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
async function uniqueName<T>(what: string, name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new TandemError('name_taken', `This product already has a ${what} named “${name.trim()}”`, { field: 'name' });
    throw error;
  }
}

/** Competitors, the capability matrix, pricing plans and packaging of a product. */
export class MarketKyselyRepository implements MarketRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertCompetitor(competitor: CompetitorRecord): Promise<void> {
    await uniqueName('competitor', competitor.name, () =>
      this.db
        .insertInto('competitor')
        .values({ ...competitor, nameKey: nameKeyOf(competitor.name) })
        .execute(),
    );
  }

  async findCompetitor(id: string): Promise<CompetitorRecord | null> {
    const row = await this.db.selectFrom('competitor').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCompetitor(row) : null;
  }

  async listCompetitors(workspaceId: string, productId: string): Promise<CompetitorRecord[]> {
    const rows = await this.db
      .selectFrom('competitor')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .orderBy('nameKey')
      .orderBy('id')
      .execute();
    return rows.map(toCompetitor);
  }

  async updateCompetitor(id: string, patch: CompetitorPatch, at: string, expectedVersion?: number): Promise<CompetitorRecord | null> {
    let query = this.db
      .updateTable('competitor')
      .set((eb) => ({ ...keyed(patch), updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await uniqueName('competitor', patch.name ?? '', () => query.returningAll().executeTakeFirst());
    return row ? toCompetitor(row) : null;
  }

  async deleteCompetitor(id: string): Promise<void> {
    await this.db.deleteFrom('competitor').where('id', '=', id).execute();
  }

  async insertCapability(capability: CapabilityRecord): Promise<void> {
    await uniqueName('capability', capability.name, () =>
      this.db
        .insertInto('capability')
        .values({ ...capability, nameKey: nameKeyOf(capability.name) })
        .execute(),
    );
  }

  async findCapability(id: string): Promise<CapabilityRecord | null> {
    const row = await this.db.selectFrom('capability').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCapability(row) : null;
  }

  async listCapabilities(workspaceId: string, productId: string): Promise<CapabilityRecord[]> {
    const rows = await this.db
      .selectFrom('capability')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .orderBy('position')
      .orderBy('nameKey')
      .orderBy('id')
      .execute();
    return rows.map(toCapability);
  }

  async nextCapabilityPosition(workspaceId: string, productId: string): Promise<number> {
    const row = await this.db
      .selectFrom('capability')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  }

  async updateCapability(id: string, patch: CapabilityPatch, at: string, expectedVersion?: number): Promise<CapabilityRecord | null> {
    let query = this.db
      .updateTable('capability')
      .set((eb) => ({ ...keyed(patch), updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await uniqueName('capability', patch.name ?? '', () => query.returningAll().executeTakeFirst());
    return row ? toCapability(row) : null;
  }

  async deleteCapability(id: string): Promise<void> {
    await this.db.deleteFrom('capability').where('id', '=', id).execute();
  }

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

  async insertPlan(plan: PricingPlanRecord): Promise<void> {
    await uniqueName('pricing plan', plan.name, () =>
      this.db
        .insertInto('pricingPlan')
        .values({ ...plan, nameKey: nameKeyOf(plan.name) })
        .execute(),
    );
  }

  async findPlan(id: string): Promise<PricingPlanRecord | null> {
    const row = await this.db.selectFrom('pricingPlan').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toPlan(row) : null;
  }

  async listPlans(workspaceId: string, productId: string): Promise<PricingPlanRecord[]> {
    const rows = await this.db
      .selectFrom('pricingPlan')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .orderBy('position')
      .orderBy('nameKey')
      .orderBy('id')
      .execute();
    return rows.map(toPlan);
  }

  async nextPlanPosition(workspaceId: string, productId: string): Promise<number> {
    const row = await this.db
      .selectFrom('pricingPlan')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  }

  async updatePlan(id: string, patch: PricingPlanPatch, at: string, expectedVersion?: number): Promise<PricingPlanRecord | null> {
    let query = this.db
      .updateTable('pricingPlan')
      .set((eb) => ({ ...keyed(patch), updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await uniqueName('pricing plan', patch.name ?? '', () => query.returningAll().executeTakeFirst());
    return row ? toPlan(row) : null;
  }

  async deletePlan(id: string): Promise<void> {
    await this.db.deleteFrom('pricingPlan').where('id', '=', id).execute();
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
