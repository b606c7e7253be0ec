import type { ScoredFramework } from '../../../contracts/prioritization.schema';
import type { Activity } from '../../../contracts/workspace.schema';
import { FRAMEWORK_LABELS } from '../prioritization/frameworks';

/**
 * An item's history in words: each audit row becomes who did it and what
 * changed, e.g. "Pablo Owner moved it from Ready to In progress and changed
 * the estimate from 3 to 5". Rows carry the records as the store saw them
 * before and after, so the changes are worked out here by comparing the two.
 */

/** Names the rows only hold as ids or keys; unknown ones fall back to plain words. */
export interface ActivityNames {
  person: (userId: string) => string | undefined;
  /** A workflow status's name by its key. */
  status: (key: string) => string | undefined;
  customField?: (fieldId: string) => string | undefined;
}

export interface ActivityView {
  /** Who did it: a member's name, "Tandem" for the system, or a stand-in for someone who left. */
  actor: string;
  /** What they did, each a clause that follows the actor ("moved it from Ready to In progress"). */
  changes: string[];
  /** The actor and the changes as one sentence. */
  sentence: string;
}

/** The system's own changes (the trash purge, say) have no actor. */
export const SYSTEM_ACTOR = 'Tandem';
const FORMER_MEMBER = 'A former member';

export function describeActivity(entry: Pick<Activity, 'actorId' | 'action' | 'before' | 'after'>, names: ActivityNames): ActivityView {
  const actor = entry.actorId === null ? SYSTEM_ACTOR : (names.person(entry.actorId) ?? FORMER_MEMBER);
  const changes = changesOf(entry, names);
  return { actor, changes, sentence: `${actor} ${joinWords(changes)}` };
}

function changesOf({ action, before, after }: Pick<Activity, 'action' | 'before' | 'after'>, names: ActivityNames): string[] {
  switch (action) {
    case 'item.created':
      return ['created it'];
    case 'item.updated': {
      const changes = fieldChanges(recordOf(before), recordOf(after), names);
      return changes.length > 0 ? changes : ['edited it'];
    }
    case 'item.ranked':
      return ['reordered it'];
    case 'item.deleted':
      return ['trashed it'];
    case 'item.restored':
      return ['restored it from the trash'];
    case 'item.purged':
      return ['deleted it for good'];
    case 'item.scored':
      return [scored(recordOf(before), recordOf(after))];
    case 'item.unscored': {
      const framework = frameworkName(recordOf(before)?.framework);
      return [framework ? `removed the ${framework} score` : 'removed a score'];
    }
    case 'item.sprint_changed':
      return [sprintMove(recordOf(before), recordOf(after))];
    default:
      return [`changed it (${action.replace(/^item\./, '').replace(/_/g, ' ')})`];
  }
}

// ---------- item.updated: what differs between the two records ----------

/**
 * Fields that are bookkeeping, derived, or told by rows of their own (the
 * sprint has `item.sprint_changed`, scores `item.scored`, rank `item.ranked`).
 */
const IGNORED = new Set([
  'id',
  'workspaceId',
  'productId',
  'productKey',
  'number',
  'key',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'deletedAt',
  'deletedBy',
  'rank',
  'readiness',
  'scores',
  'sprintId',
  'typicalSprintPoints',
]);

/** Each handled field's clauses; fields not named here get a plain "changed the <field>". */
const FIELDS: Record<string, (from: unknown, to: unknown, names: ActivityNames) => string[]> = {
  title: (from, to) => [`renamed it from ${quote(from)} to ${quote(to)}`],
  status: (from, to, names) => [`moved it from ${statusName(from, names)} to ${statusName(to, names)}`],
  type: (from, to) => [`changed the type from ${String(from)} to ${String(to)}`],
  estimate: (from, to) => [fromTo('the estimate', from, to, formatNumber)],
  dueDate: (from, to) => [fromTo('the due date', from, to, (value) => formatPlanDate(String(value)))],
  assigneeId: (from, to, names) => {
    const person = (id: unknown) => names.person(String(id)) ?? FORMER_MEMBER.toLowerCase();
    if (isBlank(to)) return [`unassigned ${person(from)}`];
    if (isBlank(from)) return [`assigned it to ${person(to)}`];
    return [`reassigned it from ${person(from)} to ${person(to)}`];
  },
  parentId: (from, to) => [isBlank(to) ? 'removed its parent' : isBlank(from) ? 'gave it a parent' : 'moved it to another parent'],
  labels: (from, to) => labelChanges(stringsOf(from), stringsOf(to)),
  description: (from, to) => [isBlank(to) ? 'cleared the description' : isBlank(from) ? 'wrote a description' : 'edited the description'],
  acceptanceCriteria: (from, to) => criteriaChanges(criteriaOf(from), criteriaOf(to)),
  blocked: (from, to) => [to === true ? 'marked it blocked' : 'unblocked it'],
  customFields: (from, to, names) => customFieldChanges(recordOf(from) ?? {}, recordOf(to) ?? {}, names),
};

