import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { buildItem } from '../../api/item-fixtures.test-helper';
import type { Item, ItemUpdate } from '../../api/types';
import type { Sprint } from '../../api/sprint-keys';
import { changesFor, parseLabels, runBulk, runSprintBulk, sprintChoices, sprintStepFor, type BulkProgress, type SprintRef } from './bulk-runner';

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

describe('bulk sprint changes', () => {
  const running: SprintRef = { id: 's14', name: 'Sprint 14', state: 'active' };
  const next: SprintRef = { id: 's15', name: 'Sprint 15', state: 'planned' };
  const done: SprintRef = { id: 's13', name: 'Sprint 13', state: 'completed' };
  const sprintOf = (id: string) => [running, next, done].find((sprint) => sprint.id === id);

  it('commits items into the chosen sprint and skips those already in it', () => {
    expect(sprintStepFor({ sprintId: null }, next, sprintOf, ['product_manager'])).toEqual({ kind: 'commit', sprintId: 's15' });
    expect(sprintStepFor({ sprintId: 's15' }, next, sprintOf, ['product_manager'])).toEqual({ kind: 'skip' });
    // Left behind in a finished sprint: it simply moves on.
    expect(sprintStepFor({ sprintId: 's13' }, next, sprintOf, ['product_manager'])).toEqual({ kind: 'commit', sprintId: 's15' });
  });

  it('a running sprint changes scope only for the PO or an owner, coming in or going out', () => {
    expect(sprintStepFor({ sprintId: null }, running, sprintOf, ['product_owner'])).toEqual({ kind: 'commit', sprintId: 's14' });
    expect(sprintStepFor({ sprintId: null }, running, sprintOf, ['product_manager'])).toMatchObject({ kind: 'refuse', reason: expect.stringContaining('Sprint 14 has started') });
    // Moving from the running sprint to the next one takes it out of the running one.
    expect(sprintStepFor({ sprintId: 's14' }, next, sprintOf, ['product_manager'])).toMatchObject({ kind: 'refuse', reason: expect.stringContaining('It is in Sprint 14') });
    expect(sprintStepFor({ sprintId: 's14' }, next, sprintOf, ['product_owner'])).toEqual({ kind: 'commit', sprintId: 's15' });
  });

  it('no sprint takes each item out of its own sprint, but never out of a completed one', () => {
    expect(sprintStepFor({ sprintId: null }, null, sprintOf, ['owner'])).toEqual({ kind: 'skip' });
    expect(sprintStepFor({ sprintId: 's15' }, null, sprintOf, ['product_manager'])).toEqual({ kind: 'remove', sprintId: 's15' });
    expect(sprintStepFor({ sprintId: 's14' }, null, sprintOf, ['product_manager'])).toMatchObject({ kind: 'refuse' });
    expect(sprintStepFor({ sprintId: 's13' }, null, sprintOf, ['owner'])).toMatchObject({ kind: 'refuse', reason: expect.stringContaining('completed') });
    // A sprint not in the list is the server's to judge.
    expect(sprintStepFor({ sprintId: 'gone' }, null, sprintOf, ['owner'])).toEqual({ kind: 'remove', sprintId: 'gone' });
  });

  it('runs one request per item, lists refusals without sending, and refetches once when the item left the sprint meanwhile', async () => {
    const items = [
      buildItem({ id: '1', sprintId: null }),
      buildItem({ id: '2', sprintId: 's15' }),
      buildItem({ id: '3', sprintId: 's14' }),
      buildItem({ id: '4', sprintId: 's15' }),
    ];
    const calls: string[] = [];
    const outcome = await runSprintBulk(items, null, {
      sprintOf,
      roles: ['product_manager'],
      commit: () => Promise.reject(new Error('should not commit')),
      remove: async (sprintId, item) => {
        calls.push(`remove ${item.id} from ${sprintId}`);
        if (item.id === '4' && sprintId === 's15') throw new ApiError(404, null, 'The item in this sprint was not found');
        return { ...item, sprintId: null, version: item.version + 1 };
      },
      // Someone moved item 4 into Sprint 14 meanwhile: out of it is the PO's call now.
      fetchItem: async (id) => buildItem({ id, sprintId: 's14', version: 5 }),
    });
    expect(calls).toEqual(['remove 2 from s15', 'remove 4 from s15']);
    expect(outcome.unchanged.map((item) => item.id)).toEqual(['1']);
    expect(outcome.changed.map((item) => item.id)).toEqual(['2']);
    expect(outcome.failed.map((failure) => failure.item.id)).toEqual(['3', '4']);
    expect(outcome.failed[0]?.message).toContain('Sprint 14 has started');
  });
});

describe('sprints to choose from', () => {
  const sprint = (id: string, state: Sprint['state'], startDate: string) => ({ id, name: `Sprint ${id}`, state, startDate }) as Sprint;

  it('lists the running sprint, then the planned ones by start, never the completed; a running one is the PO’s to change', () => {
    const sprints = [sprint('16', 'planned', '2026-12-21'), sprint('13', 'completed', '2026-11-09'), sprint('15', 'planned', '2026-12-07'), sprint('14', 'active', '2026-11-23')];
    const choices = sprintChoices(sprints, ['product_manager']);
    expect(choices.map((choice) => choice.sprint.id)).toEqual(['14', '15', '16']);
    expect(choices.map((choice) => choice.allowed)).toEqual([false, true, true]);
    expect(choices[0]?.reason).toContain('only the product owner or an owner');
    expect(sprintChoices(sprints, ['product_owner']).every((choice) => choice.allowed)).toBe(true);
  });
});
