import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testHasher } from '../../../test/support/app';
import { DIALECTS, testDatabase } from '../../../test/support/databases';
import { canParent } from '../../domain/backlog/hierarchy';
import { compose, type Runtime } from '../../server/compose';
import { BENCH_OWNER, seedLargeWorkspace } from './seed';

describe.each(DIALECTS)('the benchmark seed $name', ({ dialect }) => {
  let runtime: Runtime;
  let cleanup: () => void;

  beforeAll(async () => {
    const database = testDatabase(dialect);
    cleanup = database.cleanup;
    runtime = await compose(database.location, { hasher: testHasher, withoutEvents: true });
  });
  afterAll(async () => {
    await runtime.close();
    cleanup();
  });

  it('seeds a strategy tree over the items and customer evidence, and can seed again into the same product', async () => {
    const stages = new Set<string>();
    const first = await seedLargeWorkspace(runtime, 600, (_done, stage) => stages.add(stage));
    expect([...stages]).toEqual(['items', 'scores', 'strategy', 'evidence']);
    // 600 items are 100 blocks of six: 100 features under 10 epics, 40 blocks of work below them.
    expect(first).toMatchObject({ epics: 10, reparented: 100 + 40 * 5, insights: 60 });

    const owner = (await runtime.store.read.users.findByEmail(BENCH_OWNER.email))!;
    const scope = { actor: { userId: owner.id }, workspaceId: first.workspaceId, roles: ['owner' as const], action: 'item.read' as const };
    const product = (await runtime.store.read.products.findById(first.productId))!;
    const items = await runtime.store.read.items.listByRank(first.workspaceId, first.productId, 1_000);
    const byId = new Map(items.map((item) => [item.id, item]));
    const children = items.filter((item) => item.parentId !== null);
    expect(children.length).toBeGreaterThanOrEqual(first.reparented);
    for (const child of children) expect(canParent(byId.get(child.parentId!)!.type, child.type)).toBe(true);

    const tree = await runtime.services.strategy.traceability(scope, product);
    expect(tree.goals).toHaveLength(3);
    for (const { rollup } of tree.goals) expect(rollup.items).toBeGreaterThan(0);
    const aligned = new Set(tree.goals.flatMap((goal) => goal.initiatives.flatMap((initiative) => initiative.items.map(({ item }) => item.id))));
    expect(aligned.size).toBe(10);

    const hot = byId.get(first.hotFeatureId!)!;
    const evidence = await runtime.services.insights.evidence(scope, hot);
    expect(evidence.insights).toBeGreaterThanOrEqual(60 / 5);
    expect(evidence.customers).toBeGreaterThan(0);
    expect(evidence.revenue).toBeGreaterThan(0);
    // The product's list counts in the store what the item's roll-up counts from rows; two of the hot feature's insights name no customer.
    const demand = await runtime.services.insights.productEvidence(scope, product);
    expect(demand[0]).toMatchObject({ item: { id: hot.id }, insights: evidence.insights, customers: evidence.customers, revenue: evidence.revenue, suggestedReach: evidence.suggestedReach });
    expect(evidence.suggestedReach).toBe(evidence.customers + 2);

    // A second seed appends: the segments and customers of the first are reused, names being unique.
    const second = await seedLargeWorkspace(runtime, 120);
    expect(second).toMatchObject({ workspaceId: first.workspaceId, productId: first.productId, epics: 2, insights: 12 });
    expect(await runtime.store.read.customers.listSegments(first.workspaceId)).toHaveLength(5);
  });
});
