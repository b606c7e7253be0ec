// `npm test`: type check, lint (with the import-boundary rule), build (the
// end-to-end and multi-process tests run the built server), then every Vitest
// project: unit, integration on SQLite and PostgreSQL, and Chromium end to end.
import { spawnSync } from 'node:child_process';

const steps = [
  ['type check', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']],
  ['build', ['scripts/build.mjs']],
  ['tests', ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)]],
];

for (const [name, args] of steps) {
  console.log(`\n== ${name}`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nnpm test: ${name} failed`);
    process.exit(result.status ?? 1);
  }
}
