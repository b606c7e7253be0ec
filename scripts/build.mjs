// Builds Tandem: the server and CLI bundle (esbuild) and the web app (Vite).
// `--server` builds only the bundle, which is what `npm install` needs for `npx tandem`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const serverOnly = process.argv.includes('--server');

await build({
  entryPoints: { tandem: 'src/cli/main.ts', bench: 'bench/run.ts', 'bench-ceiling': 'bench/ceiling-server.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

if (!serverOnly) {
  const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}
