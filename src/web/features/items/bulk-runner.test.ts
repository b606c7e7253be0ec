import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { buildItem } from '../../api/item-fixtures.test-helper';
import type { Item, ItemUpdate } from '../../api/types';
import { changesFor, parseLabels, runBulk, type BulkProgress } from './bulk-runner';

describe('bulk changes', () => {
  it('adding labels keeps the item’s own and skips items that have them all', () => {
    const item = buildItem({ id: '1', labels: ['funnels'] });
    expect(changesFor({ kind: 'labels', add: ['q3', 'funnels'] }, item)).toEqual({ labels: ['funnels', 'q3'] });
    expect(changesFor({ kind: 'labels', add: ['funnels'] }, item)).toBeNull();
  });

  it('status, assignee and parent change only when different, and an item is never its own parent', () => {
    const item = buildItem({ id: '1', status: 'ready', assigneeId: null, parentId: 'p' });
    expect(changesFor({ kind: 'status', status: 'ready' }, item)).toBeNull();
    expect(changesFor({ kind: 'status', status: 'done' }, item)).toEqual({ status: 'done' });
    expect(changesFor({ kind: 'assignee', assigneeId: 'u' }, item)).toEqual({ assigneeId: 'u' });
    expect(changesFor({ kind: 'parent', parentId: null }, item)).toEqual({ parentId: null });
    expect(changesFor({ kind: 'parent', parentId: '1' }, item)).toBeNull();
  });

  it('labels are typed with commas or spaces', () => {
    expect(parseLabels(' Q3, launch  q3,,beta ')).toEqual(['q3', 'launch', 'beta']);
  });
});

describe('running a bulk change', () => {
  const items = ['1', '2', '3'].map((id) => buildItem({ id, labels: [], version: 1 }));

  it('sends one PATCH at a time with each item’s version, reports progress and lists failures', async () => {
    const sent: Array<{ id: string; version: number; changes: ItemUpdate }> = [];
    let inFlight = 0;
    const progress: BulkProgress[] = [];
    const outcome = await runBulk(items, { kind: 'labels', add: ['q3'] }, {
      send: async (item, changes) => {
        inFlight += 1;
        expect(inFlight).toBe(1);
        sent.push({ id: item.id, version: item.version, changes });
        await Promise.resolve();
        inFlight -= 1;
        if (item.id === '2') throw new ApiError(403, null, 'Your role may not change this item');
        return { ...item, ...changes, version: item.version + 1 } as Item;
      },
      fetchItem: () => Promise.reject(new Error('not needed')),
      onProgress: (step) => progress.push(step),
    });
    expect(sent.map((call) => call.id)).toEqual(['1', '2', '3']);
    expect(sent.every((call) => call.version === 1)).toBe(true);
    expect(outcome.changed.map((item) => item.id)).toEqual(['1', '3']);
    expect(outcome.failed).toEqual([{ item: items[1], message: 'Your role may not change this item' }]);
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
    expect(progress).toHaveLength(4);
  });

  it('a stale item is refetched and the change made again on top of the newer copy, once', async () => {
    const fresh = buildItem({ id: '1', labels: ['theirs'], version: 2 });
    const sent: Array<{ version: number; changes: ItemUpdate }> = [];
    const outcome = await runBulk([items[0]!], { kind: 'labels', add: ['q3'] }, {
      send: async (item, changes) => {
        sent.push({ version: item.version, changes });
        if (item.version === 1) throw new ApiError(412, null, 'stale');
        return { ...item, ...changes, version: 3 } as Item;
      },
      fetchItem: async () => fresh,
    });
    expect(sent).toEqual([
      { version: 1, changes: { labels: ['q3'] } },
      { version: 2, changes: { labels: ['theirs', 'q3'] } },
    ]);
    expect(outcome.changed[0]?.labels).toEqual(['theirs', 'q3']);
  });

  it('items that already hold the change cost no request', async () => {
    const outcome = await runBulk([buildItem({ id: '9', status: 'done' })], { kind: 'status', status: 'done' }, {
      send: () => Promise.reject(new Error('should not send')),
      fetchItem: () => Promise.reject(new Error('should not fetch')),
    });
    expect(outcome.unchanged).toHaveLength(1);
    expect(outcome.failed).toEqual([]);
  });
});
