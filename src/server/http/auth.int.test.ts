import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, buildWorkspace, call, createTestApp, type TestApp } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';
import { hashSecret } from '../../services/secrets';
import { v7 as uuidv7 } from 'uuid';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  const match = /tandem_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `tandem_session=${match[1]}`;
}

describe.each(DIALECTS)('authentication $name', ({ dialect }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  async function login(email: string, password: string, address = '127.0.0.1') {
    return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: address });
  }

  it('signs in with a session cookie that is HttpOnly and SameSite=Lax, and returns a CSRF token', async () => {
    const { user, password } = await buildUser(t.runtime);
    const response = await login(user.email.toUpperCase(), password);
    expect(response.statusCode).toBe(200);
    expect(response.json().csrfToken).toMatch(/^[\w-]{30,}$/);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const me = await call(t.app, 'GET', '/api/v1/me', { headers: { cookie: sessionCookie(response.headers['set-cookie']) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(user.email);
    expect(me.json().csrfToken).toBe(response.json().csrfToken);
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const { runtime } = t;
    const { buildApp } = await import('./app');
    const proxied = await buildApp({ services: runtime.services, logLevel: 'silent', trustProxy: true, webRoot: null });
    const { user, password } = await buildUser(runtime);
    const response = await proxied.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(String(response.headers['set-cookie'])).toMatch(/Secure/);
    await proxied.close();
  });

  it('requires the CSRF token on cookie-authenticated writes but not on bearer ones', async () => {
    const ws = await buildWorkspace(t.runtime);
    const signIn = await login(ws.owner.user.email, 'correct horse battery');
    const cookie = sessionCookie(signIn.headers['set-cookie']);
    const url = `/api/v1/products/${ws.product.id}/items`;
    const body = { type: 'story', title: 'Via cookie' };
    const without = await call(t.app, 'POST', url, { body, headers: { cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await call(t.app, 'POST', url, { body, headers: { cookie, 'x-csrf-token': 'guess' } });
    expect(wrong.json().code).toBe('csrf_failed');
    const right = await call(t.app, 'POST', url, { body, headers: { cookie, 'x-csrf-token': signIn.json().csrfToken } });
    expect(right.statusCode).toBe(201);
    const bearer = await call(t.app, 'POST', url, { body, token: ws.owner.token });
    expect(bearer.statusCode).toBe(201);
  });

  it('refuses wrong passwords and unknown emails alike', async () => {
    const { user } = await buildUser(t.runtime);
    const wrong = await login(user.email, 'not the password', '10.0.0.1');
    const unknown = await login('nobody@example.test', 'whatever', '10.0.0.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('throttles repeated failures with 429 and Retry-After, even for the right password', async () => {
    const { user, password } = await buildUser(t.runtime);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login(user.email, 'wrong-password', '10.1.1.1')).statusCode).toBe(401);
    }
    const blocked = await login(user.email, password, '10.1.1.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not locked out by someone else's guessing.
    expect((await login(user.email, password, '10.1.1.2')).statusCode).toBe(200);
  });

  it('signs out: the session stops working', async () => {
    const { user, password } = await buildUser(t.runtime);
    const signIn = await login(user.email, password);
    const cookie = sessionCookie(signIn.headers['set-cookie']);
    const out = await call(t.app, 'POST', '/api/v1/auth/logout', { headers: { cookie, 'x-csrf-token': signIn.json().csrfToken } });
    expect(out.statusCode).toBe(204);
    const me = await call(t.app, 'GET', '/api/v1/me', { headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('unauthenticated');
  });

  it('creates API tokens shown once and stored hashed, lists and revokes them', async () => {
    const { token: first } = await buildUser(t.runtime);
    const created = await call(t.app, 'POST', '/api/v1/tokens', { token: first, body: { name: 'ci' } });
    expect(created.statusCode).toBe(201);
    const secret: string = created.json().token;
    expect(secret).toMatch(/^tdm_/);
    const listed = (await call(t.app, 'GET', '/api/v1/tokens', { token: secret })).json();
    expect(listed.items.map((token: { name: string }) => token.name)).toContain('ci');
    expect(JSON.stringify(listed)).not.toContain(secret);
    const userId = (await call(t.app, 'GET', '/api/v1/me', { token: secret })).json().user.id;
    const stored = (await t.runtime.store.read.apiTokens.listActive(userId)).find((token) => token.id === created.json().id)!;
    expect(stored.tokenHash).toBe(hashSecret(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const revoked = await call(t.app, 'DELETE', `/api/v1/tokens/${created.json().id}`, { token: first });
    expect(revoked.statusCode).toBe(204);
    expect((await call(t.app, 'GET', '/api/v1/me', { token: secret })).statusCode).toBe(401);
    expect((await call(t.app, 'DELETE', `/api/v1/tokens/${created.json().id}`, { token: first })).statusCode).toBe(404);
  });

  it('cannot revoke another user’s token', async () => {
    const alice = await buildUser(t.runtime);
    const bob = await buildUser(t.runtime);
    const bobs = (await call(t.app, 'GET', '/api/v1/tokens', { token: bob.token })).json().items[0];
    expect((await call(t.app, 'DELETE', `/api/v1/tokens/${bobs.id}`, { token: alice.token })).statusCode).toBe(404);
    expect((await call(t.app, 'GET', '/api/v1/me', { token: bob.token })).statusCode).toBe(200);
  });

  it('answers private routes without credentials with 401 and keeps health public', async () => {
    expect((await call(t.app, 'GET', '/api/v1/workspaces')).statusCode).toBe(401);
    expect((await call(t.app, 'GET', '/healthz')).statusCode).toBe(200);
    expect((await call(t.app, 'GET', '/readyz')).json()).toEqual({ status: 'ok' });
    expect((await call(t.app, 'GET', '/api/v1/openapi.json')).json().openapi).toBe('3.1.0');
    expect((await call(t.app, 'GET', '/api/docs/')).statusCode).toBe(200);
  });
});

describe.each(DIALECTS)('session lifetime $name', ({ dialect }) => {
  let t: TestApp;
  let now = new Date('2026-03-01T08:00:00Z');

  beforeAll(async () => {
    t = await createTestApp(dialect, { ctx: { clock: { now: () => now }, newId: () => uuidv7() } });
  });
  afterAll(() => t.close());

  it('slides the session and its cookie forward while it is used, at most once an hour', async () => {
    const { user, password } = await buildUser(t.runtime);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password } });
    const cookie = sessionCookie(signIn.headers['set-cookie']);
    now = new Date(now.getTime() + 30 * 60_000);
    const soon = await call(t.app, 'GET', '/api/v1/me', { headers: { cookie } });
    expect(soon.statusCode).toBe(200);
    expect(soon.headers['set-cookie']).toBeUndefined();
    now = new Date(now.getTime() + 13 * 24 * 3600_000);
    const later = await call(t.app, 'GET', '/api/v1/me', { headers: { cookie } });
    expect(later.statusCode).toBe(200);
    expect(String(later.headers['set-cookie'])).toMatch(/Max-Age=1209600/);
    // Fourteen days after signing in, the renewed session still stands.
    now = new Date(now.getTime() + 2 * 24 * 3600_000);
    expect((await call(t.app, 'GET', '/api/v1/me', { headers: { cookie } })).statusCode).toBe(200);
    // Unused for longer than its lifetime, it ends.
    now = new Date(now.getTime() + 15 * 24 * 3600_000);
    expect((await call(t.app, 'GET', '/api/v1/me', { headers: { cookie } })).statusCode).toBe(401);
  });
});
