import type { Kysely } from 'kysely';
import type { SessionRecord, SessionRepository } from '../../services/ports';
import type { Database } from '../schema';

export class SessionKyselyRepository implements SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: SessionRecord): Promise<void> {
    await this.db.insertInto('session').values(session).execute();
  }

  findById(id: string): Promise<SessionRecord | null> {
    return this.db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst().then((row) => row ?? null);
  }

  async extend(id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('session').set({ lastSeenAt, expiresAt }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('session').where('id', '=', id).execute();
  }
}
