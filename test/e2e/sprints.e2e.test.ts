import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { demoProduct, newContext, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

/** A pointer drag as a person makes it: press, a small move to start dragging, then across to the target. */
async function drag(page: Page, source: Locator, target: Locator): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('both ends of a drag must be on screen');
  const start = { x: from.x + from.width / 3, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 40), { steps: 16 });
  await page.mouse.up();
}

/** Completes whatever sprint is running, its unfinished work back to the backlog. */
async function completeRunningSprints(api: APIRequestContext, productId: string, csrf: string): Promise<void> {
  const sprints = (await (await api.get(`/api/v1/products/${productId}/sprints`)).json()) as { items: Array<{ id: string; state: string }> };
  for (const sprint of sprints.items.filter((candidate) => candidate.state === 'active')) {
    const done = await api.post(`/api/v1/sprints/${sprint.id}/complete`, { data: { carryTo: 'backlog' }, headers: { 'x-csrf-token': csrf } });
    expect(done.status()).toBe(200);
  }
}

const capacityText = (page: Page) => page.locator('[data-zone="sprint"] [data-testid="capacity-text"]');
const backlogRow = (page: Page, title: string) => page.locator('[data-zone="backlog"] .plan-row', { hasText: title });
const sprintRow = (page: Page, title: string) => page.locator('[data-zone="sprint"] .plan-row', { hasText: title });
const card = (page: Page, title: string) => page.locator('.board-card:not(.board-card-overlay)', { hasText: title });
const cell = (page: Page, status: string, lane = 'all') => page.locator(`[data-cell="cell|${lane}|${status}"]`);

