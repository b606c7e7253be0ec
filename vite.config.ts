import { defineConfig } from 'vite';
import { resolve } from 'node:path';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/web'),
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  esbuild: { jsx: 'automatic' },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
