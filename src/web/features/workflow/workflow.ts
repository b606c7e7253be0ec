import { STATUS_CATEGORIES } from '../../../contracts/vocabulary';
import type { StatusCategory, WorkflowStatus } from '../../api/types';

/** `in_review` → `In review`: a readable name for a key the loaded workflow does not (yet) have. */
export function humaniseKey(key: string): string {
  const words = key.replace(/_+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

const isCategory = (value: string): value is StatusCategory => (STATUS_CATEGORIES as readonly string[]).includes(value);

/**
 * The workflow status an item's status key names. Before the product has
 * loaded, or for a key just removed from the workflow, a stand-in keeps rows
 * readable instead of blank.
 */
export function statusOf(workflow: readonly WorkflowStatus[] | undefined, key: string): WorkflowStatus {
  const found = workflow?.find((status) => status.key === key);
  if (found) return found;
  return { key, name: humaniseKey(key), category: isCategory(key) ? key : 'backlog', wipLimit: null };
}

/** A lookup by key, built once per workflow, for long lists. */
export function statusMap(workflow: readonly WorkflowStatus[] | undefined): (key: string) => WorkflowStatus {
  const byKey = new Map((workflow ?? []).map((status) => [status.key, status]));
  const fallbacks = new Map<string, WorkflowStatus>();
  return (key) => {
    const found = byKey.get(key) ?? fallbacks.get(key);
    if (found) return found;
    const made = statusOf(undefined, key);
    fallbacks.set(key, made);
    return made;
  };
}

/** Options for a status picker, in board order, with the WIP limit named so a full column is no surprise. */
export function statusOptions(workflow: readonly WorkflowStatus[] | undefined, current: string): Array<{ value: string; label: string }> {
  const options = (workflow ?? []).map((status) => ({
    value: status.key,
    label: status.wipLimit === null ? status.name : `${status.name} (WIP limit ${status.wipLimit})`,
  }));
  // An item left on a removed status still shows where it is.
  if (!options.some((option) => option.value === current)) options.unshift({ value: current, label: statusOf(workflow, current).name });
  return options;
}

/** One status as the settings form edits it: the WIP limit as typed. */
export interface StatusRow {
  /** Stable across renders and reorders; the key for a kept status, a local id for a new one. */
  rowId: string;
  key?: string;
  name: string;
  category: StatusCategory;
  wipLimit: string;
}

export const toStatusRows = (workflow: readonly WorkflowStatus[]): StatusRow[] =>
  workflow.map((status) => ({ rowId: status.key, key: status.key, name: status.name, category: status.category, wipLimit: status.wipLimit === null ? '' : String(status.wipLimit) }));

/** The body of `PUT …/workflow`: kept statuses name their key, new ones leave it out; an empty limit is no limit. */
export function toWorkflowInput(rows: readonly StatusRow[]): Array<{ key?: string; name: string; category: StatusCategory; wipLimit: number | null }> {
  return rows.map((row) => ({
    ...(row.key ? { key: row.key } : {}),
    name: row.name.trim(),
    category: row.category,
    wipLimit: row.wipLimit.trim() === '' ? null : Number(row.wipLimit),
  }));
}

/** Options typed as one comma-separated line: trimmed, blanks and repeats dropped. */
export function parseOptions(text: string): string[] {
  return [...new Set(text.split(',').map((option) => option.trim()).filter(Boolean))];
}

/** Moves the entry at `from` by `delta` places; the list is unchanged when that would leave it. */
export function moveEntry<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}
