import type { Item, ItemUpdate, Role } from '../../api/types';
import type { Sprint } from '../../api/sprint-keys';
import { ApiError, messageOf } from '../../api/client';
import { scopeAccess } from '../sprints/sprint-model';

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

/** What every bulk run reports as it goes. */
export interface RunEachOptions {
  onProgress?: (progress: BulkProgress) => void;
  onSaved?: (item: Item) => void;
  signal?: AbortSignal;
}

export interface BulkRunOptions extends RunEachOptions {
  /** `PATCH /items/{id}` with If-Match: the item's version. */
  send: (item: Item, changes: ItemUpdate) => Promise<Item>;
  /** A fresh copy, when the one we had was stale (412). */
  fetchItem: (id: string) => Promise<Item>;
}

const isStale = (error: unknown) => error instanceof ApiError && (error.status === 412 || error.code === 'version_mismatch');

/**
 * Applies `applyOne` to the items one at a time, in list order: the server
 * checks each write on its own, and sequential writes keep the progress honest
 * and the server unhurried. `applyOne` answers the saved item, or null when
 * the item already held the change; a failure is recorded and the run goes on.
 */
export async function runEach(items: readonly Item[], applyOne: (item: Item) => Promise<Item | null>, options: RunEachOptions = {}): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { changed: [], unchanged: [], failed: [] };
  const total = items.length;
  options.onProgress?.({ done: 0, total });
  for (const [index, item] of items.entries()) {
    if (options.signal?.aborted) {
      for (const rest of items.slice(index)) outcome.failed.push({ item: rest, message: 'Stopped before this item' });
      break;
    }
    try {
      const saved = await applyOne(item);
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

/**
 * A field change, one PATCH per item with its version (If-Match). A stale
 * copy is refetched and the change worked out again on what someone else
 * saved (adding a label keeps theirs), once.
 */
export function runBulk(items: readonly Item[], change: BulkChange, options: BulkRunOptions): Promise<BulkOutcome> {
  return runEach(items, (item) => applyOne(item, change, options), options);
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

/** What a bulk sprint change needs to know of a sprint. */
export type SprintRef = Pick<Sprint, 'id' | 'name' | 'state'>;

/** One item's part of a bulk sprint change: a request, nothing (already so), or a refusal in words. */
export type SprintStep =
  | { kind: 'skip' }
  | { kind: 'commit'; sprintId: string }
  | { kind: 'remove'; sprintId: string }
  | { kind: 'refuse'; reason: string };

/**
 * Into `target` (null: out of whatever sprint the item is in). Committing
 * also takes the item out of the open sprint it was in, so both sprints'
 * rules apply: planners before the start, the PO or an owner while it runs,
 * nobody once it is completed (see `scopeAccess`). A sprint we do not know
 * is left for the server to judge.
 */
export function sprintStepFor(item: Pick<Item, 'sprintId'>, target: SprintRef | null, sprintOf: (id: string) => SprintRef | undefined, roles: readonly Role[]): SprintStep {
  const current = item.sprintId === null ? null : (sprintOf(item.sprintId) ?? null);
  if (target === null) {
    if (item.sprintId === null) return { kind: 'skip' };
    if (current) {
      const access = scopeAccess(roles, current);
      if (!access.allowed) return { kind: 'refuse', reason: access.reason ?? `${current.name} cannot change now.` };
    }
    return { kind: 'remove', sprintId: item.sprintId };
  }
  if (item.sprintId === target.id) return { kind: 'skip' };
  const into = scopeAccess(roles, target);
  if (!into.allowed) return { kind: 'refuse', reason: into.reason ?? `${target.name} cannot change now.` };
  // An item left behind in a completed sprint simply moves on; an open one gives it up.
  if (current && current.state !== 'completed') {
    const out = scopeAccess(roles, current);
    if (!out.allowed) return { kind: 'refuse', reason: `It is in ${current.name}: ${out.reason ?? 'that sprint cannot change now.'}` };
  }
  return { kind: 'commit', sprintId: target.id };
}

export interface SprintRunOptions extends RunEachOptions {
  /** `POST /sprints/{id}/items`. */
  commit: (sprintId: string, item: Item) => Promise<Item>;
  /** `DELETE /sprints/{id}/items/{itemId}`. */
  remove: (sprintId: string, item: Item) => Promise<Item>;
  fetchItem: (id: string) => Promise<Item>;
  sprintOf: (id: string) => SprintRef | undefined;
  roles: readonly Role[];
}

/**
 * Plans the items into a sprint, or out of theirs, one request at a time.
 * Sprint writes carry no version, so staleness shows as a 404 (the item is
 * no longer in the sprint we thought): the item is refetched and its step
 * worked out again, once.
 */
export function runSprintBulk(items: readonly Item[], target: SprintRef | null, options: SprintRunOptions): Promise<BulkOutcome> {
  const step = async (item: Item, retry: boolean): Promise<Item | null> => {
    const next = sprintStepFor(item, target, options.sprintOf, options.roles);
    try {
      switch (next.kind) {
        case 'skip':
          return null;
        case 'refuse':
          throw new Error(next.reason);
        case 'commit':
          return await options.commit(next.sprintId, item);
        case 'remove':
          return await options.remove(next.sprintId, item);
      }
    } catch (error) {
      if (!retry || !(error instanceof ApiError && error.status === 404)) throw error;
      return step(await options.fetchItem(item.id), false);
    }
  };
  return runEach(items, (item) => step(item, true), options);
}

export interface SprintChoice {
  sprint: Sprint;
  /** Whether this person may plan into it now, and why not. */
  allowed: boolean;
  reason: string | null;
}

/** The sprints a selection can be planned into: the running one first, then the planned ones by start date. */
export function sprintChoices(sprints: readonly Sprint[], roles: readonly Role[]): SprintChoice[] {
  const order = { active: 0, planned: 1, completed: 2 } as const;
  return sprints
    .filter((sprint) => sprint.state !== 'completed')
    .sort((a, b) => order[a.state] - order[b.state] || a.startDate.localeCompare(b.startDate))
    .map((sprint) => {
      const access = scopeAccess(roles, sprint);
      return { sprint, allowed: access.allowed, reason: access.reason };
    });
}
