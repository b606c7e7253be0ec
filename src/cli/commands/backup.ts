import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { dumpDatabase, parseDump, restoreDatabase, RestoreError } from '../../store/dump';
import { Store } from '../../store/database';
import { configFromEnv, CliError, withRuntime } from '../runtime';

const isJson = (file: string) => extname(file).toLowerCase() === '.json';

/**
 * `<file>.json` writes a portable dump of every table (restorable into SQLite
 * or PostgreSQL); any other name, on SQLite, takes an online backup of the
 * database file while Tandem keeps running.
 */
export async function backup(file: string): Promise<void> {
  const target = resolve(file);
  await withRuntime(async (runtime, config) => {
    if (isJson(target)) {
      const dump = await dumpDatabase(runtime.store, (table, rows) => console.log(`  ${table}: ${rows} rows`));
      writeFileSync(target, JSON.stringify(dump));
      console.log(`Wrote a portable dump to ${target}.`);
      return;
    }
    if (config.database.dialect !== 'sqlite' || !runtime.store.sqlite) {
      throw new CliError('tandem backup: a file backup is for SQLite; on PostgreSQL use a .json dump (or pg_dump)');
    }
    await runtime.store.sqlite.backup(target);
    console.log(`Backed up ${config.database.path} to ${target}.`);
  });
}

export async function restore(file: string): Promise<void> {
  const source = resolve(file);
  if (!existsSync(source)) throw new CliError(`tandem restore: ${source} does not exist`);
  const config = configFromEnv();
  if (isJson(source)) {
    const dump = (() => {
      try {
        return parseDump(readFileSync(source, 'utf8'));
      } catch (error) {
        if (error instanceof RestoreError) throw new CliError(`tandem restore: ${error.message}`);
        throw error;
      }
    })();
    await withRuntime(async (runtime) => {
      try {
        await restoreDatabase(runtime.store, dump, (table, rows) => console.log(`  ${table}: ${rows} rows`));
      } catch (error) {
        if (error instanceof RestoreError) throw new CliError(`tandem restore: ${error.message}`);
        throw error;
      }
    });
    console.log(`Restored ${source}.`);
    return;
  }
  if (config.database.dialect !== 'sqlite') {
    throw new CliError('tandem restore: a SQLite backup file restores only into SQLite; use a .json dump for PostgreSQL');
  }
  const check = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new CliError(`tandem restore: ${source} fails SQLite's integrity check (${String(result)})`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`tandem restore: ${source} is not a SQLite database`);
  } finally {
    check.close();
  }
  // Stop Tandem before restoring a file backup: the database file is replaced whole.
  const path = config.database.path;
  const staging = `${path}.restoring`;
  copyFileSync(source, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  renameSync(staging, path);
  const store = Store.open(config.database);
  await store.migrate();
  await store.close();
  console.log(`Restored ${source} into ${path}.`);
}
