import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';
import { createItemEditor, EditConflict, fieldChange, keepNewest } from './item-editor';
import { buildItem } from './item-fixtures.test-helper';
import type { Item, ItemUpdate } from './types';

const KEY = ['products', 'product-1', 'item-key', 'DEMO-1'];

function setup(initial: Item, server: { current: Item; refuse?: (body: ItemUpdate, ifMatch: number) => ApiError | null }) {
  const client = new QueryClient();
  client.setQueryData(KEY, initial);
  const sent: Array<{ body: ItemUpdate; ifMatch: number; override: boolean }> = [];
  const saved: Item[] = [];
  const save = createItemEditor({
    client,
    queryKey: KEY,
    send: async (item, body, options) => {
      sent.push({ body, ifMatch: item.version, override: options.overrideWipLimit ?? false });
      await Promise.resolve();
      const refusal = server.refuse?.(body, item.version);
      if (refusal) throw refusal;
      if (item.version !== server.current.version) throw new ApiError(412, null, 'stale');
      server.current = { ...server.current, ...(body as Partial<Item>), version: server.current.version + 1 };
      return server.current;
    },
    fetchItem: async () => server.current,
    onSaved: (item) => saved.push(item),
  });
  return { client, sent, saved, save };
}

describe('the item editor', () => {
  it('sends quick edits one at a time, each from the version the one before it made', async () => {
    const item = buildItem({ id: '1', version: 3, acceptanceCriteria: [
      { id: 'a', given: '', when: '', then: 'one', done: false },
      { id: 'b', given: '', when: '', then: 'two', done: false },
    ] });
    const { client, sent, save } = setup(item, { current: item });
    const toggle = (id: string) => (latest: Item) => ({ acceptanceCriteria: latest.acceptanceCriteria.map((c) => (c.id === id ? { ...c, done: !c.done } : c)) });
    await Promise.all([save(toggle('a')), save(toggle('b'))]);
    expect(sent.map((s) => s.ifMatch)).toEqual([3, 4]);
    // The second was planned on the first's result, so both criteria end up checked.
    expect(client.getQueryData<Item>(KEY)?.acceptanceCriteria.map((c) => c.done)).toEqual([true, true]);
    expect(client.getQueryData<Item>(KEY)?.version).toBe(5);
  });

  it('reloads the item and rethrows when someone else saved in between (412)', async () => {
    const item = buildItem({ id: '1', version: 3, title: 'Old' });
    const server = { current: { ...item, version: 4, title: 'Theirs' } };
    const { client, saved, save } = setup(item, server);
    await expect(save(() => ({ estimate: 3 }))).rejects.toMatchObject({ status: 412 });
    expect(client.getQueryData<Item>(KEY)?.title).toBe('Theirs');
    expect(saved.at(-1)?.version).toBe(4);
    // The next save starts from their version and goes through.
    await save(() => ({ estimate: 3 }));
    expect(client.getQueryData<Item>(KEY)).toMatchObject({ version: 5, estimate: 3, title: 'Theirs' });
  });

  it('keeps going after a refused save and passes the WIP override on', async () => {
    const item = buildItem({ id: '1', version: 1 });
    const { sent, save } = setup(item, {
      current: item,
      refuse: (body) => (body.status === 'in_review' && !sent.at(-1)?.override ? new ApiError(409, null, 'full') : null),
    });
    await expect(save(() => ({ status: 'in_review' }))).rejects.toMatchObject({ status: 409 });
    const moved = await save(() => ({ status: 'in_review' }), { overrideWipLimit: true });
    expect(moved?.status).toBe('in_review');
    expect(sent.map((s) => s.override)).toEqual([false, true]);
  });

  it('sends nothing for a change that changes nothing, and refuses a field changed under the user', async () => {
    const item = buildItem({ id: '1', version: 2, persona: 'admin' });
    const { sent, save } = setup(item, { current: item });
    expect(await save(fieldChange('persona', 'admin', 'admin', 'persona'))).toBeNull();
    await expect(save(fieldChange('persona', 'analyst', 'team lead', 'persona'))).rejects.toBeInstanceOf(EditConflict);
    expect(sent).toEqual([]);
    await save(fieldChange('persona', 'admin', 'team lead', 'persona'));
    expect(sent.map((s) => s.body)).toEqual([{ persona: 'team lead' }]);
  });

  it('never lets an older copy replace a newer cached one', () => {
    const newer = buildItem({ id: '1', version: 5 });
    const older = buildItem({ id: '1', version: 4 });
    expect(keepNewest(newer, older)).toBe(newer);
    expect(keepNewest(older, newer)).toBe(newer);
    expect(keepNewest(undefined, older)).toBe(older);
  });
});
