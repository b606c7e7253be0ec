import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('throughput history $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let po: string;
  // The service clock: each step sets the moment its requests happen at.
  let now = new Date('2027-03-10T12:00:00Z');

  beforeAll(async () => {
    t = await createTestApp(dialect, { ctx: { clock: { now: () => now }, newId: () => uuidv7() } });
  });
  beforeEach(async () => {
    ws = await buildWorkspace(t.runtime);
    po = ws.byRole.product_owner.token;
  });
  afterAll(() => t.close());

  const at = (instant: string) => {
    now = new Date(instant);
  };
  const story = async (title: string, status = 'backlog') =>
    (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: po, body: { type: 'story', title, status } })).json();
  const move = (id: string, status: string) => call(t.app, 'PATCH', `/api/v1/items/${id}`, { token: po, body: { status } });
  const throughput = async (query = '?days=7') => {
    const response = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/throughput${query}`, { token: ws.byRole.viewer.token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('counts items by the UTC day they were done, zero days included, today left out', async () => {
    at('2027-03-03T09:00:00Z');
    const a = await story('A');
    const b = await story('B');
    await move(a.id, 'done');
    at('2027-03-03T23:30:00Z');
    await move(b.id, 'done');
    at('2027-03-06T10:00:00Z');
    await story('Created done', 'done');
    at('2027-03-09T08:00:00Z');
    const c = await story('C');
    await move(c.id, 'done');
    at('2027-03-10T08:00:00Z');
    const today = await story('Today');
    await move(today.id, 'done');
    at('2027-03-10T12:00:00Z');
    expect(await throughput()).toEqual({ start: '2027-03-03', end: '2027-03-09', daily: [2, 0, 0, 1, 0, 0, 1] });
  });

  it('forgets an item taken out of done, and counts it on the day it is done again', async () => {
    at('2027-03-04T10:00:00Z');
    const a = await story('A');
    await move(a.id, 'done');
    at('2027-03-05T10:00:00Z');
    await move(a.id, 'in_review');
    at('2027-03-08T10:00:00Z');
    await move(a.id, 'done');
    // Canceling is finishing, but not delivering: throughput does not count it.
    const dropped = await story('Dropped');
    await move(dropped.id, 'canceled');
    at('2027-03-10T12:00:00Z');
    expect((await throughput()).daily).toEqual([0, 0, 0, 0, 0, 1, 0]);
  });

  it('feeds the forecast calculator directly', async () => {
    at('2027-03-09T10:00:00Z');
    for (const title of ['A', 'B']) await move((await story(title)).id, 'done');
    at('2027-03-10T12:00:00Z');
    const { daily } = await throughput();
    const forecast = await call(t.app, 'POST', '/api/v1/forecast/when', { token: po, body: { throughput: daily, remaining: 4, start: '2027-03-10', seed: 7 } });
    expect(forecast.statusCode, forecast.body).toBe(200);
    expect(forecast.json().p50 >= '2027-03-10').toBe(true);
  });

  it('refuses a window outside 7 to 365 days', async () => {
    for (const query of ['?days=3', '?days=1000', '?days=ten']) {
      const response = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/throughput${query}`, { token: po });
      expect(response.statusCode, query).toBe(400);
    }
  });
});
