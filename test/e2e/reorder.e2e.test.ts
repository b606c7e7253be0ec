import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, openItemsPage } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

/** The keys of the rows in the DOM, in list order (the list is virtual, so the top of it). */
const visibleKeys = (page: Page) => page.getByRole('list', { name: 'Items' }).locator('.item-key').allTextContents();
const focusedKey = (page: Page) => page.evaluate(() => document.activeElement?.querySelector('.item-key')?.textContent ?? '');
const scrollToTop = (page: Page) => page.getByRole('list', { name: 'Items' }).evaluate((list) => list.parentElement?.scrollTo(0, 0));
const scrollToEnd = (page: Page) => page.getByRole('list', { name: 'Items' }).evaluate((list) => list.parentElement?.scrollTo(0, list.scrollHeight));

/** Selects a row the way the keyboard does: Home, then j until it has focus. */
async function selectRow(page: Page, index: number): Promise<void> {
  await page.getByRole('list', { name: 'Items' }).locator('.item-row').first().focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i += 1) await page.keyboard.press('j');
}

function countMoveRequests(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/v1\/items\/[^/]+\/move$/.test(request.url())) count += 1;
  });
  return () => count;
}

describe('reordering the backlog with the keyboard', () => {
  it('a viewer’s Alt+↑ moves nothing', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'viewer@demo.test');
    const moves = countMoveRequests(page);
    const before = await visibleKeys(page);
    await selectRow(page, 3);
    await expect.poll(() => focusedKey(page)).toBe(before[3]);
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForTimeout(300);
    expect(await visibleKeys(page)).toEqual(before);
    expect(await focusedKey(page)).toBe(before[3]);
    expect(moves()).toBe(0);
    await context.close();
  });

  it('the product owner moves an item up twice and to the bottom; it persists and the PM sees it live', async () => {
    const pmContext = await newContext(env.browser, env.tandem);
    const poContext = await newContext(env.browser, env.tandem);
    const [pm, po] = await Promise.all([openItemsPage(pmContext, 'pm@demo.test'), openItemsPage(poContext, 'po@demo.test')]);
    await pm.locator('[data-realtime="live"]').waitFor();
    // A reload would wipe this marker, so its survival proves the order arrived live.
    await pm.evaluate(() => Object.assign(window, { tandemMarker: 'still-here' }));

    const start = await visibleKeys(po);
    const moved = start[4] as string;
    await selectRow(po, 4);
    await expect.poll(() => focusedKey(po)).toBe(moved);

    await po.keyboard.press('Alt+ArrowUp');
    await po.keyboard.press('Alt+ArrowUp');
    const raised = [...start.slice(0, 2), moved, ...start.slice(2, 4), ...start.slice(5)];
    await expect.poll(async () => (await visibleKeys(po)).slice(0, 8)).toEqual(raised.slice(0, 8));
    // The selection stays on the moved row, and a screen reader hears where it went.
    await expect.poll(() => focusedKey(po)).toBe(moved);
    await expect.poll(() => po.getByRole('status').filter({ hasText: 'moved to' }).textContent()).toBe(`${moved} moved to position 3`);
    await expect.poll(async () => (await visibleKeys(pm)).slice(0, 8)).toEqual(raised.slice(0, 8));

    await po.keyboard.press('Alt+Shift+ArrowDown');
    // Scrolled into view at the bottom, still selected.
    await expect.poll(async () => (await visibleKeys(po)).at(-1)).toBe(moved);
    await expect.poll(() => focusedKey(po)).toBe(moved);
    await scrollToTop(po);
    await expect.poll(async () => (await visibleKeys(po)).slice(0, 7)).toEqual(start.filter((key) => key !== moved).slice(0, 7));

    // The PM's list follows without a reload.
    await expect.poll(async () => (await visibleKeys(pm)).slice(0, 7)).toEqual(start.filter((key) => key !== moved).slice(0, 7));
    await scrollToEnd(pm);
    await expect.poll(async () => (await visibleKeys(pm)).at(-1)).toBe(moved);
    expect(await pm.evaluate(() => (window as unknown as { tandemMarker?: string }).tandemMarker)).toBe('still-here');

    // Persisted: a reload shows the same order.
    await po.reload();
    await po.getByRole('list', { name: 'Items' }).locator('.item-key').first().waitFor();
    await expect.poll(async () => (await visibleKeys(po)).slice(0, 7)).toEqual(start.filter((key) => key !== moved).slice(0, 7));
    await scrollToEnd(po);
    await expect.poll(async () => (await visibleKeys(po)).at(-1)).toBe(moved);

    await Promise.all([pmContext.close(), poContext.close()]);
  });
});
