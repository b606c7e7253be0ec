import type { EvaluateBody, ItemScoreBody } from '../../contracts/prioritization.schema';
import { invalidField } from '../errors';
import { ice } from './ice';
import { kanoSurvey } from './kano';
import { moscow } from './moscow';
import { rice } from './rice';
import type { ScoreResult } from './score-result';
import { valueEffort, type ValueEffortQuadrant } from './value-effort';
import { weighted, type WeightedCriterion } from './weighted';
import { wsjf } from './wsjf';

export type Evaluation = ScoreResult & { quadrant?: ValueEffortQuadrant };

/** One entry point to every framework, for the calculator. */
export function evaluate(body: EvaluateBody): Evaluation {
  switch (body.framework) {
    case 'rice':
      return rice(body.inputs);
    case 'ice':
      return ice(body.inputs);
    case 'wsjf':
      return wsjf(body.inputs);
    case 'moscow':
      return moscow(body.inputs);
    case 'value_effort':
      return valueEffort(body.inputs);
    case 'weighted':
      return weighted(body.inputs);
  }
}

/**
 * An item's score as stored: the weighted score uses the product's criteria,
 * and a Kano survey scores its better coefficient (how much satisfaction the
 * feature can add), explained with its category.
 */
export function scoreItem(body: ItemScoreBody, criteria: readonly WeightedCriterion[]): Evaluation {
  switch (body.framework) {
    case 'weighted':
      if (criteria.length === 0) throw invalidField('framework', 'this product has no scoring criteria yet; define them first');
      return weighted({ criteria, values: body.inputs.values });
    case 'kano': {
      const survey = kanoSurvey(body.inputs.responses);
      return { score: survey.better, explanation: survey.explanation };
    }
    default:
      return evaluate(body);
  }
}
