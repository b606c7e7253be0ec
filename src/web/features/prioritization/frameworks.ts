import type { KANO_ANSWERS} from '../../../contracts/prioritization.schema';
import { RICE_IMPACTS } from '../../../contracts/vocabulary';
import type { ItemScoreBody, ScoredFramework } from '../../../contracts/prioritization.schema';

export const FRAMEWORK_LABELS: Record<ScoredFramework, string> = {
  rice: 'RICE',
  ice: 'ICE',
  wsjf: 'WSJF',
  moscow: 'MoSCoW',
  value_effort: 'Value / effort',
  weighted: 'Weighted',
  kano: 'Kano',
};

export const FRAMEWORK_HINTS: Record<ScoredFramework, string> = {
  rice: 'Reach × impact × confidence ÷ effort',
  ice: 'Impact × confidence × ease, each 1–10',
  wsjf: 'Cost of delay ÷ job size',
  moscow: 'Must, should, could or won’t have',
  value_effort: 'Value ÷ effort, each 1–10, with its quadrant',
  weighted: 'The product’s own criteria and weights',
  kano: 'Survey answers classified; the score is the better coefficient',
};

export type KanoAnswer = (typeof KANO_ANSWERS)[number];
export const KANO_ANSWER_LABELS: Record<KanoAnswer, string> = {
  like: 'I like it',
  must_be: 'I expect it',
  neutral: 'I am neutral',
  live_with: 'I can live with it',
  dislike: 'I dislike it',
};

export const RICE_IMPACT_LABELS: Record<(typeof RICE_IMPACTS)[number], string> = { 3: '3 — massive', 2: '2 — high', 1: '1 — medium', 0.5: '0.5 — low', 0.25: '0.25 — minimal' };

export const MOSCOW_OPTIONS = [
  { value: 'must', label: 'Must have' },
  { value: 'should', label: 'Should have' },
  { value: 'could', label: 'Could have' },
  { value: 'wont', label: 'Won’t have (this time)' },
] as const;

export interface NumberField {
  key: string;
  label: string;
  hint?: string;
  min: number;
  max?: number;
  /** Whether the minimum itself is refused (effort and job size must be more than 0). */
  exclusiveMin?: boolean;
  step?: number;
}

/** The numeric inputs of each framework, in the order the form shows them. */
export const NUMBER_FIELDS: Partial<Record<ScoredFramework, NumberField[]>> = {
  rice: [
    { key: 'reach', label: 'Reach', hint: 'People or events per quarter', min: 0 },
    { key: 'confidence', label: 'Confidence (%)', hint: '100 % when the numbers are measured', min: 0, max: 100 },
    { key: 'effort', label: 'Effort (person-months)', min: 0, exclusiveMin: true, step: 0.5 },
  ],
  ice: [
    { key: 'impact', label: 'Impact (1–10)', min: 1, max: 10 },
    { key: 'confidence', label: 'Confidence (1–10)', min: 1, max: 10 },
    { key: 'ease', label: 'Ease (1–10)', min: 1, max: 10 },
  ],
  wsjf: [
    { key: 'businessValue', label: 'Business value', min: 0 },
    { key: 'timeCriticality', label: 'Time criticality', min: 0 },
    { key: 'riskReduction', label: 'Risk reduction / opportunity', min: 0 },
    { key: 'jobSize', label: 'Job size', min: 0, exclusiveMin: true },
  ],
  value_effort: [
    { key: 'value', label: 'Value (1–10)', min: 1, max: 10 },
    { key: 'effort', label: 'Effort (1–10)', min: 1, max: 10 },
  ],
};

export interface KanoPair {
  functional: KanoAnswer;
  dysfunctional: KanoAnswer;
}

/** What the scoring form holds: text as typed, so a half-typed number is not lost. */
export interface ScoreForm {
  fields: Record<string, string>;
  responses: KanoPair[];
}

export const emptyForm = (framework: ScoredFramework): ScoreForm => {
  const fields: Record<string, string> = {};
  if (framework === 'rice') fields.impact = '1';
  if (framework === 'moscow') fields.category = 'should';
  return { fields, responses: framework === 'kano' ? [{ functional: 'like', dysfunctional: 'dislike' }] : [] };
};

const num = (value: unknown): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');

/** A stored score's inputs back in the form, to adjust (RICE confidence is stored as a fraction and shown as %). */
export function formFromInputs(framework: ScoredFramework, inputs: Record<string, unknown>): ScoreForm {
  const form = emptyForm(framework);
  if (framework === 'kano') {
    const responses = Array.isArray(inputs.responses) ? (inputs.responses as KanoPair[]) : [];
    return { fields: {}, responses: responses.length > 0 ? responses : form.responses };
  }
  if (framework === 'moscow') return { ...form, fields: { category: typeof inputs.category === 'string' ? inputs.category : 'should' } };
  if (framework === 'weighted') {
    const values = (inputs.values ?? {}) as Record<string, unknown>;
    return { ...form, fields: Object.fromEntries(Object.entries(values).map(([id, value]) => [id, num(value)])) };
  }
  const fields: Record<string, string> = { ...form.fields };
  for (const [key, value] of Object.entries(inputs)) fields[key] = num(value);
  if (framework === 'rice' && typeof inputs.confidence === 'number') fields.confidence = String(Math.round(inputs.confidence * 10_000) / 100);
  return { ...form, fields };
}

