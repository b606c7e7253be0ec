import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RealtimeMessage } from '../../contracts/events.schema';
import { buildUser, buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('launches $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let pm: string;
  let po: string;
  const now = new Date('2027-03-01T12:00:00Z');

  beforeAll(async () => {
    t = await createTestApp(dialect, { ctx: { clock: { now: () => now }, newId: () => uuidv7() } });
  });
  beforeEach(async () => {
    ws = await buildWorkspace(t.runtime);
    pm = ws.byRole.product_manager.token;
    po = ws.byRole.product_owner.token;
  });
  afterAll(() => t.close());

  const send = (method: string, url: string, body?: unknown, token = pm, headers: Record<string, string> = {}) => call(t.app, method, url, { token, body, headers });
  const ok = async (method: string, url: string, body?: unknown, token = pm, headers: Record<string, string> = {}) => {
    const response = await send(method, url, body, token, headers);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json();
  };
  const release = (name: string, targetDate: string | null = '2027-04-30') => ok('POST', `/api/v1/products/${ws.product.id}/releases`, { name, targetDate });

  it('starts a checklist from the default template, dated back from the target, and applying it again adds nothing', async () => {
    const template = await ok('GET', `/api/v1/products/${ws.product.id}/launch-template`, undefined, ws.byRole.viewer.token);
    expect(template).toMatchObject({ saved: false, version: null });
    expect(template.tasks).toHaveLength(6);

    const spring = await release('Spring');
    const applied = await send('POST', `/api/v1/releases/${spring.id}/launch-tasks/from-template`);
    expect(applied.statusCode).toBe(201);
    expect(applied.json().added).toBe(6);
    expect(applied.json().items.map((task: { title: string; dueDate: string; state: string }) => [task.title, task.dueDate, task.state])).toEqual([
      ['Engineering QA sign-off', '2027-04-25', 'todo'],
      ['Documentation', '2027-04-27', 'todo'],
      ['Marketing campaign', '2027-04-23', 'todo'],
      ['Support readiness', '2027-04-27', 'todo'],
      ['Pricing and packaging', '2027-04-16', 'todo'],
      ['Announcement', '2027-04-30', 'todo'],
    ]);
    expect(applied.json().readiness).toEqual({ done: 0, total: 6, percent: 0 });

    const again = await send('POST', `/api/v1/releases/${spring.id}/launch-tasks/from-template`);
    expect(again.statusCode).toBe(200);
    expect(again.json().added).toBe(0);
    expect((await ok('GET', `/api/v1/releases/${spring.id}/launch-tasks`, undefined, ws.byRole.stakeholder.token)).items).toHaveLength(6);

    // No target date: the tasks come undated.
    const undated = await release('Someday', null);
    const open = (await ok('POST', `/api/v1/releases/${undated.id}/launch-tasks/from-template`)).items;
    expect(open.every((task: { dueDate: string | null }) => task.dueDate === null)).toBe(true);
  });

  it('saves an edited template with If-Match and uses it for the next checklist; refuses duplicates and other roles', async () => {
    const url = `/api/v1/products/${ws.product.id}/launch-template`;
    const tasks = [
      { title: 'Engineering QA sign-off', offsetDays: 4 },
      { title: 'Sales enablement', offsetDays: 10 },
      { title: 'Post-launch review', offsetDays: -14 },
      { title: 'Announcement' },
    ];
    const saved = await send('PUT', url, { tasks });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json()).toMatchObject({ saved: true, version: 1, updatedBy: ws.byRole.product_manager.user.id });
    expect(saved.json().tasks[3]).toEqual({ title: 'Announcement', offsetDays: null });

    const stale = await send('PUT', url, { tasks: tasks.slice(0, 2) }, pm, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('version_mismatch');
    expect((await ok('PUT', url, { tasks: tasks.slice(0, 3) }, pm, { 'if-match': '"1"' })).version).toBe(2);

    const duplicate = await send('PUT', url, { tasks: [{ title: 'Docs' }, { title: ' docs ' }] });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors.map((error: { field: string }) => error.field)).toEqual(['body.tasks.1.title']);
    const empty = await send('PUT', url, { tasks: [{ title: '' }] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('body.tasks.0.title');
    expect((await send('PUT', url, { tasks }, po)).statusCode).toBe(403);

    const summer = await release('Summer', '2027-06-30');
    const items = (await ok('POST', `/api/v1/releases/${summer.id}/launch-tasks/from-template`)).items;
    expect(items.map((task: { title: string; dueDate: string }) => [task.title, task.dueDate])).toEqual([
      ['Engineering QA sign-off', '2027-06-26'],
      ['Sales enablement', '2027-06-20'],
      ['Post-launch review', '2027-07-14'],
    ]);
  });

  it('assigns owners and due dates with If-Match, counts readiness on the release, and reaches 100 % when every counted task is done', async () => {
    const messages: RealtimeMessage[] = [];
    const unsubscribe = t.runtime.services.events.subscribe((message) => messages.push(message));
    const spring = await release('Spring');
    const { items } = await ok('POST', `/api/v1/releases/${spring.id}/launch-tasks/from-template`);
    expect(messages.some((message) => message.type === 'release.changed' && message.ids.includes(spring.id))).toBe(true);
    const [qa, ...rest] = items as Array<{ id: string; version: number }>;

    const owner = ws.byRole.contributor.user.id;
    const assigned = await send('PATCH', `/api/v1/launch-tasks/${qa!.id}`, { ownerId: owner, dueDate: '2027-04-20', state: 'in_progress' }, pm, { 'if-match': `"${qa!.version}"` });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.headers.etag).toBe(`"${qa!.version + 1}"`);
    expect(assigned.json()).toMatchObject({ ownerId: owner, dueDate: '2027-04-20', state: 'in_progress' });
    const lost = await send('PATCH', `/api/v1/launch-tasks/${qa!.id}`, { state: 'done' }, pm, { 'if-match': `"${qa!.version}"` });
    expect(lost.statusCode).toBe(412);

    const stranger = await buildUser(t.runtime);
    const notMember = await send('PATCH', `/api/v1/launch-tasks/${qa!.id}`, { ownerId: stranger.user.id });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.headers['content-type']).toContain('application/problem+json');
    expect(notMember.json().errors).toEqual([{ field: 'body.ownerId', message: 'not a member of this workspace' }]);
    const badDate = await send('PATCH', `/api/v1/launch-tasks/${qa!.id}`, { dueDate: '2027-02-30', state: 'finished' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['body.dueDate', 'body.state']);
    expect((await send('PATCH', `/api/v1/launch-tasks/${qa!.id}`, {})).statusCode).toBe(400);
    expect((await send('PATCH', `/api/v1/launch-tasks/${qa!.id}`, { state: 'done' }, ws.byRole.contributor.token)).statusCode).toBe(403);

    await ok('PATCH', `/api/v1/launch-tasks/${qa!.id}`, { state: 'done' });
    await ok('PATCH', `/api/v1/launch-tasks/${rest[0]!.id}`, { state: 'skipped' });
    expect((await ok('GET', `/api/v1/releases/${spring.id}`, undefined, ws.byRole.viewer.token)).readiness).toEqual({ done: 1, total: 5, percent: 20 });

    const extra = await send('POST', `/api/v1/releases/${spring.id}/launch-tasks`, { title: 'Legal review', ownerId: ws.byRole.owner.user.id, dueDate: '2027-04-10' });
    expect(extra.statusCode).toBe(201);
    expect(extra.headers.location).toBe(`/api/v1/launch-tasks/${extra.json().id}`);
    expect(extra.json()).toMatchObject({ state: 'todo', position: 6 });
    expect((await send('POST', `/api/v1/releases/${spring.id}/launch-tasks`, { title: 'Nobody', ownerId: stranger.user.id })).json().errors[0].field).toBe('body.ownerId');
    await ok('DELETE', `/api/v1/launch-tasks/${extra.json().id}`);
    expect((await send('DELETE', `/api/v1/launch-tasks/${extra.json().id}`)).statusCode).toBe(404);

    for (const task of rest.slice(1)) await ok('PATCH', `/api/v1/launch-tasks/${task.id}`, { state: 'done' });
    const checklist = await ok('GET', `/api/v1/releases/${spring.id}/launch-tasks`);
    expect(checklist.readiness).toEqual({ done: 5, total: 5, percent: 100 });
    const listed = (await ok('GET', `/api/v1/products/${ws.product.id}/releases`)).items;
    expect(listed.find((entry: { id: string }) => entry.id === spring.id).readiness).toEqual({ done: 5, total: 5, percent: 100 });
    const other = await release('Later');
    expect((await ok('GET', `/api/v1/releases/${other.id}`)).readiness).toEqual({ done: 0, total: 0, percent: null });
    unsubscribe();
  });

  it('drafts release notes from the done work in scope, saves edits with If-Match, resets, and exports Markdown', async () => {
    const spring = await release('Spring 2.0');
    const epic = await ok('POST', `/api/v1/products/${ws.product.id}/items`, { type: 'epic', title: 'Self-serve onboarding' }, po);
    const feature = await ok('POST', `/api/v1/products/${ws.product.id}/items`, { type: 'feature', title: 'Guided setup', parentId: epic.id }, po);
    const done = await ok('POST', `/api/v1/products/${ws.product.id}/items`, { type: 'story', title: 'Setup checklist for new admins', parentId: feature.id, description: 'New admins see what to do first.\n\nInternal: uses the onboarding service.' }, po);
    await ok('POST', `/api/v1/products/${ws.product.id}/items`, { type: 'story', title: 'Not finished yet', parentId: feature.id }, po);
    const bug = await ok('POST', `/api/v1/products/${ws.product.id}/items`, { type: 'bug', title: 'Progress resets after switching workspaces' }, po);
    await ok('PATCH', `/api/v1/items/${done.id}`, { status: 'done' }, po);
    await ok('PATCH', `/api/v1/items/${bug.id}`, { status: 'done' }, po);
    await ok('POST', `/api/v1/releases/${spring.id}/items`, { itemId: feature.id });
    await ok('POST', `/api/v1/releases/${spring.id}/items`, { itemId: bug.key }, po);

    const draft = await send('GET', `/api/v1/releases/${spring.id}/notes`, undefined, ws.byRole.viewer.token);
    expect(draft.headers.etag).toBeUndefined();
    expect(draft.json()).toMatchObject({ saved: false, version: null });
    expect(draft.json().markdown).toBe(
      [
        '# Spring 2.0: release notes',
        '',
        '_Planned for 2027-04-30._',
        '',
        '## Self-serve onboarding',
        '',
        '- **Setup checklist for new admins** — New admins see what to do first.',
        '',
        '## Fixes',
        '',
        '- **Progress resets after switching workspaces**',
        '',
      ].join('\n'),
    );

    const url = `/api/v1/releases/${spring.id}/notes`;
    expect((await send('PUT', url, { markdown: 'x' }, pm, { 'if-match': '"1"' })).statusCode).toBe(412);
    const saved = await send('PUT', url, { markdown: `${draft.json().markdown}\nThanks to our beta customers.\n` });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json()).toMatchObject({ saved: true, version: 1, updatedBy: ws.byRole.product_manager.user.id });
    expect((await ok('GET', url, undefined, ws.byRole.viewer.token)).markdown).toContain('Thanks to our beta customers.');
    expect((await send('PUT', url, { markdown: 'Mine' }, pm, { 'if-match': '"3"' })).statusCode).toBe(412);
    expect((await send('PUT', url, { markdown: 'Mine' }, po)).statusCode).toBe(403);
    expect((await send('PUT', url, { markdown: 42 })).json().errors[0].field).toBe('body.markdown');
    const edited = await ok('PUT', url, { markdown: '# Spring 2.0\n\nEdited by hand.\n' }, pm, { 'if-match': '"1"' });
    expect(edited.version).toBe(2);

    // A fresh draft without saving leaves the saved text alone; with save, it replaces it.
    const fresh = await ok('POST', `${url}/draft`, {});
    expect((await send('POST', `${url}/draft`)).json()).toEqual(fresh);
    expect(fresh).toMatchObject({ saved: false, version: null });
    expect(fresh.markdown).toContain('Setup checklist for new admins');
    expect((await ok('GET', url)).markdown).toBe('# Spring 2.0\n\nEdited by hand.\n');
    expect((await send('POST', `${url}/draft`, { save: true }, pm, { 'if-match': '"1"' })).statusCode).toBe(412);
    const reset = await ok('POST', `${url}/draft`, { save: true }, pm, { 'if-match': '"2"' });
    expect(reset).toMatchObject({ saved: true, version: 3, markdown: fresh.markdown });

    const exported = await send('GET', `/api/v1/releases/${spring.id}/notes.md`, undefined, ws.byRole.stakeholder.token);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="spring-2-0-release-notes.md"');
    expect(exported.body).toBe(fresh.markdown);
  });

  it('hides another workspace’s checklists and tasks', async () => {
    const spring = await release('Spring');
    const { items } = await ok('POST', `/api/v1/releases/${spring.id}/launch-tasks/from-template`);
    const other = await buildWorkspace(t.runtime);
    for (const [method, url] of [
      ['GET', `/api/v1/releases/${spring.id}/launch-tasks`],
      ['PATCH', `/api/v1/launch-tasks/${items[0].id}`],
      ['GET', `/api/v1/releases/${spring.id}/notes.md`],
      ['GET', `/api/v1/products/${ws.product.id}/launch-template`],
    ] as const) {
      const response = await send(method, url, method === 'PATCH' ? { state: 'done' } : undefined, other.owner.token);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await send('PATCH', `/api/v1/launch-tasks/${uuidv7()}`, { state: 'done' })).json().detail).toBe('Launch task was not found');
  });
});
