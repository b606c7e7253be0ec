import Database from 'better-sqlite3';
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { RestoreError } from './dump';
import { Store } from './database';

/**
 * Replaces a SQLite database file with a backup file, after checking that the
 * backup is a sound SQLite database, then brings its schema up to date. Tandem
 * must be stopped: the file is replaced whole.
 */
export async function restoreSqliteFile(source: string, target: string): Promise<void> {
  let check: Database.Database;
  try {
    check = new Database(source, { readonly: true, fileMustExist: true });
  } catch {
    throw new RestoreError(`${source} is not a SQLite database`);
  }
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new RestoreError(`${source} fails SQLite's integrity check (${String(result)})`);
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`${source} is not a SQLite database`);
  } finally {
    check.close();
  }
  // Copy beside the target first, so a failed copy never leaves a half-written database.
  const staging = `${target}.restoring`;
  copyFileSync(source, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  const store = Store.open({ dialect: 'sqlite', path: target });
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
}
