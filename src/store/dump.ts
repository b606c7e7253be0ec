import { sql } from 'kysely';
import type { Store } from './database';
import { TABLES_IN_DEPENDENCY_ORDER, type Database } from './schema';

export const DUMP_FORMAT = 'tandem-dump';
export const DUMP_VERSION = 1;

export interface Dump {
  format: typeof DUMP_FORMAT;
  version: typeof DUMP_VERSION;
  createdAt: string;
  tables: Partial<Record<keyof Database, Record<string, unknown>[]>>;
}

// Rows are read and written in pages so a large workspace never sits in one statement.
const PAGE = 1_000;

/**
 * A portable copy of every table, restorable into either dialect, read in one
 * transaction so it is a consistent snapshot while Tandem keeps writing.
 */
export async function dumpDatabase(store: Store, onTable?: (table: string, rows: number) => void): Promise<Dump> {
  const tables: Dump['tables'] = {};
  // PostgreSQL needs REPEATABLE READ for one snapshot across statements; a SQLite transaction reads one snapshot anyway.
  const reader = store.dialect === 'postgres' ? store.db.transaction().setIsolationLevel('repeatable read') : store.db.transaction();
  await reader.execute(async (trx) => {
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const rows: Record<string, unknown>[] = [];
      for (let offset = 0; ; offset += PAGE) {
        // Any stable order will do for a full copy; every table's first column is part of its key.
        const page = await trx
          .selectFrom(table)
          .selectAll()
          .orderBy(sql`1`)
          .orderBy(sql`2`)
          .limit(PAGE)
          .offset(offset)
          .execute();
        rows.push(...(page as Record<string, unknown>[]));
        if (page.length < PAGE) break;
      }
      tables[table] = rows;
      onTable?.(table, rows.length);
    }
  });
  return { format: DUMP_FORMAT, version: DUMP_VERSION, createdAt: new Date().toISOString(), tables };
}

export class RestoreError extends Error {}

export function parseDump(text: string): Dump {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RestoreError('the file is not JSON; restore takes a dump made by `tandem backup <file>.json`');
  }
  const dump = parsed as Partial<Dump>;
  if (dump.format !== DUMP_FORMAT || typeof dump.tables !== 'object' || dump.tables === null) {
    throw new RestoreError('the file is not a Tandem dump');
  }
  if (dump.version !== DUMP_VERSION) throw new RestoreError(`dump version ${String(dump.version)} is not supported (expected ${DUMP_VERSION})`);
  return dump as Dump;
}

/** Loads a dump into an empty, migrated database, all in one transaction. */
export async function restoreDatabase(store: Store, dump: Dump, onTable?: (table: string, rows: number) => void): Promise<void> {
  if ((await store.read.users.count()) > 0) {
    throw new RestoreError('the target database is not empty; restore into a new database');
  }
  await store.db.transaction().execute(async (trx) => {
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const rows = dump.tables[table] ?? [];
      // An item may sit under one stored after it: items go in without parents, then get them.
      const inserted = table === 'item' ? rows.map((row) => ({ ...row, parentId: null })) : rows;
      for (let start = 0; start < rows.length; start += PAGE / 10) {
        await trx
          .insertInto(table)
          .values(inserted.slice(start, start + PAGE / 10) as never)
          .execute();
      }
      if (table === 'item') {
        for (const row of rows) {
          if (typeof row.parentId !== 'string') continue;
          await trx.updateTable('item').set({ parentId: row.parentId }).where('id', '=', String(row.id)).execute();
        }
      }
      onTable?.(table, rows.length);
    }
  });
}
