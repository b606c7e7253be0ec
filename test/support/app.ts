import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/contracts/access.schema';
import { compose, type Runtime } from '../../src/server/compose';
import { buildApp, type AppOptions } from '../../src/server/http/app';
import { createArgon2Hasher } from '../../src/server/security/argon2-hasher';
import type { ServiceContext } from '../../src/services/context';
import type { ProductRecord, UserRecord, WorkspaceRecord } from '../../src/services/ports';
import type { Dialect } from '../../src/store/database';
import { testDatabase } from './databases';

// Real argon2id, at a cost that keeps a test suite quick.
export const testHasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  close(): Promise<void>;
}

/** The real app over a real database of the given dialect, driven with inject(). */
export async function createTestApp(
  dialect: Dialect,
  options: Pick<AppOptions, 'eventHeartbeatMs'> & { ctx?: ServiceContext } = {},
): Promise<TestApp> {
  const { location, cleanup } = testDatabase(dialect);
  const { ctx, ...appOptions } = options;
  const runtime = await compose(location, { hasher: testHasher, ...(ctx ? { ctx } : {}) });
  const app = await buildApp({ services: runtime.services, logLevel: 'silent', webRoot: null, ...appOptions });
  await app.ready();
  return {
    app,
    runtime,
    close: async () => {
      await app.close();
      await runtime.close();
      cleanup();
    },
  };
}

let counter = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export interface TestMember {
  user: UserRecord;
  token: string;
  roles: Role[];
}

export interface TestWorkspace {
  workspace: WorkspaceRecord;
  product: ProductRecord;
  owner: TestMember;
  /** One member per role (the owner included). */
  byRole: Record<Role, TestMember>;
}

export async function buildUser(runtime: Runtime, overrides: { email?: string; password?: string; name?: string } = {}) {
  const email = overrides.email ?? `${unique('user')}@example.test`;
  const password = overrides.password ?? 'correct horse battery';
  const user = await runtime.services.auth.createUser({ email, name: overrides.name ?? 'Test User', password });
  const { token } = await runtime.services.auth.createToken({ userId: user.id }, 'test');
  return { user, token, password };
}

/** A fresh workspace with a product and one member per role, each with an API token. */
export async function buildWorkspace(runtime: Runtime): Promise<TestWorkspace> {
  const owner = await buildUser(runtime);
  const workspace = await runtime.services.workspaces.create(owner.user.id, unique('Workspace'));
  const ownerScope = { actor: { userId: owner.user.id }, workspaceId: workspace.id, roles: ['owner' as Role], action: 'product.create' as const };
  const key = `P${Math.random().toString(36).slice(2, 8).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`;
  const product = await runtime.services.products.create(ownerScope, { key, name: 'Test product', description: '' });
  const byRole = { owner: { user: owner.user, token: owner.token, roles: ['owner'] } } as Record<Role, TestMember>;
  for (const role of ['product_manager', 'product_owner', 'contributor', 'stakeholder', 'viewer'] as const) {
    const member = await buildUser(runtime);
    await runtime.store.transaction((repos) => repos.members.add(workspace.id, member.user.id, [role], new Date().toISOString()));
    byRole[role] = { user: member.user, token: member.token, roles: [role] };
  }
  return { workspace, product, owner: byRole.owner, byRole };
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  payload?: string;
}

/** One API request as a client would send it. */
export function call(app: FastifyInstance, method: string, url: string, options: CallOptions = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  return app.inject({
    method: method as 'GET',
    url,
    headers,
    payload: options.payload ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
}

/**
 * JSON calls under /api/v1 as a member: `api` answers the status, the parsed
 * body and the ETag; `ok` fails the test unless the answer is a success. The
 * app and the default token are read at call time, so suites can set them in
 * beforeAll.
 */
export function jsonApi(current: () => { app: FastifyInstance; token: string }) {
  const api = async (method: string, url: string, body?: unknown, token = current().token, headers: Record<string, string> = {}) => {
    const response = await call(current().app, method, `/api/v1${url}`, { token, body, headers });
    return { status: response.statusCode, json: response.body ? response.json() : null, etag: response.headers.etag };
  };
  const ok = async (method: string, url: string, body?: unknown, token?: string) => {
    const response = await api(method, url, body, token);
    if (response.status >= 300) throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(response.json)}`);
    return response.json;
  };
  return { api, ok };
}
