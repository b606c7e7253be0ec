import { CamelCasePlugin, Kysely, Migrator, sql } from 'kysely';
import type Sqlite from 'better-sqlite3';
import type pg from 'pg';
import type { Repositories, UnitOfWork } from '../services/ports';
import { ensurePostgresDatabase, openPostgres } from './dialects/postgres';
import { openSqlite } from './dialects/sqlite';
import { migrationProvider } from './migrations';
import { createRepositories } from './repositories';
import type { Database } from './schema';

export type DatabaseLocation = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };
export type Dialect = DatabaseLocation['dialect'];

/** The store: Kysely over one of the two dialects, with the repositories bound to it. */
export class Store implements UnitOfWork {
  readonly read: Repositories;

  private constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    readonly sqlite: Sqlite.Database | null,
    readonly pool: pg.Pool | null,
  ) {
    this.read = createRepositories(db, dialect);
  }

  /** Opens the store, first creating a PostgreSQL database that does not exist yet. */
  static async connect(location: DatabaseLocation, options: { maxConnections?: number } = {}): Promise<Store> {
    if (location.dialect === 'postgres') await ensurePostgresDatabase(location.url);
    return Store.open(location, options);
  }

  static open(location: DatabaseLocation, options: { maxConnections?: number } = {}): Store {
    const plugins = [new CamelCasePlugin()];
    if (location.dialect === 'sqlite') {
      const { dialect, database } = openSqlite(location.path);
      return new Store(new Kysely<Database>({ dialect, plugins }), 'sqlite', database, null);
    }
    const { dialect, pool } = openPostgres(location.url, options.maxConnections);
    return new Store(new Kysely<Database>({ dialect, plugins }), 'postgres', null, pool);
  }

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(createRepositories(trx, this.dialect)));
  }

  /** Brings the schema up to date; safe to run from several processes at once on PostgreSQL. */
  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((result) => result.status === 'Error');
      const name = failed ? ` (${failed.migrationName})` : '';
      throw new Error(`database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
