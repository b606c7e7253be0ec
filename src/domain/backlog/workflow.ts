import type { WorkflowReplace, WorkflowStatus } from '../../contracts/workflow.schema';
import { invalidFields, TandemError } from '../errors';

/** Every new product starts with this workflow; the PO can rename, add, remove and limit statuses. */
export const DEFAULT_WORKFLOW: readonly WorkflowStatus[] = [
  { key: 'backlog', name: 'Backlog', category: 'backlog', wipLimit: null },
  { key: 'ready', name: 'Ready', category: 'todo', wipLimit: null },
  { key: 'in_progress', name: 'In progress', category: 'in_progress', wipLimit: null },
  { key: 'in_review', name: 'In review', category: 'in_progress', wipLimit: null },
  { key: 'done', name: 'Done', category: 'done', wipLimit: null },
  { key: 'canceled', name: 'Canceled', category: 'canceled', wipLimit: null },
];

/** New items enter the workflow at its first status. */
export function initialStatus(workflow: readonly WorkflowStatus[]): string {
  const first = workflow[0];
  if (!first) throw new Error('a workflow always has at least one status');
  return first.key;
}

export function findStatus(workflow: readonly WorkflowStatus[], key: string): WorkflowStatus | undefined {
  return workflow.find((status) => status.key === key);
}

/** The keys of the workflow's statuses in one category, in board order. */
export function statusKeysIn(workflow: readonly WorkflowStatus[], category: WorkflowStatus['category']): string[] {
  return workflow.filter((status) => status.category === category).map((status) => status.key);
}

/** Done: the work is finished and delivered (throughput, velocity and progress count it). */
export function isDoneStatus(workflow: readonly WorkflowStatus[], key: string): boolean {
  return findStatus(workflow, key)?.category === 'done';
}

/** Done or canceled: nothing more will happen to it (burndowns and carry-over stop counting it). */
export function isFinishedStatus(workflow: readonly WorkflowStatus[], key: string): boolean {
  const category = findStatus(workflow, key)?.category;
  return category === 'done' || category === 'canceled';
}

/** A status key made from its name: `In review` → `in_review`, unique within the workflow. */
export function statusKeyFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+/, '')
      .slice(0, 32)
      .replace(/_+$/, '') || 'status';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  return key;
}

/**
 * Checks a whole replacement workflow and gives every new status its key.
 * Names are unique (case-insensitively), kept keys are unique, and there is
 * somewhere for finished work to go (a `done` status).
 */
export function buildWorkflow(input: WorkflowReplace['statuses']): WorkflowStatus[] {
  const errors: Array<{ field: string; message: string }> = [];
  const names = new Set<string>();
  const keys = new Set(input.flatMap((status) => (status.key ? [status.key] : [])));
  const seenKeys = new Set<string>();
  input.forEach((status, index) => {
    const name = status.name.toLocaleLowerCase();
    if (names.has(name)) errors.push({ field: `statuses.${index}.name`, message: `"${status.name}" is used twice` });
    names.add(name);
    if (status.key && seenKeys.has(status.key)) errors.push({ field: `statuses.${index}.key`, message: `"${status.key}" is used twice` });
    if (status.key) seenKeys.add(status.key);
  });
  if (!input.some((status) => status.category === 'done')) {
    errors.push({ field: 'statuses', message: 'the workflow needs at least one status in the done category' });
  }
  if (errors.length > 0) throw invalidFields(errors);
  return input.map((status) => {
    const key = status.key ?? statusKeyFor(status.name, keys);
    keys.add(key);
    return { key, name: status.name, category: status.category, wipLimit: status.wipLimit };
  });
}

/**
 * Whether an item may enter `status` that already holds `count` other items.
 * Over the limit the move is refused unless the caller may and does override it.
 */
export function checkWipLimit(status: WorkflowStatus, count: number, override: boolean): void {
  if (status.wipLimit === null || count < status.wipLimit || override) return;
  throw new TandemError(
    'wip_limit_reached',
    `"${status.name}" already holds ${count} item${count === 1 ? '' : 's'} and its WIP limit is ${status.wipLimit}; finish something first`,
    { status: status.key, limit: status.wipLimit, count },
  );
}
