import { useEffect, useRef, useState, type FormEvent } from 'react';
import { KEY_RESULT_DIRECTIONS } from '../../../contracts/vocabulary';
import { ApiError, messageOf } from '../../api/client';
import { isStale } from '../../api/item-editor';
import type { Member } from '../../api/types';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { CloseIcon, PlusIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { useSaveGoal, useSaveKeyResult } from './queries';
import {
  changesOf,
  checkGoalDraft,
  checkKeyResultDraft,
  emptyKeyResultDraft,
  formErrorsOf,
  goalBody,
  keyResultBody,
  keyResultDraftOf,
  type FormErrors,
  type GoalDraft,
  type KeyResultDraft,
} from './strategy-forms';
import type { Goal, KeyResult } from './strategy-model';

const DIRECTION_OPTIONS = KEY_RESULT_DIRECTIONS.map((direction) => ({ value: direction, label: direction === 'increase' ? 'Increase: higher is better' : 'Decrease: lower is better' }));

/** Errors under `prefix`, with the prefix taken off, for one key result's fields. */
const errorsUnder = (errors: FormErrors, prefix: string): FormErrors =>
  Object.fromEntries(Object.entries(errors).flatMap(([path, message]) => (path.startsWith(prefix) ? [[path.slice(prefix.length), message]] : [])));

/** A key result's numbers: the metric, its unit and direction, where it starts, where it should get to, where it is, and how sure we are. */
export function KeyResultFields({ draft, onChange, errors, legend, onRemove }: { draft: KeyResultDraft; onChange: (draft: KeyResultDraft) => void; errors: FormErrors; legend: string; onRemove?: () => void }) {
  const set = <K extends keyof KeyResultDraft>(key: K, value: KeyResultDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <fieldset className="kr-fields">
      <legend className="kr-fields-legend">
        {legend}
        {onRemove && (
          <button type="button" className="icon-btn icon-btn-sm" aria-label={`Remove ${legend.toLowerCase()}`} onClick={onRemove}>
            <CloseIcon />
          </button>
        )}
      </legend>
      <div className="kr-fields-grid">
        <div className="kr-fields-name">
          <TextField label="Metric" value={draft.name} onChange={(event) => set('name', event.target.value)} maxLength={200} required error={errors.name} placeholder="Weekly active teams" />
        </div>
        <TextField label="Unit" value={draft.unit} onChange={(event) => set('unit', event.target.value)} maxLength={40} error={errors.unit} placeholder="%, hours, deals" />
        <SelectField label="Direction" value={draft.direction} onChange={(event) => set('direction', event.target.value as KeyResultDraft['direction'])} options={DIRECTION_OPTIONS} error={errors.direction} />
        <TextField label="Baseline" value={draft.baseline} onChange={(event) => set('baseline', event.target.value)} inputMode="decimal" required error={errors.baseline} hint="Where it starts" />
        <TextField label="Target" value={draft.target} onChange={(event) => set('target', event.target.value)} inputMode="decimal" required error={errors.target} hint="Where it should get to" />
        <TextField label="Current value" value={draft.current} onChange={(event) => set('current', event.target.value)} inputMode="decimal" error={errors.current} hint="Empty until measured" />
        <TextField label="Confidence (%)" value={draft.confidence} onChange={(event) => set('confidence', event.target.value)} inputMode="decimal" error={errors.confidence} hint="How likely the target is met" />
      </div>
    </fieldset>
  );
}

const STALE = (what: string) => `Someone else changed this ${what} meanwhile. Close this form and open it again to see their version.`;

export interface GoalFormDialogProps {
  productId: string;
  open: boolean;
  /** The goal to change; null to set a new one. */
  goal: Goal | null;
  initial: GoalDraft;
  members: readonly Member[];
  onClose: () => void;
  onSaved: (goal: Goal, created: boolean) => void;
}

/** Set a goal (with its key results, in one go) or change one's title, description, time box and owner. */
export function GoalFormDialog({ productId, open, goal, initial, members, onClose, onSaved }: GoalFormDialogProps) {
  const save = useSaveGoal(productId);
  const [draft, setDraft] = useState(initial);
  const start = useRef(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);

  // A fresh form each time the dialog opens; a refetch meanwhile does not reset what the user typed.
  useEffect(() => {
    if (!open) return;
    start.current = initial;
    setDraft(initial);
    setErrors({});
    setProblem(null);
  }, [open]);

  const set = <K extends keyof GoalDraft>(key: K, value: GoalDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => path !== key)));
  };
  const setKeyResult = (index: number, next: KeyResultDraft) => {
    set(
      'keyResults',
      draft.keyResults.map((keyResult, at) => (at === index ? next : keyResult)),
    );
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith(`keyResults.${index}.`))));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkGoalDraft(draft);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setProblem(null);
    try {
      if (goal) {
        const { keyResults: _before, ...before } = goalBody(start.current);
        const { keyResults: _after, ...after } = goalBody(draft);
        const update = changesOf(before, after);
        if (Object.keys(update).length === 0) return onClose();
        onSaved(await save.mutateAsync({ goal, update }), false);
      } else {
        onSaved(await save.mutateAsync({ create: goalBody(draft) }), true);
      }
    } catch (error) {
      if (isStale(error)) return setProblem(STALE('goal'));
      const fields = formErrorsOf(error instanceof ApiError ? error.fieldErrorsByPath : {});
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setProblem(messageOf(error));
    }
  };

  const owners = [{ value: '', label: 'Nobody yet' }, ...members.map((member) => ({ value: member.userId, label: member.name }))];

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={goal ? `Edit “${goal.title}”` : 'Set a goal'}
      description={goal ? undefined : 'An outcome you want by the end of the time box, measured by a few key results.'}
    >
      <form className="form goal-form" onSubmit={(event) => void submit(event)} noValidate>
        {problem && <Alert>{problem}</Alert>}
        {Object.keys(errors).length > 0 && !problem && <Alert>Check the marked fields.</Alert>}
        <TextField label="Goal" value={draft.title} onChange={(event) => set('title', event.target.value)} maxLength={200} required error={errors.title} placeholder="New workspaces succeed in their first week" />
        <TextAreaField label="Why it matters (Markdown)" value={draft.description} onChange={(event) => set('description', event.target.value)} rows={3} maxLength={20_000} error={errors.description} />
        <div className="form-row">
          <TextField label="Starts" type="date" value={draft.startDate} onChange={(event) => set('startDate', event.target.value)} required error={errors.startDate} />
          <TextField label="Ends" type="date" value={draft.endDate} onChange={(event) => set('endDate', event.target.value)} required error={errors.endDate} />
          <SelectField label="Owner" value={draft.ownerId} onChange={(event) => set('ownerId', event.target.value)} options={owners} error={errors.ownerId} />
        </div>
        {!goal && (
          <div className="kr-field-list">
            {draft.keyResults.map((keyResult, index) => (
              <KeyResultFields
                key={index}
                legend={`Key result ${index + 1}`}
                draft={keyResult}
                onChange={(next) => setKeyResult(index, next)}
                errors={errorsUnder(errors, `keyResults.${index}.`)}
                onRemove={() => {
                  set(
                    'keyResults',
                    draft.keyResults.filter((_, at) => at !== index),
                  );
                  setErrors({});
                }}
              />
            ))}
            {draft.keyResults.length === 0 && <p className="field-hint">No key results yet: you can add them later, but a goal without one cannot show progress.</p>}
            {draft.keyResults.length < 20 && (
              <Button size="sm" variant="ghost" icon={<PlusIcon />} onClick={() => set('keyResults', [...draft.keyResults, emptyKeyResultDraft()])}>
                Add key result
              </Button>
            )}
          </div>
        )}
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {goal ? 'Save goal' : 'Set goal'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Add a key result to a goal, or change one's numbers. */
export function KeyResultFormDialog({
  productId,
  open,
  goal,
  keyResult,
  onClose,
  onSaved,
}: {
  productId: string;
  open: boolean;
  goal: Goal;
  /** The key result to change; null to add one. */
  keyResult: KeyResult | null;
  onClose: () => void;
  onSaved: (keyResult: KeyResult, created: boolean) => void;
}) {
  const save = useSaveKeyResult(productId);
  const initial = keyResult ? keyResultDraftOf(keyResult) : emptyKeyResultDraft();
  const [draft, setDraft] = useState(initial);
  const start = useRef(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    start.current = initial;
    setDraft(initial);
    setErrors({});
    setProblem(null);
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkKeyResultDraft(draft);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setProblem(null);
    try {
      if (keyResult) {
        const update = changesOf(keyResultBody(start.current), keyResultBody(draft));
        if (Object.keys(update).length === 0) return onClose();
        onSaved(await save.mutateAsync({ keyResult, update }), false);
      } else {
        onSaved(await save.mutateAsync({ goalId: goal.id, create: keyResultBody(draft) }), true);
      }
    } catch (error) {
      if (isStale(error)) return setProblem(STALE('key result'));
      const fields = formErrorsOf(error instanceof ApiError ? error.fieldErrorsByPath : {});
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setProblem(messageOf(error));
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={keyResult ? `Edit “${keyResult.name}”` : 'Add a key result'} description={`Of the goal “${goal.title}”.`}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {problem && <Alert>{problem}</Alert>}
        <KeyResultFields
          legend="Key result"
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            setErrors({});
          }}
          errors={errors}
        />
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {keyResult ? 'Save key result' : 'Add key result'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
