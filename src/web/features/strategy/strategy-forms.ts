import { keyResultProblems } from '../../../domain/strategy/key-results';
import type { GoalCreate, InitiativeCreate, KeyResultCreate } from '../../../contracts/strategy.schema';
import type { Direction, Goal, Initiative, InitiativeStatus, KeyResult } from './strategy-model';

/**
 * What the strategy forms edit, as text, and the checks they run before
 * sending: the server's own rules (lengths, finite numbers, a target on the
 * better side of the baseline, an end on or after the start) so the usual
 * mistakes are explained at once. Error keys are the body's field paths, as
 * the server's problem details name them (`keyResults.1.target`).
 */

export type FormErrors = Record<string, string>;

export interface KeyResultDraft {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  /** Empty: not measured yet. */
  current: string;
  direction: Direction;
  /** A percentage 0–100 as typed; empty: no confidence given. */
  confidence: string;
}

export const emptyKeyResultDraft = (): KeyResultDraft => ({ name: '', unit: '', baseline: '', target: '', current: '', direction: 'increase', confidence: '' });

const text = (value: number | null): string => (value === null ? '' : String(value));

export function keyResultDraftOf(keyResult: KeyResult): KeyResultDraft {
  return {
    name: keyResult.name,
    unit: keyResult.unit,
    baseline: text(keyResult.baseline),
    target: text(keyResult.target),
    current: text(keyResult.current),
    direction: keyResult.direction,
    confidence: keyResult.confidence === null ? '' : String(Math.round(keyResult.confidence * 1000) / 10),
  };
}

/**
 * A number as people type it: `1,200`, `3.5`, `3,5` (a lone comma before one
 * or two digits is a decimal comma), `-2`, `12 %`. Null when it is not one;
 * undefined when the field is empty.
 */
export function parseMeasure(input: string): number | null | undefined {
  let value = input.trim().replace(/\s*%$/, '').replace(/\s/g, '');
  if (value === '') return undefined;
  if (/^-?\d+,\d{1,2}$/.test(value)) value = value.replace(',', '.');
  else value = value.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value)) return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** The checks of one key result's fields; `prefix` places them in a goal's list (`keyResults.0.`). */
export function checkKeyResultDraft(draft: KeyResultDraft, prefix = ''): FormErrors {
  const errors: FormErrors = {};
  const name = draft.name.trim();
  if (!name) errors[`${prefix}name`] = 'Name the metric, e.g. “Weekly active teams”.';
  else if (name.length > 200) errors[`${prefix}name`] = 'At most 200 characters.';
  if (draft.unit.trim().length > 40) errors[`${prefix}unit`] = 'At most 40 characters.';
  const baseline = parseMeasure(draft.baseline);
  const target = parseMeasure(draft.target);
  const current = parseMeasure(draft.current);
  const confidence = parseMeasure(draft.confidence);
  if (baseline === undefined) errors[`${prefix}baseline`] = 'Where the metric starts from.';
  else if (baseline === null) errors[`${prefix}baseline`] = 'A number, e.g. 42 or 3.5.';
  if (target === undefined) errors[`${prefix}target`] = 'Where it should get to.';
  else if (target === null) errors[`${prefix}target`] = 'A number, e.g. 42 or 3.5.';
  if (current === null) errors[`${prefix}current`] = 'A number, or empty until it is measured.';
  if (confidence === null || (typeof confidence === 'number' && (confidence < 0 || confidence > 100))) errors[`${prefix}confidence`] = 'A percentage from 0 to 100, or empty.';
  if (typeof baseline === 'number' && typeof target === 'number') {
    for (const problem of keyResultProblems({ baseline, target, direction: draft.direction })) errors[`${prefix}${problem.field}`] ??= `The target ${problem.message}.`;
  }
  return errors;
}

/** The request body of a checked draft. */
export function keyResultBody(draft: KeyResultDraft): Required<KeyResultCreate> {
  const confidence = parseMeasure(draft.confidence);
  return {
    name: draft.name.trim(),
    unit: draft.unit.trim(),
    baseline: parseMeasure(draft.baseline) ?? 0,
    target: parseMeasure(draft.target) ?? 0,
    current: parseMeasure(draft.current) ?? null,
    direction: draft.direction,
    confidence: typeof confidence === 'number' ? Math.round(confidence * 10) / 1000 : null,
  };
}

/** The checks of the quick "record the current value" field: a number is required there. */
export function checkRecordedValue(input: string): { value: number } | { error: string } {
  const value = parseMeasure(input);
  if (value === undefined) return { error: 'Type the value measured now.' };
  if (value === null) return { error: 'A number, e.g. 42 or 3.5.' };
  return { value };
}

