import pg from 'pg';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DIALECTS } from '../support/databases';
import { killAllTandem, makeTempDir, REPO_ROOT, runTandem, type CliResult } from './support/tandem';

const dir = makeTempDir('cli');

afterAll(async () => {
  await killAllTandem();
  dir.remove();
});

function expectNoStackTrace(result: CliResult): void {
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /);
}

describe('[sqlite] tandem arguments', () => {
  // Argument mistakes must be caught before any database is opened or created.
  const databaseFile = dir.file('never-created.db');
  const env = { DATABASE_URL: `sqlite:${databaseFile}` };

  it('[sqlite] `npx tandem --help` exits 0 and lists every command', async () => {
    const result = await runTandem(['--help'], env, { command: ['npx', '--no-install', 'tandem'], cwd: REPO_ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: tandem /m);
    for (const command of ['serve', 'init', 'user', 'token', 'seed', 'backup', 'restore']) {
      expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
    expect(existsSync(databaseFile)).toBe(false);
  });

  it.each([
    { line: 'bogus', says: /unknown command 'bogus'/ },
    { line: 'seed --items abc', says: /--items.*'abc' is invalid/ },
    { line: 'init --password long-enough-password', says: /required option '--email/ },
    { line: 'token create', says: /required option '--email/ },
    { line: 'backup', says: /missing required argument 'file'/ },
    { line: 'serve --colour', says: /unknown option '--colour'/ },
  ])('[sqlite] `tandem $line` prints one error line and a usage hint, exit 2', async ({ line, says }) => {
    const result = await runTandem(line.split(' '), env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(says);
    expect(lines[1]).toMatch(/tandem --help/);
    expect(existsSync(databaseFile)).toBe(false);
  });

  it.each([
    { line: 'init --email not-an-email --password long-enough-password', says: /--email/ },
    { line: 'user add --email someone@example.com --password short', says: /--password/ },
    { line: 'user add --email someone@example.com --password long-enough-password --roles admin', says: /--roles/ },
  ])('[sqlite] `tandem $line` names the bad value in one line, exit 2', async ({ line, says }) => {
    const result = await runTandem(line.split(' '), env);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')[0]).toMatch(says);
    expectNoStackTrace(result);
    expect(existsSync(databaseFile)).toBe(false);
  });
});

const badDatabaseUrls = {
  sqlite: [
    { url: 'mysql://x', says: /DATABASE_URL must start with sqlite: or postgres:\/\// },
    { url: 'sqlite:', says: /needs a file path/ },
  ],
  postgres: [
    { url: 'postgres://', says: /DATABASE_URL has no host/ },
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    { url: 'postgres://postgres@127.0.0.1:1/tandem', says: /ECONNREFUSED/ },
  ],
};

describe.each(DIALECTS)('$name a bad DATABASE_URL', ({ dialect }) => {
  it.each(badDatabaseUrls[dialect])('is one line without a stack trace, non-zero exit: $url', async ({ url, says }) => {
    const databaseUrl = url;
    // `serve` and a one-shot command share the start-up path; both must fail the same way.
    for (const args of [['serve'], ['token', 'create', '--email', 'someone@example.com']]) {
      const result = await runTandem(args, { DATABASE_URL: databaseUrl, PORT: '0' });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^tandem: /);
      expect(result.stderr).toMatch(says);
      expectNoStackTrace(result);
    }
  });
});

describe('[postgres] a database the server does not have yet', () => {
  it('[postgres] is created, migrated and used', async () => {
    const missing = new URL(inject('postgresUrl'));
    const name = `tandem_created_${process.pid}_${Date.now().toString(36)}`;
    missing.pathname = `/${name}`;
    const result = await runTandem(['init', '--email', 'first@example.com', '--password', 'a long password'], {
      DATABASE_URL: missing.toString(),
    });
    expect(result.code, result.stderr).toBe(0);
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    try {
      const users = new pg.Client({ connectionString: missing.toString() });
      await users.connect();
      const { rows } = await users.query('select email from "user"');
      await users.end();
      expect(rows).toEqual([{ email: 'first@example.com' }]);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

describe('[sqlite] configuration problems', () => {
  it('[sqlite] are all listed at once, in one line, before anything starts', async () => {
    const databaseFile = dir.file('bad-config.db');
    const result = await runTandem(['serve'], { DATABASE_URL: `sqlite:${databaseFile}`, PORT: 'eighty', LOG_LEVEL: 'loud', TANDEM_DEMO: 'maybe' });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT/);
    expect(lines[0]).toMatch(/LOG_LEVEL/);
    expect(lines[0]).toMatch(/TANDEM_DEMO/);
    expect(existsSync(databaseFile)).toBe(false);
  });
});