export interface Criterion {
  id: string;
  name: string;
  weight: number;
}

export type FormCheck =
  | { ok: true; body: ItemScoreBody }
  /** `errors` by field key; an incomplete form has errors but nothing is wrong yet with what was typed. */
  | { ok: false; errors: Record<string, string>; incomplete: boolean };

function readNumber(field: NumberField, text: string | undefined, errors: Record<string, string>, missing: string[]): number | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') {
    missing.push(field.key);
    return undefined;
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) errors[field.key] = 'Enter a number.';
  else if (field.exclusiveMin ? value <= field.min : value < field.min) errors[field.key] = field.exclusiveMin ? `More than ${field.min}.` : `At least ${field.min}.`;
  else if (field.max !== undefined && value > field.max) errors[field.key] = `At most ${field.max}.`;
  else return value;
  return undefined;
}

/**
 * The form as the body of `POST /items/{id}/scores`, checked the way the
 * server checks it, so the preview only asks about complete, valid inputs.
 */
export function checkForm(framework: ScoredFramework, form: ScoreForm, criteria: readonly Criterion[] = []): FormCheck {
  const errors: Record<string, string> = {};
  const missing: string[] = [];
  const numbers: Record<string, number> = {};
  for (const field of NUMBER_FIELDS[framework] ?? []) {
    const value = readNumber(field, form.fields[field.key], errors, missing);
    if (value !== undefined) numbers[field.key] = value;
  }
  const fail = (): FormCheck => ({ ok: false, errors: { ...Object.fromEntries(missing.map((key) => [key, 'Required.'])), ...errors }, incomplete: Object.keys(errors).length === 0 });
  switch (framework) {
    case 'rice': {
      const impact = Number(form.fields.impact);
      if (!(RICE_IMPACTS as readonly number[]).includes(impact)) errors.impact = 'Pick an impact.';
      if (missing.length || Object.keys(errors).length) return fail();
      const inputs = { reach: numbers.reach!, impact: impact as (typeof RICE_IMPACTS)[number], confidence: numbers.confidence! / 100, effort: numbers.effort! };
      return { ok: true, body: { framework, inputs } };
    }
    case 'ice':
      if (missing.length || Object.keys(errors).length) return fail();
      return { ok: true, body: { framework, inputs: { impact: numbers.impact!, confidence: numbers.confidence!, ease: numbers.ease! } } };
    case 'wsjf':
      if (missing.length || Object.keys(errors).length) return fail();
      return { ok: true, body: { framework, inputs: { businessValue: numbers.businessValue!, timeCriticality: numbers.timeCriticality!, riskReduction: numbers.riskReduction!, jobSize: numbers.jobSize! } } };
    case 'value_effort':
      if (missing.length || Object.keys(errors).length) return fail();
      return { ok: true, body: { framework, inputs: { value: numbers.value!, effort: numbers.effort! } } };
    case 'moscow': {
      const category = MOSCOW_OPTIONS.find((option) => option.value === form.fields.category)?.value;
      if (!category) return { ok: false, errors: { category: 'Pick a category.' }, incomplete: false };
      return { ok: true, body: { framework, inputs: { category } } };
    }
    case 'weighted': {
      if (criteria.length === 0) return { ok: false, errors: { criteria: 'This product has no scoring criteria yet.' }, incomplete: false };
      const values: Record<string, number> = {};
      for (const criterion of criteria) {
        const value = readNumber({ key: criterion.id, label: criterion.name, min: 0 }, form.fields[criterion.id], errors, missing);
        if (value !== undefined) values[criterion.id] = value;
      }
      if (missing.length || Object.keys(errors).length) return fail();
      return { ok: true, body: { framework, inputs: { values } } };
    }
    case 'kano':
      if (form.responses.length === 0) return { ok: false, errors: { responses: 'Add at least one response.' }, incomplete: true };
      return { ok: true, body: { framework, inputs: { responses: form.responses } } };
  }
}

/** The calculator request that previews a checked form: the weighted score names the criteria with their weights. */
export function previewRequest(body: ItemScoreBody, criteria: readonly Criterion[]): { path: string; body: unknown } {
  if (body.framework === 'kano') return { path: '/prioritization/kano/classify', body: { responses: body.inputs.responses } };
  if (body.framework === 'weighted') {
    return { path: '/prioritization/evaluate', body: { framework: 'weighted', inputs: { criteria: criteria.map(({ id, name, weight }) => ({ id, name, weight })), values: body.inputs.values } } };
  }
  return { path: '/prioritization/evaluate', body };
}
