import type { Item, ItemUpdate } from '../../api/types';
import { ApiError, messageOf } from '../../api/client';

/** One change applied to every selected item. */
export type BulkChange =
  | { kind: 'status'; status: string }
  | { kind: 'labels'; add: string[] }
  | { kind: 'assignee'; assigneeId: string | null }
  | { kind: 'parent'; parentId: string | null };

/** The PATCH body that makes the change on this item, or null when it already holds. */
export function changesFor(change: BulkChange, item: Item): ItemUpdate | null {
  switch (change.kind) {
    case 'status':
      return item.status === change.status ? null : { status: change.status };
    case 'labels': {
      const missing = change.add.filter((label) => !item.labels.includes(label));
      return missing.length === 0 ? null : { labels: [...item.labels, ...missing] };
    }
    case 'assignee':
      return item.assigneeId === change.assigneeId ? null : { assigneeId: change.assigneeId };
    case 'parent':
      if (item.id === change.parentId) return null;
      return item.parentId === change.parentId ? null : { parentId: change.parentId };
  }
}

/** Labels typed into one box: split on commas and spaces, lower-cased (as the server stores them), no repeats. */
export function parseLabels(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((label) => label.trim().toLowerCase()).filter(Boolean))];
}

export interface BulkProgress {
  done: number;
  total: number;
}

export interface BulkFailure {
  item: Item;
  message: string;
}

export interface BulkOutcome {
  changed: Item[];
  unchanged: Item[];
  failed: BulkFailure[];
}

export interface BulkRunOptions {
  /** `PATCH /items/{id}` with If-Match: the item's version. */
  send: (item: Item, changes: ItemUpdate) => Promise<Item>;
  /** A fresh copy, when the one we had was stale (412). */
  fetchItem: (id: string) => Promise<Item>;
  onProgress?: (progress: BulkProgress) => void;
  onSaved?: (item: Item) => void;
  signal?: AbortSignal;
}

const isStale = (error: unknown) => error instanceof ApiError && (error.status === 412 || error.code === 'version_mismatch');

/**
 * Applies a change to the items one request at a time, in list order: the
 * server checks each write's version (If-Match), and sequential writes keep
 * the progress honest and the server unhurried. A stale copy is refetched and
 * the change worked out again on what someone else saved (adding a label keeps
 * theirs), once; any other failure is recorded and the run goes on.
 */
export async function runBulk(items: readonly Item[], change: BulkChange, options: BulkRunOptions): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { changed: [], unchanged: [], failed: [] };
  const total = items.length;
  options.onProgress?.({ done: 0, total });
  for (const [index, item] of items.entries()) {
    if (options.signal?.aborted) {
      for (const rest of items.slice(index)) outcome.failed.push({ item: rest, message: 'Stopped before this item' });
      break;
    }
    try {
      const saved = await applyOne(item, change, options);
      if (saved) {
        outcome.changed.push(saved);
        options.onSaved?.(saved);
      } else {
        outcome.unchanged.push(item);
      }
    } catch (error) {
      outcome.failed.push({ item, message: messageOf(error) });
    }
    options.onProgress?.({ done: index + 1, total });
  }
  return outcome;
}

async function applyOne(item: Item, change: BulkChange, { send, fetchItem }: BulkRunOptions): Promise<Item | null> {
  const changes = changesFor(change, item);
  if (!changes) return null;
  try {
    return await send(item, changes);
  } catch (error) {
    if (!isStale(error)) throw error;
    const fresh = await fetchItem(item.id);
    const again = changesFor(change, fresh);
    return again ? send(fresh, again) : null;
  }
}
