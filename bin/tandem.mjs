#!/usr/bin/env node
// The published command runs the bundled CLI; `npm install` builds it (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/tandem.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('tandem: the CLI is not built yet; run `npm run build` first\n');
  process.exit(1);
}
await import(cli);
