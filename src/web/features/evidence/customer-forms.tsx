import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { Alert } from '../../ui/states';
import { parseRevenue, type Customer, type Persona, type Segment } from './evidence-model';
import { useSaveCustomer, useSavePersona } from './queries';

function useFormErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const fail = (failure: unknown) => {
    const fields = failure instanceof ApiError ? failure.fieldErrors : {};
    if (Object.keys(fields).length > 0) setErrors(fields);
    else setError(messageOf(failure));
  };
  return { errors, setErrors, error, setError, fail };
}

/** Adds a customer or edits one: name, segment, plan, annual revenue and notes. */
export function CustomerFormDialog({ workspaceId, customer, segments, onClose, onSaved }: { workspaceId: string; customer: Customer | null; segments: readonly Segment[]; onClose: () => void; onSaved: (saved: Customer, created: boolean) => void }) {
  const save = useSaveCustomer(workspaceId);
  const [name, setName] = useState(customer?.name ?? '');
  const [segmentId, setSegmentId] = useState(customer?.segmentId ?? '');
  const [plan, setPlan] = useState(customer?.plan ?? '');
  const [revenue, setRevenue] = useState(customer?.annualRevenue === null || customer === null ? '' : String(customer.annualRevenue));
  const [notes, setNotes] = useState(customer?.notes ?? '');
  const { errors, setErrors, error, setError, fail } = useFormErrors();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const money = parseRevenue(revenue);
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Name the customer.';
    if (!money.ok) problems.annualRevenue = money.message;
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length > 0 || !money.ok) return;
    const fields = { name: name.trim(), segmentId: segmentId || null, plan: plan.trim(), annualRevenue: money.value, notes };
    save.mutate(customer ? { customer, update: fields } : { create: fields }, { onSuccess: (saved) => onSaved(saved, customer === null), onError: fail });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={customer ? `Edit ${customer.name}` : 'Add a customer'}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="customer-form" variant="primary" busy={save.isPending}>
            {customer ? 'Save' : 'Add customer'}
          </Button>
        </>
      }
    >
      <form id="customer-form" className="form" onSubmit={submit} noValidate>
        {error && <Alert>{error}</Alert>}
        <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} maxLength={200} />
        <div className="form-row">
          <SelectField label="Segment" value={segmentId} onChange={(event) => setSegmentId(event.target.value)} error={errors.segmentId} options={[{ value: '', label: 'No segment' }, ...segments.map((segment) => ({ value: segment.id, label: segment.name }))]} />
          <TextField label="Plan" value={plan} onChange={(event) => setPlan(event.target.value)} error={errors.plan} placeholder="Growth" maxLength={100} />
        </div>
        <TextField label="Annual revenue" inputMode="numeric" value={revenue} onChange={(event) => setRevenue(event.target.value)} error={errors.annualRevenue} hint="Whole currency units a year; empty when unknown." />
        <TextAreaField label="Notes" rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} error={errors.notes} hint="Markdown." />
      </form>
    </Dialog>
  );
}

/** Adds a persona or edits one; goals and pains are Markdown lists. */
export function PersonaFormDialog({ workspaceId, productId, persona, onClose, onSaved }: { workspaceId: string; productId: string; persona: Persona | null; onClose: () => void; onSaved: (saved: Persona, created: boolean) => void }) {
  const save = useSavePersona(workspaceId, productId);
  const [name, setName] = useState(persona?.name ?? '');
  const [description, setDescription] = useState(persona?.description ?? '');
  const [goals, setGoals] = useState(persona?.goals ?? '');
  const [pains, setPains] = useState(persona?.pains ?? '');
  const { errors, setErrors, error, setError, fail } = useFormErrors();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: 'Name the persona, e.g. “Ines, IT administrator”.' });
    setErrors({});
    setError(null);
    const fields = { name: name.trim(), description, goals, pains };
    save.mutate(persona ? { persona, update: fields } : { create: { ...fields, itemIds: [] } }, { onSuccess: (saved) => onSaved(saved, persona === null), onError: fail });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={persona ? `Edit ${persona.name}` : 'Add a persona'}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="persona-form" variant="primary" busy={save.isPending}>
            {persona ? 'Save' : 'Add persona'}
          </Button>
        </>
      }
    >
      <form id="persona-form" className="form" onSubmit={submit} noValidate>
        {error && <Alert>{error}</Alert>}
        <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} maxLength={200} />
        <TextAreaField label="Who they are" rows={2} value={description} onChange={(event) => setDescription(event.target.value)} error={errors.description} />
        <TextAreaField label="Goals" rows={3} value={goals} onChange={(event) => setGoals(event.target.value)} error={errors.goals} hint="Markdown: what they want to achieve, one “- ” line each." />
        <TextAreaField label="Pains" rows={3} value={pains} onChange={(event) => setPains(event.target.value)} error={errors.pains} hint="Markdown: what gets in their way." />
      </form>
    </Dialog>
  );
}
