import { resolve } from 'node:path';
import type { DatabaseLocation } from '../../store/database';

export interface Config {
  host: string;
  port: number;
  database: DatabaseLocation;
  /** Seed the demo workspace and accounts into an empty database. */
  demo: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (for HTTPS detection and client addresses). */
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the built web app lives; null serves the API only. */
  webRoot: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const DEFAULT_DATABASE_URL = 'sqlite:./data/tandem.db';

/** Reads `sqlite:<path>` (or a bare `.db` path) and `postgres://…` URLs. */
export function parseDatabaseUrl(url: string): DatabaseLocation | string {
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname && !parsed.searchParams.get('host')) return `DATABASE_URL has no host: ${url}`;
      return { dialect: 'postgres', url };
    } catch {
      return `DATABASE_URL is not a valid PostgreSQL URL: ${url}`;
    }
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) return 'DATABASE_URL=sqlite: needs a file path, e.g. sqlite:./data/tandem.db';
    return { dialect: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  return `DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  problems.push(`${name} must be 1 or 0 (got "${value}")`);
  return fallback;
}

/**
 * Parses the environment once into a frozen config, listing every problem at
 * once instead of stopping at the first.
 */
export function loadConfig(env: Record<string, string | undefined>, overrides: Partial<Config> = {}): Readonly<Config> {
  const problems: string[] = [];

  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}")`);

  const host = env.HOST ?? '127.0.0.1';
  if (!host.trim()) problems.push('HOST must not be empty');

  const database = parseDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL);
  if (typeof database === 'string') problems.push(database);

  const logLevel = (env.LOG_LEVEL ?? 'warn') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);

  const demo = parseBoolean('TANDEM_DEMO', env.TANDEM_DEMO, true, problems);
  const trustProxy = parseBoolean('TRUST_PROXY', env.TRUST_PROXY, false, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    host,
    port,
    database: database as DatabaseLocation,
    demo,
    trustProxy,
    logLevel,
    webRoot: env.TANDEM_WEB_ROOT ?? resolve('dist/web'),
    ...overrides,
  });
}