/**
 * Persona, want and benefit are read as one sentence, so a save that changes
 * several is one change; a single part is named by its words on the page.
 */
const STORY_PARTS: Record<string, string> = { persona: 'As a', want: 'I want', benefit: 'so that' };

function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null, names: ActivityNames): string[] {
  if (!before || !after) return [];
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !IGNORED.has(key) && !sameValue(before[key], after[key]));
  const changes: string[] = [];
  let storyTold = false;
  for (const key of changed) {
    if (key in STORY_PARTS) {
      if (storyTold) continue;
      storyTold = true;
      const parts = changed.filter((other) => other in STORY_PARTS);
      const part = `“${STORY_PARTS[key]}”`;
      changes.push(parts.length > 1 ? 'edited the user story' : isBlank(after[key]) ? `cleared ${part}` : `changed ${part} to ${quote(after[key])}`);
    } else if (key === 'blockedReason') {
      // Told with the flag when that flips; on its own, while blocked, it is a new reason.
      if (!changed.includes('blocked') && after.blocked === true) changes.push(isBlank(after.blockedReason) ? 'cleared why it is blocked' : `changed why it is blocked to ${quote(after.blockedReason)}`);
    } else if (key === 'blocked' && after.blocked === true && !isBlank(after.blockedReason)) {
      changes.push(`marked it blocked: ${quote(after.blockedReason)}`);
    } else {
      const describe = FIELDS[key];
      changes.push(...(describe ? describe(before[key], after[key], names) : [`changed the ${humanise(key)}`]));
    }
  }
  return changes;
}

function fromTo(field: string, from: unknown, to: unknown, format: (value: unknown) => string): string {
  if (isBlank(from)) return `set ${field} to ${format(to)}`;
  if (isBlank(to)) return `removed ${field}`;
  return `changed ${field} from ${format(from)} to ${format(to)}`;
}

function labelChanges(from: readonly string[], to: readonly string[]): string[] {
  const added = to.filter((label) => !from.includes(label));
  const removed = from.filter((label) => !to.includes(label));
  const told = (verb: string, labels: string[]) => `${verb} ${labels.length === 1 ? 'label' : 'labels'} ${joinWords(labels)}`;
  return [...(added.length > 0 ? [told('added', added)] : []), ...(removed.length > 0 ? [told('removed', removed)] : [])];
}

interface CriterionLike {
  id: string;
  given: string;
  when: string;
  then: string;
  done: boolean;
}

/**
 * Criteria are told by their number in the list as the reader sees it after
 * the change (a removed one by the number it had): "checked off criterion 2",
 * "added criteria 3 and 4". A pure reorder is "reordered the criteria".
 */
function criteriaChanges(from: readonly CriterionLike[], to: readonly CriterionLike[]): string[] {
  const byId = (list: readonly CriterionLike[]) => new Map(list.map((criterion, index) => [criterion.id, { criterion, number: index + 1 }]));
  const was = byId(from);
  const now = byId(to);
  const groups = new Map<string, number[]>();
  const note = (verb: string, number: number) => groups.set(verb, [...(groups.get(verb) ?? []), number]);
  for (const [id, { criterion, number }] of now) {
    const old = was.get(id)?.criterion;
    if (!old) {
      note('added', number);
      continue;
    }
    if (old.done !== criterion.done) note(criterion.done ? 'checked off' : 'unchecked', number);
    if (old.given !== criterion.given || old.when !== criterion.when || old.then !== criterion.then) note('edited', number);
  }
  for (const [id, { number }] of was) if (!now.has(id)) note('removed', number);
  const changes = [...groups].map(([verb, numbers]) => `${verb} ${numbers.length === 1 ? 'criterion' : 'criteria'} ${joinWords(numbers.map(String))}`);
  if (changes.length > 0) return changes;
  return from.length > 0 ? ['reordered the criteria'] : [];
}

