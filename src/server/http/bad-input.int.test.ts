import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('bad input $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let token: string;
  const itemsUrl = () => `/api/v1/products/${ws.product.id}/items`;
  const rows = () => t.runtime.store.read.items.listByRank(ws.workspace.id, ws.product.id, 100_000);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.runtime);
    token = ws.byRole.product_owner.token;
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 problem+json naming the problem, and writes nothing', async () => {
    const before = await rows();
    const response = await call(t.app, 'POST', itemsUrl(), { token, payload: '{"type": "story", "title": ', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('malformed_json');
    expect(problem.detail).toMatch(/^The body is not valid JSON: .*(end of JSON input|position)/i);
    expect(problem.status).toBe(400);
    expect(await rows()).toEqual(before);
  });

  it('names every failing field when types are wrong', async () => {
    const response = await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'saga', title: 42 } });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual(['body.title', 'body.type']);
  });

  it('refuses unknown fields by name', async () => {
    const response = await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'ok', colour: 'red', rank: 'a0' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['body.colour', 'body.rank']);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const response = await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'big', description: 'x'.repeat(1_100_000) } });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await call(t.app, 'POST', itemsUrl(), { token, payload: 'title=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_media_type');
  });

  it('refuses a prototype-polluting key and an empty body without harm', async () => {
    const response = await call(t.app, 'POST', itemsUrl(), { token, payload: '{"type":"story","title":"x","__proto__":{"admin":true}}', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('malformed_json');
    const empty = await call(t.app, 'POST', itemsUrl(), { token, payload: '', headers: { 'content-type': 'application/json' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/empty/);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses the NUL character in any text, which PostgreSQL cannot store', async () => {
    const response = await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'a\u0000b' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'body.title', message: 'must not contain the NUL character' }]);
    expect((await call(t.app, 'GET', '/api/v1/items/a%00b', { token })).statusCode).toBe(400);
  });

  it('answers bad paging parameters and a forged cursor with 400', async () => {
    expect((await call(t.app, 'GET', `${itemsUrl()}?limit=0`, { token })).statusCode).toBe(400);
    expect((await call(t.app, 'GET', `${itemsUrl()}?limit=abc`, { token })).statusCode).toBe(400);
    const forged = await call(t.app, 'GET', `${itemsUrl()}?cursor=not-a-cursor`, { token });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors[0].field).toBe('querystring.cursor');
  });

  it('answers a malformed If-Match with 400, an unknown route with 404, a bad token with 401', async () => {
    const item = (await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'etag' } })).json();
    for (const ifMatch of ['yesterday', '"999999999999"', '"0"']) {
      const badEtag = await call(t.app, 'PATCH', `/api/v1/items/${item.id}`, { token, body: { title: 'y' }, headers: { 'if-match': ifMatch } });
      expect(badEtag.statusCode, ifMatch).toBe(400);
      expect(badEtag.json().errors).toEqual([{ field: 'headers.if-match', message: 'not an ETag of this API' }]);
    }
    expect((await call(t.app, 'GET', `/api/v1/items/${item.id}`, { token })).json().title).toBe('etag');
    const route = await call(t.app, 'GET', '/api/v1/nowhere', { token });
    expect(route.statusCode).toBe(404);
    expect(route.json().code).toBe('route_not_found');
    const unauthenticated = await call(t.app, 'GET', itemsUrl(), { headers: { authorization: 'Bearer tdm_forged' } });
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.json().code).toBe('unauthenticated');
  });

  it('answers out-of-range keys and forged cursors without touching the database', async () => {
    expect((await call(t.app, 'GET', `/api/v1/items/${ws.product.key}-9999999999`, { token })).statusCode).toBe(404);
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of [forge({ rank: 'a\u0000' }), forge({ rank: 'a0', extra: 1 }), forge({ rank: 5 }), forge(['a0']), forge({ rank: "a0' or 1=1" })]) {
      const response = await call(t.app, 'GET', `${itemsUrl()}?cursor=${cursor}`, { token });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('querystring.cursor');
    }
    const activity = await call(t.app, 'GET', `/api/v1/workspaces/${ws.workspace.id}/activity?cursor=${forge({ id: 'x\u0000' })}`, { token });
    expect(activity.statusCode).toBe(400);
  });

  it('decides sign-in on the route that matched, however the path is spelled', async () => {
    const encoded = await call(t.app, 'GET', '/%61pi/v1/me');
    expect(encoded.statusCode).toBe(401);
    expect(encoded.json().code).toBe('unauthenticated');
    // A public route ignores a stray Authorization header.
    expect((await call(t.app, 'GET', '/healthz', { headers: { authorization: 'Basic eDp5' } })).statusCode).toBe(200);
  });

  it('never answers random item references, cursors and If-Match headers with a 500', async () => {
    const item = (await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'Target of headers' } })).json();
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', '-', '"', '/', '%', '\u0000', 'é', ' ', '.', '=') , maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(text, text, text, async (ref, cursor, ifMatch) => {
        const got = await call(t.app, 'GET', `/api/v1/items/${encodeURIComponent(ref)}`, { token });
        expect(got.statusCode, got.body).toBeLessThan(500);
        const listed = await call(t.app, 'GET', `${itemsUrl()}?cursor=${encodeURIComponent(cursor)}`, { token });
        expect(listed.statusCode, listed.body).toBeLessThan(500);
        const patched = await call(t.app, 'PATCH', `/api/v1/items/${item.id}`, {
          token,
          body: { description: ifMatch },
          headers: { 'if-match': ifMatch.replace(/[^\x20-\x7e]/g, '') },
        });
        expect(patched.statusCode, patched.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('never answers random create and update payloads with a 500, and keeps the rows intact', async () => {
    const anchor = (await call(t.app, 'POST', itemsUrl(), { token, body: { type: 'story', title: 'Anchor' } })).json();
    const awkwardText = fc.string({ unit: fc.constantFrom('a', ' ', '\u0000', '\u0007', '\n', 'é', '😀', '"', '\\', '%') });
    const valueArb = fc.oneof(
      fc.string(),
      awkwardText,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('story', 'bug', 'epic', 'done', 'backlog', '', ' ', '\u0000', '🚀'.repeat(200)),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
    );
    const keyArb = fc.oneof(fc.constantFrom('type', 'title', 'description', 'status', 'rank', 'id', 'version', '__proto__', 'constructor'), fc.string());
    // Near-valid bodies reach the database; random ones exercise validation.
    const nearValidArb = fc.record(
      {
        type: fc.oneof(fc.constantFrom('epic', 'feature', 'story', 'task', 'bug'), valueArb),
        title: fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), awkwardText, valueArb),
        description: fc.oneof(fc.string({ unit: 'binary' }), valueArb),
        status: fc.oneof(fc.constantFrom('backlog', 'todo', 'in_progress', 'done', 'canceled'), valueArb),
      },
      { requiredKeys: [] },
    );
    const bodyArb = fc.oneof(
      { arbitrary: nearValidArb, weight: 3 },
      { arbitrary: fc.dictionary(keyArb, valueArb, { maxKeys: 6 }), weight: 1 },
      { arbitrary: valueArb, weight: 1 },
      { arbitrary: fc.string().map((text) => ({ raw: text })), weight: 1 },
    );

    await fc.assert(
      fc.asyncProperty(bodyArb, fc.boolean(), async (body, isCreate) => {
        const raw = typeof body === 'object' && body !== null && 'raw' in body && Object.keys(body).length === 1;
        const options = raw
          ? { token, payload: String((body as { raw: string }).raw), headers: { 'content-type': 'application/json' } }
          : { token, body };
        const response = isCreate
          ? await call(t.app, 'POST', itemsUrl(), options)
          : await call(t.app, 'PATCH', `/api/v1/items/${anchor.id}`, options);
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode >= 400) expect(response.json().code).toBeTypeOf('string');
      }),
      { numRuns: dialect === 'sqlite' ? 150 : 100 },
    );

    // Every stored row is still a valid item that reads back through the API.
    for (const row of await rows()) {
      const response = await call(t.app, 'GET', `/api/v1/items/${row.id}`, { token });
      expect(response.statusCode).toBe(200);
      expect(response.json().title.trim().length).toBeGreaterThan(0);
    }
    const anchorNow = (await call(t.app, 'GET', `/api/v1/items/${anchor.id}`, { token })).json();
    expect(anchorNow.id).toBe(anchor.id);
    expect(anchorNow.key).toBe(anchor.key);
  });

  it('refuses text holding half of a surrogate pair, which SQLite would store as another character, and a name taken at the same moment is a 409', async () => {
    const owner = ws.owner.token;
    const lone = await call(t.app, 'POST', `/api/v1/workspaces/${ws.workspace.id}/segments`, { token: owner, body: { name: 'Retail\ud800' } });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().errors).toEqual([{ field: 'body.name', message: 'must be valid Unicode text (it holds half of a surrogate pair)' }]);
    // A whole pair is text like any other.
    expect((await call(t.app, 'POST', `/api/v1/workspaces/${ws.workspace.id}/segments`, { token: owner, body: { name: 'Retail 🛒' } })).statusCode).toBe(201);
    const both = await Promise.all([1, 2].map(() => call(t.app, 'POST', `/api/v1/workspaces/${ws.workspace.id}/segments`, { token: owner, body: { name: 'Logistics' } })));
    expect(both.map((response) => response.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses forged cursors that would reach a database with text or instants it cannot read', async () => {
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const owner = ws.owner.token;
    for (const url of [
      `/api/v1/workspaces/${ws.workspace.id}/customers?cursor=${forge({ name: 'a\u0000b', id: 'x' })}`,
      `/api/v1/workspaces/${ws.workspace.id}/customers?cursor=${forge({ name: 'a\ud800', id: 'x' })}`,
      `/api/v1/products/${ws.product.id}/insights?cursor=${forge({ createdAt: '0000-01-01T00:00:00Z', id: 'x' })}`,
      `/api/v1/products/${ws.product.id}/trash?cursor=${forge({ deletedAt: '0000-01-01T00:00:00Z', id: 'x' })}`,
    ]) {
      const response = await call(t.app, 'GET', url, { token: owner });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors[0].field).toBe('querystring.cursor');
    }
  });

  it('answers an address the router cannot read with a problem too', async () => {
    for (const url of ['/api/v1/goals/%ZZ', `/api/v1/products/${'x'.repeat(5_000)}/goals`]) {
      const response = await call(t.app, 'GET', url, { token });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'validation_failed', status: 400 });
    }
  });

  it('refuses dates that would run past 9999-12-31, writing nothing', async () => {
    const pm = ws.byRole.product_manager.token;
    const forecast = await call(t.app, 'POST', '/api/v1/forecast/when', { token: pm, body: { throughput: [1], remaining: 5, start: '9999-12-30', seed: 1 } });
    expect(forecast.statusCode).toBe(400);
    expect(forecast.json().errors[0].field).toBe('body.start');

    const release = (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/releases`, { token: pm, body: { name: 'At the end of time', targetDate: '9999-12-31' } })).json();
    expect((await call(t.app, 'PUT', `/api/v1/products/${ws.product.id}/launch-template`, { token: pm, body: { tasks: [{ title: 'Party', offsetDays: -365 }] } })).statusCode).toBe(200);
    const started = await call(t.app, 'POST', `/api/v1/releases/${release.id}/launch-tasks/from-template`, { token: pm });
    expect(started.statusCode).toBe(400);
    expect(started.json().detail).toContain('9999-12-31');
    const tasks = await call(t.app, 'GET', `/api/v1/releases/${release.id}/launch-tasks`, { token: pm });
    expect(tasks.statusCode).toBe(200);
    expect(tasks.json().items).toEqual([]);
  });

  it('answers a product key used twice in a workspace with 409 key_taken naming the field', async () => {
    const again = await call(t.app, 'POST', `/api/v1/workspaces/${ws.workspace.id}/products`, { token: ws.owner.token, body: { key: ws.product.key, name: 'Second' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'key_taken', errors: [{ field: 'body.key', message: 'already used by another product of this workspace' }] });
  });
});
