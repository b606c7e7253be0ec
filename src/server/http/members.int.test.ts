import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('members and invites $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let owner: string;
  const base = () => `/api/v1/workspaces/${ws.workspace.id}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.runtime);
    owner = ws.owner.token;
  });
  afterAll(() => t.close());

  it('invites by link with several roles; an existing user joins with them', async () => {
    const invite = await call(t.app, 'POST', `${base()}/invites`, { token: owner, body: { roles: ['product_owner', 'contributor'] } });
    expect(invite.statusCode).toBe(201);
    const { token: inviteToken, path } = invite.json();
    expect(path).toBe(`/invite/${inviteToken}`);
    const preview = (await call(t.app, 'GET', `/api/v1/invites/${inviteToken}`)).json();
    expect(preview.workspaceName).toBe(ws.workspace.name);
    const joiner = await buildUser(t.runtime);
    const accepted = await call(t.app, 'POST', `/api/v1/invites/${inviteToken}/accept`, { token: joiner.token, body: {} });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const me = (await call(t.app, 'GET', '/api/v1/me', { token: joiner.token })).json();
    expect(me.workspaces).toEqual([{ id: ws.workspace.id, name: ws.workspace.name, roles: ['product_owner', 'contributor'], role: 'product_owner' }]);
    const reused = await call(t.app, 'POST', `/api/v1/invites/${inviteToken}/accept`, { token: (await buildUser(t.runtime)).token, body: {} });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().code).toBe('invite_invalid');
  });

  it('lets a newcomer create an account from an invite and signs them in', async () => {
    const { token: inviteToken } = (await call(t.app, 'POST', `${base()}/invites`, { token: owner, body: { roles: ['stakeholder'] } })).json();
    const email = `new-${Date.now()}-${dialect}@example.test`;
    const response = await call(t.app, 'POST', `/api/v1/invites/${inviteToken}/accept`, {
      body: { name: 'New Person', email, password: 'a long enough password' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(String(response.headers['set-cookie'])).toContain('tandem_session=');
    const members = (await call(t.app, 'GET', `${base()}/members`, { token: owner })).json().items;
    expect(members.find((member: { email: string }) => member.email === email).roles).toEqual(['stakeholder']);
  });

  it('holds an email-bound invite to that address', async () => {
    const { token: inviteToken } = (
      await call(t.app, 'POST', `${base()}/invites`, { token: owner, body: { roles: ['viewer'], email: 'Someone@Example.test' } })
    ).json();
    const stranger = await buildUser(t.runtime);
    const response = await call(t.app, 'POST', `/api/v1/invites/${inviteToken}/accept`, { token: stranger.token, body: {} });
    expect(response.statusCode).toBe(410);
    expect(response.json().detail).toContain('someone@example.test');
  });

  it('makes no account when a newcomer accepts an invite bound to another address', async () => {
    const { token: inviteToken } = (
      await call(t.app, 'POST', `${base()}/invites`, { token: owner, body: { roles: ['viewer'], email: 'bound@example.test' } })
    ).json();
    const email = `wrong-${Date.now()}-${dialect}@example.test`;
    const response = await call(t.app, 'POST', `/api/v1/invites/${inviteToken}/accept`, { body: { name: 'Wrong', email, password: 'long enough password' } });
    expect(response.statusCode).toBe(410);
    expect(await t.runtime.store.read.users.findByEmail(email)).toBeNull();
    // The invite still works for the address it names.
    const right = await call(t.app, 'POST', `/api/v1/invites/${inviteToken}/accept`, {
      body: { name: 'Right', email: 'Bound@Example.test', password: 'long enough password' },
    });
    expect(right.statusCode).toBe(200);
  });

  it('lists and revokes open invites; a revoked link no longer works', async () => {
    const created = (await call(t.app, 'POST', `${base()}/invites`, { token: owner, body: { roles: ['viewer'] } })).json();
    const open = (await call(t.app, 'GET', `${base()}/invites`, { token: owner })).json().items;
    expect(open.map((invite: { id: string }) => invite.id)).toContain(created.id);
    expect(JSON.stringify(open)).not.toContain(created.token);
    expect((await call(t.app, 'DELETE', `${base()}/invites/${created.id}`, { token: owner })).statusCode).toBe(204);
    expect((await call(t.app, 'GET', `/api/v1/invites/${created.token}`)).statusCode).toBe(410);
  });

  it('changes roles and removes members', async () => {
    const target = ws.byRole.contributor.user.id;
    const changed = await call(t.app, 'PATCH', `${base()}/members/${target}`, { token: owner, body: { roles: ['viewer', 'contributor'] } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().roles).toEqual(['contributor', 'viewer']);
    const removable = await buildUser(t.runtime);
    await t.runtime.store.transaction((repos) => repos.members.add(ws.workspace.id, removable.user.id, ['viewer'], new Date().toISOString()));
    expect((await call(t.app, 'DELETE', `${base()}/members/${removable.user.id}`, { token: owner })).statusCode).toBe(204);
    expect((await call(t.app, 'GET', `${base()}`, { token: removable.token })).statusCode).toBe(404);
  });

  it('refuses bad role lists by field', async () => {
    const target = ws.byRole.viewer.user.id;
    const empty = await call(t.app, 'PATCH', `${base()}/members/${target}`, { token: owner, body: { roles: [] } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('body.roles');
    const unknown = await call(t.app, 'PATCH', `${base()}/members/${target}`, { token: owner, body: { roles: ['admin'] } });
    expect(unknown.json().errors[0].field).toBe('body.roles.0');
  });

  it('never lets the last owner be demoted or removed', async () => {
    const fresh = await buildWorkspace(t.runtime);
    const url = `/api/v1/workspaces/${fresh.workspace.id}/members/${fresh.owner.user.id}`;
    const demote = await call(t.app, 'PATCH', url, { token: fresh.owner.token, body: { roles: ['product_manager'] } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('last_owner');
    const remove = await call(t.app, 'DELETE', url, { token: fresh.owner.token });
    expect(remove.json().code).toBe('last_owner');
    // With a second owner, the first may step down.
    const second = fresh.byRole.product_manager.user.id;
    await call(t.app, 'PATCH', `/api/v1/workspaces/${fresh.workspace.id}/members/${second}`, {
      token: fresh.owner.token,
      body: { roles: ['owner', 'product_manager'] },
    });
    expect((await call(t.app, 'PATCH', url, { token: fresh.owner.token, body: { roles: ['viewer'] } })).statusCode).toBe(200);
    const owners = await t.runtime.store.read.members.ownerIds(fresh.workspace.id);
    expect(owners).toEqual([second]);
  });
});
