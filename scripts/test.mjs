// `npm test`: type check, lint (with the import-boundary rule), build (the
// end-to-end and multi-process tests run the built server), then every Vitest
// project: unit, integration on SQLite and PostgreSQL, and Chromium end to end.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

// The PostgreSQL half of the suite never skips: without a server the run stops
// here, with one line that says how to point it at one.
async function requirePostgres() {
  const url = process.env.TANDEM_TEST_PG_URL || DEFAULT_PG_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    console.error(
      `npm test: PostgreSQL is not reachable at ${url} (${error.message}); start it or set TANDEM_TEST_PG_URL=postgres://user@host:port/db`,
    );
    process.exit(1);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const steps = [
  ['type check', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']],
  ['build', ['scripts/build.mjs']],
  ['tests', ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)]],
];

await requirePostgres();
for (const [name, args] of steps) {
  console.log(`\n== ${name}`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nnpm test: ${name} failed`);
    process.exit(result.status ?? 1);
  }
}
