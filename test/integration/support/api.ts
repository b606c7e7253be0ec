/** A thin client over Tandem's public API, as a script with a bearer token would use it. */

// The wire shapes are the contracts' own, so these tests break when the API does.
export type { Item } from '../../../src/contracts/item.schema';
export type { Product } from '../../../src/contracts/product.schema';
import type { Item } from '../../../src/contracts/item.schema';
import type { Product } from '../../../src/contracts/product.schema';

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export async function request<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : undefined) as T;
  return { status: response.status, body, headers: response.headers };
}

/** GET that must answer 200. */
export async function getOk<T>(baseUrl: string, path: string, token: string): Promise<T> {
  const response = await request<T>(baseUrl, 'GET', path, { token });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Signs in with email and password and trades the session for an API token. */
export async function tokenFor(baseUrl: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login as ${email} answered ${login.status}: ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const created = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'integration test' }),
  });
  if (created.status !== 201) throw new Error(`token create for ${email} answered ${created.status}: ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

/** The product with this key among the caller's workspaces. */
export async function findProduct(baseUrl: string, token: string, key: string): Promise<Product> {
  const { items: workspaces } = await getOk<{ items: Array<{ id: string }> }>(baseUrl, '/api/v1/workspaces', token);
  for (const workspace of workspaces) {
    const { items: products } = await getOk<{ items: Product[] }>(baseUrl, `/api/v1/workspaces/${workspace.id}/products`, token);
    const product = products.find((candidate) => candidate.key === key);
    if (product) return product;
  }
  throw new Error(`no product ${key} in the workspaces of this token`);
}

export function createItem(baseUrl: string, token: string, productId: string, title: string): Promise<ApiResponse<Item>> {
  return request<Item>(baseUrl, 'POST', `/api/v1/products/${productId}/items`, { token, body: { type: 'story', title } });
}

/** Every item of a product, following the cursor page by page; also reports the page count. */
export async function listAllItems(baseUrl: string, token: string, productId: string, limit = 200): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: Item[]; nextCursor: string | null } = await getOk(baseUrl, `/api/v1/products/${productId}/items?${query}`, token);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    // A cursor that never ends would hang the run; no product here has this many pages.
    if (pages > 1_000) throw new Error('the item list did not end after 1000 pages');
  } while (cursor);
  return { items, pages };
}
