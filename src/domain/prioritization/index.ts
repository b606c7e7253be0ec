/**
 * Prioritisation frameworks: pure scoring functions, each returning the score
 * and the formula with the numbers filled in. Invalid inputs throw
 * `TandemError('validation_failed')` naming every failing field.
 */
export type { ScoreResult } from './score-result';
export { rice, RICE_IMPACTS, type RiceInputs } from './rice';
export { ice, type IceInputs } from './ice';
export { wsjf, type WsjfInputs } from './wsjf';
export { moscow, MOSCOW_SCORES, type MoscowCategory } from './moscow';
export { valueEffort, DEFAULT_VALUE_EFFORT_MIDPOINT, type ValueEffortQuadrant } from './value-effort';
export {
  kanoClassify,
  kanoSurvey,
  KANO_ANSWERS,
  KANO_CATEGORIES,
  KANO_TIE_BREAK,
  type KanoAnswer,
  type KanoCategory,
  type KanoSurveyResult,
} from './kano';
export { weighted, type WeightedCriterion } from './weighted';
export { formatNumber } from './format';
export { evaluate, scoreItem, type Evaluation } from './evaluate';
export { buildScoringCriteria } from './criteria';
