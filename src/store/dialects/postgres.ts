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
