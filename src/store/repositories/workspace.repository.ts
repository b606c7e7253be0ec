import type { Kysely } from 'kysely';
import type { WorkspaceRecord, WorkspaceRepository } from '../../services/ports';
import type { Database } from '../schema';

export class WorkspaceKyselyRepository implements WorkspaceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(workspace: WorkspaceRecord): Promise<void> {
    await this.db.insertInto('workspace').values(workspace).execute();
  }

  findById(id: string): Promise<WorkspaceRecord | null> {
    return this.db.selectFrom('workspace').selectAll().where('id', '=', id).executeTakeFirst().then((row) => row ?? null);
  }

  async rename(id: string, name: string, at: string, expectedVersion?: number): Promise<WorkspaceRecord | null> {
    let query = this.db
      .updateTable('workspace')
      .set((eb) => ({ name, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await query.returningAll().executeTakeFirst();
    return row ?? null;
  }

  async lock(id: string): Promise<void> {
    // A no-op update takes the row lock on PostgreSQL and the write lock on SQLite alike.
    await this.db.updateTable('workspace').set((eb) => ({ version: eb.ref('version') })).where('id', '=', id).execute();
  }

  listAll(): Promise<WorkspaceRecord[]> {
    return this.db.selectFrom('workspace').selectAll().orderBy('createdAt').orderBy('id').execute();
  }
}
