import { useState, type FormEvent } from 'react';
import { ROADMAP_HORIZONS } from '../../../contracts/vocabulary';
import { ApiError, messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { Alert } from '../../ui/states';
import { useMilestoneWrites } from './queries';
import { addDays, HORIZON_LABELS, type Horizon, type PlanChange, type RoadmapItem, type RoadmapMilestone } from './roadmap-model';

const horizonOptions = [{ value: '', label: 'Not placed' }, ...ROADMAP_HORIZONS.map((horizon) => ({ value: horizon, label: HORIZON_LABELS[horizon] }))];

/**
 * An epic's or feature's dates and column, typed: the way to put unscheduled
 * work on the timeline, and the precise alternative to dragging.
 */
export function PlanDialog({ entry, today, onClose, onSave }: { entry: RoadmapItem; today: string; onClose: () => void; onSave: (change: PlanChange) => void }) {
  const [startDate, setStartDate] = useState(entry.startDate ?? (entry.targetDate && entry.targetDate < today ? entry.targetDate : today));
  const [targetDate, setTargetDate] = useState(entry.targetDate ?? addDays(entry.startDate ?? today, 27));
  const [horizon, setHorizon] = useState<Horizon | ''>(entry.horizon ?? '');
  const [error, setError] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!startDate) problems.startDate = 'Pick the day work starts';
    if (!targetDate) problems.targetDate = 'Pick the day it is due';
    if (startDate && targetDate && targetDate < startDate) problems.targetDate = 'The target date cannot come before the start';
    setError(problems);
    if (Object.keys(problems).length > 0) return;
    onSave({ startDate, targetDate, horizon: horizon === '' ? null : horizon });
  };

  return (
    <Dialog open onClose={onClose} title={`Plan ${entry.item.key}`} description={entry.item.title} size="sm">
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-row">
          <TextField label="Start date" type="date" value={startDate} onChange={(event) => setStartDate(event.target.value)} error={error.startDate} />
          <TextField label="Target date" type="date" value={targetDate} onChange={(event) => setTargetDate(event.target.value)} error={error.targetDate} />
        </div>
        <SelectField label="Now / Next / Later" value={horizon} onChange={(event) => setHorizon(event.target.value as Horizon | '')} options={horizonOptions} />
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Save plan
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Adds a milestone, or renames, re-dates or re-describes one. */
export function MilestoneDialog({ productId, milestone, today, onClose, onSaved }: { productId: string; milestone: RoadmapMilestone | null; today: string; onClose: () => void; onSaved: (milestone: RoadmapMilestone, created: boolean) => void }) {
  const [name, setName] = useState(milestone?.name ?? '');
  const [date, setDate] = useState(milestone?.date ?? addDays(today, 30));
  const [description, setDescription] = useState(milestone?.description ?? '');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { save } = useMilestoneWrites(productId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Give the milestone a name';
    if (!date) problems.date = 'Pick its date';
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setError(null);
    const fields = { name: name.trim(), date, description };
    save.mutate(milestone ? { milestone, update: fields } : { create: fields }, {
      onSuccess: (saved) => onSaved(saved, milestone === null),
      onError: (failure) => {
        if (failure instanceof ApiError && Object.keys(failure.fieldErrors).length > 0) setFieldErrors(failure.fieldErrors);
        setError(messageOf(failure));
      },
    });
  };

  return (
    <Dialog open onClose={onClose} title={milestone ? `Edit “${milestone.name}”` : 'New milestone'} size="sm">
      <form className="form" onSubmit={submit} noValidate>
        {error && <Alert>{error}</Alert>}
        <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} error={fieldErrors.name} maxLength={200} placeholder="Security review with a customer" />
        <TextField label="Date" type="date" value={date} onChange={(event) => setDate(event.target.value)} error={fieldErrors.date} />
        <TextAreaField label="Description" value={description} onChange={(event) => setDescription(event.target.value)} rows={3} error={fieldErrors.description} hint="Why the date matters" />
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {milestone ? 'Save milestone' : 'Add milestone'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
