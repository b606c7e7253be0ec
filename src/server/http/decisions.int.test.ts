import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('the decision log $name', ({ dialect }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  async function log() {
    const ws = await buildWorkspace(t.runtime);
    const po = ws.byRole.product_owner.token;
    const item = (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: po, body: { type: 'story', title: 'Export invoices' } })).json();
    const url = `/api/v1/products/${ws.product.id}/decisions`;
    const record = (body: unknown, token = po) => call(t.app, 'POST', url, { token, body });
    return { ws, po, item, url, record };
  }

  it('records a decision with its options and items, and shows it on each linked item', async () => {
    const { po, item, record } = await log();
    const created = await record({
      title: 'CSV before PDF',
      context: 'Finance asks for both; we can ship one this sprint.',
      options: [{ title: 'CSV first', notes: 'Cheap, covers 80 %' }, { title: 'PDF first' }],
      outcome: 'CSV first',
      rationale: 'Most customers import into spreadsheets.',
      status: 'decided',
      itemIds: [item.key],
    });
    expect(created.statusCode, created.body).toBe(201);
    const decision = created.json();
    expect(decision).toMatchObject({ status: 'decided', itemIds: [item.id], options: [{ title: 'CSV first' }, { title: 'PDF first', notes: '' }] });
    expect(decision.decidedBy).not.toBeNull();
    expect(decision.decidedAt).not.toBeNull();
    const onItem = (await call(t.app, 'GET', `/api/v1/items/${item.id}/decisions`, { token: po })).json();
    expect(onItem.items.map((entry: { id: string }) => entry.id)).toEqual([decision.id]);
  });

  it('moves forward only: proposed → decided → superseded, with the decider stamped', async () => {
    const { po, record } = await log();
    const proposed = (await record({ title: 'Drop IE11 support' })).json();
    expect(proposed.status).toBe('proposed');
    const noOutcome = await call(t.app, 'PATCH', `/api/v1/decisions/${proposed.id}`, { token: po, body: { status: 'decided' } });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().errors).toEqual([{ field: 'body.outcome', message: 'say what was decided' }]);
    const decided = await call(t.app, 'PATCH', `/api/v1/decisions/${proposed.id}`, { token: po, body: { status: 'decided', outcome: 'Dropped' } });
    expect(decided.json().decidedAt).not.toBeNull();
    const back = await call(t.app, 'PATCH', `/api/v1/decisions/${proposed.id}`, { token: po, body: { status: 'proposed' } });
    expect(back.statusCode).toBe(400);
    const successor = (await record({ title: 'Keep IE11 for one enterprise customer', status: 'decided', outcome: 'Kept until June' })).json();
    const superseded = await call(t.app, 'PATCH', `/api/v1/decisions/${proposed.id}`, { token: po, body: { status: 'superseded', supersededBy: successor.id } });
    expect(superseded.json()).toMatchObject({ status: 'superseded', supersededBy: successor.id });
  });

  it('finds decisions by their words and by status, newest first', async () => {
    const { po, url, record } = await log();
    await record({ title: 'Pricing page shows annual first', status: 'decided', outcome: 'Annual first' });
    await record({ title: 'Beta flag for funnels', rationale: 'Enterprise pilots need the new funnel early' });
    const found = async (query: string) => (await call(t.app, 'GET', `${url}?${query}`, { token: po })).json().items.map((entry: { title: string }) => entry.title);
    expect(await found('q=funnel')).toEqual(['Beta flag for funnels']);
    expect(await found('q=ANNUAL')).toEqual(['Pricing page shows annual first']);
    expect(await found('status=proposed')).toEqual(['Beta flag for funnels']);
    expect(await found('')).toEqual(['Beta flag for funnels', 'Pricing page shows annual first']);
    expect(await found('q=100%25')).toEqual([]);
  });

  it('refuses items of another product, naming the field, and changes nothing', async () => {
    const { record, url, po } = await log();
    const other = await buildWorkspace(t.runtime);
    const foreign = (await call(t.app, 'POST', `/api/v1/products/${other.product.id}/items`, { token: other.owner.token, body: { type: 'story', title: 'Elsewhere' } })).json();
    const response = await record({ title: 'Link elsewhere', itemIds: [foreign.id] });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'body.itemIds.0', message: 'no such item in this product' }]);
    expect((await call(t.app, 'GET', url, { token: po })).json().items).toEqual([]);
  });

  it('lets a stakeholder read the log but not write to it', async () => {
    const { ws, record, url } = await log();
    expect((await record({ title: 'Stakeholder decides' }, ws.byRole.stakeholder.token)).statusCode).toBe(403);
    expect((await call(t.app, 'GET', url, { token: ws.byRole.stakeholder.token })).statusCode).toBe(200);
  });
});
