import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { DatabaseLocation, Dialect } from '../../src/store/database';

/** Every storage test runs on both dialects; the name tag feeds the per-database count. */
export const DIALECTS: ReadonlyArray<{ dialect: Dialect; name: string }> = [
  { dialect: 'sqlite', name: '[sqlite]' },
  { dialect: 'postgres', name: '[postgres]' },
];

/**
 * A database location for one test file: a fresh SQLite file, or this run's
 * PostgreSQL database (tests isolate themselves by making their own workspace).
 */
export function testDatabase(dialect: Dialect): { location: DatabaseLocation; cleanup: () => void } {
  if (dialect === 'postgres') return { location: { dialect, url: inject('postgresUrl') }, cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
  return { location: { dialect, path: join(dir, 'tandem.db') }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
