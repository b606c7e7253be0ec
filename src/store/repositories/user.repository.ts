import type { Kysely } from 'kysely';
import { TandemError } from '../../domain/errors';
import type { UserRecord, UserRepository } from '../../services/ports';
import type { Database } from '../schema';
import { refusingDuplicates } from './sql-errors';

export class UserKyselyRepository implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<UserRecord | null> {
    return this.db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst().then((row) => row ?? null);
  }

  findByEmail(email: string): Promise<UserRecord | null> {
    return this.db
      .selectFrom('user')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst()
      .then((row) => row ?? null);
  }

  async insert(user: UserRecord): Promise<void> {
    await refusingDuplicates(
      () => this.db.insertInto('user').values(user).execute(),
      () => new TandemError('email_taken', `An account with ${user.email} already exists`),
    );
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
