import type { Kysely } from 'kysely';
import type { LoginFailureRecord, LoginFailureRepository } from '../../services/ports';
import type { Database } from '../schema';

export class LoginFailureKyselyRepository implements LoginFailureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async countAttempt(key: string, now: string, windowCutoff: string): Promise<LoginFailureRecord> {
    // One upsert, so parallel attempts each see their own count.
    return this.db
      .insertInto('loginFailure')
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          const expired = eb('loginFailure.windowStartedAt', '<=', windowCutoff);
          return {
            failures: eb.case().when(expired).then(1).else(eb('loginFailure.failures', '+', 1)).end(),
            windowStartedAt: eb.case().when(expired).then(now).else(eb.ref('loginFailure.windowStartedAt')).end(),
          };
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('loginFailure').where('key', '=', key).execute();
  }
}
