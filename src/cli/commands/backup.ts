import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { dumpDatabase, parseDump, restoreDatabase, RestoreError } from '../../store/dump';
import { restoreSqliteFile } from '../../store/sqlite-file';
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
  const path = config.database.path;
  try {
    await restoreSqliteFile(source, path);
  } catch (error) {
    if (error instanceof RestoreError) throw new CliError(`tandem restore: ${error.message}`);
    throw error;
  }
  console.log(`Restored ${source} into ${path}.`);
}
