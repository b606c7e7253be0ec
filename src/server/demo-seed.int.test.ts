import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, type ScratchPostgres } from '../../test/integration/support/scratch-databases';
import { testHasher } from '../../test/support/app';
import { DEMO_ACCOUNTS, DEMO_ITEMS } from '../services/demo-data';
import { DEMO_DECISIONS, DEMO_SPRINTS } from '../services/demo-sprints';
import { DEMO_GOALS, DEMO_INITIATIVES, DEMO_VISION } from '../services/demo-strategy';
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

  it('gives the demo a sprint history: two finished sprints, one running, one planned, and decisions', async () => {
    const [workspace] = (await first.store.read.members.membershipsOf((await first.store.read.users.findByEmail('po@demo.test'))!.id)).map((m) => m.workspace);
    const [product] = await first.store.read.products.list(workspace!.id);
    const sprints = await first.store.read.sprints.listByProduct(workspace!.id, product!.id);
    expect(sprints.map((sprint) => sprint.state)).toEqual(['completed', 'completed', 'active', 'planned']);
    const running = sprints.find((sprint) => sprint.state === 'active')!;
    const inSprint = await first.store.read.items.listBySprint(workspace!.id, running.id, 100);
    expect(inSprint.length).toBe(DEMO_SPRINTS.find((spec) => spec.state === 'active')!.items.length);
    expect(running.committedAtStart).toBe(inSprint.reduce((sum, item) => sum + (item.estimate ?? 0), 0));
    expect(inSprint[0]!.typicalSprintPoints).toBe(19);
    expect(await first.store.read.decisions.list(workspace!.id, product!.id, { limit: 10 })).toHaveLength(DEMO_DECISIONS.length);
  });

  it('gives the demo a strategy: goals with key results, initiatives served by epics, and one unaligned epic to flag', async () => {
    const [workspace] = (await first.store.read.members.membershipsOf((await first.store.read.users.findByEmail('pm@demo.test'))!.id)).map((m) => m.workspace);
    const [product] = await first.store.read.products.list(workspace!.id);
    expect(product!.vision).toBe(DEMO_VISION);
    const pm = { actor: { userId: (await first.store.read.users.findByEmail('pm@demo.test'))!.id }, workspaceId: workspace!.id, roles: ['product_manager' as const], action: 'item.read' as const };
    const tree = await first.services.strategy.traceability(pm, product!);
    expect(tree.goals.map(({ goal }) => goal.title)).toEqual(DEMO_GOALS.map((goal) => goal.title));
    expect(tree.goals.every(({ goal }) => goal.keyResults.length > 0 && goal.progress > 0 && goal.progress < 1)).toBe(true);
    expect(tree.goals.flatMap(({ initiatives }) => initiatives.map(({ initiative }) => initiative.title))).toEqual(expect.arrayContaining(DEMO_INITIATIVES.map((initiative) => initiative.title)));
    expect(tree.goals.some(({ rollup }) => rollup.items > 0 && rollup.progress > 0)).toBe(true);
    expect(tree.orphans.unalignedItems.map((item) => item.title)).toContain('Funnels 2.0');
    expect(tree.orphans.goalsWithoutWork).toEqual([]);

    // The roadmap: Enterprise GA's critical path runs through SSO then the audit log, planned to overlap.
    const roadmap = await first.services.roadmap.roadmap(pm, product!);
    const titleOf = (id: string) => roadmap.items.find((item) => item.id === id)!.title;
    const enterprise = roadmap.releases.find((release) => release.name === 'Enterprise GA')!;
    expect(enterprise.criticalPath.ids.map(titleOf)).toEqual(['SAML single sign-on', 'Exportable audit log']);
    expect(roadmap.conflicts.map((conflict) => [titleOf(conflict.blockerId), titleOf(conflict.blockedId)])).toEqual([['SAML single sign-on', 'Exportable audit log']]);
    expect(roadmap.milestones).toHaveLength(2);
    expect(new Set(roadmap.items.map((item) => item.horizon))).toEqual(new Set(['now', 'next', 'later', null]));

    // The pace of the last month puts the release about to launch at risk, the one further out on track.
    await first.services.releases.reassessOpen(workspace!.id, product!.id, null);
    const releases = await first.store.read.releases.list(workspace!.id, product!.id);
    expect(releases.map((release) => [release.name, release.atRisk])).toEqual([
      ['Onboarding 2.0', true],
      ['Enterprise GA', false],
    ]);
    expect((await first.services.releases.changes(pm, releases[0]!)).summary).toMatch(/now at risk: 85 % forecast \d{4}-\d\d-\d\d/);

    // Customer evidence: SSO draws the most revenue, breakdown funnels the most voices.
    const evidence = await first.services.insights.productEvidence(pm, product!);
    expect(evidence[0]!.item.title).toBe('Breakdown funnels by any user property');
    expect(evidence.find((entry) => entry.item.title === 'SAML single sign-on')).toMatchObject({ customers: 2, revenue: 420_000 });
  });

  it('leaves a database that already has users alone', async () => {
    expect(await first.seed.seedDemo()).toEqual({ seeded: false });
  });
});
