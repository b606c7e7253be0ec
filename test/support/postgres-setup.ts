import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { Store } from '../../src/store/database';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Each test run gets its own fresh PostgreSQL database, migrated once, so runs
 * never collide; it is dropped at the end. An unreachable server fails the run
 * with one line saying how to point the tests at one, never a silent skip.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TANDEM_TEST_PG_URL || DEFAULT_URL;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl} (${reason}); start it or set TANDEM_TEST_PG_URL=postgres://user@host:port/db`,
    );
  }
  const name = `tandem_test_${project.name}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = Store.open({ dialect: 'postgres', url: url.toString() });
  await store.migrate();
  await store.close();
  project.provide('postgresUrl', url.toString());

  return async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
