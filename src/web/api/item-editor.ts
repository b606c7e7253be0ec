import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { ApiError } from './client';
import type { Item, ItemUpdate } from './types';

/**
 * One edit of an open item, worked out from the item as the cache holds it
 * when the edit's turn comes (so a quick second click builds on the first).
 * Returns null when there is nothing to send; throws EditConflict when the
 * part being edited changed under the user meanwhile.
 */
export type ItemChange = (latest: Item) => ItemUpdate | null;

/** The field being edited was changed by someone else since the user started; nothing was sent. */
export class EditConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditConflict';
  }
}

export interface SaveOptions {
  /** Move past a full status's WIP limit (for roles allowed item.override_wip). */
  overrideWipLimit?: boolean;
}

export interface ItemEditorOptions {
  client: QueryClient;
  /** Where the open item is cached. */
  queryKey: QueryKey;
  /** `PATCH /items/{id}` with If-Match: the item as the server now has it. */
  send: (item: Item, body: ItemUpdate, options: SaveOptions) => Promise<Item>;
  /** `GET /items/{id}`: the current copy, after a save was refused as stale. */
  fetchItem: (itemId: string) => Promise<Item>;
  /** A saved copy, for other caches (the backlog list) to take. */
  onSaved?: (item: Item) => void;
}

export const isStale = (error: unknown): boolean => error instanceof ApiError && (error.status === 412 || error.code === 'version_mismatch');

/** A copy from the server replaces the cached one unless the cache already holds a newer version. */
export function keepNewest(cached: Item | undefined, fresh: Item): Item {
  return cached && cached.id === fresh.id && cached.version > fresh.version ? cached : fresh;
}

/**
 * The saves of one open item, sent one at a time: each is planned on the
 * cached item when its turn comes and sent with that version in If-Match, so
 * the user's own quick edits never refuse each other, while anybody else's
 * change in between is caught by the server (412). A refused save reloads the
 * item into the cache and rethrows, for the page to explain.
 */
export function createItemEditor({ client, queryKey, send, fetchItem, onSaved }: ItemEditorOptions) {
  let tail: Promise<unknown> = Promise.resolve();

  const run = async (change: ItemChange, options: SaveOptions): Promise<Item | null> => {
    const latest = client.getQueryData<Item>(queryKey);
    if (!latest) throw new Error('The item is not loaded yet.');
    const body = change(latest);
    if (!body || Object.keys(body).length === 0) return null;
    try {
      const saved = await send(latest, body, options);
      client.setQueryData<Item>(queryKey, (cached) => keepNewest(cached, saved));
      onSaved?.(saved);
      return saved;
    } catch (error) {
      if (isStale(error)) {
        try {
          const fresh = await fetchItem(latest.id);
          client.setQueryData<Item>(queryKey, fresh);
          onSaved?.(fresh);
        } catch {
          // The page's own query will say what is wrong (gone, or unreachable).
          void client.invalidateQueries({ queryKey });
        }
      }
      throw error;
    }
  };

  return function save(change: ItemChange, options: SaveOptions = {}): Promise<Item | null> {
    const result = tail.then(
      () => run(change, options),
      () => run(change, options),
    );
    tail = result.catch(() => undefined);
    return result;
  };
}

export type SaveItem = ReturnType<typeof createItemEditor>;

/**
 * A change to one field that the user edited from `start`: refused without a
 * request when the field no longer holds `start` (someone else changed it).
 */
export function fieldChange<K extends keyof ItemUpdate & keyof Item>(field: K, start: Item[K], next: NonNullable<ItemUpdate[K]> | null, label: string): ItemChange {
  return (latest) => {
    if (!sameValue(latest[field], start)) throw new EditConflict(`Someone else changed the ${label} while you were editing it. Their version is shown now; save again to replace it with yours.`);
    if (sameValue(latest[field], next)) return null;
    return { [field]: next } as ItemUpdate;
  };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
