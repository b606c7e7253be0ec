import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { itemRow, newContext, openItemsPage, openQuickEdit } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

/** Counts the backlog list requests (`GET …/products/{id}/items?…`) a page makes from now on. */
function countListRequests(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === 'GET' && /\/api\/v1\/products\/[^/]+\/items\?/.test(request.url())) count += 1;
  });
  return () => count;
}

const itemCount = async (page: Page) => Number((await page.locator('.page-subtitle').textContent())?.match(/(\d+)\+? items?/)?.[1]);

describe('live updates', () => {
  it('an item created in one browser appears in another without a reload', async () => {
    const pmContext = await newContext(env.browser, env.tandem);
    const poContext = await newContext(env.browser, env.tandem);
    const [pm, po] = await Promise.all([openItemsPage(pmContext, 'pm@demo.test'), openItemsPage(poContext, 'po@demo.test')]);
    await po.locator('[data-realtime="live"]').waitFor();

    // A reload would wipe this marker, so its survival proves the row arrived live.
    await po.evaluate(() => Object.assign(window, { tandemMarker: 'still-here' }));

    await pm.getByRole('button', { name: 'New item' }).click();
    const dialog = pm.getByRole('dialog', { name: 'New item' });
    await dialog.getByLabel('Title').fill('Weekly digest email for stakeholders');
    await dialog.getByRole('button', { name: 'Create item' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const arrived = itemRow(po, 'Weekly digest email for stakeholders');
    await po.getByRole('list', { name: 'Items' }).evaluate((list) => list.parentElement?.scrollTo(0, list.scrollHeight));
    await arrived.waitFor();
    expect(await po.evaluate(() => (window as unknown as { tandemMarker?: string }).tandemMarker)).toBe('still-here');

    // An edit travels the same way.
    await openQuickEdit(pm, 'Weekly digest email for stakeholders');
    const edit = pm.getByRole('dialog', { name: /DEMO-\d+/ });
    await edit.getByLabel('Title').fill('Weekly digest email for stakeholders and execs');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await itemRow(po, 'Weekly digest email for stakeholders and execs').waitFor();
    expect(await po.evaluate(() => (window as unknown as { tandemMarker?: string }).tandemMarker)).toBe('still-here');

    await Promise.all([pmContext.close(), poContext.close()]);
  });

  it('an edit, a trash and a restore in one browser patch the other’s list without refetching it', async () => {
    const pmContext = await newContext(env.browser, env.tandem);
    const poContext = await newContext(env.browser, env.tandem);
    const [pm, po] = await Promise.all([openItemsPage(pmContext, 'pm@demo.test'), openItemsPage(poContext, 'po@demo.test')]);
    await po.locator('[data-realtime="live"]').waitFor();
    const listRequests = countListRequests(po);
    const itemRequests: string[] = [];
    po.on('request', (request) => {
      if (request.method() === 'GET' && /\/api\/v1\/items\/[^/?]+$/.test(request.url())) itemRequests.push(request.url());
    });

    await openQuickEdit(pm, 'Guided setup checklist');
    const edit = pm.getByRole('dialog', { name: 'DEMO-2' });
    await edit.getByLabel('Title').fill('Guided setup checklist, live');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await itemRow(po, 'Guided setup checklist, live').waitFor();
    expect(listRequests()).toBe(0);
    expect(itemRequests.length).toBeGreaterThan(0);

    // Trashed: the row and one from the count go; restored: it comes back where it was.
    const before = await itemCount(po);
    const listItem = po.getByRole('list', { name: 'Items' }).getByRole('listitem').filter({ has: po.getByRole('button', { name: 'Guided setup checklist, live' }) });
    const position = await listItem.getAttribute('aria-posinset');
    expect(Number(position)).toBeGreaterThan(0);
    await openQuickEdit(pm, 'Guided setup checklist, live');
    await pm.getByRole('dialog', { name: 'DEMO-2' }).getByRole('button', { name: 'Move to trash' }).click();
    await itemRow(po, 'Guided setup checklist, live').waitFor({ state: 'detached' });
    await expect.poll(() => itemCount(po)).toBe(before - 1);

    await pm.getByRole('button', { name: 'Undo' }).click();
    await itemRow(po, 'Guided setup checklist, live').waitFor();
    await expect.poll(() => itemCount(po)).toBe(before);
    expect(await listItem.getAttribute('aria-posinset')).toBe(position);
    expect(listRequests()).toBe(0);

    await Promise.all([pmContext.close(), poContext.close()]);
  });
});
