import type { Kysely } from 'kysely';
import { ROADMAP_HORIZONS } from '../../contracts/vocabulary';
import type { ItemScheduleRecord, MilestonePatch, MilestoneRecord, RoadmapItemRecord, RoadmapRepository } from '../../services/roadmap.ports';
import type { Database } from '../schema';
import { knownValue, tracedItem } from './known-value';

const horizonOf = (value: string | null) => (value === null ? null : knownValue(ROADMAP_HORIZONS, value, 'roadmap horizon'));

/** When epics and features are planned, and the product's milestones. */
export class RoadmapKyselyRepository implements RoadmapRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async items(workspaceId: string, productId: string): Promise<RoadmapItemRecord[]> {
    const rows = await this.db
      .selectFrom('item')
      .leftJoin('itemSchedule', 'itemSchedule.itemId', 'item.id')
      .select([
        'item.id',
        'item.number',
        'item.title',
        'item.type',
        'item.status',
        'item.parentId',
        'item.releaseId',
        'itemSchedule.startDate',
        'itemSchedule.targetDate',
        'itemSchedule.horizon',
        'itemSchedule.version as scheduleVersion',
      ])
      .where('item.workspaceId', '=', workspaceId)
      .where('item.productId', '=', productId)
      .where('item.type', 'in', ['epic', 'feature'])
      .where('item.deletedAt', 'is', null)
      .orderBy('item.number')
      .execute();
    return rows.map((row) => ({ ...tracedItem(row), horizon: horizonOf(row.horizon), scheduleVersion: row.scheduleVersion ?? 0 }));
  }

  async findSchedule(itemId: string): Promise<ItemScheduleRecord | null> {
    const row = await this.db.selectFrom('itemSchedule').selectAll().where('itemId', '=', itemId).executeTakeFirst();
    return row ? { ...row, horizon: horizonOf(row.horizon) } : null;
  }

  async saveSchedule(schedule: Omit<ItemScheduleRecord, 'version'>, expectedVersion?: number): Promise<boolean> {
    const { itemId, workspaceId: _, productId: __, ...plan } = schedule;
    if (expectedVersion === undefined || expectedVersion === 0) {
      const result = await this.db
        .insertInto('itemSchedule')
        .values({ ...schedule, version: 1 })
        .onConflict((conflict) =>
          expectedVersion === 0 ? conflict.column('itemId').doNothing() : conflict.column('itemId').doUpdateSet((eb) => ({ ...plan, version: eb('itemSchedule.version', '+', 1) })),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 1) > 0;
    }
    const result = await this.db
      .updateTable('itemSchedule')
      .set((eb) => ({ ...plan, version: eb('version', '+', 1) }))
      .where('itemId', '=', itemId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async insertMilestone(milestone: MilestoneRecord): Promise<void> {
    await this.db.insertInto('milestone').values(milestone).execute();
  }

  async findMilestone(id: string): Promise<MilestoneRecord | null> {
    return (await this.db.selectFrom('milestone').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  listMilestones(workspaceId: string, productId: string): Promise<MilestoneRecord[]> {
    return this.db.selectFrom('milestone').selectAll().where('workspaceId', '=', workspaceId).where('productId', '=', productId).orderBy('date').orderBy('name').execute();
  }

  async updateMilestone(id: string, patch: MilestonePatch, at: string, expectedVersion?: number): Promise<MilestoneRecord | null> {
    let query = this.db
      .updateTable('milestone')
      .set((eb) => ({ ...patch, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    return (await query.returningAll().executeTakeFirst()) ?? null;
  }

  async deleteMilestone(id: string): Promise<void> {
    await this.db.deleteFrom('milestone').where('id', '=', id).execute();
  }
}
