import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, call, createTestApp, type TestApp } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('prioritisation calculator $name', ({ dialect }) => {
  let t: TestApp;
  let token: string;
  const evaluate = (body: unknown) => call(t.app, 'POST', '/api/v1/prioritization/evaluate', { token, body });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    token = (await buildUser(t.runtime)).token;
  });
  afterAll(() => t.close());

  it('scores RICE and explains the arithmetic', async () => {
    const response = await evaluate({ framework: 'rice', inputs: { reach: 2000, impact: 2, confidence: 0.8, effort: 4 } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().score).toBe(800);
    expect(response.json().explanation).toContain('800');
  });

  it('scores ICE as a product and WSJF as cost of delay over job size', async () => {
    expect((await evaluate({ framework: 'ice', inputs: { impact: 8, confidence: 5, ease: 4 } })).json().score).toBe(160);
    const wsjf = (await evaluate({ framework: 'wsjf', inputs: { businessValue: 8, timeCriticality: 5, riskReduction: 2, jobSize: 3 } })).json();
    expect(wsjf.score).toBe(5);
  });

  it('places value against effort in a quadrant', async () => {
    const result = (await evaluate({ framework: 'value_effort', inputs: { value: 9, effort: 2 } })).json();
    expect(result.quadrant).toBe('quick_win');
  });

  it('names the failing field of invalid inputs', async () => {
    const cases: Array<[unknown, string]> = [
      [{ framework: 'rice', inputs: { reach: 10, impact: 2, confidence: 1.5, effort: 1 } }, 'body.inputs.confidence'],
      [{ framework: 'rice', inputs: { reach: 10, impact: 2, confidence: 0.5, effort: -1 } }, 'body.inputs.effort'],
      [{ framework: 'rice', inputs: { reach: 10, impact: 4, confidence: 0.5, effort: 1 } }, 'body.inputs.impact'],
      [{ framework: 'ice', inputs: { impact: 11, confidence: 5, ease: 5 } }, 'body.inputs.impact'],
      [{ framework: 'wsjf', inputs: { businessValue: 1, timeCriticality: 1, riskReduction: 1, jobSize: 0 } }, 'body.inputs.jobSize'],
    ];
    for (const [body, field] of cases) {
      const response = await evaluate(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    const unknown = await evaluate({ framework: 'astrology', inputs: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.framework');
  });

  it('refuses inputs whose score would overflow, instead of answering 500', async () => {
    const response = await evaluate({ framework: 'rice', inputs: { reach: 1e308, impact: 3, confidence: 1, effort: 1 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('body.inputs');
    const weightedOverflow = await evaluate({
      framework: 'weighted',
      inputs: { criteria: [{ id: 'a', name: 'A', weight: 1e308 }, { id: 'b', name: 'B', weight: 1e308 }], values: { a: 1, b: 1 } },
    });
    expect(weightedOverflow.statusCode).toBe(400);
  });

  it('names a weighted criterion that has no value', async () => {
    const response = await evaluate({
      framework: 'weighted',
      inputs: { criteria: [{ id: 'revenue', name: 'Revenue', weight: 2 }, { id: 'fit', name: 'Strategic fit', weight: 1 }], values: { revenue: 8 } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain('body.inputs.values.fit');
  });

  it('classifies Kano answers with counts, the dominant category and Berger’s coefficients', async () => {
    const response = await call(t.app, 'POST', '/api/v1/prioritization/kano/classify', {
      token,
      body: {
        responses: [
          { functional: 'like', dysfunctional: 'dislike' },
          { functional: 'like', dysfunctional: 'dislike' },
          { functional: 'like', dysfunctional: 'neutral' },
          { functional: 'neutral', dysfunctional: 'dislike' },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.counts).toMatchObject({ O: 2, A: 1, M: 1, I: 0 });
    expect(result.category).toBe('O');
    expect(result.better).toBeCloseTo(0.75);
    expect(result.worse).toBeCloseTo(-0.75);
  });

  it('names an unknown Kano answer, and needs a signed-in caller', async () => {
    const bad = await call(t.app, 'POST', '/api/v1/prioritization/kano/classify', {
      token,
      body: { responses: [{ functional: 'like', dysfunctional: 'dislike' }, { functional: 'love', dysfunctional: 'dislike' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.responses.1.functional');
    const anonymous = await call(t.app, 'POST', '/api/v1/prioritization/evaluate', { body: { framework: 'ice', inputs: { impact: 1, confidence: 1, ease: 1 } } });
    expect(anonymous.statusCode).toBe(401);
  });
});
