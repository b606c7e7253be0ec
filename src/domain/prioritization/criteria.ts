import type { ScoringCriteriaReplace } from '../../contracts/prioritization.schema';
import { invalidFields } from '../errors';
import type { WeightedCriterion } from './weighted';

/**
 * A product's weighted-scoring criteria as replaced whole: names unique, kept
 * ids known, and (when there are any) at least one weight above 0, so every
 * weighted score stays computable. New criteria get an id from `newId`.
 */
export function buildScoringCriteria(
  input: ScoringCriteriaReplace['criteria'],
  existing: readonly WeightedCriterion[],
  newId: () => string,
): WeightedCriterion[] {
  const errors: Array<{ field: string; message: string }> = [];
  const known = new Set(existing.map((criterion) => criterion.id));
  const names = new Set<string>();
  input.forEach((criterion, index) => {
    const name = criterion.name.toLocaleLowerCase();
    if (names.has(name)) errors.push({ field: `criteria.${index}.name`, message: `"${criterion.name}" is used twice` });
    names.add(name);
    if (criterion.id !== undefined && !known.has(criterion.id)) errors.push({ field: `criteria.${index}.id`, message: 'no such criterion in this product' });
  });
  if (input.length > 0 && !input.some((criterion) => criterion.weight > 0)) {
    errors.push({ field: 'criteria', message: 'at least one weight must be more than 0' });
  }
  if (errors.length > 0) throw invalidFields(errors);
  return input.map((criterion) => ({ id: criterion.id ?? newId(), name: criterion.name, weight: criterion.weight }));
}
