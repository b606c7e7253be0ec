import { equalsSign, formatNumber as n } from './format';
import type { ScoreResult } from './score-result';
import { InputErrors } from './validation';

export type ValueEffortQuadrant = 'quick_win' | 'big_bet' | 'fill_in' | 'time_sink';

/**
 * Value and effort are rated 1–10. The midpoint rule: a rating at or above the
 * midpoint is "high", below it "low". The default 5.5 is the middle of 1–10, so
 * 1–5 are low and 6–10 high and no whole rating sits on the line.
 */
export const DEFAULT_VALUE_EFFORT_MIDPOINT = 5.5;

const QUADRANT_LABELS: Readonly<Record<ValueEffortQuadrant, string>> = {
  quick_win: 'quick win',
  big_bet: 'big bet',
  fill_in: 'fill-in',
  time_sink: 'time sink',
};

/**
 * Value vs effort: score = value ÷ effort (value per unit of effort, for
 * sorting), plus the quadrant of the 2×2 matrix: high value & low effort = quick
 * win, high & high = big bet, low & low = fill-in, low value & high effort =
 * time sink.
 */
export function valueEffort(input: { value: number; effort: number; midpoint?: number }): ScoreResult & { quadrant: ValueEffortQuadrant } {
  const errors = new InputErrors();
  errors.number('inputs.value', input.value, { min: 1, max: 10 }, 'a rating from 1 to 10');
  errors.number('inputs.effort', input.effort, { min: 1, max: 10 }, 'a rating from 1 to 10');
  if (input.midpoint !== undefined) errors.number('inputs.midpoint', input.midpoint, { min: 1, max: 10 }, 'from 1 to 10');
  errors.throwIfAny();

  const { value, effort } = input;
  const midpoint = input.midpoint ?? DEFAULT_VALUE_EFFORT_MIDPOINT;
  const highValue = value >= midpoint;
  const highEffort = effort >= midpoint;
  const quadrant: ValueEffortQuadrant = highValue ? (highEffort ? 'big_bet' : 'quick_win') : highEffort ? 'time_sink' : 'fill_in';
  const score = value / effort;
  const side = (rating: number, high: boolean) => `${n(rating)} ${high ? '≥' : '<'} ${n(midpoint)} (${high ? 'high' : 'low'})`;
  return {
    score,
    quadrant,
    explanation:
      `Value ÷ effort = ${n(value)} ÷ ${n(effort)} ${equalsSign(value, effort, score)} ${n(score)};` +
      ` value ${side(value, highValue)}, effort ${side(effort, highEffort)} → ${QUADRANT_LABELS[quadrant]}`,
  };
}
