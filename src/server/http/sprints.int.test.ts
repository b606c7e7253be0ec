import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, buildWorkspace, call, createTestApp, type TestApp } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

interface Sprint {
  id: string;
  name: string;
  state: string;
  startDate: string;
  endDate: string;
  capacity: { points: number; explanation: string };
  committedPoints: number;
  committedAtStart: number | null;
  completedPoints: number;
  itemCount: number;
  startedAt: string | null;
  completedAt: string | null;
  version: number;
}

interface Item {
  id: string;
  key: string;
  title: string;
  status: string;
  estimate: number | null;
  sprintId: string | null;
}

describe.each(DIALECTS)('sprints API $name', ({ dialect }) => {
  let t: TestApp;
  // The service clock: each test sets the moment its requests happen at.
  let now = new Date('2026-03-02T09:00:00.000Z');
  const at = (instant: string) => {
    now = new Date(instant);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { ctx: { clock: { now: () => now }, newId: () => uuidv7() } });
  });
  afterAll(() => t.close());

  /** A fresh workspace and the requests its product owner (by default) sends. */
  async function team() {
    at('2026-03-02T09:00:00.000Z');
    const ws = await buildWorkspace(t.runtime);
    const po = ws.byRole.product_owner.token;
    const pm = ws.byRole.product_manager.token;
    const productUrl = `/api/v1/products/${ws.product.id}`;

    const item = async (title: string, estimate: number | null, extra: Record<string, unknown> = {}): Promise<Item> => {
      const response = await call(t.app, 'POST', `${productUrl}/items`, { token: po, body: { type: 'story', title, estimate, ...extra } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    const readItem = async (id: string): Promise<Item> => (await call(t.app, 'GET', `/api/v1/items/${id}`, { token: po })).json();
    const setStatus = async (id: string, status: string) => {
      const response = await call(t.app, 'PATCH', `/api/v1/items/${id}`, { token: po, body: { status } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Item;
    };

    const createSprint = (body: Record<string, unknown>, token = po) => call(t.app, 'POST', `${productUrl}/sprints`, { token, body });
    const sprintCreated = async (body: Record<string, unknown>): Promise<Sprint> => {
      const response = await createSprint(body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    /** A two-week sprint from the first Monday of March 2026, unless told otherwise. */
    const plan = (name: string, dates: { startDate?: string; endDate?: string } = {}, extra: Record<string, unknown> = {}) =>
      sprintCreated({ name, startDate: dates.startDate ?? '2026-03-02', endDate: dates.endDate ?? '2026-03-13', ...extra });
    const readSprint = async (id: string): Promise<Sprint> => {
      const response = await call(t.app, 'GET', `/api/v1/sprints/${id}`, { token: po });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const listSprints = async (): Promise<Sprint[]> => (await call(t.app, 'GET', `${productUrl}/sprints`, { token: po })).json().items;
    const updateSprint = (id: string, body: unknown, token = po) => call(t.app, 'PATCH', `/api/v1/sprints/${id}`, { token, body });
    const commit = (sprintId: string, itemId: string, token = po) => call(t.app, 'POST', `/api/v1/sprints/${sprintId}/items`, { token, body: { itemId } });
    const committed = async (sprintId: string, itemId: string, token = po): Promise<Item> => {
      const response = await commit(sprintId, itemId, token);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const takeOut = (sprintId: string, itemId: string, token = po) => call(t.app, 'DELETE', `/api/v1/sprints/${sprintId}/items/${itemId}`, { token });
    const start = (id: string, token = po) => call(t.app, 'POST', `/api/v1/sprints/${id}/start`, { token });
    const started = async (id: string): Promise<Sprint> => {
      const response = await start(id);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const complete = (id: string, body: Record<string, unknown> = {}, token = po) => call(t.app, 'POST', `/api/v1/sprints/${id}/complete`, { token, body });
    const completed = async (id: string, body: Record<string, unknown> = {}): Promise<{ sprint: Sprint; carriedOver: number; carriedTo: string | null }> => {
      const response = await complete(id, body);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const sprintItems = async (id: string, query = ''): Promise<{ items: Item[]; nextCursor: string | null }> => {
      const response = await call(t.app, 'GET', `/api/v1/sprints/${id}/items${query}`, { token: po });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const burndown = async (id: string) => {
      const response = await call(t.app, 'GET', `/api/v1/sprints/${id}/burndown`, { token: po });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as {
        committedAtStart: number | null;
        days: Array<{ date: string; remaining: number | null; ideal: number }>;
        scopeChanges: Array<{ itemId: string; change: string; points: number; at: string; by: string | null }>;
      };
    };
    const velocity = async () => (await call(t.app, 'GET', `${productUrl}/velocity`, { token: ws.byRole.viewer.token })).json();
    return {
      ws,
      po,
      pm,
      productUrl,
      item,
      readItem,
      setStatus,
      createSprint,
      plan,
      readSprint,
      listSprints,
      updateSprint,
      commit,
      committed,
      takeOut,
      start,
      started,
      complete,
      completed,
      sprintItems,
      burndown,
      velocity,
    };
  }

  function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
  }

  function expectFieldError(response: LightMyRequestResponse, field: string) {
    expectProblem(response, 400, 'validation_failed');
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
  }

  const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

  describe('planning', () => {
    it("creates a sprint whose capacity comes from the team's availability, and explains it", async () => {
      const { ws, createSprint, readSprint, listSprints } = await team();
      const response = await createSprint({
        name: 'Sprint 12',
        goal: 'Finance can export a month of invoices',
        startDate: '2026-03-02',
        endDate: '2026-03-13',
        availability: [
          { userId: ws.byRole.contributor.user.id, days: 8 },
          { userId: ws.byRole.product_owner.user.id, days: 4.5 },
          { userId: ws.byRole.viewer.user.id, days: 0 },
        ],
      });
      expect(response.statusCode, response.body).toBe(201);
      const sprint = response.json();
      expect(response.headers.location).toBe(`/api/v1/sprints/${sprint.id}`);
      expect(response.headers.etag).toBe(`"${sprint.version}"`);
      expect(sprint).toMatchObject({
        workspaceId: ws.workspace.id,
        productId: ws.product.id,
        name: 'Sprint 12',
        goal: 'Finance can export a month of invoices',
        state: 'planned',
        startDate: '2026-03-02',
        endDate: '2026-03-13',
        capacity: {
          points: 12.5,
          explanation: '2 people, 12.5 person-days × 1 point per person-day (no finished sprint yet) = 12.5 points',
        },
        committedPoints: 0,
        committedAtStart: null,
        completedPoints: 0,
        itemCount: 0,
        startedAt: null,
        completedAt: null,
        version: 1,
        createdAt: '2026-03-02T09:00:00.000Z',
      });
      expect(sprint.availability).toHaveLength(3);
      expect(await readSprint(sprint.id)).toEqual(sprint);
      expect(await listSprints()).toEqual([sprint]);
    });

    it('refuses a sprint that ends before it starts, naming endDate, on create and on edit', async () => {
      const { po, createSprint, plan, readSprint, updateSprint, listSprints } = await team();
      expectFieldError(await createSprint({ name: 'Backwards', startDate: '2026-03-13', endDate: '2026-03-02' }), 'body.endDate');
      expectFieldError(await createSprint({ name: 'No such day', startDate: '2026-02-30', endDate: '2026-03-13' }), 'body.startDate');
      expectFieldError(await createSprint({ name: '  ', startDate: '2026-03-02', endDate: '2026-03-13' }), 'body.name');
      expect(await listSprints()).toEqual([]);

      const sprint = await plan('Sprint 1');
      expectFieldError(await updateSprint(sprint.id, { endDate: '2026-03-01' }), 'body.endDate');
      expectFieldError(await updateSprint(sprint.id, { startDate: '2026-03-20' }), 'body.endDate');
      expect(await readSprint(sprint.id)).toEqual(sprint);

      const moved = await updateSprint(sprint.id, { startDate: '2026-03-16', endDate: '2026-03-27', name: 'Sprint 1 (moved)' });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.headers.etag).toBe('"2"');
      expect(moved.json()).toMatchObject({ name: 'Sprint 1 (moved)', startDate: '2026-03-16', endDate: '2026-03-27', version: 2 });

      // A stale If-Match is refused and changes nothing.
      const stale = await call(t.app, 'PATCH', `/api/v1/sprints/${sprint.id}`, { token: po, body: { name: 'Stale' }, headers: { 'if-match': '"1"' } });
      expectProblem(stale, 412, 'version_mismatch');
      expect(await readSprint(sprint.id)).toEqual(moved.json());
    });

    it('takes availability only for members of the workspace, each once', async () => {
      const { ws, createSprint, plan, updateSprint, readSprint, listSprints } = await team();
      const stranger = await buildUser(t.runtime);
      const elsewhere = await buildWorkspace(t.runtime);
      const body = (availability: unknown) => ({ name: 'Sprint 1', startDate: '2026-03-02', endDate: '2026-03-13', availability });
      const member = { userId: ws.byRole.contributor.user.id, days: 5 };
      expectFieldError(await createSprint(body([member, { userId: stranger.user.id, days: 5 }])), 'body.availability.1.userId');
      expectFieldError(await createSprint(body([{ userId: elsewhere.owner.user.id, days: 5 }])), 'body.availability.0.userId');
      expectFieldError(await createSprint(body([member, member])), 'body.availability.1.userId');
      expectFieldError(await createSprint(body([{ ...member, days: -1 }])), 'body.availability.0.days');
      expect(await listSprints()).toEqual([]);

      const sprint = await plan('Sprint 1', {}, { availability: [member] });
      expectFieldError(await updateSprint(sprint.id, { availability: [{ userId: stranger.user.id, days: 3 }] }), 'body.availability.0.userId');
      expect(await readSprint(sprint.id)).toEqual(sprint);
    });

    it('lets only the PO or owner plan, edit, start and complete sprints', async () => {
      const { ws, createSprint, plan, updateSprint, start, complete, listSprints } = await team();
      const body = { name: 'Sprint 1', startDate: '2026-03-02', endDate: '2026-03-13' };
      for (const role of ['product_manager', 'contributor', 'stakeholder', 'viewer'] as const) {
        expectProblem(await createSprint(body, ws.byRole[role].token), 403, 'forbidden');
      }
      expect(await listSprints()).toEqual([]);
      const sprint = await plan('Sprint 1');
      expectProblem(await updateSprint(sprint.id, { name: 'Renamed' }, ws.byRole.product_manager.token), 403, 'forbidden');
      expectProblem(await start(sprint.id, ws.byRole.product_manager.token), 403, 'forbidden');
      expect((await start(sprint.id, ws.owner.token)).statusCode).toBe(200);
      expectProblem(await complete(sprint.id, {}, ws.byRole.contributor.token), 403, 'forbidden');
      expect((await listSprints())[0]).toMatchObject({ name: 'Sprint 1', state: 'active' });
    });

    it('commits items before the start (PO or PM, not a contributor), adding up points and items', async () => {
      const { ws, pm, item, readItem, plan, readSprint, commit, committed, productUrl } = await team();
      const sprint = await plan('Sprint 1');
      const a = await item('Export invoices as CSV', 5);
      const b = await item('Filter invoices by month', 3);
      const c = await item('Spike: ledger API', null);

      const byPo = await committed(sprint.id, a.id);
      expect(byPo.sprintId).toBe(sprint.id);
      expect((await committed(sprint.id, b.key, pm)).sprintId).toBe(sprint.id);
      expectProblem(await commit(sprint.id, c.id, ws.byRole.contributor.token), 403, 'forbidden');
      expectProblem(await commit(sprint.id, c.id, ws.byRole.viewer.token), 403, 'forbidden');
      expect((await readItem(c.id)).sprintId).toBeNull();

      expect(await readSprint(sprint.id)).toMatchObject({ committedPoints: 8, itemCount: 2, committedAtStart: null });
      await committed(sprint.id, c.id);
      // An item without an estimate counts as an item, not as points.
      expect(await readSprint(sprint.id)).toMatchObject({ committedPoints: 8, itemCount: 3 });
      // Committing again changes nothing.
      await committed(sprint.id, a.id);
      expect(await readSprint(sprint.id)).toMatchObject({ committedPoints: 8, itemCount: 3 });

      // Items show their sprint, one by one and in the backlog.
      expect((await readItem(a.id)).sprintId).toBe(sprint.id);
      const backlog = (await call(t.app, 'GET', `${productUrl}/items?limit=200`, { token: ws.byRole.viewer.token })).json().items as Item[];
      expect(Object.fromEntries(backlog.map((row) => [row.id, row.sprintId]))).toEqual({ [a.id]: sprint.id, [b.id]: sprint.id, [c.id]: sprint.id });
    });

    it('takes an item out of a planned sprint, back to the backlog', async () => {
      const { pm, item, readItem, plan, readSprint, committed, takeOut } = await team();
      const sprint = await plan('Sprint 1');
      const a = await item('Export invoices as CSV', 5);
      const b = await item('Filter invoices by month', 3);
      await committed(sprint.id, a.id);
      await committed(sprint.id, b.id);
      const out = await takeOut(sprint.id, a.id, pm);
      expect(out.statusCode, out.body).toBe(200);
      expect(out.json().sprintId).toBeNull();
      expect((await readItem(a.id)).sprintId).toBeNull();
      expect(await readSprint(sprint.id)).toMatchObject({ committedPoints: 3, itemCount: 1 });
      expectProblem(await takeOut(sprint.id, a.id), 404, 'not_found');
    });

    it('moves an item committed to another open sprint', async () => {
      const { pm, item, readItem, plan, readSprint, committed, commit, start } = await team();
      const first = await plan('Sprint 1');
      const second = await plan('Sprint 2', { startDate: '2026-03-16', endDate: '2026-03-27' });
      const a = await item('Export invoices as CSV', 5);
      await committed(first.id, a.id);
      const moved = await committed(second.id, a.id, pm);
      expect(moved.sprintId).toBe(second.id);
      expect((await readItem(a.id)).sprintId).toBe(second.id);
      expect(await readSprint(first.id)).toMatchObject({ committedPoints: 0, itemCount: 0 });
      expect(await readSprint(second.id)).toMatchObject({ committedPoints: 5, itemCount: 1 });

      // Out of a running sprint is a scope change: the PM may not make it, the PO may.
      const b = await item('Filter invoices by month', 3);
      await committed(first.id, b.id);
      at('2026-03-02T10:00:00.000Z');
      expect((await start(first.id)).statusCode).toBe(200);
      at('2026-03-03T10:00:00.000Z');
      expectProblem(await commit(second.id, b.id, pm), 403, 'forbidden');
      expect((await readItem(b.id)).sprintId).toBe(first.id);
      expect((await committed(second.id, b.id)).sprintId).toBe(second.id);
      expect(await readSprint(first.id)).toMatchObject({ committedPoints: 0, itemCount: 0, committedAtStart: 3 });
      expect(await readSprint(second.id)).toMatchObject({ committedPoints: 8, itemCount: 2 });
    });

    it("refuses a trashed item or another product's item, naming itemId", async () => {
      const { ws, po, item, readItem, plan, readSprint, commit } = await team();
      const sprint = await plan('Sprint 1');
      const trashed = await item('Abandoned idea', 2);
      expect((await call(t.app, 'DELETE', `/api/v1/items/${trashed.id}`, { token: po })).statusCode).toBe(200);
      expectFieldError(await commit(sprint.id, trashed.id), 'body.itemId');

      const other = await call(t.app, 'POST', `/api/v1/workspaces/${ws.workspace.id}/products`, { token: ws.owner.token, body: { key: 'OTHER', name: 'Other product' } });
      expect(other.statusCode, other.body).toBe(201);
      const foreign = await call(t.app, 'POST', `/api/v1/products/${other.json().id}/items`, { token: po, body: { type: 'story', title: 'Elsewhere', estimate: 8 } });
      expect(foreign.statusCode).toBe(201);
      expectFieldError(await commit(sprint.id, foreign.json().id), 'body.itemId');
      expect((await readItem(foreign.json().id)).sprintId).toBeNull();
      expect(await readSprint(sprint.id)).toMatchObject({ committedPoints: 0, itemCount: 0 });
    });
  });

  describe('running a sprint', () => {
    it('starts a sprint, fixing its commitment, and runs one sprint at a time per product', async () => {
      const { item, plan, readSprint, committed, start, started, complete, listSprints } = await team();
      const first = await plan('Sprint 1');
      const second = await plan('Sprint 2', { startDate: '2026-03-16', endDate: '2026-03-27' });
      await committed(first.id, (await item('Export invoices as CSV', 5)).id);
      await committed(first.id, (await item('Filter invoices by month', 3)).id);

      at('2026-03-02T10:00:00.000Z');
      const running = await started(first.id);
      expect(running).toMatchObject({ state: 'active', committedAtStart: 8, committedPoints: 8, startedAt: '2026-03-02T10:00:00.000Z', version: 2 });

      expectProblem(await start(second.id), 409, 'conflict');
      expect((await readSprint(second.id)).state).toBe('planned');
      expectProblem(await start(first.id), 409, 'conflict');
      expect((await listSprints()).map((sprint) => [sprint.name, sprint.state])).toEqual([
        ['Sprint 1', 'active'],
        ['Sprint 2', 'planned'],
      ]);
      // A planned sprint cannot be completed before it starts.
      expectProblem(await complete(second.id, {}), 409, 'conflict');
      expect((await readSprint(second.id)).state).toBe('planned');
    });

    it('lets exactly one of two parallel starts in a product through', async () => {
      // Several rounds, each on a fresh product: one lucky interleaving must not hide a lost check.
      for (let round = 0; round < 5; round += 1) {
        const { plan, readSprint, start } = await team();
        const sprints = [await plan('Sprint A'), await plan('Sprint B', { startDate: '2026-03-16', endDate: '2026-03-27' })];
        const responses = await Promise.all(sprints.map((sprint) => start(sprint.id)));
        expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
        const states = await Promise.all(sprints.map(async (sprint) => (await readSprint(sprint.id)).state));
        expect(states.sort()).toEqual(['active', 'planned']);
      }
    });

    it("lets only the PO change a running sprint's scope, and shows each change beside the burndown", async () => {
      const { ws, pm, item, readItem, plan, readSprint, committed, commit, takeOut, started, burndown } = await team();
      const sprint = await plan('Sprint 1', { startDate: '2026-03-02', endDate: '2026-03-06' });
      const a = await item('Export invoices as CSV', 5);
      const late = await item('Urgent: fix rounding in totals', 2);
      await committed(sprint.id, a.id);
      at('2026-03-02T10:00:00.000Z');
      await started(sprint.id);

      at('2026-03-03T11:00:00.000Z');
      const before = await readSprint(sprint.id);
      expectProblem(await commit(sprint.id, late.id, pm), 403, 'forbidden');
      expect((await readItem(late.id)).sprintId).toBeNull();
      expect(await readSprint(sprint.id)).toEqual(before);
      expect((await burndown(sprint.id)).scopeChanges).toEqual([]);

      const added = await committed(sprint.id, late.id);
      expect(added.sprintId).toBe(sprint.id);
      expect(await readSprint(sprint.id)).toMatchObject({ committedPoints: 7, itemCount: 2, committedAtStart: 5 });
      expect((await burndown(sprint.id)).scopeChanges).toEqual([
        { itemId: late.id, key: late.key, title: late.title, change: 'added', points: 2, at: '2026-03-03T11:00:00.000Z', by: ws.byRole.product_owner.user.id },
      ]);

      at('2026-03-04T12:00:00.000Z');
      expectProblem(await takeOut(sprint.id, a.id, pm), 403, 'forbidden');
      expect((await readItem(a.id)).sprintId).toBe(sprint.id);
      expect((await takeOut(sprint.id, a.id, ws.owner.token)).statusCode).toBe(200);
      expect((await readItem(a.id)).sprintId).toBeNull();

      const chart = await burndown(sprint.id);
      expect(chart.committedAtStart).toBe(5);
      expect(chart.scopeChanges).toEqual([
        { itemId: late.id, key: late.key, title: late.title, change: 'added', points: 2, at: '2026-03-03T11:00:00.000Z', by: ws.byRole.product_owner.user.id },
        { itemId: a.id, key: a.key, title: a.title, change: 'removed', points: 5, at: '2026-03-04T12:00:00.000Z', by: ws.owner.user.id },
      ]);
      expect(chart.days.map((day) => day.remaining)).toEqual([5, 7, 2, null, null]);
    });

    it('burns down from the day an item is done, with the ideal line from the commitment to zero', async () => {
      const { item, plan, committed, started, setStatus, burndown } = await team();
      const sprint = await plan('Sprint 1', { startDate: '2026-03-02', endDate: '2026-03-06' });
      const a = await item('Export invoices as CSV', 5);
      const b = await item('Filter invoices by month', 3);
      await committed(sprint.id, a.id);
      await committed(sprint.id, b.id);

      // Before the start there is nothing to burn down yet.
      const planned = await burndown(sprint.id);
      expect(planned.committedAtStart).toBeNull();
      expect(planned.days.map((day) => day.remaining)).toEqual([null, null, null, null, null]);

      at('2026-03-02T10:00:00.000Z');
      await started(sprint.id);
      at('2026-03-03T15:30:00.000Z');
      await setStatus(a.id, 'in_progress');
      expect((await burndown(sprint.id)).days.map((day) => day.remaining)).toEqual([8, 8, null, null, null]);
      await setStatus(a.id, 'done');

      at('2026-03-04T11:00:00.000Z');
      const chart = await burndown(sprint.id);
      expect(chart.committedAtStart).toBe(8);
      expect(chart.days).toEqual([
        { date: '2026-03-02', remaining: 8, ideal: 8 },
        { date: '2026-03-03', remaining: 3, ideal: 6 },
        { date: '2026-03-04', remaining: 3, ideal: 4 },
        { date: '2026-03-05', remaining: null, ideal: 2 },
        { date: '2026-03-06', remaining: null, ideal: 0 },
      ]);
      expect(chart.scopeChanges).toEqual([]);

      // Reopened, it counts as remaining again.
      await setStatus(a.id, 'in_review');
      expect((await burndown(sprint.id)).days[2]!.remaining).toBe(8);
    });

    it('counts an item moved to the trash as leaving the scope then, not as never there', async () => {
      const { ws, item, plan, committed, started, burndown } = await team();
      const sprint = await plan('Sprint 1', { startDate: '2026-03-02', endDate: '2026-03-06' });
      const big = await item('Export invoices as CSV', 5);
      const small = await item('Filter invoices by month', 3);
      await committed(sprint.id, big.id);
      await committed(sprint.id, small.id);
      at('2026-03-02T10:00:00.000Z');
      await started(sprint.id);
      at('2026-03-04T12:00:00.000Z');
      expect((await call(t.app, 'DELETE', `/api/v1/items/${big.id}`, { token: ws.byRole.product_owner.token })).statusCode).toBe(200);
      const chart = await burndown(sprint.id);
      expect(chart.days.map((day) => day.remaining)).toEqual([8, 8, 3, null, null]);
      expect(chart.scopeChanges).toEqual([expect.objectContaining({ itemId: big.id, change: 'removed', points: 5 })]);
    });

    it('stops counting a canceled item as remaining', async () => {
      const { item, plan, committed, started, setStatus, burndown } = await team();
      const sprint = await plan('Sprint 1', { startDate: '2026-03-02', endDate: '2026-03-06' });
      const dropped = await item('Export invoices as PDF', 5);
      await committed(sprint.id, dropped.id);
      at('2026-03-02T10:00:00.000Z');
      await started(sprint.id);
      at('2026-03-03T10:00:00.000Z');
      await setStatus(dropped.id, 'canceled');
      expect((await burndown(sprint.id)).days.map((day) => day.remaining)).toEqual([5, 0, null, null, null]);
    });

    it('completes a sprint from a request with no body at all', async () => {
      const { po, plan, started } = await team();
      const sprint = await plan('Sprint 1');
      await started(sprint.id);
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/sprints/${sprint.id}/complete`, headers: { authorization: `Bearer ${po}` } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().sprint.state).toBe('completed');
    });

    it("lists the sprint's items in backlog rank order, page by page", async () => {
      const { po, productUrl, item, plan, committed, sprintItems } = await team();
      const sprint = await plan('Sprint 1');
      const a = await item('First in the backlog', 1);
      await item('Not in the sprint', 1);
      const b = await item('Third in the backlog', 2);
      const c = await item('Fourth in the backlog', 3);
      // Committed in another order than their rank.
      for (const chosen of [c, a, b]) await committed(sprint.id, chosen.id);
      expect(ids((await sprintItems(sprint.id)).items)).toEqual([a.id, b.id, c.id]);

      const moved = await call(t.app, 'POST', `/api/v1/items/${c.id}/move`, { token: po, body: { position: 'top' } });
      expect(moved.statusCode).toBe(200);
      const backlog = (await call(t.app, 'GET', `${productUrl}/items?limit=200`, { token: po })).json().items as Item[];
      const expected = ids(backlog).filter((id) => [a.id, b.id, c.id].includes(id));
      expect(expected).toEqual([c.id, a.id, b.id]);

      const page = await sprintItems(sprint.id, '?limit=2');
      expect(ids(page.items)).toEqual([c.id, a.id]);
      expect(page.nextCursor).not.toBeNull();
      const rest = await sprintItems(sprint.id, `?limit=2&cursor=${encodeURIComponent(page.nextCursor!)}`);
      expect(ids(rest.items)).toEqual([b.id]);
      expect(rest.nextCursor).toBeNull();
      for (const listed of [...page.items, ...rest.items]) expect(listed.sprintId).toBe(sprint.id);
    });
  });

  describe('completing a sprint', () => {
    it('fixes the done points as its velocity and carries unfinished work to the next planned sprint, not canceled work', async () => {
      const { ws, item, readItem, plan, readSprint, committed, started, completed, setStatus, sprintItems, burndown, velocity } = await team();
      const availability = [{ userId: ws.byRole.contributor.user.id, days: 10 }];
      const first = await plan('Sprint 1', { startDate: '2026-03-02', endDate: '2026-03-13' }, { availability });
      const next = await plan('Sprint 2', { startDate: '2026-03-16', endDate: '2026-03-27' });
      const done = await item('Export invoices as CSV', 5);
      const doing = await item('Filter invoices by month', 3);
      const canceled = await item('Export as XLS', 2);
      const untouched = await item('Email the export', 1);
      for (const chosen of [done, doing, canceled, untouched]) await committed(first.id, chosen.id);
      expect((await velocity()).sprints).toEqual([]);
      expect((await velocity()).average).toBeNull();

      at('2026-03-02T10:00:00.000Z');
      await started(first.id);
      at('2026-03-05T10:00:00.000Z');
      await setStatus(done.id, 'done');
      await setStatus(doing.id, 'in_progress');
      await setStatus(canceled.id, 'canceled');
      expect(await readSprint(first.id)).toMatchObject({ state: 'active', completedPoints: 5, committedPoints: 11 });

      at('2026-03-13T17:00:00.000Z');
      const result = await completed(first.id);
      expect(result.carriedOver).toBe(2);
      expect(result.carriedTo).toBe(next.id);
      expect(result.sprint).toMatchObject({ state: 'completed', completedPoints: 5, committedAtStart: 11, completedAt: '2026-03-13T17:00:00.000Z' });

      expect((await readItem(done.id)).sprintId).toBe(first.id);
      expect((await readItem(canceled.id)).sprintId).toBe(first.id);
      expect((await readItem(doing.id)).sprintId).toBe(next.id);
      expect((await readItem(untouched.id)).sprintId).toBe(next.id);
      expect(ids((await sprintItems(first.id)).items).sort()).toEqual([done.id, canceled.id].sort());
      expect(ids((await sprintItems(next.id)).items)).toEqual([doing.id, untouched.id]);
      expect(await readSprint(next.id)).toMatchObject({ state: 'planned', committedPoints: 4, itemCount: 2 });
      // Carrying over at the end is not a change of scope.
      expect((await burndown(first.id)).scopeChanges).toEqual([]);

      expect(await velocity()).toEqual({ sprints: [{ id: first.id, name: 'Sprint 1', endDate: '2026-03-13', committed: 11, completed: 5 }], average: 5 });

      // The next sprint learns its capacity from the finished one: 5 points over 10 person-days.
      const third = await plan('Sprint 3', { startDate: '2026-03-30', endDate: '2026-04-10' }, {
        availability: [
          { userId: ws.byRole.contributor.user.id, days: 6 },
          { userId: ws.byRole.product_owner.user.id, days: 4 },
        ],
      });
      expect(third.capacity).toEqual({ points: 5, explanation: '2 people, 10 person-days × 0.5 points per person-day over the last 1 sprint = 5 points' });
    });

    it('carries unfinished work to the backlog when asked, or when no sprint is planned', async () => {
      const { item, readItem, plan, committed, started, completed, velocity } = await team();
      const first = await plan('Sprint 1', { startDate: '2026-03-02', endDate: '2026-03-13' });
      const later = await plan('Sprint 2', { startDate: '2026-03-16', endDate: '2026-03-27' });
      const a = await item('Export invoices as CSV', 5);
      await committed(first.id, a.id);
      at('2026-03-02T10:00:00.000Z');
      await started(first.id);
      at('2026-03-13T17:00:00.000Z');
      const toBacklog = await completed(first.id, { carryTo: 'backlog' });
      expect(toBacklog).toMatchObject({ carriedOver: 1, carriedTo: null, sprint: { completedPoints: 0 } });
      expect((await readItem(a.id)).sprintId).toBeNull();

      await committed(later.id, a.id);
      at('2026-03-16T10:00:00.000Z');
      await started(later.id);
      at('2026-03-27T17:00:00.000Z');
      const nowhereNext = await completed(later.id, { carryTo: 'next' });
      expect(nowhereNext).toMatchObject({ carriedOver: 1, carriedTo: null });
      expect((await readItem(a.id)).sprintId).toBeNull();

      const history = await velocity();
      expect(history.sprints.map((sprint: { name: string; completed: number }) => [sprint.name, sprint.completed])).toEqual([
        ['Sprint 1', 0],
        ['Sprint 2', 0],
      ]);
      expect(history.average).toBe(0);
    });

    it("sizes a story's readiness against the team's velocity once a sprint is finished", async () => {
      const { item, plan, committed, started, setStatus, completed, readItem } = await team();
      const story = {
        type: 'story',
        persona: 'finance lead',
        want: 'usage by plan tier',
        benefit: 'I can forecast expansion revenue',
        acceptanceCriteria: [{ then: 'each plan tier shows its monthly active users' }],
      };
      const six = await item('Usage by plan tier', 6, story);
      // With no history, a typical sprint is 20 points: 6 is fine.
      expect((await readItem(six.id) as unknown as { readiness: { ready: boolean } }).readiness.ready).toBe(true);
      const sprint = await plan('Sprint 1');
      const done = await item('Export invoices as CSV', 8);
      await committed(sprint.id, done.id);
      await started(sprint.id);
      await setStatus(done.id, 'done');
      await completed(sprint.id);
      // The team finished 8 points: 6 is more than half of that.
      const after = (await readItem(six.id)) as unknown as { readiness: { ready: boolean; reasons: Array<{ code: string; message: string }> } };
      expect(after.readiness.reasons).toEqual([{ code: 'too_large', message: expect.stringContaining('(8 points)') }]);
    });

    it('averages velocity over the last three finished sprints', async () => {
      const { item, plan, committed, started, completed, setStatus, velocity } = await team();
      const points = [8, 2, 4, 6];
      for (const [index, estimate] of points.entries()) {
        const day = String(2 + index * 7).padStart(2, '0');
        at(`2026-03-${day}T09:00:00.000Z`);
        const sprint = await plan(`Sprint ${index + 1}`, { startDate: `2026-03-${day}`, endDate: `2026-03-${String(6 + index * 7).padStart(2, '0')}` });
        const story = await item(`Story ${index + 1}`, estimate);
        await committed(sprint.id, story.id);
        await started(sprint.id);
        at(`2026-03-${day}T15:00:00.000Z`);
        await setStatus(story.id, 'done');
        await completed(sprint.id);
      }
      const history = await velocity();
      expect(history.sprints.map((sprint: { completed: number }) => sprint.completed)).toEqual(points);
      expect(history.average).toBe(4);
    });

    it('keeps a completed sprint as history: no edits, no scope changes, no second start or completion', async () => {
      const { item, readItem, plan, readSprint, committed, commit, takeOut, start, complete, started, completed, updateSprint } = await team();
      const sprint = await plan('Sprint 1');
      const kept = await item('Export invoices as CSV', 5);
      const outside = await item('Filter invoices by month', 3);
      await committed(sprint.id, kept.id);
      at('2026-03-02T10:00:00.000Z');
      await started(sprint.id);
      at('2026-03-13T17:00:00.000Z');
      await completed(sprint.id, { carryTo: 'backlog' });
      const history = await readSprint(sprint.id);

      expectProblem(await updateSprint(sprint.id, { name: 'Rewritten' }), 409, 'conflict');
      expectProblem(await commit(sprint.id, outside.id), 409, 'conflict');
      expectProblem(await start(sprint.id), 409, 'conflict');
      expectProblem(await complete(sprint.id, {}), 409, 'conflict');
      expect(await readSprint(sprint.id)).toEqual(history);
      expect((await readItem(outside.id)).sprintId).toBeNull();

      // A done item stays in the finished sprint it was done in, and cannot be taken out.
      const doneSprint = await plan('Sprint 2', { startDate: '2026-03-16', endDate: '2026-03-27' });
      const shipped = await item('Shipped', 2, { status: 'done' });
      await committed(doneSprint.id, shipped.id);
      at('2026-03-16T10:00:00.000Z');
      await started(doneSprint.id);
      at('2026-03-27T17:00:00.000Z');
      expect((await completed(doneSprint.id)).sprint.completedPoints).toBe(2);
      expectProblem(await takeOut(doneSprint.id, shipped.id), 409, 'conflict');
      expect((await readItem(shipped.id)).sprintId).toBe(doneSprint.id);
    });
  });

  describe('tenancy', () => {
    it("answers 404 for another workspace's sprint, whatever the request", async () => {
      const { item, plan, committed } = await team();
      const sprint = await plan('Sprint 1');
      await committed(sprint.id, (await item('Export invoices as CSV', 5)).id);
      const outsider = await team();
      const mine = await outsider.item('My own story', 1);
      const token = outsider.ws.owner.token;
      for (const [method, path, body] of [
        ['GET', `/api/v1/sprints/${sprint.id}`, undefined],
        ['GET', `/api/v1/sprints/${sprint.id}/items`, undefined],
        ['GET', `/api/v1/sprints/${sprint.id}/burndown`, undefined],
        ['PATCH', `/api/v1/sprints/${sprint.id}`, { name: 'Taken over' }],
        ['POST', `/api/v1/sprints/${sprint.id}/start`, undefined],
        ['POST', `/api/v1/sprints/${sprint.id}/items`, { itemId: mine.id }],
      ] as const) {
        expectProblem(await call(t.app, method, path, { token, ...(body !== undefined && { body }) }), 404, 'not_found');
      }
      expectProblem(await call(t.app, 'GET', `/api/v1/sprints/${uuidv7()}`, { token }), 404, 'not_found');
      expect((await outsider.readItem(mine.id)).sprintId).toBeNull();
      const again = await call(t.app, 'GET', `/api/v1/sprints/${sprint.id}`, { token: outsider.po });
      expect(again.statusCode).toBe(404);
    });
  });
});
