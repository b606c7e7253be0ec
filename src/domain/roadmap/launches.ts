import type { ItemType } from '../../contracts/item.schema';
import type { LAUNCH_TASK_STATES } from '../../contracts/vocabulary';
import { addDays } from '../calendar';
import { invalidFields } from '../errors';
import type { FieldError } from '../../contracts/errors';

export type LaunchTaskState = (typeof LAUNCH_TASK_STATES)[number];

/** One line of a launch template: a task, and how many days before the release's target it falls due. */
export interface LaunchTemplateTask {
  title: string;
  /** Days before the target date; null leaves the due date open. */
  offsetDays: number | null;
}

/**
 * What every launch needs, in the order a PM works through it: the product's
 * template until someone saves their own.
 */
export const DEFAULT_LAUNCH_TEMPLATE: readonly LaunchTemplateTask[] = [
  { title: 'Engineering QA sign-off', offsetDays: 5 },
  { title: 'Documentation', offsetDays: 3 },
  { title: 'Marketing campaign', offsetDays: 7 },
  { title: 'Support readiness', offsetDays: 3 },
  { title: 'Pricing and packaging', offsetDays: 14 },
  { title: 'Announcement', offsetDays: 0 },
];

/** How ready a launch is: done over the tasks that count (skipped ones do not). */
export interface LaunchReadiness {
  done: number;
  total: number;
  /** Whole percent, rounded down so 100 means every counted task is done; null when no task counts. */
  percent: number | null;
}

export const NO_READINESS: LaunchReadiness = { done: 0, total: 0, percent: null };

/** Readiness from how many tasks are in each state (absent states count zero). */
export function readinessFromCounts(counts: Partial<Record<LaunchTaskState, number>>): LaunchReadiness {
  const done = counts.done ?? 0;
  const total = done + (counts.todo ?? 0) + (counts.in_progress ?? 0);
  return { done, total, percent: total === 0 ? null : Math.floor((done * 100) / total) };
}

export function launchReadiness(tasks: Iterable<{ state: LaunchTaskState }>): LaunchReadiness {
  const counts: Partial<Record<LaunchTaskState, number>> = {};
  for (const { state } of tasks) counts[state] = (counts[state] ?? 0) + 1;
  return readinessFromCounts(counts);
}

/** The due date of a template task for a release: `offsetDays` before its target, or open when either is missing. */
export function dueDateFor(targetDate: string | null, offsetDays: number | null): string | null {
  return targetDate === null || offsetDays === null ? null : addDays(targetDate, -offsetDays);
}

const sameTitle = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

/** A template as saved: titles trimmed, and no title twice (a checklist could not tell them apart). */
export function normalizeTemplate(tasks: readonly LaunchTemplateTask[]): LaunchTemplateTask[] {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  const normalized = tasks.map((task, index) => {
    const title = task.title.trim().replace(/\s+/g, ' ');
    const first = seen.get(sameTitle(title));
    if (first !== undefined) errors.push({ field: `tasks.${index}.title`, message: `the same task as tasks.${first} (“${title}”)` });
    else seen.set(sameTitle(title), index);
    return { title, offsetDays: task.offsetDays };
  });
  if (errors.length > 0) throw invalidFields(errors);
  return normalized;
}

/**
 * The template's tasks a release's checklist does not have yet (compared by
 * title, ignoring case and spacing), due `offsetDays` before its target.
 * Applying a template twice adds nothing the second time.
 */
export function tasksToAdd(template: readonly LaunchTemplateTask[], existingTitles: readonly string[], targetDate: string | null): Array<{ title: string; dueDate: string | null }> {
  const have = new Set(existingTitles.map(sameTitle));
  const out: Array<{ title: string; dueDate: string | null }> = [];
  for (const task of template) {
    const key = sameTitle(task.title);
    if (have.has(key)) continue;
    have.add(key);
    out.push({ title: task.title.trim(), dueDate: dueDateFor(targetDate, task.offsetDays) });
  }
  return out;
}

/** An open task past its due date, as of `today`. */
export function isOverdue(task: { state: LaunchTaskState; dueDate: string | null }, today: string): boolean {
  return task.dueDate !== null && task.dueDate < today && (task.state === 'todo' || task.state === 'in_progress');
}

/** An item the release notes may mention, or an ancestor that groups them. */
export interface NoteItem {
  id: string;
  number: number;
  type: ItemType;
  title: string;
  description: string;
  parentId: string | null;
}

export interface NotesRelease {
  name: string;
  description: string;
  targetDate: string | null;
  releasedAt: string | null;
}

