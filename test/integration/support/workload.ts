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
 * and an API token, an invite, items created (once with an Idempotency-Key), changed
 * and trashed (with their activity rows), and a failed sign-in. A copy
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
    body: { type: 'bug', title: 'Alert e-mails arrive twice', description: 'Line one\nLine two', status: 'todo' },
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
  const ownerToken = await tokenFor(baseUrl, 'owner@demo.test', DEMO_PASSWORD);
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
}

/** What clients see of the populated workspace: the backlog in rank order, the trashed item, members, invites and the audit log. */
export async function snapshot(baseUrl: string, populated: Populated): Promise<Snapshot> {
  const { items } = await listAllItems(baseUrl, populated.token, populated.productId, 50);
  const trashed = await getOk<Item>(baseUrl, `/api/v1/items/${populated.trashedId}`, populated.token);
  const members = await getOk(baseUrl, `/api/v1/workspaces/${populated.workspaceId}/members`, populated.ownerToken);
  const invites = await getOk(baseUrl, `/api/v1/workspaces/${populated.workspaceId}/invites`, populated.ownerToken);
  const activity = await getOk(baseUrl, `/api/v1/workspaces/${populated.workspaceId}/activity?limit=200`, populated.ownerToken);
  return { items, trashed, members, invites, activity };
}
