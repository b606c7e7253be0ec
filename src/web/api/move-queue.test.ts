import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { rankBetween } from '../../domain/ranking';
import { ApiError } from './client';
import { removeItemsFromList, type MoveTarget } from './item-cache';
import { createMoveQueue } from './move-queue';
import { buildItem, PRODUCT } from './item-fixtures.test-helper';
import { queryKeys } from './query-keys';
import type { Item, ItemPage } from './types';


/** A server holding the product's items in order, answering each move only when told to. */
function fakeServer(ids: string[]) {
  let rank: string | null = null;
  let rows = ids.map((id) => buildItem({ id, rank: (rank = rankBetween(rank, null)) }));
  const initial = rows;
  const sent: { itemId: string; target: MoveTarget }[] = [];
  const waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  const apply = (itemId: string, target: MoveTarget): Item => {
    const item = rows.find((row) => row.id === itemId);
    if (!item) throw new ApiError(404, null, 'Not found');
    const rest = rows.filter((row) => row.id !== itemId);
    let at: number;
    if ('beforeId' in target) at = rest.findIndex((row) => row.id === target.beforeId);
    else if ('afterId' in target) at = rest.findIndex((row) => row.id === target.afterId) + 1;
    else at = target.position === 'top' ? 0 : rest.length;
    const moved = { ...item, rank: rankBetween(rest[at - 1]?.rank ?? null, rest[at]?.rank ?? null), version: item.version + 1 };
    rows = [...rest.slice(0, at), moved, ...rest.slice(at)];
    return moved;
  };
  return {
    initial,
    sent,
    order: () => rows.map((row) => row.id),
    trash: (id: string) => {
      rows = rows.filter((row) => row.id !== id);
    },
    send: (itemId: string, target: MoveTarget) => {
      sent.push({ itemId, target });
      return new Promise<Item>((resolve, reject) => {
        waiting.push({ resolve: () => { try { resolve(apply(itemId, target)); } catch (error) { reject(error); } }, reject });
      });
    },
    /** Answers the oldest request still open, then lets the queue react. */
    answer: async (error?: unknown) => {
      const next = waiting.shift();
      if (!next) throw new Error('no request in flight');
      if (error) next.reject(error);
      else next.resolve();
      await settle();
    },
    inFlight: () => waiting.length,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(ids: string[]) {
  const server = fakeServer(ids);
  const client = new QueryClient();
  const data: InfiniteData<ItemPage, string | null> = { pages: [{ items: server.initial, nextCursor: null }], pageParams: [null] };
  client.setQueryData(queryKeys.items.list(PRODUCT), data);
  const fetchItem = vi.fn((id: string) => Promise.resolve(buildItem({ id, rank: 'a9', version: 5, deletedAt: '2026-11-28T11:00:00.000Z' })));
  const onError = vi.fn();
  const move = createMoveQueue({ client, productId: PRODUCT, send: server.send, fetchItem, onError });
  const order = () => client.getQueryData<InfiniteData<ItemPage, string | null>>(queryKeys.items.list(PRODUCT))?.pages.flatMap((page) => page.items.map((item) => item.id));
  return { server, client, move, order, fetchItem, onError };
}

describe('the product’s move queue', () => {
  it('sends moves of different items one at a time, in order, so none is lost', async () => {
    const { server, move, order } = setup(['A', 'B', 'C']);
    move('C', 'up');
    move('B', 'up');
    expect(order()).toEqual(['A', 'B', 'C']);
    await settle();
    // B's move waits for C's: B's plan (before C) is only right once C is before B on the server.
    expect(server.sent).toEqual([{ itemId: 'C', target: { beforeId: 'B' } }]);
    await server.answer();
    expect(server.sent.at(-1)).toEqual({ itemId: 'B', target: { beforeId: 'C' } });
    await server.answer();
    expect(server.order()).toEqual(['A', 'B', 'C']);
    expect(order()).toEqual(['A', 'B', 'C']);
    expect(server.inFlight()).toBe(0);
  });

  it('ends where the user put every row after rapid moves of several items', async () => {
    const { server, move, order } = setup(['A', 'B', 'C', 'D']);
    move('D', 'top');
    move('B', 'down');
    move('A', 'bottom');
    move('C', 'up');
    const expected = order();
    expect(expected).toEqual(['C', 'D', 'B', 'A']);
    await settle();
    while (server.inFlight() > 0) await server.answer();
    expect(server.order()).toEqual(expected);
    expect(order()).toEqual(expected);
  });

  it('takes back a refused move and the moves queued after it, and reports it', async () => {
    const { server, move, order, onError } = setup(['A', 'B', 'C']);
    move('C', 'up');
    move('B', 'top');
    move('A', 'bottom');
    expect(order()).toEqual(['B', 'C', 'A']);
    await settle();
    await server.answer(new ApiError(500, null, 'Boom'));
    expect(order()).toEqual(['A', 'B', 'C']);
    expect(server.sent).toHaveLength(1);
    expect(onError).toHaveBeenCalledWith(expect.any(ApiError), expect.objectContaining({ id: 'C' }));
    // The queue carries on with later moves.
    move('C', 'top');
    await settle();
    await server.answer();
    expect(server.order()).toEqual(['C', 'A', 'B']);
    expect(order()).toEqual(['C', 'A', 'B']);
  });

  it('does not bring back a row trashed while its move was in flight', async () => {
    const { server, client, move, order, fetchItem } = setup(['A', 'B', 'C']);
    move('C', 'up');
    await settle();
    // Someone trashes C; realtime takes it out of the list; the move is then refused.
    server.trash('C');
    removeItemsFromList(client, PRODUCT, ['C']);
    await server.answer(new ApiError(409, null, 'Trashed'));
    await settle();
    expect(order()).toEqual(['A', 'B']);
    expect(fetchItem).toHaveBeenCalledWith('C');
  });

  it('refetches a row whose move got 409 instead of restoring a stale copy, and drops one that got 404', async () => {
    const { server, move, order, fetchItem } = setup(['A', 'B', 'C']);
    move('C', 'up');
    await settle();
    await server.answer(new ApiError(409, null, 'Trashed'));
    await settle();
    // The fresh copy (here: trashed) wins over the snapshot taken before the move.
    expect(fetchItem).toHaveBeenCalledWith('C');
    expect(order()).toEqual(['A', 'B']);

    move('B', 'up');
    await settle();
    await server.answer(new ApiError(404, null, 'Not found'));
    expect(order()).toEqual(['A']);
  });
});
