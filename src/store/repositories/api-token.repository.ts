import type { Kysely } from 'kysely';
import type { ApiTokenRecord, ApiTokenRepository } from '../../services/ports';
import type { Database } from '../schema';

export class ApiTokenKyselyRepository implements ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(token: ApiTokenRecord): Promise<void> {
    await this.db.insertInto('apiToken').values(token).execute();
  }

  listActive(userId: string): Promise<ApiTokenRecord[]> {
    return this.db
      .selectFrom('apiToken')
      .selectAll()
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  findActiveByHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    return this.db
      .selectFrom('apiToken')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .where('revokedAt', 'is', null)
      .executeTakeFirst()
      .then((row) => row ?? null);
  }

  async revoke(userId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('apiToken')
      .set((eb) => ({ revokedAt: at, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markUsed(id: string, at: string): Promise<void> {
    await this.db.updateTable('apiToken').set({ lastUsedAt: at }).where('id', '=', id).execute();
  }
}
