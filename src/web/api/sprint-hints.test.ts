import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { applySprintHint } from './sprint-hints';
import { sprintKeys } from './sprint-keys';
import { queryKeys } from './query-keys';

const hint = (type: string, productId: string | null = 'p1') =>
  ({ type, workspaceId: 'w1', productId, ids: ['x'], actor: null }) as Parameters<typeof applySprintHint>[1];

function seeded() {
  const client = new QueryClient();
  client.setQueryData(sprintKeys.list('p1'), []);
  client.setQueryData(sprintKeys.board('p1', 's1'), []);
  client.setQueryData(sprintKeys.wipCounts('p1'), {});
  client.setQueryData(sprintKeys.list('p2'), []);
  client.setQueryData(queryKeys.members('w1'), []);
  return client;
}
const stale = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;

describe('sprint hints', () => {
  it('a sprint hint refreshes the product’s sprints and board, nothing else', () => {
    const client = seeded();
    applySprintHint(client, hint('sprint.started'));
    expect(stale(client, sprintKeys.list('p1'))).toBe(true);
    expect(stale(client, sprintKeys.board('p1', 's1'))).toBe(true);
    expect(stale(client, sprintKeys.wipCounts('p1'))).toBe(false);
    expect(stale(client, sprintKeys.list('p2'))).toBe(false);
    expect(stale(client, queryKeys.members('w1'))).toBe(false);
  });

  it('an item hint refreshes WIP counts too; other hints change nothing', () => {
    const client = seeded();
    applySprintHint(client, hint('item.updated'));
    expect(stale(client, sprintKeys.wipCounts('p1'))).toBe(true);
    const other = seeded();
    applySprintHint(other, hint('member.added'));
    applySprintHint(other, hint('item.updated', null));
    expect(stale(other, sprintKeys.list('p1'))).toBe(false);
  });
});
