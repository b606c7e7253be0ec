import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../../src/server/config/config';
import { systemContext } from '../../../src/server/compose';
import { startServer, type RunningServer } from '../../../src/server/main';
import { createArgon2Hasher } from '../../../src/server/security/argon2-hasher';

export const WEB_ROOT = resolve('dist/web');
export const DEMO_PASSWORD = 'demo-password';

export interface Tandem {
  url: string;
  server: RunningServer;
  /**
   * Runs `action` with the server's clock moved by `offsetMs` (negative: into
   * the past), e.g. to trash an item long enough ago for the purge to take it.
   * The clock is real time again once the action settles.
   */
  atClockOffset<T>(offsetMs: number, action: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Real argon2id at a cost that keeps seeding the six demo accounts quick.
const hasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

/** The real Tandem server, in process, on a fresh SQLite file with the demo workspace; its clock is real time unless a test moves it. */
export async function startTandem(): Promise<Tandem> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error('dist/web/index.html is missing: build first with `node scripts/build.mjs` (npm test does this)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 't.db')}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TANDEM_DEMO: '1' };

  let offsetMs = 0;
  const ctx = { ...systemContext, clock: { now: () => new Date(Date.now() + offsetMs) } };
  const server = await startServer(loadConfig(env, { webRoot: WEB_ROOT }), { hasher, ctx });
  return {
    url: server.url,
    server,
    atClockOffset: async (offset, action) => {
      offsetMs = offset;
      try {
        return await action();
      } finally {
        offsetMs = 0;
      }
    },
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
