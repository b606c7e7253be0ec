import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, type TestApp } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('who may change what $name', ({ dialect }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  async function team() {
    const ws = await buildWorkspace(t.runtime);
    const create = async (body: Record<string, unknown>) =>
      (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: ws.owner.token, body })).json();
    const patch = (id: string, body: unknown, token: string) => call(t.app, 'PATCH', `/api/v1/items/${id}`, { token, body });
    const read = async (id: string) => (await call(t.app, 'GET', `/api/v1/items/${id}`, { token: ws.owner.token })).json();
    return { ws, create, patch, read };
  }

  describe('contributors and the work they do', () => {
    it('update status, estimate, criteria and the blocked flag of items assigned to them', async () => {
      const { ws, create, patch, read } = await team();
      const mine = await create({ type: 'story', title: 'Export invoices as CSV', assigneeId: ws.byRole.contributor.user.id });
      const response = await patch(
        mine.id,
        { status: 'in_progress', estimate: 5, acceptanceCriteria: [{ then: 'the file opens in a spreadsheet' }], blocked: true, blockedReason: 'Waiting for the API key' },
        ws.byRole.contributor.token,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(await read(mine.id)).toMatchObject({ status: 'in_progress', estimate: 5, blocked: true });
    });

    it('may not rename their own item, nor touch anyone else’s, and nothing changes', async () => {
      const { ws, create, patch, read } = await team();
      const mine = await create({ type: 'story', title: 'Export invoices as CSV', assigneeId: ws.byRole.contributor.user.id });
      const theirs = await create({ type: 'story', title: 'Filter invoices by month' });
      const renamed = await patch(mine.id, { title: 'Something else' }, ws.byRole.contributor.token);
      expect(renamed.statusCode).toBe(403);
      expect(renamed.json().detail).toContain('title');
      const moved = await patch(theirs.id, { status: 'in_progress' }, ws.byRole.contributor.token);
      expect(moved.statusCode).toBe(403);
      expect((await read(mine.id)).title).toBe('Export invoices as CSV');
      expect((await read(theirs.id)).status).toBe('backlog');
    });
  });

  describe('ordering the work of a running sprint', () => {
    it('lets the PM order epics and features, but leaves the running sprint’s stories to the PO', async () => {
      const { ws, create } = await team();
      const epic = await create({ type: 'epic', title: 'Invoicing' });
      const story = await create({ type: 'story', title: 'Export invoices as CSV' });
      const other = await create({ type: 'story', title: 'Filter invoices by month' });
      const sprint = (
        await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/sprints`, {
          token: ws.owner.token,
          body: { name: 'Sprint 1', startDate: '2027-01-04', endDate: '2027-01-15' },
        })
      ).json();
      await call(t.app, 'POST', `/api/v1/sprints/${sprint.id}/items`, { token: ws.owner.token, body: { itemId: story.id } });
      const move = (id: string, token: string) => call(t.app, 'POST', `/api/v1/items/${id}/move`, { token, body: { position: 'top' } });
      const pm = ws.byRole.product_manager.token;

      // Planned, not yet running: the PM may still order it.
      expect((await move(story.id, pm)).statusCode).toBe(200);
      await call(t.app, 'POST', `/api/v1/sprints/${sprint.id}/start`, { token: ws.owner.token });
      const refused = await move(story.id, pm);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('forbidden');
      expect((await move(epic.id, pm)).statusCode).toBe(200);
      expect((await move(other.id, pm)).statusCode).toBe(200);
      expect((await move(story.id, ws.byRole.product_owner.token)).statusCode).toBe(200);

      const scoreOrder = await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items/apply-score-order`, {
        token: pm,
        body: { framework: 'rice', itemIds: [story.id, other.id] },
      });
      expect(scoreOrder.statusCode).toBe(403);
    });
  });
});
