import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { BILLING_PERIODS, CAPABILITY_LEVELS, PLAN_INCLUSIONS } from '../../../contracts/vocabulary';
import { ApiError, messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { Alert } from '../../ui/states';
import {
  INCLUSION_LABELS,
  LEVEL_LABELS,
  LEVEL_MARKS,
  PERIOD_LABELS,
  priceProblem,
  type BillingPeriod,
  type Capability,
  type CapabilityLevel,
  type Competitor,
  type PlanInclusion,
  type PricingPlan,
} from './market-model';
import { useMarketFeatures, usePackageFeature, useSaveCapability, useSaveCompetitor, useSavePlan } from './queries';

/** A form's failure: the server's field messages by field, and its words. */
function useFailure() {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  return {
    error,
    fieldErrors,
    reset: () => {
      setError(null);
      setFieldErrors({});
    },
    fields: setFieldErrors,
    fail: (failure: unknown) => {
      if (failure instanceof ApiError && Object.keys(failure.fieldErrors).length > 0) setFieldErrors(failure.fieldErrors);
      setError(messageOf(failure));
    },
  };
}

function FormActions({ onClose, busy, label }: { onClose: () => void; busy: boolean; label: string }) {
  return (
    <div className="form-actions">
      <Button onClick={onClose}>Cancel</Button>
      <Button type="submit" variant="primary" busy={busy}>
        {label}
      </Button>
    </div>
  );
}

export function CompetitorFormDialog({ productId, competitor, onClose, onSaved }: { productId: string; competitor: Competitor | null; onClose: () => void; onSaved: (saved: Competitor, created: boolean) => void }) {
  const [name, setName] = useState(competitor?.name ?? '');
  const [website, setWebsite] = useState(competitor?.website ?? '');
  const [positioning, setPositioning] = useState(competitor?.positioning ?? '');
  const [notes, setNotes] = useState(competitor?.notes ?? '');
  const failure = useFailure();
  const save = useSaveCompetitor(productId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return failure.fields({ name: 'Give the competitor a name' });
    failure.reset();
    const fields = { name: name.trim(), website: website.trim() || null, positioning, notes };
    save.mutate(competitor ? { competitor, update: fields } : { create: fields }, { onSuccess: (saved) => onSaved(saved, competitor === null), onError: failure.fail });
  };

  return (
    <Dialog open onClose={onClose} title={competitor ? `Edit “${competitor.name}”` : 'Add a competitor'}>
      <form className="form" onSubmit={submit} noValidate>
        {failure.error && <Alert>{failure.error}</Alert>}
        <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} error={failure.fieldErrors.name} maxLength={120} placeholder="Metricly" />
        <TextField label="Website" type="url" value={website} onChange={(event) => setWebsite(event.target.value)} error={failure.fieldErrors.website} placeholder="https://metricly.example" hint="Optional" />
        <TextAreaField label="Positioning" value={positioning} onChange={(event) => setPositioning(event.target.value)} rows={3} hint="Markdown; how they sell themselves, and to whom" />
        <TextAreaField label="Notes" value={notes} onChange={(event) => setNotes(event.target.value)} rows={4} hint="Markdown; pricing, strengths, where we meet them in deals" />
        <FormActions onClose={onClose} busy={save.isPending} label={competitor ? 'Save competitor' : 'Add competitor'} />
      </form>
    </Dialog>
  );
}

const levelOptions = CAPABILITY_LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }));

export function CapabilityFormDialog({ productId, capability, onClose, onSaved }: { productId: string; capability: Capability | null; onClose: () => void; onSaved: (saved: Capability, created: boolean) => void }) {
  const [name, setName] = useState(capability?.name ?? '');
  const [itemId, setItemId] = useState(capability?.item?.id ?? '');
  const [ourLevel, setOurLevel] = useState<CapabilityLevel>(capability?.ourLevel ?? 'unknown');
  const failure = useFailure();
  const save = useSaveCapability(productId);
  const features = useMarketFeatures(productId);
  const featureOptions = [
    { value: '', label: features.isPending ? 'Loading our epics and features…' : 'Not linked' },
    ...(features.data ?? []).map((item) => ({ value: item.id, label: `${item.key} ${item.title}` })),
    // A linked item the list does not hold (past the first 200) stays choosable.
    ...(capability?.item && !features.data?.some((item) => item.id === capability.item!.id) ? [{ value: capability.item.id, label: `${capability.item.key} ${capability.item.title}` }] : []),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return failure.fields({ name: 'Name the capability' });
    failure.reset();
    const fields = { name: name.trim(), description: capability?.description ?? '', itemId: itemId || null, ourLevel };
    save.mutate(capability ? { capability, update: fields } : { create: fields }, { onSuccess: (saved) => onSaved(saved, capability === null), onError: failure.fail });
  };

  return (
    <Dialog open onClose={onClose} title={capability ? `Edit “${capability.name}”` : 'Add a capability'} description="A row of the matrix: something buyers compare products on.">
      <form className="form" onSubmit={submit} noValidate>
        {failure.error && <Alert>{failure.error}</Alert>}
        <TextField label="Capability" value={name} onChange={(event) => setName(event.target.value)} error={failure.fieldErrors.name} maxLength={160} placeholder="SAML single sign-on" />
        <SelectField label="Our epic or feature" value={itemId} onChange={(event) => setItemId(event.target.value)} options={featureOptions} error={failure.fieldErrors.itemId} hint="The work that delivers it, if any" />
        <SelectField label="How far we cover it" value={ourLevel} onChange={(event) => setOurLevel(event.target.value as CapabilityLevel)} options={levelOptions} error={failure.fieldErrors.ourLevel} />
        <FormActions onClose={onClose} busy={save.isPending} label={capability ? 'Save capability' : 'Add capability'} />
      </form>
    </Dialog>
  );
}