function customFieldChanges(from: Record<string, unknown>, to: Record<string, unknown>, names: ActivityNames): string[] {
  const ids = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((id) => !sameValue(from[id], to[id]));
  return ids.map((id) => {
    const name = names.customField?.(id);
    if (!name) return 'changed a custom field';
    const value = to[id];
    if (isBlank(value) || (Array.isArray(value) && value.length === 0)) return `cleared ${name}`;
    const shown = Array.isArray(value) ? joinWords(value.map(String)) : typeof value === 'number' ? formatNumber(value) : String(value);
    return shown.length <= 60 ? `set ${name} to ${shown}` : `changed ${name}`;
  });
}

// ---------- scores and sprints ----------

function scored(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const framework = frameworkName(after?.framework) ?? 'a framework';
  const score = typeof after?.score === 'number' ? formatNumber(after.score) : null;
  const previous = typeof before?.score === 'number' ? formatNumber(before.score) : null;
  if (score === null) return `scored it with ${framework}`;
  if (previous !== null && previous !== score) return `changed the ${framework} score from ${previous} to ${score}`;
  return `scored ${framework} ${score}`;
}

function sprintMove(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const name = (side: Record<string, unknown> | null) => (typeof side?.sprintName === 'string' && side.sprintName ? side.sprintName : 'a sprint');
  if (before && after) return `moved it from ${name(before)} to ${name(after)}`;
  if (after) return `planned it into ${name(after)}`;
  if (before) return `took it out of ${name(before)}`;
  return 'changed its sprint';
}

function frameworkName(value: unknown): string | null {
  return typeof value === 'string' && value in FRAMEWORK_LABELS ? FRAMEWORK_LABELS[value as ScoredFramework] : null;
}

// ---------- words ----------

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const QUOTE_LIMIT = 60;

/** A short text in quotes; a long one cut at a word, so a history line stays one line. */
function quote(value: unknown): string {
  const text = String(value ?? '').trim().replace(/\s+/g, ' ');
  if (text.length <= QUOTE_LIMIT) return `“${text}”`;
  const cut = text.slice(0, QUOTE_LIMIT);
  const space = cut.lastIndexOf(' ');
  return `“${(space > QUOTE_LIMIT / 2 ? cut.slice(0, space) : cut).trimEnd()}…”`;
}

const statusName = (key: unknown, names: ActivityNames) => names.status(String(key)) ?? String(key);

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const formatNumber = (value: unknown): string => (typeof value === 'number' ? numberFormat.format(value) : String(value));

const planDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** A plan date has no time zone, so it is read as UTC: `2026-12-07` → `7 Dec 2026`. */
const formatPlanDate = (date: string): string => {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? date : planDate.format(time);
};

/** `blockedReason` → `blocked reason`. */
const humanise = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function recordOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

function criteriaOf(value: unknown): CriterionLike[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry, index) => {
    const criterion = recordOf(entry);
    if (!criterion) return [];
    const text = (field: string) => (typeof criterion[field] === 'string' ? (criterion[field] as string) : '');
    return [{ id: typeof criterion.id === 'string' ? criterion.id : `#${index}`, given: text('given'), when: text('when'), then: text('then'), done: criterion.done === true }];
  });
}

// ---------- time ----------

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const fullDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * When, as a glance reads it: `just now`, `5 minutes ago`, `3 hours ago`,
 * `yesterday`, `4 days ago`; past a week, the day (`7 Dec`, with the year
 * when it is not this one).
 */
export function relativeTime(at: string, now: number): string {
  const then = Date.parse(at);
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 7) return relative.format(-days, 'day');
  return (new Date(then).getFullYear() === new Date(now).getFullYear() ? shortDay : fullDay).format(then);
}

/** The exact moment, for a tooltip: `7 December 2026 at 10:04:12`. */
export function exactTime(at: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(Date.parse(at));
}
