import Database from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';

export interface ScratchPostgres {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/**
 * A new, empty PostgreSQL database on this run's server, for tests that need
 * Tandem to start from nothing (the run's shared database already has rows).
 */
export async function createPostgresDatabase(label: string): Promise<ScratchPostgres> {
  const serverUrl = new URL(inject('postgresUrl'));
  const name = `tandem_it_${label}_${process.pid}_${(counter++).toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl.toString() });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Rows per table, read straight from the database rather than through
 * Tandem, so a restore is judged by what is really stored.
 */
export async function tableCounts(databaseUrl: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true, fileMustExist: true });
    try {
      // The full-text index (item_fts and its shadow tables) is derived from item rows, not data of its own.
      const tables = db
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'item_fts%'")
        .pluck()
        .all() as string[];
      for (const table of tables) counts[table] = db.prepare(`select count(*) from "${table}"`).pluck().get() as number;
    } finally {
      db.close();
    }
    return counts;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    for (const { table_name: table } of rows) {
      const result = await client.query<{ count: string }>(`select count(*) as count from "${table}"`);
      counts[table] = Number(result.rows[0]!.count);
    }
  } finally {
    await client.end();
  }
  return counts;
}
