import { equalsSign, formatNumber as n } from './format';
import { finiteScore, type ScoreResult } from './score-result';
import { InputErrors, isRecord } from './validation';

/** A product's own scoring criterion; weight ≥ 0 (0 keeps it listed but idle). */
export interface WeightedCriterion {
  id: string;
  name: string;
  weight: number;
}

/**
 * Custom weighted scoring: score = Σ weight × value ÷ Σ weight, a weighted
 * average on the same scale as the values. Every criterion needs a value;
 * values for ids that are not criteria are ignored, so removing a criterion
 * from a product does not make its items' stored values unscoreable.
 */
export function weighted(input: { criteria: ReadonlyArray<WeightedCriterion>; values: Readonly<Record<string, number>> }): ScoreResult {
  const errors = new InputErrors();
  const { criteria, values } = input;
  if (!Array.isArray(criteria) || criteria.length === 0) {
    errors.add('inputs.criteria', 'at least one criterion is required');
    errors.throwIfAny();
  }
  const valuesOk = isRecord(values);
  if (!valuesOk) errors.add('inputs.values', 'must be an object of criterion id → value');

  const seen = new Set<string>();
  let weightsOk = true;
  criteria.forEach((criterion: unknown, index) => {
    const at = `inputs.criteria.${index}`;
    if (!isRecord(criterion)) {
      weightsOk = false;
      return errors.add(at, 'must be an object with id, name and weight');
    }
    const { id, name, weight } = criterion;
    if (typeof id !== 'string' || id === '') errors.add(`${at}.id`, 'must be a non-empty string');
    else if (seen.has(id)) errors.add(`${at}.id`, `must be unique; "${id}" is already a criterion`);
    else seen.add(id);
    if (typeof name !== 'string' || name === '') errors.add(`${at}.name`, 'must be a non-empty string');
    if (!errors.number(`${at}.weight`, weight, { min: 0 }, 'at least 0')) weightsOk = false;
    if (valuesOk && typeof id === 'string' && id !== '') {
      const value = Object.hasOwn(values, id) ? values[id] : undefined;
      if (value === undefined) errors.add(`inputs.values.${id}`, `is required: every criterion needs a value (${typeof name === 'string' ? name : id})`);
      else errors.number(`inputs.values.${id}`, value, {}, 'the item’s value for this criterion');
    }
  });
  if (weightsOk && !criteria.some((criterion) => criterion.weight > 0)) {
    errors.add('inputs.criteria', 'at least one weight must be more than 0');
  }
  errors.throwIfAny();

  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const weightedSum = criteria.reduce((sum, criterion) => sum + criterion.weight * values[criterion.id]!, 0);
  const score = weightedSum / totalWeight;
  finiteScore(weightedSum, totalWeight, score);
  const shown = criteria.flatMap((criterion) => [criterion.weight, values[criterion.id]!]);
  // Each `=` turns into `≈` only where a number it joins had to be rounded.
  const sumSign = equalsSign(...shown, weightedSum, totalWeight);
  const sign = equalsSign(...shown, weightedSum, totalWeight, score);
  const terms = criteria.map((criterion) => `${criterion.name} ${n(criterion.weight)} × ${n(values[criterion.id]!)}`).join(' + ');
  const weights = criteria.map((criterion) => n(criterion.weight)).join(' + ');
  return {
    score,
    explanation: `Weighted score = Σ weight × value ÷ Σ weight = (${terms}) ÷ (${weights}) ${sumSign} ${n(weightedSum)} ÷ ${n(totalWeight)} ${sign} ${n(score)}`,
  };
}
