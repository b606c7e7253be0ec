import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testHasher } from '../support/app';
import { DIALECTS, testDatabase } from '../support/databases';
import { seedLargeWorkspace } from '../../src/cli/commands/seed';
import { statusKeysIn } from '../../src/domain/backlog/workflow';
import { EMPTY_ROLLUP, rollUpDelivery, WORK_TYPES, type DeliveryNode } from '../../src/domain/strategy/rollup';
import { compose, type Runtime } from '../../src/server/compose';
import type { Scope } from '../../src/services/access.service';

/**
 * The store sums delivery in SQL, walking the hierarchy in the database; the
 * domain's `rollUpDelivery` states the rule. Over a seeded portfolio with work
 * done, canceled and trashed, and releases scoping features, stories and the
 * tasks inside them, every roll-up the store gives must be the domain's.
 */
describe.each(DIALECTS)('delivery roll-ups in the store $name', ({ dialect }) => {
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

  it('agree with the domain’s rule per aligned item, initiative, goal and release', async () => {
    // Its own owner and workspace: the PostgreSQL database is shared with other test files.
    const account = { email: 'rollups@tandem.test', name: 'Roll-up Owner', password: 'rollups-password' };
    const seeded = await seedLargeWorkspace(runtime, 300, undefined, account);
    const owner = (await runtime.store.read.users.findByEmail(account.email))!;
    const scope = (action: Scope['action']): Scope => ({ actor: { userId: owner.id }, workspaceId: seeded.workspaceId, roles: ['owner'], action });
    const product = (await runtime.store.read.products.findById(seeded.productId))!;
    const statuses = { done: statusKeysIn(product.workflow, 'done'), canceled: statusKeysIn(product.workflow, 'canceled') };
    const all = await runtime.store.read.items.listByRank(seeded.workspaceId, seeded.productId, 10_000);

    // Work finished and canceled here and there.
    const work = all.filter((item) => WORK_TYPES.includes(item.type));
    for (const [n, item] of work.entries()) {
      if (n % 5 === 0) await runtime.services.items.update(scope('item.update'), item.id, { status: statuses.done[0]! });
      else if (n % 9 === 0) await runtime.services.items.update(scope('item.update'), item.id, { status: statuses.canceled[0]! });
    }
    const features = all.filter((item) => item.type === 'feature' && item.parentId !== null);

    // Two releases: one with features, one with a story and the task inside it, each scoped separately.
    const storyWithTask = all.find((item) => item.type === 'story' && all.some((child) => child.parentId === item.id && child.type === 'task'));
    const releases = [
      { name: 'Features', scope: features.slice(0, 6).map((item) => item.id) },
      { name: 'Stories', scope: storyWithTask ? [storyWithTask.id, all.find((child) => child.parentId === storyWithTask.id)!.id] : [work[1]!.id] },
    ];
    for (const plan of releases) {
      const release = await runtime.services.releases.create(scope('release.manage'), product, { name: plan.name, targetDate: null, description: '', status: 'planned' });
      for (const itemId of plan.scope) await runtime.services.releases.addItem(scope('release.scope'), release, itemId);
    }
    // Then a few features (one in a release) and a story in the trash: out of every roll-up, with all below them.
    for (const item of [features[3]!, features[17]!, work.find((candidate) => candidate.type === 'story' && candidate.parentId !== null)!]) {
      await runtime.services.items.trash(scope('item.delete'), item.id);
    }

    const nodes: DeliveryNode[] = (await runtime.store.read.items.listByRank(seeded.workspaceId, seeded.productId, 10_000)).map((item) => ({
      id: item.id,
      parentId: item.parentId,
      type: item.type,
      estimate: item.estimate,
      status: item.status,
      inTrash: item.deletedAt !== null,
    }));
    const expected = (roots: Iterable<string>) => rollUpDelivery(nodes, roots, statuses);
    const alignments = await runtime.store.read.initiatives.alignments(seeded.workspaceId, seeded.productId);
    const initiatives = await runtime.store.read.initiatives.list(seeded.workspaceId, seeded.productId);
    const alignedTo = (initiativeIds: Set<string>) => alignments.filter((alignment) => initiativeIds.has(alignment.initiativeId)).map((alignment) => alignment.id);

    const store = await runtime.store.read.initiatives.strategyRollups(seeded.workspaceId, seeded.productId, statuses);
    expect(alignments.length).toBeGreaterThan(0);
    for (const { id } of alignments) expect(store.byItem.get(id) ?? EMPTY_ROLLUP, `aligned item ${id}`).toEqual(expected([id]));
    for (const initiative of initiatives) expect(store.byInitiative.get(initiative.id) ?? EMPTY_ROLLUP, initiative.title).toEqual(expected(alignedTo(new Set([initiative.id]))));
    const goals = await runtime.store.read.goals.list(seeded.workspaceId, seeded.productId);
    expect(goals.length).toBeGreaterThan(0);
    for (const goal of goals) {
      const serving = new Set(initiatives.filter((initiative) => initiative.goalIds.includes(goal.id)).map((initiative) => initiative.id));
      const rollup = store.byGoal.get(goal.id) ?? EMPTY_ROLLUP;
      expect(rollup, goal.title).toEqual(expected(alignedTo(serving)));
    }
    // Not vacuous: the goals hold finished and open work.
    const goalTotals = goals.map((goal) => store.byGoal.get(goal.id) ?? EMPTY_ROLLUP);
    expect(goalTotals.some((rollup) => rollup.doneItems > 0 && rollup.items > rollup.doneItems)).toBe(true);

    const byRelease = await runtime.store.read.initiatives.rollups(seeded.workspaceId, seeded.productId, 'release', statuses);
    const stored = await runtime.store.read.releases.list(seeded.workspaceId, seeded.productId);
    expect(stored).toHaveLength(2);
    for (const release of stored) {
      const planned = releases.find((plan) => plan.name === release.name)!;
      const rollup = byRelease.get(release.id) ?? EMPTY_ROLLUP;
      expect(rollup, release.name).toEqual(expected(planned.scope));
      expect(rollup.items).toBeGreaterThan(0);
    }
  });
});
