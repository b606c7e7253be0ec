import { KANO_ANSWERS, KANO_CATEGORIES } from '../../contracts/vocabulary';
import { equalsSign, formatNumber as n } from './format';
import { InputErrors, isRecord } from './validation';

/**
 * The five answers of a Kano question pair, in the order of the evaluation
 * table: "I like it", "It must be that way", "I am neutral", "I can live with
 * it", "I dislike it".
 */
export type KanoAnswer = (typeof KANO_ANSWERS)[number];
export { KANO_ANSWERS };

/** Attractive, one-dimensional, must-be, indifferent, reverse, questionable. */
export type KanoCategory = (typeof KANO_CATEGORIES)[number];
export { KANO_CATEGORIES };

/**
 * The standard Kano evaluation table (Berger et al. 1993; Matzler & Hinterhuber
 * 1998): rows are the answer to the functional question ("if the product has
 * this…"), columns the answer to the dysfunctional one ("if it does not…").
 */
const EVALUATION_TABLE: Readonly<Record<KanoAnswer, Readonly<Record<KanoAnswer, KanoCategory>>>> = {
  //          like      must_be    neutral    live_with  dislike
  like:      { like: 'Q', must_be: 'A', neutral: 'A', live_with: 'A', dislike: 'O' },
  must_be:   { like: 'R', must_be: 'I', neutral: 'I', live_with: 'I', dislike: 'M' },
  neutral:   { like: 'R', must_be: 'I', neutral: 'I', live_with: 'I', dislike: 'M' },
  live_with: { like: 'R', must_be: 'I', neutral: 'I', live_with: 'I', dislike: 'M' },
  dislike:   { like: 'R', must_be: 'R', neutral: 'R', live_with: 'R', dislike: 'Q' },
};

/**
 * When categories tie for the most answers, the one whose neglect costs most
 * wins: M > O > A > I (the usual "M > O > A > I" rule), then R > Q, which only
 * matter when they outnumber every real category (a sign the feature or the
 * question needs another look).
 */
export const KANO_TIE_BREAK: readonly KanoCategory[] = ['M', 'O', 'A', 'I', 'R', 'Q'];

const isKanoAnswer = (value: unknown): value is KanoAnswer => typeof value === 'string' && (KANO_ANSWERS as readonly string[]).includes(value);
const answerRule = `must be one of ${KANO_ANSWERS.join(', ')}`;

export function kanoClassify(functional: KanoAnswer, dysfunctional: KanoAnswer): KanoCategory {
  const errors = new InputErrors();
  if (!isKanoAnswer(functional)) errors.add('functional', answerRule);
  if (!isKanoAnswer(dysfunctional)) errors.add('dysfunctional', answerRule);
  errors.throwIfAny();
  return EVALUATION_TABLE[functional][dysfunctional];
}

export interface KanoSurveyResult {
  counts: Record<KanoCategory, number>;
  category: KanoCategory;
  better: number;
  worse: number;
  explanation: string;
}

/**
 * Classifies every answer pair, takes the most frequent category (ties broken
 * by `KANO_TIE_BREAK`) and Berger's customer-satisfaction coefficients:
 * better = (A + O) ÷ (A + O + M + I), worse = −(O + M) ÷ (A + O + M + I), both 0
 * when no answer is A, O, M or I. The coefficients are not rounded.
 */
export function kanoSurvey(responses: ReadonlyArray<{ functional: KanoAnswer; dysfunctional: KanoAnswer }>): KanoSurveyResult {
  const errors = new InputErrors();
  if (!Array.isArray(responses) || responses.length === 0) {
    errors.add('responses', 'at least one response is required');
    errors.throwIfAny();
  }
  responses.forEach((response: unknown, index) => {
    if (!isRecord(response)) return errors.add(`responses.${index}`, 'must be an object with functional and dysfunctional answers');
    if (!isKanoAnswer(response.functional)) errors.add(`responses.${index}.functional`, answerRule);
    if (!isKanoAnswer(response.dysfunctional)) errors.add(`responses.${index}.dysfunctional`, answerRule);
  });
  errors.throwIfAny();

  const counts: Record<KanoCategory, number> = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
  for (const response of responses) counts[EVALUATION_TABLE[response.functional][response.dysfunctional]] += 1;

  const most = Math.max(...KANO_CATEGORIES.map((category) => counts[category]));
  const tied = KANO_TIE_BREAK.filter((category) => counts[category] === most);
  const category = tied[0]!;

  const { A, O, M, I } = counts;
  const relevant = A + O + M + I;
  const better = relevant === 0 ? 0 : (A + O) / relevant;
  // `+ 0` turns −0 into 0 when neither O nor M was answered.
  const worse = relevant === 0 ? 0 : -(O + M) / relevant + 0;

  const countText = KANO_CATEGORIES.map((key) => `${key} ${counts[key]}`).join(', ');
  const tieText = tied.length > 1 ? ` (tied with ${tied.slice(1).join(', ')}; ties go ${KANO_TIE_BREAK.join(' > ')})` : '';
  const coefficients =
    relevant === 0
      ? 'better = 0 and worse = 0 (no answer is A, O, M or I)'
      : `better = (A + O) ÷ (A + O + M + I) = (${A} + ${O}) ÷ ${relevant} ${equalsSign(better)} ${n(better)}; ` +
        `worse = −(O + M) ÷ (A + O + M + I) = −(${O} + ${M}) ÷ ${relevant} ${equalsSign(worse)} ${n(worse)}`;
  return {
    counts,
    category,
    better,
    worse,
    explanation: `Kano: ${responses.length} ${responses.length === 1 ? 'response' : 'responses'} (${countText}); dominant ${category}${tieText}; ${coefficients}`,
  };
}
