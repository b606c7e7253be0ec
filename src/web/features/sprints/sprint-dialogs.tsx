import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../../api/client';
import { isStale } from '../../api/item-editor';
import type { Sprint, SprintUpdate } from '../../api/sprint-keys';
import type { Member } from '../../api/types';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { TextAreaField, TextField } from '../../ui/field';
import { Alert } from '../../ui/states';
import { useCompleteSprint, useCreateSprint, useStartSprint, useUpdateSprint } from './queries';
import { capacityState, formatPoints, nextSprintDates, nextSprintName, toAvailability, totalDays, type AvailabilityRow } from './sprint-model';

/** Who can give a sprint days: everyone who does delivery work. */
const DELIVERY_ROLES = new Set(['owner', 'product_manager', 'product_owner', 'contributor']);

const today = () => new Date().toISOString().slice(0, 10);

function availabilityRows(members: readonly Member[], sprint: Sprint | null): AvailabilityRow[] {
  const days = new Map((sprint?.availability ?? []).map((entry) => [entry.userId, entry.days]));
  return members
    .filter((member) => member.roles.some((role) => DELIVERY_ROLES.has(role)) || days.has(member.userId))
    .map((member) => ({ userId: member.userId, name: member.name, days: days.has(member.userId) ? String(days.get(member.userId)) : '' }));
}

export interface SprintFormDialogProps {
  productId: string;
  open: boolean;
  /** The sprint to edit; null to plan a new one. */
  sprint: Sprint | null;
  sprints: readonly Sprint[];
  members: readonly Member[];
  onClose: () => void;
  onSaved: (sprint: Sprint, created: boolean) => void;
}

