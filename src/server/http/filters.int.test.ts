import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

interface Listed {
  title: string;
}

describe.each(DIALECTS)('filtering the backlog $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  const ids: Record<string, string> = {};

  const items = [
    { type: 'story', title: 'Export the audit log as CSV', labels: ['exports', 'enterprise'], estimate: 5, description: 'Compliance officers download a month of events' },
    { type: 'story', title: 'Checkout with saved cards', labels: ['checkout'], estimate: 3, status: 'ready', dueDate: '2027-01-20' },
    { type: 'bug', title: 'Checkout button hidden on small screens', labels: ['checkout', 'mobile'], estimate: 1, status: 'in_progress' },
    { type: 'story', title: 'Dark mode for dashboards', labels: [], status: 'ready', blocked: true, blockedReason: 'Design system first' },
    { type: 'task', title: 'Benchmark the export pipeline', labels: ['exports'], estimate: 8, dueDate: '2026-12-24' },
  ];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.runtime);
    for (const item of items) {
      const created = await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: ws.owner.token, body: item });
      expect(created.statusCode, created.body).toBe(201);
      ids[item.title] = created.json().id;
    }
    await call(t.app, 'PATCH', `/api/v1/items/${ids['Checkout with saved cards']}`, { token: ws.owner.token, body: { assigneeId: ws.byRole.contributor.user.id } });
  });
  afterAll(() => t.close());

  async function titles(q: string, token = ws.owner.token): Promise<string[]> {
    const response = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/items?q=${encodeURIComponent(q)}`, { token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((item: Listed) => item.title);
  }

  it('filters by type, status, label and category, in rank order', async () => {
    expect(await titles('type:story status:ready')).toEqual(['Checkout with saved cards', 'Dark mode for dashboards']);
    expect(await titles('label:checkout')).toEqual(['Checkout with saved cards', 'Checkout button hidden on small screens']);
    expect(await titles('label:exports,mobile')).toEqual(['Export the audit log as CSV', 'Checkout button hidden on small screens', 'Benchmark the export pipeline']);
    expect(await titles('category:in_progress')).toEqual(['Checkout button hidden on small screens']);
    expect(await titles('-label:checkout type:story')).toEqual(['Export the audit log as CSV', 'Dark mode for dashboards']);
  });

  it('compares points and due dates, and finds what has none', async () => {
    expect(await titles('points>=3')).toEqual(['Export the audit log as CSV', 'Checkout with saved cards', 'Benchmark the export pipeline']);
    expect(await titles('points<3')).toEqual(['Checkout button hidden on small screens']);
    expect(await titles('points:none')).toEqual(['Dark mode for dashboards']);
    expect(await titles('due<2027-01-01')).toEqual(['Benchmark the export pipeline']);
    expect(await titles('-due:none')).toEqual(['Checkout with saved cards', 'Benchmark the export pipeline']);
  });

  it('reads me as the caller, and flags', async () => {
    expect(await titles('assignee:me', ws.byRole.contributor.token)).toEqual(['Checkout with saved cards']);
    expect(await titles(`assignee:${ws.byRole.contributor.user.email}`)).toEqual(['Checkout with saved cards']);
    expect(await titles('is:blocked')).toEqual(['Dark mode for dashboards']);
    expect(await titles('is:unestimated')).toEqual(['Dark mode for dashboards']);
  });

  it('searches the text people wrote, by word prefix and by phrase', async () => {
    expect(await titles('export')).toEqual(['Export the audit log as CSV', 'Benchmark the export pipeline']);
    expect(await titles('compliance')).toEqual(['Export the audit log as CSV']);
    expect(await titles('"saved cards"')).toEqual(['Checkout with saved cards']);
    expect(await titles('"cards saved"')).toEqual([]);
    expect(await titles('checkout -"small screens"')).toEqual(['Checkout with saved cards']);
    expect(await titles('chec type:bug')).toEqual(['Checkout button hidden on small screens']);
  });

  it('finds an item by its new words after an edit', async () => {
    await call(t.app, 'PATCH', `/api/v1/items/${ids['Dark mode for dashboards']}`, { token: ws.owner.token, body: { title: 'Night theme for dashboards' } });
    expect(await titles('night')).toEqual(['Night theme for dashboards']);
    expect(await titles('"dark mode"')).toEqual([]);
    await call(t.app, 'PATCH', `/api/v1/items/${ids['Dark mode for dashboards']}`, { token: ws.owner.token, body: { title: 'Dark mode for dashboards' } });
  });

  it('matches nothing for sprint:current while no sprint runs, and the running sprint once one does', async () => {
    expect(await titles('sprint:current')).toEqual([]);
    const sprint = (
      await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/sprints`, {
        token: ws.owner.token,
        body: { name: 'Sprint 1', startDate: '2027-01-04', endDate: '2027-01-15' },
      })
    ).json();
    await call(t.app, 'POST', `/api/v1/sprints/${sprint.id}/items`, { token: ws.owner.token, body: { itemId: ids['Checkout with saved cards'] } });
    expect(await titles('sprint:"Sprint 1"')).toEqual(['Checkout with saved cards']);
    await call(t.app, 'POST', `/api/v1/sprints/${sprint.id}/start`, { token: ws.owner.token });
    expect(await titles('sprint:current')).toEqual(['Checkout with saved cards']);
    expect(await titles('sprint:none type:story')).toEqual(['Export the audit log as CSV', 'Dark mode for dashboards']);
  });

  it('finds ready and unready stories, and follows a story that becomes ready', async () => {
    expect(await titles('is:ready')).toEqual([]);
    expect(await titles('is:unready')).toEqual(['Export the audit log as CSV', 'Checkout with saved cards', 'Dark mode for dashboards']);
    const written = await call(t.app, 'PATCH', `/api/v1/items/${ids['Checkout with saved cards']}`, {
      token: ws.owner.token,
      body: { persona: 'returning shopper', want: 'to pay with a saved card', benefit: 'checkout takes seconds', acceptanceCriteria: [{ then: 'the saved card is charged' }] },
    });
    expect(written.json().readiness.ready).toBe(true);
    expect(await titles('is:ready')).toEqual(['Checkout with saved cards']);
    expect(await titles('-is:ready type:story')).toEqual(['Export the audit log as CSV', 'Dark mode for dashboards']);
  });

  it('counts the items in each status of the workflow, trash left out', async () => {
    const response = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/status-counts`, { token: ws.byRole.viewer.token });
    expect(response.statusCode).toBe(200);
    expect(response.json().counts).toEqual({ backlog: 2, ready: 2, in_progress: 1, in_review: 0, done: 0, canceled: 0 });
  });

  it('answers bad syntax with invalid_query and the column of the problem', async () => {
    const response = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/items?q=${encodeURIComponent('type:story colour:red')}`, { token: ws.owner.token });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'invalid_query', column: 12 });
  });

  it('names an unknown status at its column', async () => {
    const response = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/items?q=${encodeURIComponent('status:ready,doing')}`, { token: ws.owner.token });
    expect(response.json()).toMatchObject({ code: 'invalid_query', column: 14 });
    expect(response.json().detail).toContain('doing');
  });

  it('pages a filtered list without losing or repeating items', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/products/${ws.product.id}/items?limit=1&q=${encodeURIComponent('-type:task')}${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: Listed[]; nextCursor: string | null } = (await call(t.app, 'GET', url, { token: ws.owner.token })).json();
      seen.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.filter((item) => item.type !== 'task').map((item) => item.title));
  });

  it('combines a filter with a score sort', async () => {
    await call(t.app, 'POST', `/api/v1/items/${ids['Benchmark the export pipeline']}/scores`, {
      token: ws.owner.token,
      body: { framework: 'ice', inputs: { impact: 9, confidence: 9, ease: 9 } },
    });
    const response = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}/items?sort=score:ice&q=label:exports`, { token: ws.owner.token });
    expect(response.json().items.map((item: Listed) => item.title)).toEqual(['Benchmark the export pipeline', 'Export the audit log as CSV']);
  });
});
