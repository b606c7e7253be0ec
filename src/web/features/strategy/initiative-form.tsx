import { useEffect, useRef, useState, type FormEvent } from 'react';
import { INITIATIVE_STATUSES } from '../../../contracts/vocabulary';
import { ApiError, messageOf } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { Alert } from '../../ui/states';
import { useSaveInitiative } from './queries';
import { changesOf, checkInitiativeDraft, formErrorsOf, initiativeBody, type FormErrors, type InitiativeDraft } from './strategy-forms';
import { INITIATIVE_STATUS_LABELS, timeBoxOf, type Goal, type Initiative } from './strategy-model';
import { ChoiceList } from './strategy-parts';

export interface InitiativeFormDialogProps {
  productId: string;
  open: boolean;
  /** The initiative to change; null to start one. */
  initiative: Initiative | null;
  initial: InitiativeDraft;
  goals: readonly Goal[];
  today: string;
  onClose: () => void;
  onSaved: (initiative: Initiative, created: boolean) => void;
}

/** Start an initiative or change one: what the bet is, its status and dates, and the goals it serves. */
export function InitiativeFormDialog({ productId, open, initiative, initial, goals, today, onClose, onSaved }: InitiativeFormDialogProps) {
  const save = useSaveInitiative(productId);
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

  const set = <K extends keyof InitiativeDraft>(key: K, value: InitiativeDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => path !== key)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkInitiativeDraft(draft);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setProblem(null);
    try {
      if (initiative) {
        const update = changesOf(initiativeBody(start.current), initiativeBody(draft));
        if (Object.keys(update).length === 0) return onClose();
        onSaved(await save.mutateAsync({ initiative, update }), false);
      } else {
        onSaved(await save.mutateAsync({ create: initiativeBody(draft) }), true);
      }
    } catch (error) {
      if (isStale(error)) return setProblem('Someone else changed this initiative meanwhile. Close this form and open it again to see their version.');
      const fields = formErrorsOf(error instanceof ApiError ? error.fieldErrorsByPath : {});
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setProblem(messageOf(error));
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={initiative ? `Edit “${initiative.title}”` : 'Start an initiative'}
      description={initiative ? undefined : 'A bet or theme that should move one or more goals; epics and features line up behind it.'}
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {problem && <Alert>{problem}</Alert>}
        {Object.keys(errors).length > 0 && !problem && <Alert>Check the marked fields.</Alert>}
        <TextField label="Initiative" value={draft.title} onChange={(event) => set('title', event.target.value)} maxLength={200} required error={errors.title} placeholder="Self-serve onboarding in an hour" />
        <TextAreaField label="The bet (Markdown)" value={draft.description} onChange={(event) => set('description', event.target.value)} rows={3} maxLength={20_000} error={errors.description} hint="What you will do, and why you expect it to move the goals." />
        <div className="form-row">
          <SelectField
            label="Status"
            value={draft.status}
            onChange={(event) => set('status', event.target.value as InitiativeDraft['status'])}
            options={INITIATIVE_STATUSES.map((status) => ({ value: status, label: INITIATIVE_STATUS_LABELS[status] }))}
            error={errors.status}
          />
          <TextField label="Starts" type="date" value={draft.startDate} onChange={(event) => set('startDate', event.target.value)} error={errors.startDate} />
          <TextField label="Target date" type="date" value={draft.targetDate} onChange={(event) => set('targetDate', event.target.value)} error={errors.targetDate} />
        </div>
        <ChoiceList
          legend="Goals it serves"
          options={goals.map((goal) => ({ value: goal.id, label: goal.title, hint: timeBoxOf(goal, today).dates }))}
          value={draft.goalIds}
          onChange={(goalIds) => set('goalIds', goalIds)}
          error={errors.goalIds}
          empty="No goals yet. Set a goal first, or start the initiative now and link it to a goal later."
          hint={draft.goalIds.length === 0 ? 'An initiative that serves no goal is flagged on the traceability view.' : undefined}
        />
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {initiative ? 'Save initiative' : 'Start initiative'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
