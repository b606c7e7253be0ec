import type { AppliedTemplateSchema, LaunchChecklist, LaunchReadiness, LaunchTask, LaunchTemplate, ReleaseNotes } from '../../../contracts/launch.schema';
import type { z } from 'zod';
import type { LAUNCH_TASK_STATES } from '../../../contracts/vocabulary';

export type { LaunchChecklist, LaunchReadiness, LaunchTask, LaunchTemplate, ReleaseNotes };
export type AppliedTemplate = z.infer<typeof AppliedTemplateSchema>;
export type LaunchTaskState = (typeof LAUNCH_TASK_STATES)[number];

export const LAUNCH_TASK_STATE_LABELS: Record<LaunchTaskState, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "3 of 6 launch tasks done (50 %)", or what to do when there is no checklist. */
export function readinessText(readiness: LaunchReadiness): string {
  if (readiness.total === 0) return 'No launch tasks yet';
  return `${readiness.done} of ${plural(readiness.total, 'launch task')} done (${readiness.percent ?? 0} %)`;
}

/** An open task past its due date, as of `today`. */
export function isOverdue(task: Pick<LaunchTask, 'state' | 'dueDate'>, today: string): boolean {
  return task.dueDate !== null && task.dueDate < today && (task.state === 'todo' || task.state === 'in_progress');
}

/** "Due 2027-03-04 · 3 days late", "Due today", or nothing when undated. */
export function dueText(task: Pick<LaunchTask, 'state' | 'dueDate'>, today: string): string | null {
  if (!task.dueDate || task.state === 'done' || task.state === 'skipped') return null;
  const days = Math.round((Date.parse(`${task.dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days === 0) return 'due today';
  return days < 0 ? `${plural(-days, 'day')} late` : `in ${plural(days, 'day')}`;
}

/** What the checklist still needs, for the page's summary: open, overdue and unowned tasks. */
export function checklistFacts(tasks: readonly LaunchTask[], today: string): string[] {
  const open = tasks.filter((task) => task.state === 'todo' || task.state === 'in_progress');
  const facts: string[] = [];
  const overdue = open.filter((task) => isOverdue(task, today)).length;
  const unowned = open.filter((task) => task.ownerId === null).length;
  const skipped = tasks.filter((task) => task.state === 'skipped').length;
  if (overdue > 0) facts.push(`${plural(overdue, 'task')} overdue`);
  if (unowned > 0) facts.push(`${plural(unowned, 'open task')} without an owner`);
  if (skipped > 0) facts.push(`${skipped} skipped`);
  return facts;
}

/** The template as its editor holds it: offsets as typed, so a half-typed number is not lost. */
export interface TemplateRow {
  key: string;
  title: string;
  offsetDays: string;
}

export function rowsOf(template: Pick<LaunchTemplate, 'tasks'>, nextKey: () => string): TemplateRow[] {
  return template.tasks.map((task) => ({ key: nextKey(), title: task.title, offsetDays: task.offsetDays === null ? '' : String(task.offsetDays) }));
}

/** The editor's rows as the API takes them; an empty offset leaves the due date open. */
export function tasksOf(rows: readonly TemplateRow[]): Array<{ title: string; offsetDays: number | null }> {
  return rows.map((row) => ({ title: row.title, offsetDays: row.offsetDays.trim() === '' ? null : Number(row.offsetDays) }));
}

/** "5 days before the target", "on the target", "14 days after", "no due date". */
export function offsetText(offsetDays: number | null): string {
  if (offsetDays === null) return 'no due date';
  if (offsetDays === 0) return 'on the target date';
  return `${plural(Math.abs(offsetDays), 'day')} ${offsetDays > 0 ? 'before' : 'after'} the target`;
}
