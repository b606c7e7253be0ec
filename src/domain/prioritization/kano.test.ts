import { describe, expect, it } from 'vitest';
import { failingFields, untyped } from './fields-of.test-helper';
import { type KanoAnswer, type KanoCategory, KANO_ANSWERS, kanoClassify, kanoSurvey } from './kano';

/**
 * The Kano evaluation table as Berger et al. (1993) and Matzler & Hinterhuber
 * (1998) print it: rows are the functional answer, columns the dysfunctional one.
 */
const PUBLISHED_TABLE = `
  functional \\ dysfunctional | like | must_be | neutral | live_with | dislike
  like                        |  Q   |    A    |    A    |     A     |    O
  must_be                     |  R   |    I    |    I    |     I     |    M
  neutral                     |  R   |    I    |    I    |     I     |    M
  live_with                   |  R   |    I    |    I    |     I     |    M
  dislike                     |  R   |    R    |    R    |     R     |    Q
`;

function readTable(text: string): Array<[KanoAnswer, KanoAnswer, KanoCategory]> {
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const columns = header!.slice(1) as KanoAnswer[];
  return rows.flatMap(([functional, ...cells]) => cells.map((category, index) => [functional as KanoAnswer, columns[index]!, category as KanoCategory] as [KanoAnswer, KanoAnswer, KanoCategory]));
}

const CELLS = readTable(PUBLISHED_TABLE);

const pair = (functional: KanoAnswer, dysfunctional: KanoAnswer) => ({ functional, dysfunctional });
const repeat = <T>(times: number, value: T): T[] => Array.from({ length: times }, () => value);

describe('Kano evaluation table', () => {
  it('has all 25 cells, every answer pair once', () => {
    expect(CELLS).toHaveLength(25);
    expect(new Set(CELLS.map(([f, d]) => `${f}/${d}`)).size).toBe(25);
    for (const [functional, dysfunctional] of CELLS) {
      expect(KANO_ANSWERS).toContain(functional);
      expect(KANO_ANSWERS).toContain(dysfunctional);
    }
  });

  it.each(CELLS)('functional %s, dysfunctional %s → %s', (functional, dysfunctional, category) => {
    expect(kanoClassify(functional, dysfunctional)).toBe(category);
  });

  it('names an unknown answer', () => {
    expect(failingFields(() => kanoClassify(untyped('love'), 'dislike'))).toEqual(['functional']);
    expect(failingFields(() => kanoClassify('like', untyped('Dislike')))).toEqual(['dysfunctional']);
  });
});