/** Plan or edit a sprint: name, goal, dates, and the days each member can give it. */
export function SprintFormDialog({ productId, open, sprint, sprints, members, onClose, onSaved }: SprintFormDialogProps) {
  const create = useCreateSprint(productId);
  const update = useUpdateSprint(productId);
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [rows, setRows] = useState<AvailabilityRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  // A fresh form each time the dialog opens.
  useEffect(() => {
    if (!open) return;
    const dates = sprint ?? nextSprintDates(today(), sprints);
    setName(sprint?.name ?? nextSprintName(sprints));
    setGoal(sprint?.goal ?? '');
    setStartDate(dates.startDate);
    setEndDate(dates.endDate);
    setRows(availabilityRows(members, sprint));
    setErrors({});
    setProblem(null);
    // Members arriving later fill the rows in below; an open form is not reset by a refetch.
  }, [open, sprint?.id]);

  useEffect(() => {
    if (open && rows.length === 0 && members.length > 0) setRows(availabilityRows(members, sprint));
  }, [open, members, rows.length, sprint]);

  const availability = toAvailability(rows);
  const days = totalDays(availability.value);
  const busy = create.isPending || update.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'A sprint needs a name';
    if (!startDate) local.startDate = 'Pick the first day';
    if (!endDate) local.endDate = 'Pick the last day';
    if (startDate && endDate && endDate < startDate) local.endDate = 'The sprint ends before it starts';
    for (const [userId, message] of Object.entries(availability.errors)) local[`days.${userId}`] = message;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setProblem(null);
    try {
      if (sprint) {
        const changes: SprintUpdate = {};
        if (name.trim() !== sprint.name) changes.name = name.trim();
        if (goal.trim() !== sprint.goal) changes.goal = goal.trim();
        if (startDate !== sprint.startDate) changes.startDate = startDate;
        if (endDate !== sprint.endDate) changes.endDate = endDate;
        if (JSON.stringify(availability.value) !== JSON.stringify(sprint.availability)) changes.availability = availability.value;
        if (Object.keys(changes).length === 0) return onClose();
        onSaved(await update.mutateAsync({ sprint, changes }), false);
      } else {
        onSaved(await create.mutateAsync({ name: name.trim(), goal: goal.trim(), startDate, endDate, availability: availability.value }), true);
      }
    } catch (error) {
      if (isStale(error)) {
        setProblem('Someone else changed this sprint meanwhile. Close this form and open it again to see their version.');
        return;
      }
      const byPath = error instanceof ApiError ? error.fieldErrorsByPath : {};
      const fields: Record<string, string> = {};
      for (const [path, message] of Object.entries(byPath)) {
        const member = /^availability\.(\d+)\./.exec(path);
        const row = member ? availability.value[Number(member[1])] : undefined;
        if (row) fields[`days.${row.userId}`] = message;
        else fields[path] = message;
      }
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setProblem(messageOf(error));
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={sprint ? `Edit ${sprint.name}` : 'New sprint'}
      description="Capacity comes from the days each person can give the sprint and the team's recent velocity."
    >
      <form className="form sprint-form" onSubmit={(event) => void submit(event)} noValidate>
        {problem && <Alert>{problem}</Alert>}
        <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} maxLength={120} required />
        <TextAreaField label="Goal" value={goal} onChange={(event) => setGoal(event.target.value)} error={errors.goal} rows={2} hint="One sentence stakeholders can repeat: what the sprint is for." />
        <div className="form-row">
          <TextField label="Start date" type="date" value={startDate} onChange={(event) => setStartDate(event.target.value)} error={errors.startDate} required />
          <TextField label="End date" type="date" value={endDate} onChange={(event) => setEndDate(event.target.value)} error={errors.endDate} required />
        </div>
        <fieldset className="availability">
          <legend className="field-label">Availability (days each person can give)</legend>
          {rows.length === 0 ? (
            <p className="field-hint">Loading members…</p>
          ) : (
            <ul className="availability-list">
              {rows.map((row, index) => {
                const error = errors[`days.${row.userId}`];
                const id = `days-${row.userId}`;
                return (
                  <li key={row.userId} className={`availability-row${error ? ' field-invalid' : ''}`}>
                    <label htmlFor={id} className="availability-name">
                      {row.name}
                      <span className="visually-hidden"> (days)</span>
                    </label>
                    <input
                      id={id}
                      className="input availability-input"
                      inputMode="decimal"
                      placeholder="—"
                      value={row.days}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      onChange={(event) => setRows(rows.map((candidate, at) => (at === index ? { ...candidate, days: event.target.value } : candidate)))}
                    />
                    {error && (
                      <span id={`${id}-error`} className="field-error">
                        {error}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <p className="field-hint" aria-live="polite">
            {days} person-{days === 1 ? 'day' : 'days'} in total. Leave someone blank if they are not in this sprint.
          </p>
        </fieldset>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" busy={busy}>
            {sprint ? 'Save sprint' : 'Create sprint'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Starting fixes the commitment, so the dialog shows it against capacity first. */
export function StartSprintDialog({ productId, sprint, running, onClose, onStarted }: { productId: string; sprint: Sprint | null; running: Sprint | undefined; onClose: () => void; onStarted: (sprint: Sprint) => void }) {
  const start = useStartSprint(productId);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setProblem(null), [sprint?.id]);
  const state = sprint ? capacityState(sprint.committedPoints, sprint.capacity.points) : null;
  return (
    <Dialog
      open={sprint !== null}
      onClose={onClose}
      size="sm"
      title={sprint ? `Start ${sprint.name}?` : ''}
    >
      {sprint && state && (
        <div className="form">
          {problem && <Alert>{problem}</Alert>}
          {running && <Alert tone="warning">{running.name} is still running. Complete it before starting another sprint.</Alert>}
          <p>
            {sprint.itemCount} {sprint.itemCount === 1 ? 'item' : 'items'}, {formatPoints(sprint.committedPoints)} committed against a capacity of {formatPoints(sprint.capacity.points)}. The points
            committed now become the sprint’s commitment; anything added or taken out later is shown as a scope change.
          </p>
          {state.tone === 'over' && <Alert tone="warning">The sprint is {formatPoints(state.overBy)} over capacity.</Alert>}
          <div className="form-actions">
            <Button onClick={onClose}>Cancel</Button>
            <Button
              variant="primary"
              busy={start.isPending}
              disabled={running !== undefined}
              onClick={() =>
                sprint &&
                start.mutate(sprint, {
                  onSuccess: onStarted,
                  onError: (error) => setProblem(isStale(error) ? 'The sprint changed meanwhile; its latest version is shown now. Check it and start again.' : messageOf(error)),
                })
              }
            >
              Start sprint
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

/** Completing asks where unfinished items go: the next planned sprint, or back to the backlog. */
export function CompleteSprintDialog({ productId, sprint, next, onClose, onCompleted }: { productId: string; sprint: Sprint | null; next: Sprint | undefined; onClose: () => void; onCompleted: (message: string) => void }) {
  const complete = useCompleteSprint(productId);
  const [carryTo, setCarryTo] = useState<'next' | 'backlog'>('next');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setProblem(null);
    setCarryTo(next ? 'next' : 'backlog');
  }, [sprint?.id, next]);
  const unfinished = sprint ? sprint.committedPoints - sprint.completedPoints : 0;
  return (
    <Dialog
      open={sprint !== null}
      onClose={onClose}
      size="sm"
      title={sprint ? `Complete ${sprint.name}?` : ''}
    >
      {sprint && (
        <div className="form">
          {problem && <Alert>{problem}</Alert>}
          <p>
            {formatPoints(sprint.completedPoints)} of {formatPoints(sprint.committedPoints)} done. The done points become this sprint’s velocity.
          </p>
          <fieldset className="carry-to">
            <legend className="field-label">Unfinished work{unfinished > 0 ? ` (${formatPoints(unfinished)})` : ''} goes to</legend>
            <label className="check">
              <input type="radio" name="carry-to" value="next" checked={carryTo === 'next'} disabled={!next} onChange={() => setCarryTo('next')} />
              <span className="check-text">
                <span className="check-label">{next ? next.name : 'The next sprint'}</span>
                <span className="check-hint">{next ? 'The next planned sprint takes it on.' : 'No sprint is planned yet, so it would go to the backlog.'}</span>
              </span>
            </label>
            <label className="check">
              <input type="radio" name="carry-to" value="backlog" checked={carryTo === 'backlog'} onChange={() => setCarryTo('backlog')} />
              <span className="check-text">
                <span className="check-label">The backlog</span>
                <span className="check-hint">Unplanned again, to be ranked with everything else.</span>
              </span>
            </label>
          </fieldset>
          <div className="form-actions">
            <Button onClick={onClose}>Cancel</Button>
            <Button
              variant="primary"
              busy={complete.isPending}
              onClick={() =>
                sprint &&
                complete.mutate(
                  { sprint, carryTo },
                  {
                    onSuccess: (result) => {
                      const where = result.carriedTo ? (next?.id === result.carriedTo ? next.name : 'the next sprint') : 'the backlog';
                      onCompleted(
                        result.carriedOver > 0
                          ? `${result.sprint.name} completed; ${result.carriedOver} unfinished ${result.carriedOver === 1 ? 'item' : 'items'} moved to ${where}`
                          : `${result.sprint.name} completed with everything done`,
                      );
                    },
                    onError: (error) => setProblem(isStale(error) ? 'The sprint changed meanwhile; its latest version is shown now. Try again.' : messageOf(error)),
                  },
                )
              }
            >
              Complete sprint
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
