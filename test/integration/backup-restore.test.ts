import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { createItem, tokenFor } from './support/api';
import { createPostgresDatabase, tableCounts, type ScratchPostgres } from './support/scratch-databases';
import { killAllTandem, makeTempDir, runTandem, startTandem, tandemOk, type CliResult, type TandemServer } from './support/tandem';
import { DEMO_PASSWORD, populate, snapshot, type Populated, type Snapshot } from './support/workload';

interface Source {
  databaseUrl: string;
  server: TandemServer;
  populated: Populated;
  before: Snapshot;
  counts: Record<string, number>;
}

const dir = makeTempDir('backup');
const scratch: ScratchPostgres[] = [];

async function postgresDatabase(label: string): Promise<string> {
  const database = await createPostgresDatabase(label);
  scratch.push(database);
  return database.url;
}

/** A demo database that has been used through the API, left running so backups are taken from a live server. */
async function liveSource(databaseUrl: string): Promise<Source> {
  const server = await startTandem({ DATABASE_URL: databaseUrl, TANDEM_DEMO: '1' });
  const populated = await populate(server.url);
  const before = await snapshot(server.url, populated);
  const counts = await tableCounts(databaseUrl);
  // Every table holds rows, so a copy that loses any one of them shows in the counts.
  expect(Object.entries(counts).filter(([, rows]) => rows === 0)).toEqual([]);
  return { databaseUrl, server, populated, before, counts };
}

/** The restored database holds the same rows and answers the API exactly as the source did. */
async function expectSameAsSource(targetUrl: string, source: Source): Promise<void> {
  const counts = await tableCounts(targetUrl);
  expect(counts).toEqual(source.counts);
  expect(counts.item).toBeGreaterThan(0);

  const server = await startTandem({ DATABASE_URL: targetUrl, TANDEM_DEMO: '1' });
  // The source's API token and the demo password hashes work on the copy.
  expect(await snapshot(server.url, source.populated)).toEqual(source.before);
  await tokenFor(server.url, 'po@demo.test', DEMO_PASSWORD);
  // Item numbering carries on after the copy instead of reusing a key.
  const next = await createItem(server.url, source.populated.token, source.populated.productId, 'First item after the restore');
  expect(next.status).toBe(201);
  const highest = Math.max(source.before.trashed.number, ...source.before.items.map((item) => item.number));
  expect(next.body.number).toBe(highest + 1);
  await server.stop();
}

function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code).not.toBe(0);
  expect(result.code).not.toBeNull();
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('backup and restore', () => {
  let sqliteSource: Source;
  let postgresSource: Source;

  beforeAll(async () => {
    [sqliteSource, postgresSource] = await Promise.all([
      liveSource(`sqlite:${dir.file('source.db')}`),
      postgresDatabase('source').then(liveSource),
    ]);
  });

  afterAll(async () => {
    await killAllTandem();
    await Promise.all(scratch.map((database) => database.drop()));
    dir.remove();
  });

  it('[sqlite] `backup x.db` of a running server, then `restore` into a fresh file, gives the same rows and items', async () => {
    const file = dir.file('online-backup.db');
    await tandemOk(['backup', file], { DATABASE_URL: sqliteSource.databaseUrl });
    const targetUrl = `sqlite:${dir.file('restored-from-db.db')}`;
    await tandemOk(['restore', file], { DATABASE_URL: targetUrl });
    await expectSameAsSource(targetUrl, sqliteSource);
  });

  it('[sqlite] a JSON dump of SQLite restores into a fresh [postgres] database with the same rows and items', async () => {
    const file = dir.file('from-sqlite.json');
    await tandemOk(['backup', file], { DATABASE_URL: sqliteSource.databaseUrl });
    const targetUrl = await postgresDatabase('from_sqlite');
    await tandemOk(['restore', file], { DATABASE_URL: targetUrl });
    await expectSameAsSource(targetUrl, sqliteSource);
  });

  it('[postgres] a JSON dump of PostgreSQL restores into a fresh [sqlite] file with the same rows and items', async () => {
    const file = dir.file('from-postgres.json');
    await tandemOk(['backup', file], { DATABASE_URL: postgresSource.databaseUrl });
    const targetUrl = `sqlite:${dir.file('restored-from-postgres.db')}`;
    await tandemOk(['restore', file], { DATABASE_URL: targetUrl });
    await expectSameAsSource(targetUrl, postgresSource);
  });

  it('[postgres] `backup x.db` on PostgreSQL is refused in one line, pointing at a JSON dump', async () => {
    const result = await runTandem(['backup', dir.file('not-possible.db')], { DATABASE_URL: postgresSource.databaseUrl });
    expectOneLineError(result, /\.json/);
  });

  describe.each(DIALECTS)('$name restore refuses', ({ dialect }) => {
    it(`a JSON file that is not a Tandem dump, in one line, leaving the database empty`, async () => {
      const targetUrl = dialect === 'sqlite' ? `sqlite:${dir.file('refused.db')}` : await postgresDatabase('refused');
      const notDump = dir.file(`not-a-dump-${dialect}.json`);
      writeFileSync(notDump, JSON.stringify({ users: [{ email: 'someone@example.com' }] }));
      expectOneLineError(await runTandem(['restore', notDump], { DATABASE_URL: targetUrl }), /not a Tandem dump/);
      const notJson = dir.file(`not-json-${dialect}.json`);
      writeFileSync(notJson, 'email,name\nsomeone@example.com,Someone\n');
      expectOneLineError(await runTandem(['restore', notJson], { DATABASE_URL: targetUrl }), /not JSON/);
      // Nothing was written: a later restore still finds an empty database.
      const counts = await tableCounts(targetUrl).catch(() => ({}) as Record<string, number>);
      expect(counts.user ?? 0).toBe(0);
      expect(counts.item ?? 0).toBe(0);
    });

    it(`a dump into a database that already has data, in one line, changing nothing`, async () => {
      const source = dialect === 'sqlite' ? sqliteSource : postgresSource;
      const file = dir.file(`into-non-empty-${dialect}.json`);
      await tandemOk(['backup', file], { DATABASE_URL: source.databaseUrl });
      expectOneLineError(await runTandem(['restore', file], { DATABASE_URL: source.databaseUrl }), /not empty/);
      expect(await tableCounts(source.databaseUrl)).toEqual(source.counts);
    });
  });
});
