import { defineConfig } from 'vite';
import { resolve } from 'node:path';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/web'),
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // React, the router, Query and zod together pass Vite's default 500 kB hint; one cached chunk is fine here.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      onwarn(warning, warn) {
        // Libraries mark React Server Component boundaries with "use client"; a client-only SPA ignores it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  esbuild: { jsx: 'automatic' },
  // `vite dev` and `vite preview` forward the API to a running Tandem (TANDEM_API_URL, default the usual port).
  server: { proxy: { '/api': process.env.TANDEM_API_URL ?? 'http://127.0.0.1:3000' } },
  preview: { proxy: { '/api': process.env.TANDEM_API_URL ?? 'http://127.0.0.1:3000' } },
});
