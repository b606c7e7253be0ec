import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { itemRow, newContext, openItemsPage } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

const TITLE = 'Export funnel results to a spreadsheet';
const SPRINT = 'Journey sprint';

const list = (page: Page) => page.getByRole('list', { name: 'Items' });
const visibleKeys = (page: Page) => list(page).locator('.item-key').allTextContents();
const visibleTitles = (page: Page) => list(page).locator('.item-title').allTextContents();
const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const navLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name }).first();
const readiness = (page: Page) => page.getByRole('region', { name: 'Readiness' });
const reasons = (page: Page) => readiness(page).getByRole('list', { name: 'What is missing' }).getByRole('listitem');
const backlogRow = (page: Page, title: string) => page.locator('[data-zone="backlog"] .plan-row', { hasText: title });
const sprintRow = (page: Page, title: string) => page.locator('[data-zone="sprint"] .plan-row', { hasText: title });
const card = (page: Page, title: string) => page.locator('.board-card:not(.board-card-overlay)', { hasText: title });
const cell = (page: Page, status: string, lane = 'all') => page.locator(`[data-cell="cell|${lane}|${status}"]`);
const columnOf = (page: Page, title: string) => card(page, title).evaluate((element) => element.closest('[data-cell]')?.getAttribute('data-cell') ?? null);

/** Waits for a condition, generously: the page may be slow to catch up on a loaded machine. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

/** A reload would wipe this marker, so finding it proves the PM's page took every change live. */
const markStillThere = (page: Page) => page.evaluate(() => (window as unknown as { tandemMarker?: string }).tandemMarker);

/**
 * A pointer drag as a person makes it: press, a small move to start dragging, then across to the target.
 * The button is let go only once the page shows the drop it is about to make (`dropping`), as a person
 * watches the row or column light up; on a busy machine the page may be a few frames behind the pointer.
 */
async function drag(page: Page, source: Locator, target: Locator, dropping: Locator, at: 'middle' | 'top' = 'middle'): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('both ends of a drag must be on screen');
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 2, start.y - 10, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, at === 'top' ? to.y + 4 : to.y + Math.min(to.height / 2, 40), { steps: 20 });
  await dropping.waitFor();
  await page.mouse.up();
}

