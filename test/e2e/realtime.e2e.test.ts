import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { itemRow, launchBrowser, newContext, openItemsPage } from './support/browser';
import { startTandem, type Tandem } from './support/server';

let tandem: Tandem;
let browser: Browser;

beforeAll(async () => {
  [tandem, browser] = await Promise.all([startTandem(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await tandem?.close();
});

describe('live updates', () => {
  it('an item created in one browser appears in another without a reload', async () => {
    const pmContext = await newContext(browser, tandem);
    const poContext = await newContext(browser, tandem);
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
    await itemRow(pm, 'Weekly digest email for stakeholders').click();
    const edit = pm.getByRole('dialog', { name: /DEMO-\d+/ });
    await edit.getByLabel('Title').fill('Weekly digest email for stakeholders and execs');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await itemRow(po, 'Weekly digest email for stakeholders and execs').waitFor();
    expect(await po.evaluate(() => (window as unknown as { tandemMarker?: string }).tandemMarker)).toBe('still-here');

    await Promise.all([pmContext.close(), poContext.close()]);
  });
});
