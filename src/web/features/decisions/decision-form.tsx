import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { CloseIcon, PlusIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { bodyOf, changesOf, checkDraft, formErrorsOf, nextStatuses, STATUS_LABELS, type Decision, type DecisionDraft } from './decision-model';
import { useDecisionChoices, useSaveDecision } from './queries';
import './decisions.css';

export interface DecisionFormDialogProps {
  productId: string;
  open: boolean;
  /** The decision to change; null to record a new one. */
  decision: Decision | null;
  /** The record as it stands (a new decision's may name items); what an edit changes is measured from it. */
  initial: DecisionDraft;
  /** Changes the form opens with, already made (a status to move to, say). */
  preset?: Partial<DecisionDraft>;
  /** A short line under the title. */
  description?: string;
  onClose: () => void;
  onSaved: (decision: Decision, created: boolean) => void;
}

/** Record a decision or change one: title, context, options, outcome, rationale, status, successor and linked items. */
export function DecisionFormDialog({ productId, open, decision, initial, preset, description, onClose, onSaved }: DecisionFormDialogProps) {
  const save = useSaveDecision(productId);
  const [draft, setDraft] = useState(initial);
  const start = useRef(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const choices = useDecisionChoices(productId, open && draft.status === 'superseded');

  // A fresh form each time the dialog opens; a refetch meanwhile does not reset what the user typed.
  useEffect(() => {
    if (!open) return;
    start.current = initial;
    setDraft({ ...initial, ...preset });
    setErrors({});
    setProblem(null);
  }, [open]);

  const set = <K extends keyof DecisionDraft>(key: K, value: DecisionDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      if (!Object.keys(current).some((path) => path === key || path.startsWith(`${key}.`))) return current;
      return Object.fromEntries(Object.entries(current).filter(([path]) => path !== key && !path.startsWith(`${key}.`)));
    });
  };
  const setOption = (index: number, part: 'title' | 'notes', value: string) =>
    set(
      'options',
      draft.options.map((option, at) => (at === index ? { ...option, [part]: value } : option)),
    );

  const statuses = decision ? nextStatuses(decision.status) : (['proposed', 'decided'] as const);
  const successors = (choices.data ?? []).filter((candidate) => candidate.id !== decision?.id);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkDraft(draft, decision?.id ?? null);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setProblem(null);
    try {
      if (decision) {
        const update = changesOf(start.current, draft);
        if (Object.keys(update).length === 0) return onClose();
        onSaved(await save.mutateAsync({ decision, update }), false);
      } else {
        onSaved(await save.mutateAsync({ create: bodyOf(draft) }), true);
      }
    } catch (error) {
      if (isStale(error)) {
        setProblem('Someone else changed this decision meanwhile. Close this form and open it again to see their version.');
        return;
      }
      const fields = formErrorsOf(error instanceof ApiError ? error.fieldErrorsByPath : {}, draft);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setProblem(messageOf(error));
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={decision ? `Edit “${decision.title}”` : 'Record a decision'} description={description}>
      <form className="form decision-form" onSubmit={(event) => void submit(event)} noValidate>
        {problem && <Alert>{problem}</Alert>}
        {Object.keys(errors).length > 0 && !problem && <Alert>Check the marked fields.</Alert>}
        <TextField label="Title" value={draft.title} onChange={(event) => set('title', event.target.value)} maxLength={200} required error={errors.title} placeholder="Snowflake before BigQuery" />
        <TextAreaField
          label="Context (Markdown)"
          value={draft.context}
          onChange={(event) => set('context', event.target.value)}
          rows={4}
          maxLength={20_000}
          error={errors.context}
          hint="The situation and the question to answer."
        />
        <fieldset className="decision-options">
          <legend className="field-label">Options considered</legend>
          {draft.options.length === 0 && <p className="field-hint">No options listed yet.</p>}
          {draft.options.map((option, index) => (
            <div key={index} className="decision-option-row">
              <TextField label={`Option ${index + 1}`} value={option.title} onChange={(event) => setOption(index, 'title', event.target.value)} maxLength={200} error={errors[`options.${index}.title`]} />
              <TextField label={`Notes on option ${index + 1}`} value={option.notes} onChange={(event) => setOption(index, 'notes', event.target.value)} maxLength={2000} error={errors[`options.${index}.notes`]} />
              <button
                type="button"
                className="icon-btn icon-btn-sm decision-option-remove"
                aria-label={`Remove option ${index + 1}`}
                onClick={() => set('options', draft.options.filter((_, at) => at !== index))}
              >
                <CloseIcon />
              </button>
            </div>
          ))}
          {draft.options.length < 20 && (
            <Button size="sm" variant="ghost" icon={<PlusIcon />} onClick={() => set('options', [...draft.options, { title: '', notes: '' }])}>
              Add option
            </Button>
          )}
        </fieldset>
        <div className="form-row">
          <SelectField
            label="Status"
            value={draft.status}
            onChange={(event) => set('status', event.target.value as DecisionDraft['status'])}
            options={statuses.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
            error={errors.status}
            hint={decision && decision.status !== 'proposed' ? 'A decision’s status only moves forward.' : undefined}
          />
          {draft.status === 'superseded' && (
            <SelectField
              label="Superseded by"
              value={draft.supersededBy}
              onChange={(event) => set('supersededBy', event.target.value)}
              options={[
                { value: '', label: choices.isPending ? 'Loading decisions…' : 'Choose the decision that replaces it' },
                ...successors.map((candidate) => ({ value: candidate.id, label: `${candidate.title} (${STATUS_LABELS[candidate.status]})` })),
              ]}
              error={errors.supersededBy ?? (choices.isError ? `Could not load the decisions: ${messageOf(choices.error)}` : undefined)}
              hint={!choices.isPending && successors.length === 0 ? 'Record the decision that replaces this one first.' : undefined}
            />
          )}
        </div>
        <TextAreaField
          label="Outcome"
          value={draft.outcome}
          onChange={(event) => set('outcome', event.target.value)}
          rows={2}
          maxLength={5000}
          error={errors.outcome}
          hint={draft.status === 'proposed' ? 'What was decided; needed once it is decided.' : 'What was decided.'}
          required={draft.status === 'decided'}
        />
        <TextAreaField label="Rationale" value={draft.rationale} onChange={(event) => set('rationale', event.target.value)} rows={3} maxLength={10_000} error={errors.rationale} hint="Why this option, for whoever asks later." />
        <TextField
          label="Linked items"
          value={draft.items}
          onChange={(event) => set('items', event.target.value)}
          error={errors.items}
          hint="Item keys, separated by commas: DEMO-4, DEMO-12."
          placeholder="DEMO-4, DEMO-12"
          autoComplete="off"
        />
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {decision ? 'Save decision' : 'Record decision'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

