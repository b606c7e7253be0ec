import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('concurrent requests $name', ({ dialect }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('gives parallel creates distinct numbers and rank keys, losing none', async () => {
    const ws = await buildWorkspace(t.runtime);
    const url = `/api/v1/products/${ws.product.id}/items`;
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) => call(t.app, 'POST', url, { token: ws.byRole[i % 2 ? 'product_owner' : 'contributor'].token, body: { type: 'task', title: `Parallel ${i}` } })),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(24).fill(201));
    const items = responses.map((response) => response.json());
    expect(new Set(items.map((item) => item.number)).size).toBe(24);
    expect(new Set(items.map((item) => item.rank)).size).toBe(24);
    const listed = (await call(t.app, 'GET', `${url}?limit=100`, { token: ws.owner.token })).json().items;
    expect(listed).toHaveLength(24);
  });

  it('never leaves a workspace without an owner when two owners demote each other at once', async () => {
    const ws = await buildWorkspace(t.runtime);
    const second = ws.byRole.product_manager;
    const members = `/api/v1/workspaces/${ws.workspace.id}/members`;
    await call(t.app, 'PATCH', `${members}/${second.user.id}`, { token: ws.owner.token, body: { roles: ['owner'] } });
    const [first, other] = await Promise.all([
      call(t.app, 'PATCH', `${members}/${ws.owner.user.id}`, { token: ws.owner.token, body: { roles: ['viewer'] } }),
      call(t.app, 'PATCH', `${members}/${second.user.id}`, { token: second.token, body: { roles: ['viewer'] } }),
    ]);
    expect([first.statusCode, other.statusCode].sort()).toEqual([200, 409]);
    expect(await t.runtime.store.read.members.ownerIds(ws.workspace.id)).toHaveLength(1);
  });

  it('applies parallel role changes one at a time, and refuses the stale ones', async () => {
    const ws = await buildWorkspace(t.runtime);
    const target = ws.byRole.viewer.user.id;
    const url = `/api/v1/workspaces/${ws.workspace.id}/members/${target}`;
    const roleSets = [['contributor'], ['stakeholder'], ['product_owner'], ['viewer', 'contributor']];
    const responses = await Promise.all(
      roleSets.map((roles) => call(t.app, 'PATCH', url, { token: ws.owner.token, body: { roles }, headers: { 'if-match': '"1"' } })),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 412, 412, 412]);
    const member = await t.runtime.store.read.members.find(ws.workspace.id, target);
    expect(member?.version).toBe(2);
  });

  it('makes one row for parallel retries with one Idempotency-Key', async () => {
    const ws = await buildWorkspace(t.runtime);
    const url = `/api/v1/products/${ws.product.id}/items`;
    const headers = { 'idempotency-key': `parallel-${Date.now()}` };
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => call(t.app, 'POST', url, { token: ws.owner.token, body: { type: 'bug', title: 'Once' }, headers })),
    );
    for (const response of responses) expect([201, 409]).toContain(response.statusCode);
    const created = responses.filter((response) => response.statusCode === 201).map((response) => response.json().id);
    expect(new Set(created).size).toBe(1);
    const listed = (await call(t.app, 'GET', `${url}?limit=100`, { token: ws.owner.token })).json().items;
    expect(listed.filter((item: { title: string }) => item.title === 'Once')).toHaveLength(1);
  });

  it('lets one of two newcomers racing on one invite link in, and makes no account for the other', async () => {
    const ws = await buildWorkspace(t.runtime);
    const { token } = (await call(t.app, 'POST', `/api/v1/workspaces/${ws.workspace.id}/invites`, { token: ws.owner.token, body: { roles: ['viewer'] } })).json();
    const usersBefore = await t.runtime.store.read.users.count();
    const responses = await Promise.all(
      ['first', 'second'].map((who) =>
        call(t.app, 'POST', `/api/v1/invites/${token}/accept`, {
          body: { name: who, email: `${who}-${Date.now()}-${dialect}@example.test`, password: 'long enough password' },
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 410]);
    expect(await t.runtime.store.read.users.count()).toBe(usersBefore + 1);
  });

  it('caps parallel password guesses at the limit', async () => {
    const { user } = await buildUser(t.runtime);
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'guess' }, remoteAddress: '10.9.9.9' }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('keeps rank keys unique when a trashed last item is restored after a new one', async () => {
    const ws = await buildWorkspace(t.runtime);
    const url = `/api/v1/products/${ws.product.id}/items`;
    const last = (await call(t.app, 'POST', url, { token: ws.owner.token, body: { type: 'story', title: 'Last' } })).json();
    await call(t.app, 'DELETE', `/api/v1/items/${last.id}`, { token: ws.owner.token });
    const next = (await call(t.app, 'POST', url, { token: ws.owner.token, body: { type: 'story', title: 'Next' } })).json();
    await call(t.app, 'POST', `/api/v1/items/${last.id}/restore`, { token: ws.owner.token });
    expect(next.rank).not.toBe(last.rank);
    const listed = (await call(t.app, 'GET', `${url}?limit=10`, { token: ws.owner.token })).json().items;
    expect(listed.map((item: { title: string }) => item.title)).toEqual(['Last', 'Next']);
  });
});

describe.each(DIALECTS)('retries $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.runtime);
  });
  afterAll(() => t.close());

  it('replays the ETag and Location of the first answer', async () => {
    const headers = { 'idempotency-key': `headers-${Date.now()}` };
    const url = `/api/v1/products/${ws.product.id}/items`;
    const first = await call(t.app, 'POST', url, { token: ws.owner.token, body: { type: 'story', title: 'With headers' }, headers });
    const retry = await call(t.app, 'POST', url, { token: ws.owner.token, body: { type: 'story', title: 'With headers' }, headers });
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers.location).toBe(first.headers.location);
  });

  it('never stores an answer that holds a secret: a new API token', async () => {
    const headers = { 'idempotency-key': `token-${Date.now()}` };
    const first = await call(t.app, 'POST', '/api/v1/tokens', { token: ws.owner.token, body: { name: 'twice' }, headers });
    const second = await call(t.app, 'POST', '/api/v1/tokens', { token: ws.owner.token, body: { name: 'twice' }, headers });
    expect(first.statusCode).toBe(201);
    expect(second.json().token).not.toBe(first.json().token);
    const { rows } = await t.runtime.store.db
      .selectFrom('idempotency')
      .select('responseBody')
      .where('key', '=', headers['idempotency-key'])
      .execute()
      .then((found) => ({ rows: found }));
    expect(rows).toEqual([]);
  });
});
