import { DECISION_STATUSES } from '../../../contracts/vocabulary';
import type { Decision, DecisionCreate, DecisionStatus } from '../../../contracts/decision.schema';

export type { Decision, DecisionCreate, DecisionStatus, DecisionUpdate } from '../../../contracts/decision.schema';

export const STATUS_LABELS: Record<DecisionStatus, string> = { proposed: 'Proposed', decided: 'Decided', superseded: 'Superseded' };

/**
 * The statuses a decision may move to from its own, as the server allows
 * (domain/backlog/decisions.ts): history only moves forward.
 */
export function nextStatuses(status: DecisionStatus): DecisionStatus[] {
  return DECISION_STATUSES.slice(DECISION_STATUSES.indexOf(status));
}

/** The decision log's address search: words and a status, both optional. */
export interface DecisionSearch {
  q?: string;
  status?: DecisionStatus;
}

export function parseDecisionSearch(search: Record<string, unknown>): DecisionSearch {
  const out: DecisionSearch = {};
  if (typeof search.q === 'string' && search.q.trim()) out.q = search.q.slice(0, 200);
  if (typeof search.status === 'string' && (DECISION_STATUSES as readonly string[]).includes(search.status)) out.status = search.status as DecisionStatus;
  return out;
}

export interface OptionDraft {
  title: string;
  notes: string;
}

/** What the decision form edits: everything as text, items as the keys the user typed. */
export interface DecisionDraft {
  title: string;
  context: string;
  options: OptionDraft[];
  outcome: string;
  rationale: string;
  status: DecisionStatus;
  supersededBy: string;
  items: string;
}

export function emptyDraft(itemKeys: readonly string[] = []): DecisionDraft {
  return { title: '', context: '', options: [], outcome: '', rationale: '', status: 'proposed', supersededBy: '', items: itemKeys.join(', ') };
}

/** A decision as the form starts from it; linked items by key where known, by id otherwise. */
export function draftOf(decision: Decision, keyOf: (itemId: string) => string | undefined): DecisionDraft {
  return {
    title: decision.title,
    context: decision.context,
    options: decision.options.map((option) => ({ ...option })),
    outcome: decision.outcome,
    rationale: decision.rationale,
    status: decision.status,
    supersededBy: decision.supersededBy ?? '',
    items: decision.itemIds.map((id) => keyOf(id) ?? id).join(', '),
  };
}

/** Item keys as typed ("DEMO-4, demo-12 DEMO-4"): upper-cased, each once, in order. */
export function parseItemRefs(text: string): string[] {
  const refs: string[] = [];
  for (const word of text.split(/[\s,;]+/)) {
    const ref = /^[a-z][a-z0-9]*-\d+$/i.test(word) ? word.toUpperCase() : word;
    if (ref && !refs.includes(ref)) refs.push(ref);
  }
  return refs;
}

/**
 * Checks the form before sending, with the server's own rules, so the usual
 * mistakes are explained at once. Keys are the body's field paths, as the
 * server's problem details name them.
 */
export function checkDraft(draft: DecisionDraft, id: string | null = null): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.title.trim()) errors.title = 'A decision needs a title.';
  if (draft.status === 'decided' && !draft.outcome.trim()) errors.outcome = 'Say what was decided: a decided decision needs its outcome.';
  if (draft.status === 'superseded' && !draft.supersededBy) errors.supersededBy = 'Choose the decision that replaces this one.';
  if (id !== null && draft.supersededBy === id) errors.supersededBy = 'A decision cannot supersede itself.';
  draft.options.forEach((option, index) => {
    if (!option.title.trim() && option.notes.trim()) errors[`options.${index}.title`] = 'An option needs a title.';
  });
  return errors;
}

/** The request body of a draft: trimmed, options without a title left out, successor only when superseded. */
export function bodyOf(draft: DecisionDraft): Required<DecisionCreate> {
  return {
    title: draft.title.trim(),
    context: draft.context,
    options: draft.options.filter((option) => option.title.trim()).map((option) => ({ title: option.title.trim(), notes: option.notes.trim() })),
    outcome: draft.outcome.trim(),
    rationale: draft.rationale,
    status: draft.status,
    supersededBy: draft.status === 'superseded' && draft.supersededBy ? draft.supersededBy : null,
    itemIds: parseItemRefs(draft.items),
  };
}

/**
 * Server field errors, keyed for the form: `itemIds.2` is the third key the
 * user typed, so its message names that key.
 */
export function formErrorsOf(byPath: Record<string, string>, draft: DecisionDraft): Record<string, string> {
  const refs = parseItemRefs(draft.items);
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(byPath)) {
    const item = /^itemIds\.(\d+)$/.exec(path);
    if (item) out.items ??= `${refs[Number(item[1])] ?? 'An item'}: ${message}`;
    else out[path] ??= message;
  }
  return out;
}

/** What an edit changed, field by field, against the draft the form started from; empty when nothing did. */
export function changesOf(start: DecisionDraft, draft: DecisionDraft): Partial<Required<DecisionCreate>> {
  const before = bodyOf(start);
  const after = bodyOf(draft);
  const changes: Partial<Required<DecisionCreate>> = {};
  for (const key of Object.keys(after) as Array<keyof typeof after>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) Object.assign(changes, { [key]: after[key] });
  }
  return changes;
}
