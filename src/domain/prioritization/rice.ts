import { shownWithSign } from './format';
import { finiteScore, type ScoreResult } from './score-result';
import { InputErrors } from './validation';

/**
 * Intercom's impact scale (Sean McBride, "RICE: Simple prioritization for
 * product managers"): only these five values are allowed, so scores stay
 * comparable across items.
 */
export const RICE_IMPACTS = [
  { value: 3, label: 'massive' },
  { value: 2, label: 'high' },
  { value: 1, label: 'medium' },
  { value: 0.5, label: 'low' },
  { value: 0.25, label: 'minimal' },
] as const;

export interface RiceInputs {
  /** People or events per period (e.g. customers per quarter), ≥ 0. */
  reach: number;
  /** One of 3, 2, 1, 0.5, 0.25. */
  impact: number;
  /** A fraction from 0 to 1: 0.8 for 80 %. */
  confidence: number;
  /** Person-months, > 0. */
  effort: number;
}

/** RICE = reach × impact × confidence ÷ effort. */
export function rice(input: RiceInputs): ScoreResult {
  const errors = new InputErrors();
  errors.number('inputs.reach', input.reach, { min: 0 }, 'at least 0 (people or events per period)');
  if (errors.number('inputs.impact', input.impact, {}, IMPACT_RULE) && !RICE_IMPACTS.some((step) => step.value === input.impact)) {
    errors.add('inputs.impact', `must be ${IMPACT_RULE}`);
  }
  errors.number('inputs.confidence', input.confidence, { min: 0, max: 1 }, 'a fraction from 0 to 1 (0.8 for 80 %)');
  errors.number('inputs.effort', input.effort, { above: 0 }, 'more than 0 (person-months)');
  errors.throwIfAny();

  const { reach, impact, confidence, effort } = input;
  const score = (reach * impact * confidence) / effort;
  finiteScore(score);
  const {
    texts: [r, i, c, e, s],
    sign,
  } = shownWithSign(reach, impact, confidence, effort, score);
  return { score, explanation: `RICE = reach × impact × confidence ÷ effort = ${r} × ${i} × ${c} ÷ ${e} ${sign} ${s}` };
}

const IMPACT_RULE = `one of ${RICE_IMPACTS.map((step) => `${step.value} (${step.label})`).join(', ')}`;
