import { expect } from 'vitest';
import { createItem, findProduct, getOk, listAllItems, request, tokenFor, type Item } from './api';

export const DEMO_PASSWORD = 'demo-password';

export interface Populated {
  token: string;
  ownerToken: string;
  workspaceId: string;
  productId: string;
  trashedId: string;
}

/**
 * Touches every table a running demo server has, through the API: a session
 * and an API token, an invite, items created (once with an Idempotency-Key), changed,
 * scored, committed to a sprint and trashed (with their activity rows), a saved
 * view, a decision, and a failed sign-in. A copy
 * that drops any table's rows then shows in the counts.
 */
export async function populate(baseUrl: string): Promise<Populated> {
  const token = await tokenFor(baseUrl, 'pm@demo.test', DEMO_PASSWORD);
  const product = await findProduct(baseUrl, token, 'DEMO');
  const created = await createItem(baseUrl, token, product.id, 'Export the funnel as CSV, with ümlauts & "quotes"');
  expect(created.status).toBe(201);
  const idempotent = await request<Item>(baseUrl, 'POST', `/api/v1/products/${product.id}/items`, {
    token,
    headers: { 'idempotency-key': 'backup-test-1' },
    body: { type: 'bug', title: 'Alert e-mails arrive twice', description: 'Line one\nLine two', status: 'ready' },
  });
  expect(idempotent.status).toBe(201);
  const changed = await request<Item>(baseUrl, 'PATCH', `/api/v1/items/${created.body.id}`, {
    token,
    headers: { 'if-match': created.headers.get('etag')! },
    body: { status: 'in_progress', description: 'Changed after creation' },
  });
  expect(changed.status).toBe(200);
  const trashed = await request<Item>(baseUrl, 'DELETE', `/api/v1/items/${idempotent.body.id}`, { token });
  expect(trashed.status).toBe(200);
  const scored = await request(baseUrl, 'POST', `/api/v1/items/${created.body.id}/scores`, {
    token,
    body: { framework: 'rice', inputs: { reach: 1200, impact: 2, confidence: 0.8, effort: 3 } },
  });
  expect(scored.status).toBe(200);
  const ownerToken = await tokenFor(baseUrl, 'owner@demo.test', DEMO_PASSWORD);
  const sprint = await request<{ id: string }>(baseUrl, 'POST', `/api/v1/products/${product.id}/sprints`, {
    token: ownerToken,
    body: { name: 'Sprint 1', startDate: '2026-12-07', endDate: '2026-12-18' },
  });
  expect(sprint.status).toBe(201);
  const committed = await request(baseUrl, 'POST', `/api/v1/sprints/${sprint.body.id}/items`, { token: ownerToken, body: { itemId: created.body.id } });
  expect(committed.status).toBe(200);
  const view = await request(baseUrl, 'POST', `/api/v1/products/${product.id}/views`, {
    token,
    body: { name: 'My exports', query: 'label:exports "csv"', sort: 'score:rice' },
  });
  expect(view.status).toBe(201);
  const decision = await request(baseUrl, 'POST', `/api/v1/products/${product.id}/decisions`, {
    token,
    body: { title: 'CSV export before PDF', status: 'decided', outcome: 'CSV first; PDF next quarter', itemIds: [created.body.id] },
  });
  expect(decision.status).toBe(201);
  const invite = await request(baseUrl, 'POST', `/api/v1/workspaces/${product.workspaceId}/invites`, {
    token: ownerToken,
    body: { roles: ['stakeholder', 'viewer'], email: 'guest@example.com' },
  });
  expect(invite.status).toBe(201);
  const failedLogin = await request(baseUrl, 'POST', '/api/v1/auth/login', { body: { email: 'po@demo.test', password: 'not-the-password' } });
  expect(failedLogin.status).toBe(401);
  return { token, ownerToken, workspaceId: product.workspaceId, productId: product.id, trashedId: idempotent.body.id };
}

export interface Snapshot {
  items: Item[];
  trashed: Item;
  members: unknown;
  invites: unknown;
  activity: unknown;
  /** What a full-text search finds, so a copy whose search index lags shows. */
  found: string[];
  sprints: unknown;
  views: unknown;
  decisions: unknown;
}

/**
 * What clients see of the populated workspace: the backlog in rank order, the
 * trashed item, members, invites, the audit log, sprints, saved views and a search.
 */
export async function snapshot(baseUrl: string, populated: Populated): Promise<Snapshot> {
  const { items } = await listAllItems(baseUrl, populated.token, populated.productId, 50);
  const trashed = await getOk<Item>(baseUrl, `/api/v1/items/${populated.trashedId}`, populated.token);
  const members = await getOk(baseUrl, `/api/v1/workspaces/${populated.workspaceId}/members`, populated.ownerToken);
  const invites = await getOk(baseUrl, `/api/v1/workspaces/${populated.workspaceId}/invites`, populated.ownerToken);
  const activity = await getOk(baseUrl, `/api/v1/workspaces/${populated.workspaceId}/activity?limit=200`, populated.ownerToken);
  const search = await getOk<{ items: Item[] }>(baseUrl, `/api/v1/products/${populated.productId}/items?q=${encodeURIComponent('funnel "csv"')}`, populated.token);
  expect(search.items.length).toBeGreaterThan(0);
  const sprints = await getOk(baseUrl, `/api/v1/products/${populated.productId}/sprints`, populated.token);
  const views = await getOk(baseUrl, `/api/v1/products/${populated.productId}/views`, populated.token);
  const decisions = await getOk(baseUrl, `/api/v1/products/${populated.productId}/decisions?q=csv`, populated.token);
  return { items, trashed, members, invites, activity, found: search.items.map((item) => item.id), sprints, views, decisions };
}
