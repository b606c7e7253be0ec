import type { Kysely } from 'kysely';
import type { DependencyRecord, DependencyRepository, TracedItemRecord } from '../../services/ports';
import type { Database } from '../schema';
import { tracedItem } from './known-value';

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
    const [blocks, blockedBy] = await Promise.all([this.linked(workspaceId, 'blockerId', itemId), this.linked(workspaceId, 'blockedId', itemId)]);
    return { blocks, blockedBy };
  }

  /** The items on the other end of the dependencies where `itemId` is the `side`. */
  private async linked(workspaceId: string, side: 'blockerId' | 'blockedId', itemId: string): Promise<TracedItemRecord[]> {
    const other = side === 'blockerId' ? 'dependency.blockedId' : 'dependency.blockerId';
    const rows = await this.db
      .selectFrom('dependency')
      .innerJoin('item', 'item.id', other)
      .select(['item.id', 'item.number', 'item.title', 'item.type', 'item.status', 'item.parentId'])
      .where('dependency.workspaceId', '=', workspaceId)
      .where(`dependency.${side}`, '=', itemId)
      .where('item.deletedAt', 'is', null)
      .orderBy('item.number')
      .execute();
    return rows.map(tracedItem);
  }
}