/** Radio buttons for a small closed list, drawn as a segmented control. */
function Choice<T extends string>({ legend, value, options, onChange }: { legend: string; value: T; options: ReadonlyArray<{ value: T; label: ReactNode }>; onChange: (value: T) => void }) {
  const name = useId();
  return (
    <fieldset className="market-choice">
      <legend className="field-label">{legend}</legend>
      <div className="market-choice-options">
        {options.map((option) => (
          <label key={option.value} className={`market-choice-option${option.value === value ? ' checked' : ''}`}>
            <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Sets one cell of the matrix: a level and a note. */
export function CellDialog({
  title,
  level: initialLevel,
  note: initialNote,
  withNote = true,
  busy,
  error,
  onSave,
  onClose,
}: {
  title: string;
  level: CapabilityLevel;
  note: string;
  withNote?: boolean;
  busy: boolean;
  error: string | null;
  onSave: (level: CapabilityLevel, note: string) => void;
  onClose: () => void;
}) {
  const [level, setLevel] = useState(initialLevel);
  const [note, setNote] = useState(initialNote);
  return (
    <Dialog open onClose={onClose} title={title} size="sm">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(level, note.trim());
        }}
      >
        {error && <Alert>{error}</Alert>}
        <Choice
          legend="Coverage"
          value={level}
          onChange={setLevel}
          options={CAPABILITY_LEVELS.map((value) => ({
            value,
            label: (
              <>
                <span className={`market-level market-level-${value}`} aria-hidden="true">
                  {LEVEL_MARKS[value]}
                </span>
                {LEVEL_LABELS[value]}
              </>
            ),
          }))}
        />
        {withNote && <TextAreaField label="Note" value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={2000} hint="Optional: on which plan, since when, how well" />}
        <FormActions onClose={onClose} busy={busy} label="Save" />
      </form>
    </Dialog>
  );
}

const periodOptions = BILLING_PERIODS.map((period) => ({ value: period, label: PERIOD_LABELS[period] }));

export function PlanFormDialog({ productId, plan, onClose, onSaved }: { productId: string; plan: PricingPlan | null; onClose: () => void; onSaved: (saved: PricingPlan, created: boolean) => void }) {
  const [name, setName] = useState(plan?.name ?? '');
  const [price, setPrice] = useState(plan?.price ?? '');
  const [currency, setCurrency] = useState(plan?.currency ?? 'EUR');
  const [billingPeriod, setBillingPeriod] = useState<BillingPeriod>(plan?.billingPeriod ?? 'monthly');
  const [description, setDescription] = useState(plan?.description ?? '');
  const failure = useFailure();
  const save = useSavePlan(productId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Name the plan';
    const priceError = priceProblem(price, billingPeriod);
    if (priceError) problems.price = priceError;
    if (!/^[A-Za-z]{3}$/.test(currency.trim())) problems.currency = 'A three-letter code such as EUR';
    if (Object.keys(problems).length > 0) return failure.fields(problems);
    failure.reset();
    const fields = { name: name.trim(), price: price.trim() || null, currency: currency.trim().toUpperCase(), billingPeriod, description };
    save.mutate(plan ? { plan, update: fields } : { create: fields }, { onSuccess: (saved) => onSaved(saved, plan === null), onError: failure.fail });
  };

  return (
    <Dialog open onClose={onClose} title={plan ? `Edit “${plan.name}”` : 'Add a pricing plan'}>
      <form className="form" onSubmit={submit} noValidate>
        {failure.error && <Alert>{failure.error}</Alert>}
        <TextField label="Plan name" value={name} onChange={(event) => setName(event.target.value)} error={failure.fieldErrors.name} maxLength={80} placeholder="Growth" />
        <div className="form-row">
          <TextField label="Price" inputMode="decimal" value={price} onChange={(event) => setPrice(event.target.value)} error={failure.fieldErrors.price} placeholder="49.00" hint="Exact; empty for custom pricing" />
          <TextField label="Currency" value={currency} onChange={(event) => setCurrency(event.target.value)} error={failure.fieldErrors.currency} maxLength={3} placeholder="EUR" />
          <SelectField label="Billing" value={billingPeriod} onChange={(event) => setBillingPeriod(event.target.value as BillingPeriod)} options={periodOptions} error={failure.fieldErrors.billingPeriod} />
        </div>
        <TextAreaField label="Description" value={description} onChange={(event) => setDescription(event.target.value)} rows={2} hint="Who the plan is for" />
        <FormActions onClose={onClose} busy={save.isPending} label={plan ? 'Save plan' : 'Add plan'} />
      </form>
    </Dialog>
  );
}

type InclusionChoice = PlanInclusion | 'absent';
const inclusionOptions: ReadonlyArray<{ value: InclusionChoice; label: string }> = [...PLAN_INCLUSIONS.map((value) => ({ value, label: INCLUSION_LABELS[value] })), { value: 'absent', label: 'Not in the plan' }];

/**
 * Packages a feature in a plan, or changes how: with `fixed`, one cell of the
 * grid; without, the feature and the plan are chosen here.
 */
export function PackageDialog({
  productId,
  plans,
  fixed,
  onClose,
  onSaved,
}: {
  productId: string;
  plans: PricingPlan[];
  fixed?: { itemId: string; itemLabel: string; planId: string; inclusion: PlanInclusion | null; note: string };
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const [itemId, setItemId] = useState(fixed?.itemId ?? '');
  const [planId, setPlanId] = useState(fixed?.planId ?? plans[0]?.id ?? '');
  const [inclusion, setInclusion] = useState<InclusionChoice>(fixed ? (fixed.inclusion ?? 'absent') : 'included');
  const [note, setNote] = useState(fixed?.note ?? '');
  const failure = useFailure();
  const features = useMarketFeatures(productId, !fixed);
  const change = usePackageFeature(productId);
  const plan = plans.find((candidate) => candidate.id === planId);
  const feature = fixed?.itemLabel ?? features.data?.find((item) => item.id === itemId)?.title ?? 'The feature';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!itemId) return failure.fields({ itemIdOrKey: 'Choose an epic or a feature' });
    failure.reset();
    if (inclusion === 'absent' && !fixed?.inclusion) return onClose();
    change.mutate(
      { planId, itemId, input: inclusion === 'absent' ? null : { inclusion, note: note.trim() } },
      {
        onSuccess: () => onSaved(inclusion === 'absent' ? `${feature} taken out of ${plan?.name ?? 'the plan'}` : `${feature}: ${INCLUSION_LABELS[inclusion].toLowerCase()} in ${plan?.name ?? 'the plan'}`),
        onError: failure.fail,
      },
    );
  };

  return (
    <Dialog open onClose={onClose} title={fixed ? `${fixed.itemLabel} in ${plan?.name ?? 'the plan'}` : 'Package a feature'} size="sm">
      <form className="form" onSubmit={submit} noValidate>
        {failure.error && <Alert>{failure.error}</Alert>}
        {!fixed && (
          <>
            <SelectField
              label="Epic or feature"
              value={itemId}
              onChange={(event) => setItemId(event.target.value)}
              error={failure.fieldErrors.itemIdOrKey}
              options={[{ value: '', label: features.isPending ? 'Loading…' : 'Choose one' }, ...(features.data ?? []).map((item) => ({ value: item.id, label: `${item.key} ${item.title}` }))]}
            />
            <SelectField label="Plan" value={planId} onChange={(event) => setPlanId(event.target.value)} options={plans.map((candidate) => ({ value: candidate.id, label: candidate.name }))} />
          </>
        )}
        <Choice legend="In the plan" value={inclusion} onChange={setInclusion} options={inclusionOptions} />
        {inclusion !== 'absent' && (
          <TextField label="Note" value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} placeholder={inclusion === 'limited' ? '5 alerts' : inclusion === 'add_on' ? '€8 per seat' : ''} hint="Optional: the limit or the add-on's price" />
        )}
        <FormActions onClose={onClose} busy={change.isPending} label="Save" />
      </form>
    </Dialog>
  );
}
