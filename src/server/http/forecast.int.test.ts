import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, call, createTestApp, type TestApp } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('forecast calculator $name', ({ dialect }) => {
  let t: TestApp;
  let token: string;
  const post = (path: string, body: unknown) => call(t.app, 'POST', `/api/v1/forecast/${path}`, { token, body });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    token = (await buildUser(t.runtime)).token;
  });
  afterAll(() => t.close());

  it('answers "when" with dates at 50, 85 and 95 %, exact for a constant throughput', async () => {
    const response = await post('when', { throughput: [2, 2], remaining: 10, start: '2027-01-04' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ p50: '2027-01-08', p85: '2027-01-08', p95: '2027-01-08', trials: 10_000 });
  });

  it('answers "how many" counting both ends, and repeats itself given the seed it reported', async () => {
    const body = { throughput: [0, 1, 4, 2, 0, 3], start: '2027-01-04', end: '2027-01-31', trials: 2000 };
    const first = (await post('how-many', body)).json();
    expect(first.days).toBe(28);
    expect(first.p95).toBeLessThanOrEqual(first.p85);
    expect(first.p85).toBeLessThanOrEqual(first.p50);
    const again = (await post('how-many', { ...body, seed: first.seed })).json();
    expect(again).toEqual(first);
  });

  it('refuses bad input with a problem naming each field', async () => {
    const cases: Array<[string, unknown, string[]]> = [
      ['when', { throughput: [0, 0], remaining: 3, start: '2027-01-04' }, ['body.throughput']],
      ['when', { throughput: [1, -2], remaining: 3, start: '2027-13-01' }, ['body.throughput.1', 'body.start']],
      ['when', { throughput: [1], remaining: 3, start: '2027-01-04', trials: 0 }, ['body.trials']],
      ['how-many', { throughput: [1], start: '2027-02-01', end: '2027-01-01' }, ['body.end']],
      ['how-many', { throughput: [1], start: '2027-01-01' }, ['body.end']],
    ];
    for (const [path, body, fields] of cases) {
      const response = await post(path, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual(fields);
    }
  });

  it('needs a signed-in account', async () => {
    const response = await call(t.app, 'POST', '/api/v1/forecast/when', { body: { throughput: [1], remaining: 1, start: '2027-01-04' } });
    expect(response.statusCode).toBe(401);
  });
});
