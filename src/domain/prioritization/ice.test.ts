import { describe, expect, it } from 'vitest';
import { failingFields } from './fields-of.test-helper';
import { ice } from './ice';

describe('ICE', () => {
  it('is the product of impact, confidence and ease', () => {
    expect(ice({ impact: 8, confidence: 7, ease: 6 })).toEqual({
      score: 336,
      explanation: 'ICE = impact × confidence × ease = 8 × 7 × 6 = 336',
    });
  });

  it('runs from 1 to 1000 at the ends of the 1–10 scale', () => {
    expect(ice({ impact: 1, confidence: 1, ease: 1 }).score).toBe(1);
    expect(ice({ impact: 10, confidence: 10, ease: 10 }).score).toBe(1000);
  });

  it('accepts half points and rounds only the explanation', () => {
    const result = ice({ impact: 7.5, confidence: 3.3, ease: 2 });
    expect(result.score).toBeCloseTo(49.5, 10);
    expect(result.explanation).toMatch(/^ICE = impact × confidence × ease = 7\.5 × 3\.3 × 2 [=≈] 49\.5$/);
  });

  it('one weak factor pulls the score down hard', () => {
    expect(ice({ impact: 10, confidence: 10, ease: 1 }).score).toBeLessThan(ice({ impact: 5, confidence: 5, ease: 5 }).score);
  });

  it('names each rating outside 1–10 or not finite', () => {
    expect(failingFields(() => ice({ impact: 0, confidence: 5, ease: 5 }))).toEqual(['inputs.impact']);
    expect(failingFields(() => ice({ impact: 5, confidence: 11, ease: 5 }))).toEqual(['inputs.confidence']);
    expect(failingFields(() => ice({ impact: 5, confidence: 5, ease: NaN }))).toEqual(['inputs.ease']);
    expect(failingFields(() => ice({ impact: -1, confidence: 10.5, ease: Infinity }))).toEqual(['inputs.impact', 'inputs.confidence', 'inputs.ease']);
  });
});
