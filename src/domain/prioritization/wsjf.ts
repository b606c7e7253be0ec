import { equalsSign, formatNumber as n } from './format';
import { finiteScore, type ScoreResult } from './score-result';
import { InputErrors } from './validation';

export interface WsjfInputs {
  /** User-business value, ≥ 0 (relative, e.g. modified Fibonacci). */
  businessValue: number;
  /** Time criticality, ≥ 0. */
  timeCriticality: number;
  /** Risk reduction and/or opportunity enablement, ≥ 0. */
  riskReduction: number;
  /** Relative job size (a proxy for duration), > 0. */
  jobSize: number;
}

/**
 * Weighted Shortest Job First as SAFe defines it (after Reinertsen): cost of
 * delay = user-business value + time criticality + risk reduction/opportunity
 * enablement; WSJF = cost of delay ÷ job size. The explanation shows the cost of
 * delay on its way to the score.
 */
export function wsjf(input: WsjfInputs): ScoreResult {
  const errors = new InputErrors();
  errors.number('inputs.businessValue', input.businessValue, { min: 0 }, 'at least 0');
  errors.number('inputs.timeCriticality', input.timeCriticality, { min: 0 }, 'at least 0');
  errors.number('inputs.riskReduction', input.riskReduction, { min: 0 }, 'at least 0');
  errors.number('inputs.jobSize', input.jobSize, { above: 0 }, 'more than 0');
  errors.throwIfAny();

  const { businessValue, timeCriticality, riskReduction, jobSize } = input;
  const costOfDelay = businessValue + timeCriticality + riskReduction;
  const score = costOfDelay / jobSize;
  finiteScore(costOfDelay, score);
  // Each `=` turns into `≈` only where a number it joins had to be rounded.
  const sumSign = equalsSign(businessValue, timeCriticality, riskReduction, jobSize, costOfDelay);
  const sign = equalsSign(businessValue, timeCriticality, riskReduction, jobSize, costOfDelay, score);
  return {
    score,
    explanation:
      'WSJF = cost of delay ÷ job size = (business value + time criticality + risk reduction/opportunity enablement) ÷ job size' +
      ` = (${n(businessValue)} + ${n(timeCriticality)} + ${n(riskReduction)}) ÷ ${n(jobSize)}` +
      ` ${sumSign} ${n(costOfDelay)} ÷ ${n(jobSize)} ${sign} ${n(score)}`,
  };
}
