import type { Kysely } from 'kysely';
import { ITEM_TYPES } from '../../contracts/vocabulary';
import type { DependencyRecord, DependencyRepository, TracedItemRecord } from '../../services/ports';
import type { Database } from '../schema';

const toTraced = <T extends { type: string }>(row: T) => {
  const type = ITEM_TYPES.find((known) => known === row.type);
  if (!type) throw new Error(`unknown item type ${row.type}`);
  return { ...row, type };
};

export class DependencyKyselyRepository implements DependencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(dependency: DependencyRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('dependency')
      .values(dependency)
      .onConflict((conflict) => conflict.columns(['blockerId', 'blockedId']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async remove(blockerId: string, blockedId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('dependency').where('blockerId', '=', blockerId).where('blockedId', '=', blockedId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  ofProduct(workspaceId: string, productId: string) {
    return this.db.selectFrom('dependency').select(['blockerId', 'blockedId']).where('workspaceId', '=', workspaceId).where('productId', '=', productId).execute();
  }

  async around(workspaceId: string, itemId: string): Promise<{ blocks: TracedItemRecord[]; blockedBy: TracedItemRecord[] }> {
    const columns = ['item.id', 'item.number', 'item.title', 'item.type', 'item.status', 'item.parentId'] as const;
    const [blocks, blockedBy] = await Promise.all([
      this.db
        .selectFrom('dependency')
        .innerJoin('item', 'item.id', 'dependency.blockedId')
        .select(columns)
        .where('dependency.workspaceId', '=', workspaceId)
        .where('dependency.blockerId', '=', itemId)
        .where('item.deletedAt', 'is', null)
        .orderBy('item.number')
        .execute(),
      this.db
        .selectFrom('dependency')
        .innerJoin('item', 'item.id', 'dependency.blockerId')
        .select(columns)
        .where('dependency.workspaceId', '=', workspaceId)
        .where('dependency.blockedId', '=', itemId)
        .where('item.deletedAt', 'is', null)
        .orderBy('item.number')
        .execute(),
    ]);
    return { blocks: blocks.map(toTraced), blockedBy: blockedBy.map(toTraced) };
  }
}
