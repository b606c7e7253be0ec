import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { horizontalOverflow, itemRow, itemRows, newContext, openItemsPage, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

const trashList = (page: Page) => page.getByRole('list', { name: 'Trashed items' });
const trashRow = (page: Page, title: string) => trashList(page).getByRole('listitem').filter({ hasText: title });

const DAY_MS = 24 * 60 * 60_000;

/** Trashes (or restores) an item by its key over the API, as someone in another browser would (the owner unless told). */
async function asSomeoneElse(action: 'trash' | 'restore', key: string, email = 'owner@demo.test'): Promise<void> {
  const context = await env.browser.newContext({ baseURL: env.tandem.url });
  const csrf = await signInByApi(context, email);
  const headers = { 'x-csrf-token': csrf };
  const response =
    action === 'trash' ? await context.request.delete(`/api/v1/items/${key}`, { headers }) : await context.request.post(`/api/v1/items/${key}/restore`, { headers });
  expect(response.status(), `${action} ${key}`).toBe(200);
  await context.close();
}

async function openTrashFromItems(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Trash' }).click();
  await page.waitForURL(/\/trash$/);
  await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();
}

describe('trash', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await newContext(env.browser, env.tandem);
  });

  afterAll(async () => {
    await context.close();
  });

  it('starts empty and says how long deleted items stay', async () => {
    const page = await openItemsPage(context, 'po@demo.test');
    await openTrashFromItems(page);
    await page.getByRole('heading', { name: 'Nothing in the trash' }).waitFor();
    expect(await page.locator('.state').textContent()).toContain('Deleted items stay here for 30 days');
    await page.close();
  });

  it('an item trashed on the items page shows in the trash with its purge countdown, and restoring brings it back', async () => {
    const page = await openItemsPage(context, 'po@demo.test');
    // Trashed from its own page, which then goes back to the list.
    await itemRow(page, 'Guided setup checklist').click();
    await page.waitForURL(/\/items\/DEMO-2$/);
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.waitForURL(/\/items$/);
    await itemRows(page).first().waitFor();
    await itemRow(page, 'Guided setup checklist').waitFor({ state: 'detached' });

    await openTrashFromItems(page);
    const row = trashRow(page, 'Guided setup checklist');
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('DEMO-2');
    expect(text).toContain('Feature');
    expect(text).toContain('Trashed by Pablo Owner just now');
    expect(text).toContain('Purged in 30 days');

    // Keyboard: Tab reaches the row's Restore button, Enter restores.
    const restore = row.getByRole('button', { name: 'Restore DEMO-2' });
    await restore.focus();
    await page.keyboard.press('Enter');
    await row.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Nothing in the trash' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'DEMO-2 restored' }).waitFor();
    // The row went away under the keyboard; focus lands on the heading, not the page body.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Trash');

    await page.getByRole('link', { name: 'Back to items' }).click();
    await page.waitForURL(/\/items$/);
    await itemRow(page, 'Guided setup checklist').waitFor();
    await page.close();
  });

  it('an item trashed or restored elsewhere arrives in an open trash without a reload', async () => {
    const page = await openItemsPage(context, 'pm@demo.test');
    await page.locator('[data-realtime="live"]').waitFor();
    await openTrashFromItems(page);
    await page.getByRole('heading', { name: 'Nothing in the trash' }).waitFor();
    await page.evaluate(() => Object.assign(window, { tandemMarker: 'still-here' }));

    await asSomeoneElse('trash', 'DEMO-6');
    await trashRow(page, 'Checklist progress resets after switching workspaces').waitFor();
    await asSomeoneElse('trash', 'DEMO-5');
    await trashRow(page, 'Add Snowflake key-pair auth to the connector').waitFor();
    // Most recently trashed first.
    expect(await trashList(page).getByRole('listitem').first().textContent()).toContain('DEMO-5');
    expect(await trashRow(page, 'Add Snowflake key-pair auth to the connector').textContent()).toContain('Trashed by Olivia Owner just now');

    await asSomeoneElse('restore', 'DEMO-6');
    await trashRow(page, 'Checklist progress resets after switching workspaces').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { tandemMarker?: string }).tandemMarker)).toBe('still-here');
    await page.close();
  });

  it('a viewer opens the trash from the command palette and sees it without Restore buttons', async () => {
    const viewer = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(viewer, 'viewer@demo.test');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type('trash');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/trash$/);
    // DEMO-5 is still in the trash from the test before.
    await trashRow(page, 'Add Snowflake key-pair auth to the connector').waitFor();
    expect(await page.getByRole('button', { name: /Restore/ }).count()).toBe(0);
    expect(await page.getByText('Your role can see the trash but not restore from it.').count()).toBe(1);
    await viewer.close();
  });

  it('fits a 375 px wide phone without sideways scrolling', async () => {
    const phone = await newContext(env.browser, env.tandem, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await openItemsPage(phone, 'pm@demo.test');
    await openTrashFromItems(page);
    const row = trashRow(page, 'Add Snowflake key-pair auth to the connector');
    await row.waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    const restore = row.getByRole('button', { name: 'Restore DEMO-5' });
    expect(await restore.isVisible()).toBe(true);
    await restore.click();
    await page.getByRole('heading', { name: 'Nothing in the trash' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await phone.close();
  });

  it('an item past its 30 days stays restorable until the purge, which an open trash drops without a reload; who trashed it reads "someone" once they leave', async () => {
    const page = await openItemsPage(context, 'pm@demo.test');
    await page.locator('[data-realtime="live"]').waitFor();
    await openTrashFromItems(page);
    await page.getByRole('heading', { name: 'Nothing in the trash' }).waitFor();
    await page.evaluate(() => Object.assign(window, { tandemMarker: 'still-here' }));

    // Trashed 31 days ago by Pablo, so the purge is due; and one trashed just now, which the purge must leave.
    await env.tandem.atClockOffset(-31 * DAY_MS, () => asSomeoneElse('trash', 'DEMO-8', 'po@demo.test'));
    await asSomeoneElse('trash', 'DEMO-9');
    const due = trashRow(page, 'Invite teammates from the setup flow');
    const recent = trashRow(page, 'Funnels 2.0');
    await Promise.all([due.waitFor(), recent.waitFor()]);
    expect(await due.textContent()).toContain('Trashed by Pablo Owner');
    expect(await due.textContent()).toContain('Purge due');
    await due.getByRole('button', { name: 'Restore DEMO-8' }).waitFor();

    // Pablo leaves the workspace: the row can no longer name him.
    const owner = await env.browser.newContext({ baseURL: env.tandem.url });
    const headers = { 'x-csrf-token': await signInByApi(owner, 'owner@demo.test') };
    const workspaceId = /\/w\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    const members = (await (await owner.request.get(`/api/v1/workspaces/${workspaceId}/members`)).json()) as { items: Array<{ userId: string; name: string }> };
    const pablo = members.items.find((member) => member.name === 'Pablo Owner');
    expect((await owner.request.delete(`/api/v1/workspaces/${workspaceId}/members/${pablo?.userId ?? ''}`, { headers })).status()).toBe(204);
    await owner.close();
    await due.filter({ hasText: 'Trashed by someone' }).waitFor();

    expect(await env.tandem.server.runtime.services.items.purgeTrash()).toBe(1);
    await due.waitFor({ state: 'detached' });
    expect(await recent.textContent()).toContain('Trashed by Olivia Owner just now');
    expect(await page.evaluate(() => (window as unknown as { tandemMarker?: string }).tandemMarker)).toBe('still-here');
    await page.close();
  });
});
