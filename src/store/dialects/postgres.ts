import pg from 'pg';
import { PostgresDialect } from 'kysely';

const TIMESTAMPTZ_OID = 1184;
const DATE_OID = 1082;
const INT8_OID = 20;

/** Instants come back as ISO-8601 strings and dates as `YYYY-MM-DD`, as on SQLite. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString();
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface PostgresHandle {
  dialect: PostgresDialect;
  pool: pg.Pool;
}

export function openPostgres(connectionString: string, maxConnections = 10): PostgresHandle {
  const pool = new pg.Pool({ connectionString, max: maxConnections, types, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return { dialect: new PostgresDialect({ pool }), pool };
}

const UNDEFINED_DATABASE = '3D000';

/**
 * Creates the database a PostgreSQL URL names when the server does not have it
 * yet, so `DATABASE_URL=postgres://…/tandem` works on a fresh server as SQLite
 * does on a fresh disk. Returns whether it created one.
 */
export async function ensurePostgresDatabase(connectionString: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNDEFINED_DATABASE) throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    // Another Tandem process starting at the same moment created it first.
    if ((error as { code?: unknown }).code !== '42P04') throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
  return true;
}
