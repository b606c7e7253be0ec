import type { Kysely } from 'kysely';
import type { IdempotencyRecord, IdempotencyRepository } from '../../services/ports';
import type { Database } from '../schema';

export class IdempotencyKyselyRepository implements IdempotencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(record: IdempotencyRecord): Promise<IdempotencyRecord | null> {
    // Insert-or-nothing is atomic on both dialects, so two racing retries cannot both claim.
    const inserted = await this.db
      .insertInto('idempotency')
      .values(record)
      .onConflict((oc) => oc.columns(['userId', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return null;
    const existing = await this.db
      .selectFrom('idempotency')
      .selectAll()
      .where('userId', '=', record.userId)
      .where('key', '=', record.key)
      .executeTakeFirst();
    return existing ?? null;
  }

  async complete(userId: string, key: string, statusCode: number, responseBody: string, responseHeaders: string): Promise<void> {
    await this.db
      .updateTable('idempotency')
      .set({ statusCode, responseBody, responseHeaders })
      .where('userId', '=', userId)
      .where('key', '=', key)
      .execute();
  }

  async release(userId: string, key: string): Promise<void> {
    await this.db.deleteFrom('idempotency').where('userId', '=', userId).where('key', '=', key).execute();
  }

  async purgeBefore(at: string): Promise<void> {
    await this.db.deleteFrom('idempotency').where('createdAt', '<', at).execute();
  }
}