export interface GoalDraft {
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  /** Empty: nobody. */
  ownerId: string;
  /** Only a new goal carries key results; an existing one edits them one by one. */
  keyResults: KeyResultDraft[];
}

export const emptyGoalDraft = (period: { startDate: string; endDate: string }, ownerId: string | null): GoalDraft => ({
  title: '',
  description: '',
  ...period,
  ownerId: ownerId ?? '',
  keyResults: [emptyKeyResultDraft()],
});

export function goalDraftOf(goal: Goal): GoalDraft {
  return { title: goal.title, description: goal.description, startDate: goal.startDate, endDate: goal.endDate, ownerId: goal.ownerId ?? '', keyResults: [] };
}

/** A real calendar date as `YYYY-MM-DD` (the 30th of February is not one). */
function isPlanDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** A plan's dates, as the server checks them (`assertPeriod`): the end on or after the start. */
function checkPeriod(errors: FormErrors, start: { field: string; value: string; required: boolean }, end: { field: string; value: string; required: boolean }) {
  for (const date of [start, end]) {
    if (!date.value) {
      if (date.required) errors[date.field] = 'Choose a date.';
    } else if (!isPlanDate(date.value)) errors[date.field] = 'A date as YYYY-MM-DD.';
  }
  if (!errors[start.field] && !errors[end.field] && start.value && end.value && end.value < start.value) errors[end.field] = 'Ends before it starts.';
}

export function checkGoalDraft(draft: GoalDraft): FormErrors {
  const errors: FormErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'Say what winning looks like, e.g. “New workspaces succeed in their first week”.';
  else if (title.length > 200) errors.title = 'At most 200 characters.';
  if (draft.description.length > 20_000) errors.description = 'At most 20,000 characters.';
  checkPeriod(errors, { field: 'startDate', value: draft.startDate, required: true }, { field: 'endDate', value: draft.endDate, required: true });
  draft.keyResults.forEach((keyResult, index) => Object.assign(errors, checkKeyResultDraft(keyResult, `keyResults.${index}.`)));
  return errors;
}

export function goalBody(draft: GoalDraft): Required<GoalCreate> {
  return {
    title: draft.title.trim(),
    description: draft.description,
    startDate: draft.startDate,
    endDate: draft.endDate,
    ownerId: draft.ownerId || null,
    keyResults: draft.keyResults.map(keyResultBody),
  };
}

/**
 * What an edit changed, against what the form started from; empty when
 * nothing did. Fields left alone are not sent, so they cannot overwrite a
 * colleague's change made meanwhile.
 */
export function changesOf<T extends object>(before: T, after: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes;
}

export interface InitiativeDraft {
  title: string;
  description: string;
  status: InitiativeStatus;
  startDate: string;
  targetDate: string;
  goalIds: string[];
}

export const emptyInitiativeDraft = (goalIds: string[] = []): InitiativeDraft => ({ title: '', description: '', status: 'proposed', startDate: '', targetDate: '', goalIds });

export function initiativeDraftOf(initiative: Initiative): InitiativeDraft {
  return {
    title: initiative.title,
    description: initiative.description,
    status: initiative.status,
    startDate: initiative.startDate ?? '',
    targetDate: initiative.targetDate ?? '',
    goalIds: [...initiative.goalIds],
  };
}

export function checkInitiativeDraft(draft: InitiativeDraft): FormErrors {
  const errors: FormErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'Name the bet, e.g. “Self-serve onboarding in an hour”.';
  else if (title.length > 200) errors.title = 'At most 200 characters.';
  if (draft.description.length > 20_000) errors.description = 'At most 20,000 characters.';
  checkPeriod(errors, { field: 'startDate', value: draft.startDate, required: false }, { field: 'targetDate', value: draft.targetDate, required: false });
  if (draft.goalIds.length > 50) errors.goalIds = 'At most 50 goals.';
  return errors;
}

export function initiativeBody(draft: InitiativeDraft): Required<InitiativeCreate> {
  return {
    title: draft.title.trim(),
    description: draft.description,
    status: draft.status,
    startDate: draft.startDate || null,
    targetDate: draft.targetDate || null,
    goalIds: [...new Set(draft.goalIds)],
  };
}

/**
 * Server field errors keyed for a form: `goalIds.1` belongs to the goal
 * picker as a whole; the rest keep their paths.
 */
export function formErrorsOf(byPath: Record<string, string>): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(byPath)) {
    const list = /^(goalIds|initiativeIds)\.\d+$/.exec(path);
    out[list ? list[1]! : path] ??= message;
  }
  return out;
}