describe('the product owner’s backlog journey', () => {
  // Six steps in two browsers: a longer budget than one page's test needs, for a busy machine.
  it('the PO writes a story until it is ready, scores it, ranks it first, plans it and starts it on the board; the PM watches every step live', async () => {
    // Tall enough that the whole demo backlog is on screen: the drag to the top needs no auto-scroll.
    const screen = { viewport: { width: 1440, height: 2400 } };
    const poContext = await newContext(env.browser, env.tandem, screen);
    const pmContext = await newContext(env.browser, env.tandem, screen);
    // Generous waits for navigation and elements: the machine may be busy.
    for (const context of [poContext, pmContext]) context.setDefaultTimeout(30_000);
    const [po, pm] = await Promise.all([openItemsPage(poContext, 'po@demo.test'), openItemsPage(pmContext, 'pm@demo.test')]);

    // One sprint runs at a time: the PO completes the demo's running sprint first, its unfinished work back in the backlog.
    await navLink(po, 'Sprints').click();
    await po.getByRole('heading', { level: 1, name: 'Sprints' }).waitFor();
    const running = po.getByRole('region', { name: /Running/ }).getByRole('listitem');
    expect(await running.first().getAttribute('aria-label')).toBe('Sprint 14');
    await po.getByRole('button', { name: 'Complete Sprint 14' }).click();
    const complete = po.getByRole('dialog', { name: 'Complete Sprint 14?' });
    await complete.getByRole('radio', { name: /The backlog/ }).check();
    await complete.getByRole('button', { name: 'Complete sprint' }).click();
    await po.getByText(/^Sprint 14 completed/).first().waitFor();
    await navLink(po, 'Pulse').click();
    await po.waitForURL(/\/items$/);
    await list(po).locator('.item-key').first().waitFor();

    // The PM watches the backlog in rank order; nothing below reloads the PM's page.
    await pm.locator('[data-realtime="live"]').waitFor();
    await pm.evaluate(() => Object.assign(window, { tandemMarker: 'still-here' }));

    // 1. The PO creates a story from the backlog page.
    await po.getByRole('button', { name: 'New item' }).click();
    const dialog = po.getByRole('dialog', { name: 'New item' });
    expect(await dialog.getByLabel('Type').inputValue()).toBe('story');
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByRole('button', { name: 'Create item' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await itemRow(po, TITLE).waitFor();
    const key = (await itemRow(po, TITLE).locator('.item-key').textContent())!;
    expect(key).toMatch(/^DEMO-\d+$/);
    // New items go to the bottom of the backlog.
    await eventually(async () => (await visibleKeys(po)).at(-1)).toBe(key);
    // PM: the row arrives, not ready yet.
    const pmRow = itemRow(pm, TITLE);
    await pmRow.waitFor();
    await eventually(async () => (await visibleKeys(pm)).at(-1)).toBe(key);
    expect(await pmRow.locator('.readiness-mark').getAttribute('data-ready')).toBe('false');
    expect(await markStillThere(pm)).toBe('still-here');

    // 2. On the item page: not ready, and why; then the story, its criteria and an estimate make it ready.
    await itemRow(po, TITLE).click();
    await po.waitForURL(new RegExp(`/items/${key}$`));
    await po.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await readiness(po).getByText('Not ready yet').waitFor();
    const missing = (await reasons(po).allTextContents()).join(' | ');
    expect(missing).toMatch(/acceptance criteria/i);
    expect(missing).toMatch(/Estimate/);

    await po.getByLabel('As a', { exact: true }).fill('growth analyst');
    await po.getByLabel('I want', { exact: true }).fill('to export a funnel’s results to a spreadsheet');
    await po.getByLabel('so that', { exact: true }).fill('I can share them with finance');
    await po.getByLabel('so that', { exact: true }).press('Tab');
    await eventually(async () => (await reasons(po).allTextContents()).some((text) => /who it is for|what they want|why they want it/.test(text))).toBe(false);

    const criteria = po.getByRole('list', { name: 'Acceptance criteria' }).getByRole('listitem');
    await po.getByRole('button', { name: 'Add criterion' }).click();
    await po.getByLabel('Given', { exact: true }).fill('a funnel with three steps');
    await po.getByLabel('When', { exact: true }).fill('the analyst exports it');
    await po.getByLabel('Then', { exact: true }).fill('a CSV file has one row per step with its conversion');
    await po.getByRole('button', { name: 'Add criterion' }).click();
    await eventually(() => criteria.count()).toBe(1);
    expect(await criteria.first().textContent()).toMatch(/Given.*a funnel with three steps.*When.*Then/s);

    await po.getByLabel('Estimate (points)').fill('3');
    await po.getByLabel('Estimate (points)').press('Enter');
    await readiness(po).getByText('Ready for a sprint').waitFor();
    expect(await reasons(po).count()).toBe(0);
    // PM: the row turns ready, with its estimate.
    await eventually(() => pmRow.locator('.readiness-mark').getAttribute('data-ready')).toBe('true');
    expect(await pmRow.locator('.item-estimate').textContent()).toBe('3 points');
    expect(await markStillThere(pm)).toBe('still-here');

    // 3. Scored with RICE: the preview and the stored score show the formula.
    // The PM sorts by RICE meanwhile: the story, not scored yet, is not first.
    await pm.getByLabel('Sort').selectOption('score:rice');
    await eventually(() => searchParam(pm, 'sort')).toBe('score:rice');
    await eventually(() => pmRow.locator('.item-score').getAttribute('title')).toBe('No RICE score');
    expect((await visibleTitles(pm))[0]).not.toBe(TITLE);

    const panel = po.getByRole('region', { name: 'Prioritisation' });
    await panel.getByText('Not scored yet.').waitFor();
    await panel.getByLabel('Framework').selectOption('rice');
    await panel.getByLabel('Reach').fill('600');
    await panel.getByLabel('Impact').selectOption('2');
    await panel.getByLabel('Confidence (%)').fill('50');
    await panel.getByLabel('Effort (person-months)').fill('1');
    const preview = panel.getByRole('status', { name: 'Preview' });
    await eventually(() => preview.locator('.score-formula').textContent()).toMatch(/600.*2.*0\.5.*1.*600/);
    await panel.getByRole('button', { name: 'Save RICE score' }).click();
    const scores = panel.getByRole('list', { name: 'Scores' });
    await scores.locator('.score-formula').waitFor();
    expect(await scores.locator('.score-entry-head').textContent()).toBe('RICE600');
    expect(await scores.locator('.score-formula').textContent()).toMatch(/600.*2.*0\.5.*1.*600/);
    // PM: the story rises to the top of the RICE order with its score.
    await eventually(async () => (await visibleTitles(pm))[0]).toBe(TITLE);
    expect(await pmRow.locator('.item-score').textContent()).toBe('RICE score 600');
    expect(await markStillThere(pm)).toBe('still-here');

    // 4. Back in the backlog, in rank order, the PO drags the story from the bottom to the top.
    await pm.getByLabel('Sort').selectOption('rank');
    await eventually(() => searchParam(pm, 'sort')).toBeNull();
    await eventually(async () => (await visibleKeys(pm)).at(-1)).toBe(key);
    await navLink(po, 'Pulse').click();
    await po.waitForURL(/\/items$/);
    await eventually(async () => (await visibleKeys(po)).at(-1)).toBe(key);
    const start = await visibleKeys(po);
    expect(start[0]).not.toBe(key);
    // dnd-kit tells screen readers where the row would land; the PO lets go over position 1.
    const overTheTop = po.getByRole('status').filter({ hasText: `${key} is over position 1.` });
    await drag(po, po.getByRole('button', { name: `Drag ${key} to reorder` }), list(po).locator('.item-li').first(), overTheTop, 'top');
    const reordered = [key, ...start.filter((candidate) => candidate !== key)];
    await eventually(async () => (await visibleKeys(po)).slice(0, 8)).toEqual(reordered.slice(0, 8));
    // PM: first in the list.
    await eventually(async () => (await visibleKeys(pm))[0]).toBe(key);
    expect((await visibleKeys(pm)).slice(0, 8)).toEqual(reordered.slice(0, 8));
    expect(await markStillThere(pm)).toBe('still-here');

    // 5. The PO creates a sprint and plans the story into it by dragging it across.
    await navLink(po, 'Sprints').click();
    await po.getByRole('button', { name: 'New sprint' }).click();
    const form = po.getByRole('dialog', { name: 'New sprint' });
    await form.getByLabel('Name').fill(SPRINT);
    await form.getByLabel('Goal').fill('Analysts share funnel results outside Pulse');
    await form.getByLabel('Pablo Owner (days)').fill('5');
    await form.getByLabel('Dana Developer (days)').fill('5');
    await form.getByText('10 person-days in total').waitFor();
    await form.getByRole('button', { name: 'Create sprint' }).click();
    await form.waitFor({ state: 'hidden' });
    await po.getByRole('listitem', { name: SPRINT }).getByRole('link', { name: `Plan ${SPRINT}` }).click();
    await po.getByRole('heading', { level: 1, name: `Plan ${SPRINT}` }).waitFor();
    // Ranked first, the story heads the unplanned items.
    await backlogRow(po, TITLE).waitFor();
    expect(await po.locator('[data-zone="backlog"] .plan-row').first().getAttribute('data-item-key')).toBe(key);

    // PM: opens the same plan, with the story still in the backlog.
    await navLink(pm, 'Sprints').click();
    await pm.getByRole('listitem', { name: SPRINT }).getByRole('link', { name: `Plan ${SPRINT}` }).click();
    await pm.getByRole('heading', { level: 1, name: `Plan ${SPRINT}` }).waitFor();
    await backlogRow(pm, TITLE).waitFor();
    expect(await sprintRow(pm, TITLE).count()).toBe(0);

    await drag(po, backlogRow(po, TITLE), po.locator('[data-zone="sprint"]'), po.locator('[data-zone="sprint"].is-over'));
    await sprintRow(po, TITLE).waitFor();
    await eventually(() => po.locator('[data-zone="sprint"] [data-testid="capacity-text"]').textContent()).toMatch(/^3 of [\d.]+ points committed/);
    expect(await backlogRow(po, TITLE).count()).toBe(0);
    // PM: the story moves into the sprint.
    await sprintRow(pm, TITLE).waitFor();
    await eventually(() => backlogRow(pm, TITLE).count()).toBe(0);
    await eventually(() => pm.locator('[data-zone="sprint"] [data-testid="capacity-text"]').textContent()).toMatch(/^3 of [\d.]+ points committed/);
    expect(await markStillThere(pm)).toBe('still-here');

    // 6. The PO starts the sprint and moves the card to "In progress" on the board.
    await po.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Sprints' }).click();
    await po.getByRole('button', { name: `Start ${SPRINT}` }).click();
    const startDialog = po.getByRole('dialog', { name: `Start ${SPRINT}?` });
    await startDialog.getByText(/1 item, 3 points committed/).waitFor();
    await startDialog.getByRole('button', { name: 'Start sprint' }).click();
    await startDialog.waitFor({ state: 'hidden' });
    await po.getByRole('region', { name: /Running/ }).getByRole('listitem', { name: SPRINT }).waitFor();

    // PM: the board shows the running sprint, the story not yet in progress.
    await navLink(pm, 'Board').click();
    await card(pm, TITLE).waitFor();
    await eventually(() => pm.getByLabel('Show').locator('option:checked').textContent()).toBe(`Running sprint (${SPRINT})`);
    const before = await columnOf(pm, TITLE);
    expect(before).not.toBe('cell|all|in_progress');

    await navLink(po, 'Board').click();
    await card(po, TITLE).waitFor();
    expect(await columnOf(po, TITLE)).toBe(before);
    await drag(po, card(po, TITLE), cell(po, 'in_progress'), cell(po, 'in_progress').and(po.locator('.is-over')));
    await cell(po, 'in_progress').locator('.board-card', { hasText: TITLE }).waitFor();
    // PM: the card is in "In progress", and gone from where it was.
    await cell(pm, 'in_progress').locator('.board-card', { hasText: TITLE }).waitFor();
    await eventually(() => pm.locator(`[data-cell="${before}"] .board-card`, { hasText: TITLE }).count()).toBe(0);
    expect(await markStillThere(pm)).toBe('still-here');

    await Promise.all([poContext.close(), pmContext.close()]);
  }, 180_000);
});
