import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';
import {
  indexInList,
  patchItemInList,
  planMoveInList,
  removeItemsFromList,
  replaceItemInList,
  rollBackItemInList,
  setItemRankInList,
  whenListIdle,
  type MoveDirection,
  type MoveTarget,
} from './item-cache';
import { DEFAULT_VIEW, type ListView } from './list-view';
import type { Item } from './types';

export interface MoveResult {
  item: Item;
  /** The row's new place in the cached list, or -1 when it moved past the loaded pages. */
  index: number;
}

export interface MoveQueueOptions {
  client: QueryClient;
  productId: string;
  /** `POST /items/{id}/move`: the moved item as the server now has it. */
  send: (itemId: string, target: MoveTarget) => Promise<Item>;
  /** `GET /items/{id}`: a fresh copy, for a row whose move was refused or that left the list meanwhile. */
  fetchItem: (itemId: string) => Promise<Item>;
  onError: (error: unknown, item: Item) => void;
}

/** The moves made since the queue was last idle or last failed. */
interface Batch {
  /** Each item with unanswered moves, as the server last confirmed it: where a failure puts it back. */
  confirmed: Map<string, Item>;
  /** Unanswered moves per item. */
  pending: Map<string, number>;
}

/**
 * One product's moves, optimistic and in order. Each move is planned from the
 * cached list as it is on screen — the confirmed order plus every move made
 * before it — and the requests go out one at a time in the order the moves were
 * made, so each lands on exactly the order it was planned against (other users'
 * moves aside: the targets name neighbours, not positions).
 *
 * A refused move takes back itself and every move queued after it (they were
 * planned on top of it): each row concerned returns to its confirmed place if it
 * is still cached; a row that is gone, or whose move got 404/409, is refetched
 * (or dropped) rather than re-inserted from a stale snapshot.
 */
export function createMoveQueue({ client, productId, send, fetchItem, onError }: MoveQueueOptions) {
  let tail: Promise<void> = Promise.resolve();
  let batch: Batch = { confirmed: new Map(), pending: new Map() };

  const refresh = (itemId: string) => {
    fetchItem(itemId).then(
      (fresh) => replaceItemInList(client, fresh),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) removeItemsFromList(client, productId, [itemId]);
      },
    );
  };

  const fail = (failed: Batch, itemId: string, error: unknown) => {
    // Later moves were planned on top of this one: they are dropped unsent.
    batch = { confirmed: new Map(), pending: new Map() };
    const status = error instanceof ApiError ? error.status : 0;
    for (const [id, confirmed] of failed.confirmed) {
      if (id === itemId && status === 404) removeItemsFromList(client, productId, [id]);
      else if ((id === itemId && status === 409) || !rollBackItemInList(client, confirmed)) refresh(id);
    }
    const item = failed.confirmed.get(itemId);
    if (item) onError(error, item);
  };

  /** `view`: the cached view the move is made in, whose neighbours the move names. */
  return function move(itemId: string, direction: MoveDirection, view: ListView = DEFAULT_VIEW): MoveResult | null {
    const plan = planMoveInList(client, productId, itemId, direction, view);
    if (!plan) return null;
    const current = batch;
    const confirmed = current.confirmed.get(itemId) ?? plan.item;
    current.confirmed.set(itemId, confirmed);
    const pending = (current.pending.get(itemId) ?? 0) + 1;
    current.pending.set(itemId, pending);
    // Each move adds one to the server's version: realtime echoes of the earlier moves are older than this copy and cannot drag it back.
    setItemRankInList(client, plan.item, plan.rank, confirmed.version + pending);
    tail = tail.then(async () => {
      if (current !== batch) return;
      try {
        const moved = await send(itemId, plan.target);
        if (current !== batch) return;
        const left = (current.pending.get(itemId) ?? 1) - 1;
        if (left > 0) {
          current.pending.set(itemId, left);
          current.confirmed.set(itemId, moved);
          return;
        }
        current.pending.delete(itemId);
        current.confirmed.delete(itemId);
        void whenListIdle(client, productId).then(() => patchItemInList(client, moved, { insertMissing: false }));
      } catch (error) {
        if (current === batch) fail(current, itemId, error);
      }
    });
    return { item: plan.item, index: indexInList(client, productId, itemId, view) };
  };
}

export type MoveItem = ReturnType<typeof createMoveQueue>;
