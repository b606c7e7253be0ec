import type { FastifyInstance } from 'fastify';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../services/demo-data';
import { compose, type ComposeOptions, type Runtime } from './compose';
import type { Config } from './config/config';
import { buildApp } from './http/app';

const TRASH_PURGE_INTERVAL_MS = 60 * 60_000;

export interface RunningServer {
  app: FastifyInstance;
  runtime: Runtime;
  url: string;
  demoSeeded: boolean;
  close(): Promise<void>;
}

/** Migrates, seeds the demo into an empty database when asked, and listens. */
export async function startServer(config: Readonly<Config>, options: ComposeOptions = {}): Promise<RunningServer> {
  const runtime = await compose(config.database, options);
  let demoSeeded = false;
  try {
    if (config.demo) {
      const demo = await runtime.seed.seedDemo();
      demoSeeded = demo.seeded;
      // The demo's releases start with their risk assessed, so one shows at risk with its history.
      if (demo.workspaceId && demo.productId) await runtime.services.releases.reassessOpen(demo.workspaceId, demo.productId, null);
    }
    const app = await buildApp({
      services: runtime.services,
      logLevel: config.logLevel,
      trustProxy: config.trustProxy,
      webRoot: config.webRoot,
    });
    await app.listen({ host: config.host, port: config.port });
    const purge = () => runtime.services.items.purgeTrash().catch((error) => app.log.error({ err: error }, 'trash purge failed'));
    void purge();
    const purgeTimer = setInterval(purge, TRASH_PURGE_INTERVAL_MS);
    purgeTimer.unref();
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      app,
      runtime,
      url: `http://${host}:${port}`,
      demoSeeded,
      close: async () => {
        clearInterval(purgeTimer);
        await app.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close().catch(() => undefined);
    throw error;
  }
}

export function describeStart(server: RunningServer, config: Readonly<Config>, hasUsers: boolean): string {
  const where = config.database.dialect === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL';
  const lines = [`Tandem is running at ${server.url}  (storage: ${where})`, `API docs: ${server.url}/api/docs`];
  if (config.demo) {
    lines.push(server.demoSeeded ? 'Demo workspace created. Sign in as any of:' : 'Demo accounts (password unchanged unless you changed it):');
    for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.email.padEnd(24)} ${account.roles.join(', ')}`);
    lines.push(`  password: ${DEMO_PASSWORD}`);
  } else if (!hasUsers) {
    lines.push('The database is empty: create the first owner with `npx tandem init`.');
  }
  return lines.join('\n');
}