const OTHER = 'Other improvements';
const FIXES = 'Fixes';
const SUMMARY_LIMIT = 280;

/** The first paragraph of an item's Markdown description, on one line, for a bullet. */
export function summaryOf(description: string): string {
  const paragraph =
    description
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .find((block) => block !== '' && !block.startsWith('#') && !block.startsWith('```')) ?? '';
  const line = paragraph
    .split('\n')
    .map((part) => part.trim().replace(/^([-*+]|\d+[.)])\s+/, '').replace(/^>\s?/, ''))
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ');
  if (line.length <= SUMMARY_LIMIT) return line;
  const cut = line.slice(0, SUMMARY_LIMIT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_LIMIT - 40)).replace(/[,;:.\s]+$/, '')}…`;
}

const bullet = (item: NoteItem, indent = '') => {
  const summary = summaryOf(item.description);
  const title = item.title.trim().replace(/[.!?]$/, '');
  return `${indent}- **${title}**${summary ? ` — ${summary}` : ''}`;
};

/**
 * Release notes in plain Markdown from what a release delivered: its done
 * stories, features, tasks and bugs (`done`), grouped under the epic each one
 * belongs to, fixes last (a task or bug below a story goes with the story). `context` holds their ancestors, so an item finds its
 * epic; a story whose feature is also listed goes under it. Stakeholders read
 * these, so they use titles and descriptions, not keys or statuses.
 */
export function draftReleaseNotes(release: NotesRelease, done: readonly NoteItem[], context: readonly NoteItem[] = []): string {
  const byId = new Map<string, NoteItem>([...context, ...done].map((item) => [item.id, item]));
  const epicOf = (item: NoteItem): NoteItem | null => {
    const seen = new Set<string>();
    let current: NoteItem | undefined = item;
    while (current && !seen.has(current.id)) {
      if (current.type === 'epic') return current;
      seen.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    return null;
  };

  // A task or bug below a story is part of that story's work, not news of its own.
  const partOfStory = (item: NoteItem) => item.type !== 'story' && item.type !== 'feature' && ['story', 'task', 'bug'].includes(byId.get(item.parentId ?? '')?.type ?? '');
  const listed = [...new Map(done.filter((item) => item.type !== 'epic' && !partOfStory(item)).map((item) => [item.id, item])).values()].sort((a, b) => a.number - b.number);
  const listedIds = new Set(listed.map((item) => item.id));
  const groups = new Map<string, { title: string; order: number; items: NoteItem[] }>();
  const add = (key: string, title: string, order: number, item: NoteItem) => {
    const group = groups.get(key) ?? { title, order, items: [] };
    group.items.push(item);
    groups.set(key, group);
  };
  for (const item of listed) {
    if (item.type === 'bug') add(`:${FIXES}`, FIXES, Number.MAX_SAFE_INTEGER, item);
    else {
      const epic = epicOf(item);
      if (epic) add(epic.id, epic.title.trim(), epic.number, item);
      else add(`:${OTHER}`, OTHER, Number.MAX_SAFE_INTEGER - 1, item);
    }
  }

  const lines: string[] = [`# ${release.name.trim()}: release notes`, ''];
  if (release.releasedAt) lines.push(`_Released ${release.releasedAt.slice(0, 10)}._`, '');
  else if (release.targetDate) lines.push(`_Planned for ${release.targetDate}._`, '');
  const intro = release.description.trim();
  if (intro) lines.push(intro, '');

  if (listed.length === 0) {
    lines.push('Nothing in this release is done yet. These notes fill in as its stories are marked done.', '');
    return lines.join('\n');
  }

  const ordered = [...groups.values()].sort((a, b) => a.order - b.order);
  const single = ordered.length === 1 && ordered[0]!.title === OTHER;
  for (const group of ordered) {
    lines.push(`## ${single ? "What's new" : group.title}`, '');
    const inGroup = new Set(group.items.map((item) => item.id));
    // A story goes under its feature when both are listed in the same group.
    const nestedUnder = (item: NoteItem) => (item.parentId && inGroup.has(item.parentId) && listedIds.has(item.parentId) && byId.get(item.parentId)?.type === 'feature' ? item.parentId : null);
    for (const item of group.items) {
      if (nestedUnder(item)) continue;
      lines.push(bullet(item));
      for (const child of group.items) if (nestedUnder(child) === item.id) lines.push(bullet(child, '  '));
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** A file name for the exported notes: the release's name in lower-case words, `.md`. */
export function notesFileName(releaseName: string): string {
  const slug = releaseName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'release'}-release-notes.md`;
}
