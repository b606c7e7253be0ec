import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, buildWorkspace, call, createTestApp, type TestApp } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

interface Criterion {
  id: string;
  given: string;
  when: string;
  then: string;
  done: boolean;
}

describe.each(DIALECTS)('stories API $name', ({ dialect }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  /** A fresh workspace and the requests a product owner sends to its product. */
  async function backlog() {
    const ws = await buildWorkspace(t.runtime);
    const token = ws.byRole.product_owner.token;
    const create = (body: Record<string, unknown>, as = token) => call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: as, body });
    const created = async (body: Record<string, unknown>) => {
      const response = await create(body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    const read = async (id: string) => (await call(t.app, 'GET', `/api/v1/items/${id}`, { token })).json();
    const update = (id: string, body: unknown, headers: Record<string, string> = {}) => call(t.app, 'PATCH', `/api/v1/items/${id}`, { token, body, headers });
    const remove = (id: string) => call(t.app, 'DELETE', `/api/v1/items/${id}`, { token });
    const defineFields = (fields: unknown[]) => call(t.app, 'PUT', `/api/v1/products/${ws.product.id}/custom-fields`, { token, body: { fields } });
    /** The ids of the audit-log entries about one subject, newest first. */
    const activityOf = async (id: string) => {
      const log = (await call(t.app, 'GET', `/api/v1/workspaces/${ws.workspace.id}/activity?limit=200`, { token })).json();
      return log.items.filter((entry: { subjectId: string }) => entry.subjectId === id).map((entry: { id: string }) => entry.id);
    };
    /** Sends a request that must be refused and checks that the item, its ETag and its audit trail stay exactly as they were. */
    const refusedUnchanged = async (id: string, send: () => Promise<LightMyRequestResponse>) => {
      const before = await call(t.app, 'GET', `/api/v1/items/${id}`, { token });
      const activity = await activityOf(id);
      const response = await send();
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const after = await call(t.app, 'GET', `/api/v1/items/${id}`, { token });
      expect(after.json()).toEqual(before.json());
      expect(after.headers.etag).toBe(before.headers.etag);
      expect(await activityOf(id)).toEqual(activity);
      return response;
    };
    return { ws, token, create, created, read, update, remove, defineFields, activityOf, refusedUnchanged };
  }

  /** A 400 validation_failed problem that names the field. */
  function expectFieldError(response: LightMyRequestResponse, field: string) {
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((error: { field: string }) => error.field)).toContain(field);
  }

  const readyStory = {
    type: 'story',
    title: 'Export invoices as CSV',
    persona: 'finance admin',
    want: 'to export a month of invoices as CSV',
    benefit: 'I can reconcile them in our ledger',
    acceptanceCriteria: [{ given: 'a month with invoices', when: 'I export it', then: 'I get one CSV row per invoice' }],
    estimate: 3,
  };

  describe('writing a story', () => {
    it('creates a story with its story form, criteria, estimate, labels, assignee, due date and custom values', async () => {
      const { ws, created, read, defineFields } = await backlog();
      const fields = (
        await defineFields([
          { name: 'Team', kind: 'single_select', options: ['Core', 'Growth'] },
          { name: 'Customer ask', kind: 'text' },
        ])
      ).json().customFields;
      const [team, ask] = fields;
      const assignee = ws.byRole.contributor.user.id;
      const story = await created({
        ...readyStory,
        description: 'Finance closes the month **in our app**.',
        acceptanceCriteria: [
          { given: 'a month with invoices', when: 'I export it', then: 'I get one CSV row per invoice' },
          { then: 'amounts use a dot as the decimal separator', done: true },
        ],
        labels: ['Billing', 'billing', 'UX', 'q3/export'],
        assigneeId: assignee,
        dueDate: '2026-03-15',
        customFields: { [team.id]: 'Core', [ask.id]: 'Acme asked for it twice' },
      });
      expect(story).toMatchObject({
        type: 'story',
        title: 'Export invoices as CSV',
        description: 'Finance closes the month **in our app**.',
        persona: 'finance admin',
        want: 'to export a month of invoices as CSV',
        benefit: 'I can reconcile them in our ledger',
        estimate: 3,
        labels: ['billing', 'ux', 'q3/export'],
        assigneeId: assignee,
        dueDate: '2026-03-15',
        blocked: false,
        blockedReason: '',
        parentId: null,
        customFields: { [team.id]: 'Core', [ask.id]: 'Acme asked for it twice' },
      });
      const criteria: Criterion[] = story.acceptanceCriteria;
      expect(criteria.map(({ given, when, then, done }) => ({ given, when, then, done }))).toEqual([
        { given: 'a month with invoices', when: 'I export it', then: 'I get one CSV row per invoice', done: false },
        { given: '', when: '', then: 'amounts use a dot as the decimal separator', done: true },
      ]);
      for (const criterion of criteria) expect(criterion.id).toMatch(/\S/);
      expect(new Set(criteria.map((criterion) => criterion.id)).size).toBe(2);
      expect(story.readiness).toEqual({ ready: true, reasons: [] });
      expect(await read(story.id)).toEqual(story);
    });

    it('gives readiness to stories only, lists why a story is not ready, and says ready once it is written', async () => {
      const { created, update } = await backlog();
      for (const type of ['epic', 'feature', 'task', 'bug']) {
        expect((await created({ type, title: `A ${type} with a long enough title` })).readiness).toBeNull();
      }
      const story = await created({ type: 'story', title: 'Export' });
      expect(story.readiness.ready).toBe(false);
      const codes = story.readiness.reasons.map((reason: { code: string }) => reason.code).sort();
      expect(codes).toEqual(['incomplete_story', 'no_acceptance_criteria', 'no_estimate', 'vague_title']);
      for (const reason of story.readiness.reasons) expect(reason.message).toMatch(/\S/);

      const partly = (await update(story.id, { acceptanceCriteria: readyStory.acceptanceCriteria, estimate: 3 })).json();
      expect(partly.readiness.reasons.map((reason: { code: string }) => reason.code).sort()).toEqual(['incomplete_story', 'vague_title']);

      const written = await update(story.id, { title: readyStory.title, persona: readyStory.persona, want: readyStory.want, benefit: readyStory.benefit });
      expect(written.statusCode).toBe(200);
      expect(written.json().readiness).toEqual({ ready: true, reasons: [] });

      const large = (await update(story.id, { estimate: 13 })).json();
      expect(large.readiness.ready).toBe(false);
      expect(large.readiness.reasons.map((reason: { code: string }) => reason.code)).toEqual(['too_large']);
    });
  });

  describe('acceptance criteria', () => {
    it('keep their ids through reorder and edits, keep check-offs, and drop the ones left out', async () => {
      const { created, read, update } = await backlog();
      const story = await created({
        ...readyStory,
        acceptanceCriteria: [{ then: 'first' }, { then: 'second' }, { then: 'third' }],
      });
      const [a, b, c] = story.acceptanceCriteria as Criterion[];

      const reordered = await update(story.id, {
        acceptanceCriteria: [
          { id: c!.id, given: 'a user', then: 'third, edited' },
          { id: a!.id, then: 'first', done: true },
          { then: 'fourth' },
        ],
      });
      expect(reordered.statusCode).toBe(200);
      const criteria: Criterion[] = reordered.json().acceptanceCriteria;
      expect(criteria.map((criterion) => criterion.then)).toEqual(['third, edited', 'first', 'fourth']);
      expect(criteria[0]).toEqual({ id: c!.id, given: 'a user', when: '', then: 'third, edited', done: false });
      expect(criteria[1]).toEqual({ id: a!.id, given: '', when: '', then: 'first', done: true });
      expect([a!.id, b!.id, c!.id]).not.toContain(criteria[2]!.id);
      expect(criteria.map((criterion) => criterion.id)).not.toContain(b!.id);

      // The check-off sticks: it is stored, and editing something else leaves it.
      await update(story.id, { title: 'Export invoices as CSV files' });
      const stored = await read(story.id);
      expect(stored.acceptanceCriteria).toEqual(criteria);
      expect(stored.acceptanceCriteria[1].done).toBe(true);
    });

    it('refuses the same criterion twice, naming it, and changes nothing', async () => {
      const { created, update, refusedUnchanged } = await backlog();
      const story = await created({ ...readyStory, acceptanceCriteria: [{ then: 'one' }, { then: 'two' }] });
      const [one] = story.acceptanceCriteria as Criterion[];
      const response = await refusedUnchanged(story.id, () =>
        update(story.id, { acceptanceCriteria: [{ then: 'two' }, { id: one!.id, then: 'one' }, { id: one!.id, then: 'one again' }] }),
      );
      expectFieldError(response, 'body.acceptanceCriteria.2.id');
      const missingThen = await refusedUnchanged(story.id, () => update(story.id, { acceptanceCriteria: [{ given: 'only a given' }] }));
      expectFieldError(missingThen, 'body.acceptanceCriteria.0.then');
    });

    it('gives a fresh id to a criterion naming an id the item never had', async () => {
      const { created, read, update } = await backlog();
      const other = await created({ ...readyStory, acceptanceCriteria: [{ then: 'belongs to another story' }] });
      const [foreign] = other.acceptanceCriteria as Criterion[];
      const story = await created({ ...readyStory, acceptanceCriteria: [{ id: 'made-up-on-create', then: 'mine' }] });
      const [mine] = story.acceptanceCriteria as Criterion[];
      expect(mine!.id).not.toBe('made-up-on-create');

      const response = await update(story.id, {
        acceptanceCriteria: [
          { id: mine!.id, then: 'mine' },
          { id: 'made-up-id', then: 'invented', done: true },
          { id: foreign!.id, then: 'borrowed' },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const criteria: Criterion[] = response.json().acceptanceCriteria;
      expect(criteria.map((criterion) => criterion.then)).toEqual(['mine', 'invented', 'borrowed']);
      expect(criteria[0]!.id).toBe(mine!.id);
      expect(criteria[1]).toMatchObject({ then: 'invented', done: true });
      for (const criterion of criteria.slice(1)) {
        expect(criterion.id).toMatch(/\S/);
        expect(['made-up-id', 'made-up-on-create', foreign!.id, mine!.id]).not.toContain(criterion.id);
      }
      expect(new Set(criteria.map((criterion) => criterion.id)).size).toBe(3);
      expect((await read(story.id)).acceptanceCriteria).toEqual(criteria);
      // The story whose id was borrowed keeps its criterion as it was.
      expect((await read(other.id)).acceptanceCriteria).toEqual(other.acceptanceCriteria);
    });
  });

  describe('hierarchy', () => {
    it('accepts feature under epic, story under feature or epic, and task under story', async () => {
      const { created, read } = await backlog();
      const epic = await created({ type: 'epic', title: 'Self-serve billing' });
      const feature = await created({ type: 'feature', title: 'Invoice export', parentId: epic.id });
      const storyUnderFeature = await created({ ...readyStory, parentId: feature.id });
      const storyUnderEpic = await created({ type: 'story', title: 'Pay by bank transfer', parentId: epic.id });
      const task = await created({ type: 'task', title: 'Write the CSV encoder', parentId: storyUnderFeature.id });
      expect([feature.parentId, storyUnderFeature.parentId, storyUnderEpic.parentId, task.parentId]).toEqual([epic.id, feature.id, epic.id, storyUnderFeature.id]);
      expect((await read(task.id)).parentId).toBe(storyUnderFeature.id);
    });

    it('refuses a parent that cannot hold the type, on create and on edit, naming body.parentId', async () => {
      const { create, created, update, refusedUnchanged } = await backlog();
      const epic = await created({ type: 'epic', title: 'Self-serve billing' });
      const feature = await created({ type: 'feature', title: 'Invoice export', parentId: epic.id });
      const story = await created({ ...readyStory, parentId: feature.id });
      const task = await created({ type: 'task', title: 'Write the CSV encoder', parentId: story.id });
      const refusals: Array<[string, string]> = [
        ['task', epic.id],
        ['epic', epic.id],
        ['epic', feature.id],
        ['epic', story.id],
        ['story', task.id],
        ['feature', story.id],
      ];
      for (const [type, parentId] of refusals) {
        const response = await create({ type, title: `A ${type} in the wrong place`, parentId });
        expectFieldError(response, 'body.parentId');
      }
      const loose = await created({ type: 'story', title: 'A story with no parent yet' });
      expectFieldError(await refusedUnchanged(loose.id, () => update(loose.id, { parentId: task.id })), 'body.parentId');
      const topEpic = await created({ type: 'epic', title: 'Another epic' });
      expectFieldError(await refusedUnchanged(topEpic.id, () => update(topEpic.id, { parentId: epic.id })), 'body.parentId');
      // Moving a task from its story straight under an epic is refused the same way.
      expectFieldError(await refusedUnchanged(task.id, () => update(task.id, { parentId: epic.id })), 'body.parentId');
    });

    it('refuses a parent in another product, in the trash, unknown, or the item itself', async () => {
      const { ws, create, created, update, remove, refusedUnchanged } = await backlog();
      const other = await call(t.app, 'POST', `/api/v1/workspaces/${ws.workspace.id}/products`, {
        token: ws.owner.token,
        body: { key: `O${Math.random().toString(36).slice(2, 7).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`, name: 'Other product' },
      });
      expect(other.statusCode, other.body).toBe(201);
      const foreignEpic = await call(t.app, 'POST', `/api/v1/products/${other.json().id}/items`, {
        token: ws.owner.token,
        body: { type: 'epic', title: 'An epic of the other product' },
      });
      expect(foreignEpic.statusCode).toBe(201);
      expectFieldError(await create({ type: 'feature', title: 'Cross-product feature', parentId: foreignEpic.json().id }), 'body.parentId');

      const trashedEpic = await created({ type: 'epic', title: 'Abandoned epic' });
      expect((await remove(trashedEpic.id)).statusCode).toBe(200);
      expectFieldError(await create({ type: 'feature', title: 'Feature under a trashed epic', parentId: trashedEpic.id }), 'body.parentId');
      expectFieldError(await create({ type: 'feature', title: 'Feature under nothing', parentId: '01900000-0000-7000-8000-000000000000' }), 'body.parentId');

      const story = await created({ ...readyStory });
      expectFieldError(await refusedUnchanged(story.id, () => update(story.id, { parentId: story.id })), 'body.parentId');
      expectFieldError(await refusedUnchanged(story.id, () => update(story.id, { parentId: foreignEpic.json().id })), 'body.parentId');
      expectFieldError(await refusedUnchanged(story.id, () => update(story.id, { parentId: trashedEpic.id })), 'body.parentId');
    });

    it('refuses a type change that would strand the children, and changes nothing', async () => {
      const { created, read, update, refusedUnchanged } = await backlog();
      const story = await created({ ...readyStory });
      await created({ type: 'task', title: 'Write the CSV encoder', parentId: story.id });
      const response = await refusedUnchanged(story.id, () => update(story.id, { type: 'epic', title: 'Now an epic' }));
      expectFieldError(response, 'body.type');
      const after = await read(story.id);
      expect(after.type).toBe('story');
      expect(after.title).toBe(readyStory.title);

      // A childless story may change type freely.
      const lone = await created({ type: 'story', title: 'A story that is really an epic' });
      const changed = await update(lone.id, { type: 'epic' });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().type).toBe('epic');
      expect(changed.json().readiness).toBeNull();
    });

    it('never lets a task land under an epic when its story is re-typed at the same moment', async () => {
      const { token, create, created, update, read } = await backlog();
      // Many rounds, each on a fresh story: one lucky interleaving must not hide a lost check.
      for (let round = 0; round < 20; round += 1) {
        const story = await created({ type: 'story', title: `Story to re-type, round ${round}` });
        const [task, retyped] = await Promise.all([create({ type: 'task', title: `Task of round ${round}`, parentId: story.id }), update(story.id, { type: 'epic' })]);
        const outcome = `round ${round}: task ${task.statusCode} ${task.body} / re-type ${retyped.statusCode} ${retyped.body}`;
        expect(task.statusCode === 201 && retyped.statusCode === 200, outcome).toBe(false);
        // Run one after the other, whichever went second would have found the other's change: exactly one wins.
        if (task.statusCode === 201) expectFieldError(retyped, 'body.type');
        else expectFieldError(task, 'body.parentId');

        const parent = await read(story.id);
        const children = (await call(t.app, 'GET', `/api/v1/items/${story.id}/children`, { token })).json().items as Array<{ type: string }>;
        expect(parent.type, outcome).toBe(task.statusCode === 201 ? 'story' : 'epic');
        expect(children.map((child) => child.type), outcome).toEqual(task.statusCode === 201 ? ['task'] : []);
      }
    });

    it('never lets a feature become an epic under an epic when both changes arrive at once', async () => {
      const { created, update, read } = await backlog();
      for (let round = 0; round < 20; round += 1) {
        const epic = await created({ type: 'epic', title: `Epic of round ${round}` });
        const feature = await created({ type: 'feature', title: `Feature of round ${round}` });
        const [retyped, parented] = await Promise.all([update(feature.id, { type: 'epic' }), update(feature.id, { parentId: epic.id })]);
        const outcome = `round ${round}: re-type ${retyped.statusCode} ${retyped.body} / parent ${parented.statusCode} ${parented.body}`;
        expect(retyped.statusCode === 200 && parented.statusCode === 200, outcome).toBe(false);
        const after = await read(feature.id);
        expect(after.type === 'epic' && after.parentId !== null, outcome).toBe(false);
      }
    });

    it('restores a task without its parent when the parent has become an epic meanwhile', async () => {
      const { token, created, update, remove, read } = await backlog();
      const restore = (id: string) => call(t.app, 'POST', `/api/v1/items/${id}/restore`, { token });
      const story = await created({ ...readyStory });
      const task = await created({ type: 'task', title: 'Write the CSV encoder', parentId: story.id });
      expect((await remove(task.id)).statusCode).toBe(200);

      const retyped = await update(story.id, { type: 'epic' });
      expect(retyped.statusCode, retyped.body).toBe(200);
      expect(retyped.json().type).toBe('epic');

      const restored = await restore(task.id);
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json()).toMatchObject({ id: task.id, type: 'task', parentId: null, deletedAt: null });
      expect(await read(task.id)).toMatchObject({ parentId: null, deletedAt: null });
      expect((await call(t.app, 'GET', `/api/v1/items/${story.id}/children`, { token })).json().items).toEqual([]);

      // A parent that can still hold it is kept.
      const kept = await created({ ...readyStory, title: 'Import invoices from CSV' });
      const keptTask = await created({ type: 'task', title: 'Write the CSV parser', parentId: kept.id });
      expect((await remove(keptTask.id)).statusCode).toBe(200);
      expect((await update(kept.id, { title: 'Import invoices from a CSV file' })).statusCode).toBe(200);
      const back = await restore(keptTask.id);
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json().parentId).toBe(kept.id);
    });

    it('still lets an item under a trashed parent be edited, while that parent cannot be chosen afresh', async () => {
      const { created, update, remove, read, refusedUnchanged } = await backlog();
      const epic = await created({ type: 'epic', title: 'Self-serve billing' });
      const feature = await created({ type: 'feature', title: 'Invoice export', parentId: epic.id });
      expect((await remove(epic.id)).statusCode).toBe(200);

      const renamed = await update(feature.id, { title: 'Invoice export, renamed' });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json()).toMatchObject({ title: 'Invoice export, renamed', parentId: epic.id });
      // A story may sit under an epic too: the type changes, the trashed parent stays.
      const retyped = await update(feature.id, { type: 'story', parentId: epic.id, estimate: 3 });
      expect(retyped.statusCode, retyped.body).toBe(200);
      expect(retyped.json()).toMatchObject({ type: 'story', parentId: epic.id, estimate: 3 });
      expect(await read(feature.id)).toMatchObject({ type: 'story', parentId: epic.id });

      // The hierarchy still holds: an epic cannot sit under an epic, trashed or not.
      expectFieldError(await refusedUnchanged(feature.id, () => update(feature.id, { type: 'epic' })), 'body.parentId');
      const loose = await created({ type: 'feature', title: 'Dunning emails' });
      expectFieldError(await refusedUnchanged(loose.id, () => update(loose.id, { parentId: epic.id })), 'body.parentId');
    });

    it('lists the children of an item in rank order, leaving trashed ones out', async () => {
      const { ws, token, created, remove } = await backlog();
      const epic = await created({ type: 'epic', title: 'Self-serve billing' });
      const first = await created({ type: 'feature', title: 'Invoice export', parentId: epic.id });
      await created({ type: 'story', title: 'Not a child of the epic' });
      const second = await created({ type: 'story', title: 'Pay by bank transfer', parentId: epic.id });
      const third = await created({ type: 'feature', title: 'Dunning emails', parentId: epic.id });
      const gone = await created({ type: 'story', title: 'Crypto payments', parentId: epic.id });
      await remove(gone.id);
      const moved = await call(t.app, 'POST', `/api/v1/items/${third.id}/move`, { token, body: { position: 'top' } });
      expect(moved.statusCode).toBe(200);

      const children = await call(t.app, 'GET', `/api/v1/items/${epic.id}/children`, { token: ws.byRole.viewer.token });
      expect(children.statusCode).toBe(200);
      expect(children.json().items.map((item: { id: string }) => item.id)).toEqual([third.id, first.id, second.id]);
      expect(children.json().nextCursor).toBeNull();

      const page = (await call(t.app, 'GET', `/api/v1/items/${epic.key}/children?limit=2`, { token })).json();
      expect(page.items.map((item: { id: string }) => item.id)).toEqual([third.id, first.id]);
      const rest = (await call(t.app, 'GET', `/api/v1/items/${epic.id}/children?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`, { token })).json();
      expect(rest.items.map((item: { id: string }) => item.id)).toEqual([second.id]);
      expect((await call(t.app, 'GET', `/api/v1/items/${second.id}/children`, { token })).json().items).toEqual([]);
    });
  });

  describe('assignee, blocking and due date', () => {
    it('assigns only members of the workspace', async () => {
      const { ws, create, created, update, refusedUnchanged } = await backlog();
      const stranger = await buildUser(t.runtime);
      const elsewhere = await buildWorkspace(t.runtime);
      expectFieldError(await create({ ...readyStory, assigneeId: stranger.user.id }), 'body.assigneeId');
      expectFieldError(await create({ ...readyStory, assigneeId: elsewhere.owner.user.id }), 'body.assigneeId');

      const story = await created({ ...readyStory, assigneeId: ws.byRole.contributor.user.id });
      expectFieldError(await refusedUnchanged(story.id, () => update(story.id, { assigneeId: elsewhere.byRole.contributor.user.id })), 'body.assigneeId');
      const reassigned = await update(story.id, { assigneeId: ws.byRole.viewer.user.id });
      expect(reassigned.json().assigneeId).toBe(ws.byRole.viewer.user.id);
      expect((await update(story.id, { assigneeId: null })).json().assigneeId).toBeNull();
    });

    it('needs a reason to block, shows it in readiness, and clears it on unblocking', async () => {
      const { create, created, read, update, refusedUnchanged } = await backlog();
      expectFieldError(await create({ ...readyStory, blocked: true }), 'body.blockedReason');
      expectFieldError(await create({ ...readyStory, blocked: true, blockedReason: '   ' }), 'body.blockedReason');

      const story = await created({ ...readyStory });
      expectFieldError(await refusedUnchanged(story.id, () => update(story.id, { blocked: true })), 'body.blockedReason');
      const blocked = await update(story.id, { blocked: true, blockedReason: 'Waiting for the ledger API keys' });
      expect(blocked.statusCode).toBe(200);
      expect(blocked.json()).toMatchObject({ blocked: true, blockedReason: 'Waiting for the ledger API keys' });
      expect(blocked.json().readiness.ready).toBe(false);
      expect(blocked.json().readiness.reasons.map((reason: { code: string }) => reason.code)).toEqual(['blocked']);
      // Clearing the reason of a blocked item is refused too: a block always says why.
      expectFieldError(await refusedUnchanged(story.id, () => update(story.id, { blockedReason: '' })), 'body.blockedReason');

      const unblocked = await update(story.id, { blocked: false });
      expect(unblocked.statusCode).toBe(200);
      expect(unblocked.json()).toMatchObject({ blocked: false, blockedReason: '', readiness: { ready: true, reasons: [] } });
      expect(await read(story.id)).toMatchObject({ blocked: false, blockedReason: '' });
    });

    it('takes a due date as a real calendar date', async () => {
      const { create, created, update, refusedUnchanged } = await backlog();
      expectFieldError(await create({ ...readyStory, dueDate: '2026-02-30' }), 'body.dueDate');
      expectFieldError(await create({ ...readyStory, dueDate: '2026-03-15T10:00:00Z' }), 'body.dueDate');
      const story = await created({ ...readyStory, dueDate: '2028-02-29' });
      expect(story.dueDate).toBe('2028-02-29');
      for (const dueDate of ['2026-02-30', '2027-02-29', '2026-13-01', '15/03/2026']) {
        expectFieldError(await refusedUnchanged(story.id, () => update(story.id, { dueDate })), 'body.dueDate');
      }
      expect((await update(story.id, { dueDate: null })).json().dueDate).toBeNull();
    });
  });

  describe('custom fields', () => {
    it('defines fields of every kind and checks each value against its field', async () => {
      const { ws, created, read, update, defineFields, refusedUnchanged } = await backlog();
      const defined = await defineFields([
        { name: 'Customer ask', kind: 'text' },
        { name: 'Revenue at risk', kind: 'number' },
        { name: 'Contract date', kind: 'date' },
        { name: 'Team', kind: 'single_select', options: ['Core', 'Growth'] },
        { name: 'Platforms', kind: 'multi_select', options: ['web', 'ios', 'android'] },
      ]);
      expect(defined.statusCode, defined.body).toBe(200);
      const fields = defined.json().customFields as Array<{ id: string; name: string; kind: string; options: string[] }>;
      expect(fields.map(({ name, kind, options }) => ({ name, kind, options }))).toEqual([
        { name: 'Customer ask', kind: 'text', options: [] },
        { name: 'Revenue at risk', kind: 'number', options: [] },
        { name: 'Contract date', kind: 'date', options: [] },
        { name: 'Team', kind: 'single_select', options: ['Core', 'Growth'] },
        { name: 'Platforms', kind: 'multi_select', options: ['web', 'ios', 'android'] },
      ]);
      expect(new Set(fields.map((field) => field.id)).size).toBe(5);
      const [text, number, date, single, multi] = fields.map((field) => field.id) as [string, string, string, string, string];
      const product = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}`, { token: ws.byRole.viewer.token });
      expect(product.json().customFields).toEqual(fields);

      const values = { [text]: 'Acme asked twice', [number]: 12500.5, [date]: '2026-06-01', [single]: 'Growth', [multi]: ['web', 'ios'] };
      const story = await created({ ...readyStory, customFields: values });
      expect(story.customFields).toEqual(values);
      expect((await read(story.id)).customFields).toEqual(values);

      const wrong: Array<[string, unknown]> = [
        [text, 42],
        [number, 'twelve'],
        [number, [1]],
        [date, '2026-02-30'],
        [date, 'next week'],
        [single, 'Urgent'],
        [single, ['Core']],
        [multi, ['web', 'fax']],
        [multi, 'web'],
        [multi, ['web', 'web']],
        [single, true],
      ];
      for (const [id, value] of wrong) {
        const response = await refusedUnchanged(story.id, () => update(story.id, { customFields: { [id]: value } }));
        expectFieldError(response, `body.customFields.${id}`);
      }
      // One bad value refuses the whole patch: the good one beside it is not written either.
      const mixed = await refusedUnchanged(story.id, () => update(story.id, { customFields: { [text]: 'changed', [single]: 'Nope' } }));
      expectFieldError(mixed, `body.customFields.${single}`);
    });

    it('clears one value with null and keeps the others; refuses an unknown field', async () => {
      const { created, read, update, defineFields, refusedUnchanged, create } = await backlog();
      const fields = (
        await defineFields([
          { name: 'Team', kind: 'single_select', options: ['Core', 'Growth'] },
          { name: 'Revenue at risk', kind: 'number' },
          { name: 'Customer ask', kind: 'text' },
        ])
      ).json().customFields as Array<{ id: string }>;
      const [team, revenue, ask] = fields.map((field) => field.id) as [string, string, string];
      const story = await created({ ...readyStory, customFields: { [team]: 'Core', [revenue]: 900, [ask]: 'Acme' } });

      const cleared = await update(story.id, { customFields: { [revenue]: null } });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json().customFields).toEqual({ [team]: 'Core', [ask]: 'Acme' });
      const changed = await update(story.id, { customFields: { [team]: 'Growth' } });
      expect(changed.json().customFields).toEqual({ [team]: 'Growth', [ask]: 'Acme' });
      expect((await read(story.id)).customFields).toEqual({ [team]: 'Growth', [ask]: 'Acme' });

      expectFieldError(await refusedUnchanged(story.id, () => update(story.id, { customFields: { 'no-such-field': 'x' } })), 'body.customFields.no-such-field');
      expectFieldError(await create({ ...readyStory, customFields: { 'no-such-field': 'x' } }), 'body.customFields.no-such-field');
    });

    it('refuses two fields with one name and leaves the definitions as they were', async () => {
      const { ws, defineFields } = await backlog();
      const first = await defineFields([{ name: 'Team', kind: 'single_select', options: ['Core'] }]);
      expect(first.statusCode).toBe(200);
      const before = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}`, { token: ws.owner.token });

      const twice = await defineFields([
        { name: 'Team', kind: 'text' },
        { name: 'team', kind: 'number' },
      ]);
      expectFieldError(twice, 'body.fields.1.name');
      const noOptions = await defineFields([{ name: 'Tier', kind: 'single_select', options: [] }]);
      expectFieldError(noOptions, 'body.fields.0.options');
      const unknownId = await defineFields([{ id: 'not-a-field', name: 'Tier', kind: 'text' }]);
      expectFieldError(unknownId, 'body.fields.0.id');

      const after = await call(t.app, 'GET', `/api/v1/products/${ws.product.id}`, { token: ws.owner.token });
      expect(after.json()).toEqual(before.json());
      expect(after.headers.etag).toBe(before.headers.etag);
    });

    it('lets only backlog roles define fields', async () => {
      const { ws } = await backlog();
      const body = { fields: [{ name: 'Team', kind: 'text' }] };
      for (const role of ['contributor', 'stakeholder', 'viewer'] as const) {
        const response = await call(t.app, 'PUT', `/api/v1/products/${ws.product.id}/custom-fields`, { token: ws.byRole[role].token, body });
        expect(response.statusCode).toBe(403);
        expect(response.json().code).toBe('forbidden');
      }
      const product = (await call(t.app, 'GET', `/api/v1/products/${ws.product.id}`, { token: ws.owner.token })).json();
      expect(product.customFields).toEqual([]);
    });
  });

  describe('versions and the audit log', () => {
    it('refuses a stale If-Match with 412, and records one activity row per accepted change only', async () => {
      const { created, update, activityOf, refusedUnchanged } = await backlog();
      const story = await created({ ...readyStory });
      expect(await activityOf(story.id)).toHaveLength(1);

      const accepted = await update(story.id, { labels: ['Billing'] }, { 'if-match': '"1"' });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.headers.etag).toBe('"2"');
      expect(accepted.json().version).toBe(2);

      const stale = await refusedUnchanged(story.id, () => update(story.id, { labels: ['stale'] }, { 'if-match': '"1"' }));
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('version_mismatch');

      const invalid = await refusedUnchanged(story.id, () => update(story.id, { estimate: -1 }, { 'if-match': '"2"' }));
      expectFieldError(invalid, 'body.estimate');

      const current = await update(story.id, { estimate: 5 }, { 'if-match': '"2"' });
      expect(current.statusCode).toBe(200);
      expect(current.headers.etag).toBe('"3"');
      expect(current.json().labels).toEqual(['billing']);
      expect(await activityOf(story.id)).toHaveLength(3);
    });
  });
});
