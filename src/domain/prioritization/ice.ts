import { equalsSign, formatNumber as n } from './format';
import type { ScoreResult } from './score-result';
import { InputErrors } from './validation';

export interface IceInputs {
  impact: number;
  confidence: number;
  ease: number;
}

/**
 * ICE (Sean Ellis): impact, confidence and ease each rated 1–10, score = their
 * product (1 to 1000). Some teams average the three instead; Tandem multiplies,
 * as the issue specifies, so one weak factor pulls the score down hard.
 */
export function ice(input: IceInputs): ScoreResult {
  const errors = new InputErrors();
  for (const name of ['impact', 'confidence', 'ease'] as const) {
    errors.number(`inputs.${name}`, input[name], { min: 1, max: 10 }, 'a rating from 1 to 10');
  }
  errors.throwIfAny();

  const { impact, confidence, ease } = input;
  const score = impact * confidence * ease;
  const sign = equalsSign(impact, confidence, ease, score);
  return {
    score,
    explanation: `ICE = impact × confidence × ease = ${n(impact)} × ${n(confidence)} × ${n(ease)} ${sign} ${n(score)}`,
  };
}
