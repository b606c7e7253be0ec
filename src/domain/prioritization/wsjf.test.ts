import { describe, expect, it } from 'vitest';
import { failingFields } from './fields-of.test-helper';
import { wsjf } from './wsjf';

describe('WSJF', () => {
  it('divides the cost of delay (BV + TC + RR/OE) by job size and shows both', () => {
    expect(wsjf({ businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 2 })).toEqual({
      score: 8,
      explanation:
        'WSJF = cost of delay ÷ job size = (business value + time criticality + risk reduction/opportunity enablement) ÷ job size' +
        ' = (8 + 5 + 3) ÷ 2 = 16 ÷ 2 = 8',
    });
  });

  // SAFe's method: each feature rated relative to the others on the modified
  // Fibonacci scale (1, 2, 3, 5, 8, 13, 20), the smallest of each column as 1;
  // the highest WSJF goes first.
  it('ranks a SAFe-style feature table by WSJF', () => {
    const features = {
      'self-serve invoices': { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 2 },
      'SSO for enterprise': { businessValue: 20, timeCriticality: 13, riskReduction: 8, jobSize: 13 },
      'regulatory export': { businessValue: 3, timeCriticality: 20, riskReduction: 1, jobSize: 5 },
    };
    const scores = Object.fromEntries(Object.entries(features).map(([name, inputs]) => [name, wsjf(inputs)]));
    expect(scores['self-serve invoices']!.score).toBe(8);
    expect(scores['SSO for enterprise']!.score).toBe(41 / 13);
    expect(scores['SSO for enterprise']!.explanation).toMatch(/= \(20 \+ 13 \+ 8\) ÷ 13 = 41 ÷ 13 ≈ 3\.15$/);
    expect(scores['regulatory export']!.score).toBe(4.8);
    const order = Object.keys(scores).sort((a, b) => scores[b]!.score - scores[a]!.score);
    expect(order).toEqual(['self-serve invoices', 'regulatory export', 'SSO for enterprise']);
  });

  // Reinertsen: with equal cost of delay, do the shortest job first.
  it('puts the shorter of two equally urgent jobs first', () => {
    const inputs = { businessValue: 5, timeCriticality: 3, riskReduction: 1 };
    expect(wsjf({ ...inputs, jobSize: 1 }).score).toBeGreaterThan(wsjf({ ...inputs, jobSize: 8 }).score);
  });

  it('allows zero in any part of the cost of delay', () => {
    expect(wsjf({ businessValue: 1, timeCriticality: 3, riskReduction: 5, jobSize: 3 }).score).toBe(3);
    expect(wsjf({ businessValue: 0, timeCriticality: 0, riskReduction: 0, jobSize: 1 }).score).toBe(0);
  });

  it('names each invalid input', () => {
    const valid = { businessValue: 1, timeCriticality: 1, riskReduction: 1, jobSize: 1 };
    expect(failingFields(() => wsjf({ ...valid, jobSize: 0 }))).toEqual(['inputs.jobSize']);
    expect(failingFields(() => wsjf({ ...valid, businessValue: -1 }))).toEqual(['inputs.businessValue']);
    expect(failingFields(() => wsjf({ ...valid, timeCriticality: NaN }))).toEqual(['inputs.timeCriticality']);
    expect(failingFields(() => wsjf({ businessValue: -1, timeCriticality: -1, riskReduction: -1, jobSize: -1 }))).toEqual([
      'inputs.businessValue',
      'inputs.timeCriticality',
      'inputs.riskReduction',
      'inputs.jobSize',
    ]);
  });
});