describe('Kano survey', () => {
  // A worked example, computed by hand: 20 answers about "export to PDF".
  // A = 5 like/neutral + 3 like/live_with = 8; O = 5 like/dislike; M = 2 neutral/dislike
  // + 1 live_with/dislike = 3; I = 3 neutral/neutral; R = 1 dislike/like; Q = 0.
  // better = (8 + 5) ÷ (8 + 5 + 3 + 3) = 13/19 ≈ 0.68; worse = −(5 + 3) ÷ 19 = −8/19 ≈ −0.42.
  const survey = [
    ...repeat(5, pair('like', 'neutral')),
    ...repeat(3, pair('like', 'live_with')),
    ...repeat(5, pair('like', 'dislike')),
    ...repeat(2, pair('neutral', 'dislike')),
    pair('live_with', 'dislike'),
    ...repeat(3, pair('neutral', 'neutral')),
    pair('dislike', 'like'),
  ];

  it('counts categories, takes the dominant one and computes Berger’s coefficients', () => {
    expect(kanoSurvey(survey)).toEqual({
      counts: { A: 8, O: 5, M: 3, I: 3, R: 1, Q: 0 },
      category: 'A',
      better: 13 / 19,
      worse: -8 / 19,
      explanation:
        'Kano: 20 responses (A 8, O 5, M 3, I 3, R 1, Q 0); dominant A; ' +
        'better = (A + O) ÷ (A + O + M + I) = (8 + 5) ÷ 19 ≈ 0.68; worse = −(O + M) ÷ (A + O + M + I) = −(5 + 3) ÷ 19 ≈ −0.42',
    });
  });

  it('leaves R and Q out of the coefficients', () => {
    const withNoise = kanoSurvey([...survey, ...repeat(4, pair('like', 'like')), ...repeat(2, pair('dislike', 'neutral'))]);
    expect(withNoise.counts).toEqual({ A: 8, O: 5, M: 3, I: 3, R: 3, Q: 4 });
    expect(withNoise.better).toBe(13 / 19);
    expect(withNoise.worse).toBe(-8 / 19);
  });

  it('gives a basic need better 0 and worse −1', () => {
    const result = kanoSurvey(repeat(4, pair('neutral', 'dislike')));
    expect(result).toMatchObject({ category: 'M', better: 0, worse: -1 });
    expect(result.explanation).toContain('= (0 + 0) ÷ 4 = 0;');
    expect(result.explanation).toContain('= −(0 + 4) ÷ 4 = −1');
  });

  it('writes worse as 0, not −0, when nobody answered O or M', () => {
    const result = kanoSurvey([pair('like', 'neutral')]);
    expect(result).toMatchObject({ category: 'A', better: 1 });
    expect(Object.is(result.worse, 0)).toBe(true);
    expect(result.explanation).toMatch(/^Kano: 1 response \(/);
  });

  it('gives 0 for both coefficients when no answer is A, O, M or I', () => {
    const result = kanoSurvey([pair('like', 'like'), pair('dislike', 'neutral'), pair('dislike', 'dislike')]);
    expect(result).toMatchObject({ counts: { A: 0, O: 0, M: 0, I: 0, R: 1, Q: 2 }, category: 'Q', better: 0, worse: 0 });
    expect(Object.is(result.worse, 0)).toBe(true);
    expect(result.explanation).toContain('better = 0 and worse = 0 (no answer is A, O, M or I)');
  });

  describe('breaks ties M > O > A > I > R > Q', () => {
    const one: Record<KanoCategory, { functional: KanoAnswer; dysfunctional: KanoAnswer }> = {
      A: pair('like', 'neutral'),
      O: pair('like', 'dislike'),
      M: pair('neutral', 'dislike'),
      I: pair('neutral', 'neutral'),
      R: pair('dislike', 'like'),
      Q: pair('like', 'like'),
    };
    const tie = (...categories: KanoCategory[]) => kanoSurvey(categories.flatMap((category) => repeat(2, one[category])));

    it.each([
      [['M', 'O'], 'M'],
      [['O', 'A'], 'O'],
      [['A', 'I'], 'A'],
      [['M', 'I'], 'M'],
      [['I', 'R'], 'I'],
      [['R', 'Q'], 'R'],
      [['A', 'O', 'M', 'I'], 'M'],
      [['Q', 'I', 'A'], 'A'],
    ] as Array<[KanoCategory[], KanoCategory]>)('%j tied → %s', (categories, winner) => {
      expect(tie(...categories).category).toBe(winner);
    });

    it('says so in the explanation', () => {
      expect(tie('A', 'O').explanation).toContain('dominant O (tied with A; ties go M > O > A > I > R > Q)');
    });

    it('does not apply when one category has more answers', () => {
      expect(kanoSurvey([...repeat(3, one.I), ...repeat(2, one.M)]).category).toBe('I');
    });
  });

  it('needs at least one response', () => {
    expect(failingFields(() => kanoSurvey([]))).toEqual(['responses']);
    expect(failingFields(() => kanoSurvey(untyped(undefined)))).toEqual(['responses']);
  });

  it('names every unknown answer by its position', () => {
    expect(
      failingFields(() =>
        kanoSurvey([pair('like', 'dislike'), pair('like', 'dislike'), pair('like', 'dislike'), untyped({ functional: 'love', dysfunctional: 'dislike' })]),
      ),
    ).toEqual(['responses.3.functional']);
    expect(failingFields(() => kanoSurvey([untyped({ functional: 'like' }), untyped(null)]))).toEqual(['responses.0.dysfunctional', 'responses.1']);
  });
});
