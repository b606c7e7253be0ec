import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { compose, type Runtime } from './compose';
import { testHasher } from '../../test/support/app';
import { DIALECTS, testDatabase } from '../../test/support/databases';

describe.each(DIALECTS)('item trash $name', ({ dialect }) => {
  let runtime: Runtime;
  let cleanup: () => void;
  let now = new Date('2026-01-01T09:00:00Z');
  const days = (n: number) => n * 24 * 60 * 60_000;

  beforeAll(async () => {
    const database = testDatabase(dialect);
    cleanup = database.cleanup;
    runtime = await compose(database.location, { hasher: testHasher, ctx: { clock: { now: () => now }, newId: () => uuidv7() } });
  });
  afterAll(async () => {
    await runtime.close();
    cleanup();
  });

  it('keeps trashed items restorable for 30 days, then purges them', async () => {
    const owner = await runtime.services.auth.createUser({ email: `trash-${uuidv7()}@example.test`, name: 'Owner', password: 'long enough' });
    const workspace = await runtime.services.workspaces.create(owner.id, 'Trash');
    const actor = { userId: owner.id };
    const { scope } = await runtime.services.access.workspace(actor, workspace.id, 'product.create').then((scope) => ({ scope }));
    const product = await runtime.services.products.create(scope, { key: 'TR', name: 'Trash', description: '' });
    const itemScope = { ...scope, action: 'item.delete' as const };
    const old = await runtime.services.items.create(itemScope, product.id, { type: 'story', title: 'Old', description: '', status: 'backlog' });
    const recent = await runtime.services.items.create(itemScope, product.id, { type: 'story', title: 'Recent', description: '', status: 'backlog' });
    const kept = await runtime.services.items.create(itemScope, product.id, { type: 'story', title: 'Kept', description: '', status: 'backlog' });

    await runtime.services.items.trash(itemScope, old.id);
    now = new Date(now.getTime() + days(20));
    await runtime.services.items.trash(itemScope, recent.id);
    now = new Date(now.getTime() + days(11));

    const events: Array<{ type: string; ids: string[] }> = [];
    // On PostgreSQL the bus carries every test's events, and earlier ones may still arrive: keep this purge's.
    const unsubscribe = runtime.services.events.subscribe((message) => {
      if (message.workspaceId === workspace.id && message.type === 'item.purged') events.push(message);
    });
    expect(await runtime.services.items.purgeTrash()).toBe(1);
    await expect.poll(() => events).toEqual([expect.objectContaining({ type: 'item.purged', ids: [old.id], productId: product.id })]);
    unsubscribe();
    const [audit] = await runtime.store.read.activity.list(workspace.id, 1);
    expect(audit).toMatchObject({ action: 'item.purged', subjectId: old.id, actorId: null });
    expect(await runtime.store.read.items.findById(old.id)).toBeNull();
    expect((await runtime.store.read.items.findById(recent.id))?.deletedAt).not.toBeNull();
    expect((await runtime.store.read.items.findById(kept.id))?.deletedAt).toBeNull();
    expect((await runtime.services.items.restore(itemScope, recent.id)).deletedAt).toBeNull();
  });
});