describe('sprints, planning, the board and the burndown', () => {
  it('the PO plans a sprint by dragging ready stories into it, starts it, moves a card on the board while the PM watches, and reads the burndown', async () => {
    const poContext = await newContext(env.browser, env.tandem);
    const pmContext = await newContext(env.browser, env.tandem);
    const csrf = await signInByApi(poContext, 'po@demo.test');
    await signInByApi(pmContext, 'pm@demo.test');
    const { workspaceId, productId } = await demoProduct(poContext);
    const base = `/w/${workspaceId}/p/${productId}`;
    // One sprint runs at a time: whatever the demo has running ends first, its work back in the backlog.
    await completeRunningSprints(poContext.request, productId, csrf);

    // The PO plans a sprint, with the days each person can give it.
    const po = await poContext.newPage();
    await po.goto(`${base}/items`);
    await po.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Sprints' }).click();
    await po.getByRole('button', { name: 'New sprint' }).click();
    const form = po.getByRole('dialog', { name: 'New sprint' });
    expect(await form.getByLabel('Name').inputValue()).toMatch(/^Sprint \d+$/);
    await form.getByLabel('Name').fill('Launch sprint');
    await form.getByLabel('Goal').fill('Analysts see value on day one');
    await form.getByLabel('Pablo Owner (days)').fill('5');
    await form.getByLabel('Dana Developer (days)').fill('5');
    await form.getByText('10 person-days in total').waitFor();
    await form.getByRole('button', { name: 'Create sprint' }).click();
    await form.waitFor({ state: 'hidden' });
    const sprintCard = po.getByRole('listitem', { name: 'Launch sprint' });
    await sprintCard.getByText(/^0 of [\d.]+ points committed$/).waitFor();

    // Planning: the backlog on the left, filtered to stories; the sprint on the right.
    await sprintCard.getByRole('link', { name: 'Plan Launch sprint' }).click();
    await po.getByRole('heading', { level: 1, name: 'Plan Launch sprint' }).waitFor();
    await po.getByLabel('Filter the backlog').fill('type:story');
    await backlogRow(po, 'Compare conversion between two segments side by side').waitFor();
    await expect.poll(() => po.locator('[data-zone="backlog"] .plan-row', { hasText: 'Guided setup checklist' }).count()).toBe(0);

    await drag(po, backlogRow(po, 'Sample dashboards on day one'), po.locator('[data-zone="sprint"]'));
    await sprintRow(po, 'Sample dashboards on day one').waitFor();
    await expect.poll(() => capacityText(po).textContent()).toMatch(/^3 of [\d.]+ points committed/);
    await drag(po, backlogRow(po, 'Compare conversion between two segments side by side'), po.locator('[data-zone="sprint"]'));
    await sprintRow(po, 'Compare conversion between two segments side by side').waitFor();
    await expect.poll(() => capacityText(po).textContent()).toMatch(/^8 of [\d.]+ points committed/);
    expect(await backlogRow(po, 'Sample dashboards on day one').count()).toBe(0);

    // Committed on the server too, not just on screen.
    const sprints = (await (await poContext.request.get(`/api/v1/products/${productId}/sprints`)).json()) as { items: Array<{ id: string; name: string; committedPoints: number; itemCount: number }> };
    const planned = sprints.items.find((sprint) => sprint.name === 'Launch sprint')!;
    expect(planned).toMatchObject({ committedPoints: 8, itemCount: 2 });
    const sprintId = planned.id;

    // Started from the sprints page.
    await po.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Sprints' }).click();
    await po.getByRole('button', { name: 'Start Launch sprint' }).click();
    const start = po.getByRole('dialog', { name: 'Start Launch sprint?' });
    await start.getByText(/8 points committed against a capacity of [\d.]+ points/).waitFor();
    await start.getByRole('button', { name: 'Start sprint' }).click();
    await start.waitFor({ state: 'hidden' });
    await po.getByRole('region', { name: /Running/ }).getByRole('listitem', { name: 'Launch sprint' }).waitFor();

    // After the start, the PM may look at the plan but not change its scope.
    const pm = await pmContext.newPage();
    await pm.goto(`${base}/sprints/${sprintId}/plan`);
    await pm.getByText('Launch sprint has started: only the product owner or an owner can change its scope now.').waitFor();
    await sprintRow(pm, 'Sample dashboards on day one').waitFor();
    expect(await pm.getByRole('button', { name: /^Commit .* to Launch sprint$/ }).count()).toBe(0);
    expect(await pm.getByRole('button', { name: /^Take .* out of Launch sprint$/ }).count()).toBe(0);

    // The PM watches the board; it shows the running sprint by default.
    await pm.goto(`${base}/board`);
    await card(pm, 'Sample dashboards on day one').waitFor();
    await pm.locator('[data-realtime="live"]').waitFor();
    await pm.evaluate(() => Object.assign(window, { tandemMarker: 'still-here' }));
    expect(await cell(pm, 'ready').locator('.board-card').count()).toBe(2);

    // The PO drags a card from Ready to In progress.
    await po.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Board' }).click();
    await card(po, 'Sample dashboards on day one').waitFor();
    expect(await po.getByLabel('Show').inputValue()).toBe('current');
    await drag(po, card(po, 'Sample dashboards on day one'), cell(po, 'in_progress'));
    await cell(po, 'in_progress').locator('.board-card', { hasText: 'Sample dashboards on day one' }).waitFor();
    const moved = (await (await poContext.request.get(`/api/v1/sprints/${sprintId}/items`)).json()) as { items: Array<{ title: string; status: string }> };
    expect(moved.items.find((item) => item.title === 'Sample dashboards on day one')?.status).toBe('in_progress');

    // The PM's board follows without a reload.
    await cell(pm, 'in_progress').locator('.board-card', { hasText: 'Sample dashboards on day one' }).waitFor();
    expect(await cell(pm, 'ready').locator('.board-card').count()).toBe(1);
    expect(await pm.evaluate(() => (window as unknown as { tandemMarker?: string }).tandemMarker)).toBe('still-here');

    // The sprint page: the commitment, the burndown chart and its numbers for screen readers.
    await po.goto(`${base}/sprints/${sprintId}`);
    await po.getByRole('heading', { level: 1, name: 'Launch sprint' }).waitFor();
    expect(await po.getByTestId('committed-at-start').textContent()).toBe('8 points');
    const chart = po.getByRole('figure', { name: 'Burndown: points remaining per day against the ideal line' });
    await chart.locator('.chart-canvas svg').waitFor();
    expect(await chart.locator('figcaption').textContent()).toMatch(/8 points committed at the start/);
    await po.getByText('Nothing was added or taken out after the start').waitFor();
    const items = po.getByRole('list', { name: 'Items' });
    expect(await items.getByRole('listitem').count()).toBe(2);

    // Completed, with the unfinished work sent back to the backlog: the sprint's velocity is charted.
    await po.getByRole('button', { name: 'Complete sprint' }).click();
    const complete = po.getByRole('dialog', { name: 'Complete Launch sprint?' });
    await complete.getByRole('radio', { name: /The backlog/ }).check();
    await complete.getByRole('button', { name: 'Complete sprint' }).click();
    await po.getByText('Launch sprint completed; 2 unfinished items moved to the backlog').waitFor();
    await po.goto(`${base}/sprints`);
    const velocity = po.getByRole('figure', { name: /^Velocity/ });
    await velocity.locator('.chart-canvas svg').waitFor();
    expect(await velocity.locator('figcaption').textContent()).toMatch(/Launch sprint\s*8 points\s*0 points/);

    await Promise.all([poContext.close(), pmContext.close()]);
  });

  it('a WIP-limited column refuses a drop with the server’s message; the PO may move anyway; cards also move by keyboard', async () => {
    // Wide enough that every column is on screen, so dragging never scrolls the board under the pointer.
    const wide = { viewport: { width: 1920, height: 900 } };
    const poContext = await newContext(env.browser, env.tandem, wide);
    const pmContext = await newContext(env.browser, env.tandem, wide);
    const csrf = await signInByApi(poContext, 'po@demo.test');
    await signInByApi(pmContext, 'pm@demo.test');
    const { workspaceId, productId } = await demoProduct(poContext);

    // "In review" takes one item at a time, and already holds one.
    const products = (await (await poContext.request.get(`/api/v1/workspaces/${workspaceId}/products`)).json()) as {
      items: Array<{ id: string; version: number; workflow: Array<{ key: string; name: string; category: string; wipLimit: number | null }> }>;
    };
    const product = products.items.find((candidate) => candidate.id === productId)!;
    const statuses = product.workflow.map((status) => ({ ...status, wipLimit: status.key === 'in_review' ? 1 : status.wipLimit }));
    const saved = await poContext.request.put(`/api/v1/products/${productId}/workflow`, { data: { statuses }, headers: { 'x-csrf-token': csrf, 'if-match': `"${product.version}"` } });
    expect(saved.status()).toBe(200);

    // The whole backlog as a board, narrowed to work in flight.
    const board = `/w/${workspaceId}/p/${productId}/board?sprint=backlog&q=${encodeURIComponent('category:in_progress type:bug,task')}`;
    const pm = await pmContext.newPage();
    await pm.goto(board);
    const funnelBug = 'Funnel totals differ from event counts when a step repeats';
    await card(pm, funnelBug).waitFor();
    const reviewHead = pm.locator('.board-col-head[data-status="in_review"]');
    await expect.poll(() => reviewHead.locator('.board-wip').textContent()).toBe('WIP 1/1 full');

    await drag(pm, card(pm, funnelBug), cell(pm, 'in_review'));
    const refusal = pm.getByRole('alert').filter({ hasText: 'In review is at its WIP limit' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/already holds 1 item and its WIP limit is 1/);
    expect(await refusal.getByRole('button', { name: 'Move anyway' }).count()).toBe(0);
    // Taken back: the card is where it was.
    await cell(pm, 'in_progress').locator('.board-card', { hasText: funnelBug }).waitFor();
    const refused = (await (await pmContext.request.get(`/api/v1/products/${productId}/items?q=${encodeURIComponent(`"${funnelBug}"`)}`)).json()) as { items: Array<{ status: string }> };
    expect(refused.items.map((item) => item.status)).toEqual(['in_progress']);

    // The PO is offered "Move anyway", and the column is then flagged over its limit.
    const po = await poContext.newPage();
    await po.goto(board);
    await card(po, funnelBug).waitFor();
    await drag(po, card(po, funnelBug), cell(po, 'in_review'));
    const poRefusal = po.getByRole('alert').filter({ hasText: 'In review is at its WIP limit' });
    await poRefusal.getByRole('button', { name: 'Move anyway' }).click();
    await poRefusal.waitFor({ state: 'detached' });
    await cell(po, 'in_review').locator('.board-card', { hasText: funnelBug }).waitFor();
    await expect.poll(() => po.locator('.board-col-head[data-status="in_review"] .board-wip').textContent()).toBe('WIP 2/1 over limit');
    // The PM's board catches up live.
    await cell(pm, 'in_review').locator('.board-card', { hasText: funnelBug }).waitFor();

    // By keyboard: Shift+← takes the focused card back a column.
    await card(po, funnelBug).focus();
    await po.keyboard.press('Shift+ArrowLeft');
    await cell(po, 'in_progress').locator('.board-card', { hasText: funnelBug }).waitFor();
    await expect.poll(() => po.evaluate(() => document.activeElement?.textContent ?? '')).toContain(funnelBug);

    // The palette reaches the sprints and the board.
    await pm.keyboard.press('Control+k');
    await pm.keyboard.type('sprints');
    await pm.keyboard.press('Enter');
    await pm.waitForURL(/\/sprints$/);
    await pm.getByRole('heading', { level: 1, name: 'Sprints' }).waitFor();
    await pm.keyboard.press('Control+k');
    await pm.keyboard.type('board');
    await pm.keyboard.press('Enter');
    await pm.waitForURL(/\/board$/);

    await Promise.all([poContext.close(), pmContext.close()]);
  });
});
