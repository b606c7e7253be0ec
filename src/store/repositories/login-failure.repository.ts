import type { Kysely } from 'kysely';
import type { LoginFailureRecord, LoginFailureRepository } from '../../services/ports';
import type { Database } from '../schema';

export class LoginFailureKyselyRepository implements LoginFailureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(key: string): Promise<LoginFailureRecord | null> {
    return this.db.selectFrom('loginFailure').selectAll().where('key', '=', key).executeTakeFirst().then((row) => row ?? null);
  }

  async save(record: LoginFailureRecord): Promise<void> {
    await this.db
      .insertInto('loginFailure')
      .values(record)
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures: record.failures, windowStartedAt: record.windowStartedAt }))
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('loginFailure').where('key', '=', key).execute();
  }
}
