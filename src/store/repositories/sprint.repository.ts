import type { Kysely, Selectable } from 'kysely';
import type { SprintEntry, SprintEntryRecord, SprintPatch, SprintRecord, SprintRepository, SprintTotals } from '../../services/ports';
import type { Database, SprintTable } from '../schema';

const toSprint = (row: Selectable<SprintTable>): SprintRecord => ({
  ...row,
  availability: JSON.parse(row.availability) as SprintRecord['availability'],
  committedAtStart: row.committedAtStart === null ? null : Number(row.committedAtStart),
  completedPoints: row.completedPoints === null ? null : Number(row.completedPoints),
});

function toColumns<T extends Partial<SprintRecord>>(sprint: T) {
  const { availability, ...rest } = sprint;
  return { ...rest, ...(availability !== undefined && { availability: JSON.stringify(availability) }) };
}

export class SprintKyselyRepository implements SprintRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(sprint: SprintRecord): Promise<void> {
    await this.db.insertInto('sprint').values(toColumns(sprint) as SprintTable).execute();
  }

  async findById(id: string): Promise<SprintRecord | null> {
    const row = await this.db.selectFrom('sprint').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSprint(row) : null;
  }

  async listByProduct(workspaceId: string, productId: string): Promise<SprintRecord[]> {
    const rows = await this.db
      .selectFrom('sprint')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .orderBy('startDate')
      .orderBy('createdAt')
      .execute();
    return rows.map(toSprint);
  }

  async update(id: string, patch: SprintPatch, at: string, expectedVersion?: number): Promise<SprintRecord | null> {
    let query = this.db
      .updateTable('sprint')
      .set((eb) => ({ ...toColumns(patch), updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const updated = await query.executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0 ? this.findById(id) : null;
  }

  async totals(workspaceId: string, sprintIds: readonly string[], doneStatuses: readonly string[]): Promise<Map<string, SprintTotals>> {
    if (sprintIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('item')
      .select((eb) => [
        'sprintId',
        eb.fn.countAll<number | string>().as('itemCount'),
        eb.fn.coalesce(eb.fn.sum<number | string>('estimate'), eb.lit(0)).as('points'),
        eb.fn
          .coalesce(
            eb.fn.sum<number | string>(
              doneStatuses.length > 0 ? eb.case().when('status', 'in', doneStatuses).then(eb.ref('estimate')).else(eb.lit(0)).end() : eb.lit(0),
            ),
            eb.lit(0),
          )
          .as('donePoints'),
      ])
      .where('workspaceId', '=', workspaceId)
      .where('sprintId', 'in', sprintIds)
      .where('deletedAt', 'is', null)
      .groupBy('sprintId')
      .execute();
    return new Map(
      rows.map((row) => [row.sprintId!, { itemCount: Number(row.itemCount), points: Number(row.points), donePoints: Number(row.donePoints) }]),
    );
  }

  async entries(workspaceId: string, sprintId: string): Promise<SprintEntry[]> {
    const rows = await this.db
      .selectFrom('sprintItem')
      .innerJoin('item', 'item.id', 'sprintItem.itemId')
      .innerJoin('product', 'product.id', 'item.productId')
      .selectAll('sprintItem')
      .select(['item.estimate', 'item.deletedAt as trashedAt', 'item.title', 'item.number', 'product.key as productKey'])
      .where('sprintItem.workspaceId', '=', workspaceId)
      .where('sprintItem.sprintId', '=', sprintId)
      .orderBy('sprintItem.addedAt')
      .execute();
    return rows.map(({ estimate, ...entry }) => ({ ...entry, points: estimate === null ? 0 : Number(estimate) }));
  }

  async addEntry(entry: SprintEntryRecord): Promise<void> {
    await this.db.insertInto('sprintItem').values(entry).execute();
  }

  async closeEntry(sprintId: string, itemId: string, at: string, by: string | null): Promise<void> {
    await this.db
      .updateTable('sprintItem')
      .set({ removedAt: at, removedBy: by })
      .where('sprintId', '=', sprintId)
      .where('itemId', '=', itemId)
      .where('removedAt', 'is', null)
      .execute();
  }

  async setDone(sprintId: string, itemId: string, at: string | null): Promise<void> {
    await this.db
      .updateTable('sprintItem')
      .set({ doneAt: at })
      .where('sprintId', '=', sprintId)
      .where('itemId', '=', itemId)
      .where('removedAt', 'is', null)
      .execute();
  }
}
