import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, type ScratchPostgres } from '../../test/integration/support/scratch-databases';
import { testHasher } from '../../test/support/app';
import { DEMO_ACCOUNTS, DEMO_ITEMS } from '../services/demo-data';
import { compose, type Runtime } from './compose';

describe('demo seeding [postgres]', () => {
  let database: ScratchPostgres;
  let first: Runtime;
  let second: Runtime;

  beforeAll(async () => {
    database = await createPostgresDatabase('demo');
    first = await compose({ dialect: 'postgres', url: database.url }, { hasher: testHasher, withoutEvents: true });
    second = await compose({ dialect: 'postgres', url: database.url }, { hasher: testHasher, withoutEvents: true });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await database.drop();
  });

  it('seeds the demo once when two servers start together on an empty database', async () => {
    const results = await Promise.all([first.seed.seedDemo(), second.seed.seedDemo()]);
    expect(results.map((result) => result.seeded).sort()).toEqual([false, true]);
    expect(await first.store.read.users.count()).toBe(DEMO_ACCOUNTS.length);
    const { productId, workspaceId } = results.find((result) => result.seeded)!;
    const items = await first.store.read.items.listByRank(workspaceId!, productId!, 1000);
    expect(items).toHaveLength(DEMO_ITEMS.length);
    expect(new Set(items.map((item) => item.number)).size).toBe(DEMO_ITEMS.length);
  });

  it('leaves a database that already has users alone', async () => {
    expect(await first.seed.seedDemo()).toEqual({ seeded: false });
  });
});
