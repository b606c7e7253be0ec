import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { KANO_ANSWERS, RICE_IMPACTS, SCORED_FRAMEWORKS } from '../../../contracts/vocabulary';
import type { ItemScore, ScoredFramework } from '../../../contracts/prioritization.schema';
import { formatNumber } from '../../../domain/prioritization/format';
import { ApiError, messageOf } from '../../api/client';
import type { Item } from '../../api/types';
import { Button } from '../../ui/button';
import { CloseIcon, PlusIcon, TrashIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { useToast } from '../../ui/toast';
import {
  checkForm,
  emptyForm,
  formFromInputs,
  FRAMEWORK_HINTS,
  FRAMEWORK_LABELS,
  KANO_ANSWER_LABELS,
  MOSCOW_OPTIONS,
  NUMBER_FIELDS,
  previewRequest,
  RICE_IMPACT_LABELS,
  type Criterion,
  type KanoAnswer,
  type ScoreForm,
} from './frameworks';
import { useDeleteScore, useItemScores, usePreview, useScoreItem } from './queries';

/** How long typing pauses before the calculator is asked for a preview. */
const PREVIEW_DEBOUNCE_MS = 250;

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/**
 * The item's prioritisation: its stored scores with the formula behind each,
 * and, for those who may score, a form per framework whose result the
 * calculator previews before it is saved.
 */
/** A RICE reach offered from elsewhere on the page (the item's evidence); each new `nonce` fills it in again. */
export interface RicePrefill {
  reach: number;
  nonce: number;
}

export function ScoringPanel({ productId, item, criteria, canScore, ricePrefill = null }: { productId: string; item: Item; criteria: readonly Criterion[]; canScore: boolean; ricePrefill?: RicePrefill | null }) {
  const scores = useItemScores(item.id);
  const remove = useDeleteScore(productId, item.id);
  const toast = useToast();
  const stored = scores.data?.items ?? [];

  const removeScore = (score: ItemScore) =>
    remove.mutate(score.framework, {
      onSuccess: () => toast({ message: `${FRAMEWORK_LABELS[score.framework]} score removed`, tone: 'success' }),
      onError: (error) => toast({ message: `Not removed: ${messageOf(error)}`, tone: 'danger' }),
    });

  return (
    <section className="section" aria-labelledby="prioritisation-heading">
      <div className="section-head">
        <h2 id="prioritisation-heading" className="section-title">
          Prioritisation
        </h2>
        {stored.length > 0 && <span className="section-count">{stored.length}</span>}
      </div>
      {scores.isPending && <p className="section-empty">Loading scores…</p>}
      {scores.isError && <Alert>{`Could not load the scores: ${messageOf(scores.error)}`}</Alert>}
      {scores.isSuccess && stored.length === 0 && <p className="section-empty">Not scored yet.{canScore ? ' Pick a framework below to score it.' : ''}</p>}
      {stored.length > 0 && (
        <ul className="score-list" aria-label="Scores">
          {stored.map((score) => (
            <li key={score.framework} className="score-entry">
              <span className="score-entry-head">
                {FRAMEWORK_LABELS[score.framework]}
                <span className="score-value">{formatNumber(score.score)}</span>
              </span>
              {canScore && (
                <button type="button" className="icon-btn icon-btn-sm" aria-label={`Remove the ${FRAMEWORK_LABELS[score.framework]} score`} onClick={() => removeScore(score)} disabled={remove.isPending}>
                  <TrashIcon />
                </button>
              )}
              <p className="score-formula">{score.explanation}</p>
            </li>
          ))}
        </ul>
      )}
      {canScore && <ScoreForm productId={productId} item={item} criteria={criteria} stored={stored} ricePrefill={ricePrefill} />}
    </section>
  );
}

function ScoreForm({ productId, item, criteria, stored, ricePrefill }: { productId: string; item: Item; criteria: readonly Criterion[]; stored: readonly ItemScore[]; ricePrefill: RicePrefill | null }) {
  const [framework, setFramework] = useState<ScoredFramework>('rice');
  const [form, setForm] = useState<ScoreForm>(() => emptyForm('rice'));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const save = useScoreItem(productId, item.id);
  const toast = useToast();
  const frameworkId = useId();
  const previewId = useId();

  const pick = (next: ScoredFramework) => {
    setFramework(next);
    const existing = stored.find((score) => score.framework === next);
    setForm(existing ? formFromInputs(next, existing.inputs) : emptyForm(next));
    setTouched({});
    setServerErrors({});
  };

  // A reach offered by the evidence switches the form to RICE with it filled in, keeping any stored impact, confidence and effort.
  const formRef = useRef<HTMLFormElement>(null);
  const storedRef = useRef(stored);
  storedRef.current = stored;
  useEffect(() => {
    if (!ricePrefill) return;
    const existing = storedRef.current.find((score) => score.framework === 'rice');
    const base = existing ? formFromInputs('rice', existing.inputs) : emptyForm('rice');
    setFramework('rice');
    setForm({ ...base, fields: { ...base.fields, reach: String(ricePrefill.reach) } });
    setTouched({ reach: true });
    setServerErrors({});
    formRef.current?.scrollIntoView({ block: 'center' });
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }, [ricePrefill]);

  const check = useMemo(() => checkForm(framework, form, criteria), [framework, form, criteria]);
  const preview = usePreview(useDebounced(check.ok ? previewRequest(check.body, criteria) : null, PREVIEW_DEBOUNCE_MS));
  const errors = { ...(check.ok ? {} : Object.fromEntries(Object.entries(check.errors).filter(([key]) => touched[key] || (!check.incomplete && check.errors[key] !== 'Required.')))), ...serverErrors };

  const setField = (key: string, value: string) => {
    setForm((current) => ({ ...current, fields: { ...current.fields, [key]: value } }));
    setTouched((current) => ({ ...current, [key]: true }));
    setServerErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.ok) {
      setTouched(Object.fromEntries(Object.keys(check.errors).map((key) => [key, true])));
      return;
    }
    save.mutate(check.body, {
      onSuccess: (saved) => toast({ message: `${FRAMEWORK_LABELS[saved.framework]} score saved: ${formatNumber(saved.score)}`, tone: 'success' }),
      onError: (error) => {
        if (error instanceof ApiError && Object.keys(error.fieldErrorsByPath).length > 0) {
          setServerErrors(Object.fromEntries(Object.entries(error.fieldErrorsByPath).map(([path, message]) => [path.split('.').pop() ?? path, message])));
        } else {
          toast({ message: `Not saved: ${messageOf(error)}`, tone: 'danger' });
        }
      },
    });
  };

  const numberInput = (key: string, label: string, options: { min?: number; max?: number; step?: number; hint?: string } = {}) => {
    const id = `${frameworkId}-${key}`;
    const error = errors[key];
    return (
      <div key={key} className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <input
          id={id}
          className="input"
          type="number"
          inputMode="decimal"
          min={options.min}
          max={options.max}
          step={options.step ?? 'any'}
          value={form.fields[key] ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : options.hint ? `${id}-hint` : undefined}
          onChange={(event) => setField(key, event.target.value)}
        />
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : (
          options.hint && (
            <p id={`${id}-hint`} className="field-hint">
              {options.hint}
            </p>
          )
        )}
      </div>
    );
  };

  const selectInput = (key: string, label: string, options: ReadonlyArray<{ value: string; label: string }>) => {
    const id = `${frameworkId}-${key}`;
    return (
      <div key={key} className="field">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <select id={id} className="input select" value={form.fields[key] ?? ''} onChange={(event) => setField(key, event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  let inputs;
  if (framework === 'moscow') {
    inputs = selectInput('category', 'Category', MOSCOW_OPTIONS);
  } else if (framework === 'weighted') {
    inputs =
      criteria.length === 0 ? (
        <p className="section-empty">This product has no scoring criteria yet. An owner, product manager or product owner adds them in the product’s settings.</p>
      ) : (
        criteria.map((criterion) => numberInput(criterion.id, `${criterion.name} (weight ${formatNumber(criterion.weight)})`, { min: 0 }))
      );
  } else if (framework === 'kano') {
    inputs = <KanoResponses responses={form.responses} onChange={(responses) => setForm((current) => ({ ...current, responses }))} />;
  } else {
    const fields = NUMBER_FIELDS[framework] ?? [];
    inputs = (
      <>
        {framework === 'rice' && fields.slice(0, 1).map((field) => numberInput(field.key, field.label, field))}
        {framework === 'rice' && selectInput('impact', 'Impact', RICE_IMPACTS.map((value) => ({ value: String(value), label: RICE_IMPACT_LABELS[value] })))}
        {(framework === 'rice' ? fields.slice(1) : fields).map((field) => numberInput(field.key, field.label, field))}
      </>
    );
  }

  const previewText = () => {
    if (!check.ok) return check.incomplete ? 'Fill in every input to see the score.' : 'Correct the marked inputs to see the score.';
    if (preview.isError) return `The calculator refused these inputs: ${messageOf(preview.error)}`;
    if (!preview.data) return 'Working out the score…';
    return null;
  };
  const waiting = previewText();

  return (
    <form ref={formRef} className="form score-form" onSubmit={submit} noValidate aria-label="Score this item">
      <div className="field">
        <label htmlFor={frameworkId} className="field-label">
          Framework
        </label>
        <select id={frameworkId} className="input select" value={framework} onChange={(event) => pick(event.target.value as ScoredFramework)} aria-describedby={`${frameworkId}-hint`}>
          {SCORED_FRAMEWORKS.map((option) => (
            <option key={option} value={option}>
              {FRAMEWORK_LABELS[option]}
              {stored.some((score) => score.framework === option) ? ' (scored)' : ''}
            </option>
          ))}
        </select>
        <p id={`${frameworkId}-hint`} className="field-hint">
          {FRAMEWORK_HINTS[framework]}
        </p>
      </div>
      <div className="score-form-grid">{inputs}</div>
      <div id={previewId} className="score-preview" role="status" aria-live="polite" aria-label="Preview">
        {waiting ?? (
          <>
            <span className="score-preview-value">{formatNumber(preview.data!.score)}</span>
            {preview.data!.category && <span> · category {preview.data!.category}</span>}
            <p className="score-formula">{preview.data!.explanation}</p>
          </>
        )}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={save.isPending} disabled={!check.ok}>
          Save {FRAMEWORK_LABELS[framework]} score
        </Button>
      </div>
    </form>
  );
}

const KANO_OPTIONS = KANO_ANSWERS.map((answer) => ({ value: answer, label: KANO_ANSWER_LABELS[answer] }));

function KanoResponses({ responses, onChange }: { responses: ScoreForm['responses']; onChange: (responses: ScoreForm['responses']) => void }) {
  const id = useId();
  const set = (index: number, part: 'functional' | 'dysfunctional', value: KanoAnswer) => onChange(responses.map((response, at) => (at === index ? { ...response, [part]: value } : response)));
  return (
    <div className="form" style={{ gridColumn: '1 / -1' }}>
      <p className="field-hint">One row per survey answer: how the customer feels if the feature is there, and if it is not.</p>
      {responses.map((response, index) => (
        <div key={index} className="kano-row">
          {(['functional', 'dysfunctional'] as const).map((part) => (
            <div key={part} className="field">
              <label htmlFor={`${id}-${index}-${part}`} className="field-label">
                {part === 'functional' ? `Response ${index + 1}: if it is there` : `Response ${index + 1}: if it is not`}
              </label>
              <select id={`${id}-${index}-${part}`} className="input select" value={response[part]} onChange={(event) => set(index, part, event.target.value as KanoAnswer)}>
                {KANO_OPTIONS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="button" className="icon-btn icon-btn-sm" aria-label={`Remove response ${index + 1}`} disabled={responses.length === 1} onClick={() => onChange(responses.filter((_, at) => at !== index))}>
            <CloseIcon />
          </button>
        </div>
      ))}
      <div>
        <Button size="sm" icon={<PlusIcon />} onClick={() => onChange([...responses, { functional: 'like', dysfunctional: 'neutral' }])} disabled={responses.length >= 100}>
          Add response
        </Button>
      </div>
    </div>
  );
}
