import type { Kysely, Selectable } from 'kysely';
import { ItemSortSchema } from '../../contracts/item.schema';
import type { SavedViewRecord, SavedViewRepository } from '../../services/ports';
import type { Database, SavedViewTable } from '../schema';

const toView = (row: Selectable<SavedViewTable>): SavedViewRecord => ({ ...row, sort: ItemSortSchema.parse(row.sort), shared: Boolean(row.shared) });

export class SavedViewKyselyRepository implements SavedViewRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(view: SavedViewRecord): Promise<void> {
    await this.db
      .insertInto('savedView')
      .values({ ...view, shared: view.shared ? 1 : 0 })
      .execute();
  }

  async findById(id: string): Promise<SavedViewRecord | null> {
    const row = await this.db.selectFrom('savedView').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toView(row) : null;
  }

  async listVisible(workspaceId: string, productId: string, userId: string): Promise<SavedViewRecord[]> {
    const rows = await this.db
      .selectFrom('savedView')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .where((eb) => eb.or([eb('shared', '=', 1), eb('ownerId', '=', userId)]))
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toView);
  }

  async update(
    id: string,
    patch: Partial<Pick<SavedViewRecord, 'name' | 'query' | 'sort' | 'shared'>>,
    at: string,
    expectedVersion?: number,
  ): Promise<SavedViewRecord | null> {
    const { shared, ...rest } = patch;
    let query = this.db
      .updateTable('savedView')
      .set((eb) => ({ ...rest, ...(shared !== undefined && { shared: shared ? 1 : 0 }), updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const updated = await query.executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0 ? this.findById(id) : null;
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('savedView').where('id', '=', id).execute();
  }
}
