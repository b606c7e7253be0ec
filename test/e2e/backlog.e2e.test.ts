import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoProduct, itemRow, newContext, openItemsPage } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

const list = (page: Page) => page.getByRole('list', { name: 'Items' });
const visibleKeys = (page: Page) => list(page).locator('.item-key').allTextContents();
const visibleTitles = (page: Page) => list(page).locator('.item-title').allTextContents();
const filterBox = (page: Page) => page.getByLabel('Filter items');
const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

describe('the backlog: filter, views, scores, drag and bulk edits', () => {
  it('the PO filters, sees a mistake marked, saves a view, scores a story, drags a story to the top, labels two items and plans them into the next sprint; the PM sees the order live and may not touch the running sprint', async () => {
    const poContext = await newContext(env.browser, env.tandem);
    const pmContext = await newContext(env.browser, env.tandem);
    const [po, pm] = await Promise.all([openItemsPage(poContext, 'po@demo.test'), openItemsPage(pmContext, 'pm@demo.test')]);
    await pm.locator('[data-realtime="live"]').waitFor();
    await pm.evaluate(() => Object.assign(window, { tandemMarker: 'still-here' }));

    // `/` focuses the filter; typing filters through the address.
    await list(po).locator('.item-row').first().focus();
    await po.keyboard.press('/');
    await expect.poll(() => po.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Filter items');
    await po.keyboard.type('type:story label:funnels');
    await expect.poll(() => searchParam(po, 'q')).toBe('type:story label:funnels');
    await expect.poll(() => visibleTitles(po)).toEqual(['Compare conversion between two segments side by side', 'Time to convert between funnel steps']);

    // A mistake is marked where the server says it is, with its message.
    await filterBox(po).fill('type:story labell:funnels');
    const problem = po.getByRole('alert').filter({ has: po.locator('.filter-mark') });
    await problem.waitFor();
    expect(await filterBox(po).getAttribute('aria-invalid')).toBe('true');
    expect(await problem.textContent()).toContain('labell');
    await expect.poll(() => filterBox(po).evaluate((input: HTMLInputElement) => input.selectionStart)).toBe(11);
    expect(await po.locator('.filter-mark').textContent()).toBe('l');

    // Fixed, and saved as a shared view; clearing the filter and picking the view brings it back.
    await filterBox(po).fill('type:story label:funnels');
    await expect.poll(() => visibleTitles(po)).toHaveLength(2);
    await po.getByRole('button', { name: 'Save view' }).click();
    const saveDialog = po.getByRole('dialog', { name: 'Save view' });
    await saveDialog.getByLabel('Name').fill('Funnel stories');
    await saveDialog.getByLabel('Share with everyone in the product').check();
    await saveDialog.getByRole('button', { name: 'Save view' }).click();
    await saveDialog.waitFor({ state: 'hidden' });
    await po.getByRole('button', { name: 'Views: Funnel stories' }).waitFor();
    await po.getByRole('button', { name: 'Clear the filter' }).click();
    await expect.poll(() => searchParam(po, 'q')).toBeNull();
    await po.getByRole('button', { name: 'Views', exact: true }).click();
    await po.getByRole('dialog', { name: 'Saved views' }).getByRole('button', { name: /^Funnel stories/ }).click();
    await expect.poll(() => searchParam(po, 'q')).toBe('type:story label:funnels');
    await expect.poll(() => visibleTitles(po)).toHaveLength(2);

    // Scoring a story with RICE: a live preview with its formula, then saved and listed.
    await itemRow(po, 'Compare conversion between two segments side by side').click();
    await po.waitForURL(/\/items\/DEMO-\d+$/);
    const panel = po.getByRole('region', { name: 'Prioritisation' });
    await panel.getByText('Not scored yet.').waitFor();
    await panel.getByLabel('Framework').selectOption('rice');
    await panel.getByLabel('Reach').fill('500');
    await panel.getByLabel('Impact').selectOption('2');
    await panel.getByLabel('Confidence (%)').fill('80');
    await panel.getByLabel('Effort (person-months)').fill('2');
    const preview = panel.getByRole('status', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toContain('400');
    await panel.getByRole('button', { name: 'Save RICE score' }).click();
    const scores = panel.getByRole('list', { name: 'Scores' });
    await scores.locator('.score-formula').waitFor();
    expect(await scores.locator('.score-entry-head').textContent()).toBe('RICE400');
    expect(await scores.locator('.score-formula').textContent()).toMatch(/500.*2.*0\.8.*2.*400/);

    // Sorting by RICE score puts it first and shows the score column.
    await po.goBack();
    await po.waitForURL(/\/items\?/);
    await po.getByLabel('Sort').selectOption('score:rice');
    await expect.poll(() => searchParam(po, 'sort')).toBe('score:rice');
    await expect.poll(async () => (await visibleTitles(po))[0]).toBe('Compare conversion between two segments side by side');
    expect(await list(po).locator('.item-score').first().textContent()).toContain('400');

    // Back to the whole backlog in rank order: drag the sixth row to the top with the mouse.
    await po.getByRole('button', { name: 'Clear the filter' }).click();
    await po.getByLabel('Sort').selectOption('rank');
    await expect.poll(() => searchParam(po, 'sort')).toBeNull();
    await expect.poll(() => searchParam(po, 'q')).toBeNull();
    await expect.poll(async () => (await visibleKeys(po))[0]).toBe('DEMO-1');
    const start = await visibleKeys(po);
    const moved = start[5]!;
    const handle = po.getByRole('button', { name: `Drag ${moved} to reorder` });
    const from = (await handle.boundingBox())!;
    const top = (await list(po).locator('.item-li').first().boundingBox())!;
    await po.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await po.mouse.down();
    await po.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 4 });
    await po.mouse.move(from.x + from.width / 2, top.y + 4, { steps: 12 });
    await po.mouse.up();
    const reordered = [moved, ...start.filter((key) => key !== moved)];
    await expect.poll(async () => (await visibleKeys(po)).slice(0, 8)).toEqual(reordered.slice(0, 8));
    // The PM's list follows, live.
    await expect.poll(async () => (await visibleKeys(pm)).slice(0, 8)).toEqual(reordered.slice(0, 8));
    expect(await pm.evaluate(() => (window as unknown as { tandemMarker?: string }).tandemMarker)).toBe('still-here');
    // Persisted.
    await po.reload();
    await list(po).locator('.item-key').first().waitFor();
    await expect.poll(async () => (await visibleKeys(po)).slice(0, 8)).toEqual(reordered.slice(0, 8));

    // Bulk: select two rows (x on the focused row, then Ctrl-click), add a label to both.
    const [first, second] = [reordered[1]!, reordered[2]!];
    await list(po).locator('.item-row').nth(1).focus();
    await po.keyboard.press('x');
    await list(po).locator('.item-row').nth(2).click({ modifiers: ['Control'] });
    const bulk = po.getByRole('region', { name: 'Bulk actions' });
    await bulk.getByText('2 selected').waitFor();
    await bulk.getByLabel('Bulk action').selectOption('labels');
    await bulk.getByLabel('Labels to add').fill('q3-launch');
    await bulk.getByRole('button', { name: 'Apply to 2' }).click();
    await bulk.getByText('2 of 2 done').waitFor();
    for (const key of [first, second]) {
      const item = (await (await poContext.request.get(`/api/v1/items/${key}`)).json()) as { labels: string[] };
      expect(item.labels).toContain('q3-launch');
    }
    await expect.poll(() => list(po).locator('.label-chip', { hasText: 'q3-launch' }).count()).toBeGreaterThanOrEqual(1);
    // The filter finds them.
    await filterBox(po).fill('label:q3-launch');
    await expect.poll(async () => (await visibleKeys(po)).sort()).toEqual([first, second].sort());

    // Bulk: the same two planned into the next sprint (the running one would be a scope change); both are in it on the server.
    const { productId } = await demoProduct(poContext);
    const sprints = (await (await poContext.request.get(`/api/v1/products/${productId}/sprints`)).json()) as { items: Array<{ id: string; name: string; state: string }> };
    const nextSprint = sprints.items.find((sprint) => sprint.state === 'planned')!;
    await bulk.getByText('2 selected').waitFor();
    await bulk.getByLabel('Bulk action').selectOption('sprint');
    await bulk.getByLabel('Sprint', { exact: true }).selectOption(nextSprint.id);
    await bulk.getByRole('button', { name: 'Apply to 2' }).click();
    await po.getByText(`2 items in ${nextSprint.name}`).waitFor();
    const sprintOf = async (key: string) => ((await (await poContext.request.get(`/api/v1/items/${key}`)).json()) as { sprintId: string | null }).sprintId;
    expect([await sprintOf(first), await sprintOf(second)]).toEqual([nextSprint.id, nextSprint.id]);

    // The PM plans too, but a running sprint's scope is the PO's: it is offered greyed out, with the reason.
    const running = sprints.items.find((sprint) => sprint.state === 'active')!;
    await list(pm).locator('.item-row').first().focus();
    await pm.keyboard.press('x');
    const pmBulk = pm.getByRole('region', { name: 'Bulk actions' });
    await pmBulk.getByLabel('Bulk action').selectOption('sprint');
    await pmBulk.getByText(`${running.name} has started: only the product owner or an owner can change its scope now.`).waitFor();
    expect(await pmBulk.locator(`option[value="${running.id}"]`).isDisabled()).toBe(true);
    expect(await pmBulk.getByLabel('Sprint', { exact: true }).inputValue()).toBe(nextSprint.id);

    await Promise.all([poContext.close(), pmContext.close()]);
  });

  it('a viewer sees no drag handles, no selection and no scoring form, and may not share views', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'viewer@demo.test');
    expect(await list(page).locator('.drag-handle').count()).toBe(0);
    expect(await list(page).getByRole('checkbox').count()).toBe(0);
    await page.getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('Name').waitFor();
    expect(await dialog.getByLabel('Share with everyone in the product').count()).toBe(0);
    await page.keyboard.press('Escape');
    await itemRow(page, 'Compare conversion between two segments side by side').click();
    const panel = page.getByRole('region', { name: 'Prioritisation' });
    await panel.waitFor();
    expect(await panel.getByLabel('Framework').count()).toBe(0);
    await context.close();
  });
});
