import { describe, expect, it } from 'vitest';
import { horizontalOverflow, itemRow, itemRows, newContext, openItemsPage, openQuickEdit, signInByApi, signInThroughPage } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

describe('items page', () => {
  it('signing in as the product manager shows the demo items in rank order', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await context.newPage();
    await page.goto('/');
    // Signed out, the app sends you to sign in first.
    await page.waitForURL(/\/signin/);

    await signInThroughPage(page, 'pm@demo.test');
    await page.waitForURL(/\/w\/[^/]+\/p\/[^/]+\/items$/);
    await expect.poll(() => itemRows(page).count()).toBeGreaterThan(20);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pulse');
    const first = itemRows(page).first();
    expect(await first.textContent()).toContain('DEMO-1');
    expect(await first.textContent()).toContain('Self-serve onboarding');
    await context.close();
  });

  it('a wrong password shows the server’s message and stays on sign-in', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await context.newPage();
    await signInThroughPage(page, 'pm@demo.test', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.length).toBeGreaterThan(5);
    expect(page.url()).toContain('/signin');
    await context.close();
  });

  it('creates, edits, trashes and restores an item with the keyboard and dialogs', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'po@demo.test');

    await page.keyboard.press('c');
    const create = page.getByRole('dialog', { name: 'New item' });
    await create.waitFor();
    await create.getByLabel('Type').selectOption('bug');
    await create.getByLabel('Title').fill('Export drops the last row');
    await create.getByRole('button', { name: 'Create item' }).click();
    await create.waitFor({ state: 'hidden' });
    await itemRow(page, 'Export drops the last row').waitFor();

    // The new item is selected at the bottom; j/k and Home move the selection, e opens the quick edit.
    const focusedKey = () => page.evaluate(() => document.activeElement?.querySelector('.item-key')?.textContent ?? '');
    await expect.poll(focusedKey).toMatch(/^DEMO-\d+$/);
    const createdKey = await focusedKey();
    await page.keyboard.press('k');
    await expect.poll(focusedKey).toBe(`DEMO-${Number(createdKey.split('-')[1]) - 1}`);
    await page.keyboard.press('Home');
    await expect.poll(focusedKey).toBe('DEMO-1');
    await page.keyboard.press('j');
    await expect.poll(focusedKey).toBe('DEMO-2');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedKey).toBe('DEMO-1');
    await page.keyboard.press('e');
    const edit = page.getByRole('dialog', { name: 'DEMO-1' });
    await edit.waitFor();
    await edit.getByLabel('Title').fill('Self-serve onboarding for every plan');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await itemRow(page, 'Self-serve onboarding for every plan').waitFor();

    // Escape closes a dialog without saving.
    await page.keyboard.press('End');
    await expect.poll(focusedKey).toBe(createdKey);
    await page.keyboard.press('e');
    const trashDialog = page.getByRole('dialog', { name: createdKey });
    await trashDialog.waitFor();
    await page.keyboard.press('Escape');
    await trashDialog.waitFor({ state: 'hidden' });

    await openQuickEdit(page, 'Export drops the last row');
    await trashDialog.getByRole('button', { name: 'Move to trash' }).click();
    await itemRow(page, 'Export drops the last row').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await itemRow(page, 'Export drops the last row').waitFor();
    await context.close();
  });

  it('a save over someone else’s newer change is refused, explained and reloaded', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'pm@demo.test');
    await openQuickEdit(page, 'Guided setup checklist');
    const dialog = page.getByRole('dialog', { name: 'DEMO-2' });
    await dialog.waitFor();

    // Another person renames the item while this dialog is open.
    const other = await env.browser.newContext({ baseURL: env.tandem.url });
    const csrf = await signInByApi(other, 'owner@demo.test');
    const renamed = await other.request.patch('/api/v1/items/DEMO-2', { data: { title: 'Guided setup checklist v2' }, headers: { 'x-csrf-token': csrf } });
    expect(renamed.status()).toBe(200);
    await other.close();

    await dialog.getByLabel('Status').selectOption('done');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const warning = dialog.getByRole('alert').filter({ hasText: 'Someone else changed this item' });
    await warning.waitFor();
    // Their version is now in the form, ready to save again.
    await expect.poll(() => dialog.getByLabel('Title').inputValue()).toBe('Guided setup checklist v2');
    await dialog.getByLabel('Status').selectOption('done');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = itemRow(page, 'Guided setup checklist v2');
    await expect.poll(() => row.textContent()).toContain('Done');
    await context.close();
  });

  it('a viewer sees the items but no way to create or edit them', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'viewer@demo.test');
    expect(await page.getByRole('button', { name: 'New item' }).count()).toBe(0);
    await itemRows(page).first().getByRole('button').focus();
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog', { name: 'DEMO-1' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Title').isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Move to trash' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Enter opens the item page, read-only for a viewer.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/items\/DEMO-1$/);
    await page.getByRole('heading', { level: 1, name: 'Self-serve onboarding' }).waitFor();
    await page.getByText('Your role can read items but not change them.').waitFor();
    expect(await page.getByLabel('Status', { exact: true }).isDisabled()).toBe(true);
    for (const name of ['Edit title', 'Edit description', 'Add criterion', 'Move to trash']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    // `e` does nothing for a role that may not edit.
    await page.keyboard.press('e');
    expect(await page.getByRole('textbox', { name: 'Title' }).count()).toBe(0);
    await context.close();
  });

  it('the command palette opens with Ctrl+K and runs commands', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'pm@demo.test');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    for (const command of ['Go to members', 'Create item', 'Sign out']) {
      expect(await palette.getByRole('option', { name: command }).count()).toBe(1);
    }

    // Typing filters; Enter runs the highlighted command.
    const theme = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.keyboard.type('theme');
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme === 'dark' ? 'light' : 'dark');
    expect(await page.evaluate(() => localStorage.getItem('tandem.theme'))).toBe(theme === 'dark' ? 'light' : 'dark');

    await page.keyboard.press('Control+k');
    await palette.waitFor();
    await page.keyboard.type('members');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/members$/);
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    await context.close();
  });

  it('an expired session sends the user to sign in and back to where they were', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'po@demo.test');
    const itemsUrl = page.url();
    await context.clearCookies();

    await page.keyboard.press('c');
    const create = page.getByRole('dialog', { name: 'New item' });
    await create.getByLabel('Title').fill('Written after the session ended');
    await create.getByRole('button', { name: 'Create item' }).click();
    await page.waitForURL(/\/signin\?redirect=/);

    await page.getByLabel('Email').fill('po@demo.test');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(itemsUrl);
    await itemRows(page).first().waitFor();
    await context.close();
  });

  it('signing out from the palette ends the session', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'dev@demo.test');
    await page.keyboard.press('Control+k');
    // The palette's code loads on first use: type once it is open, as a person would.
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.type('sign out');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/signin/);
    const me = await context.request.get('/api/v1/me');
    expect(me.status()).toBe(401);
    await context.close();
  });

  it('fits a 375 px wide phone without sideways scrolling', async () => {
    const context = await newContext(env.browser, env.tandem, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await openItemsPage(context, 'pm@demo.test');
    expect(await horizontalOverflow(page)).toBe(0);

    // The sidebar becomes a menu behind a button.
    const members = page.getByRole('link', { name: 'Members' });
    expect(await members.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await members.click();
    await page.waitForURL(/\/members$/);
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await context.close();
  });

  // Last in the file: it adds enough items to need a second page.
  it('rows say their position, and an unknown list size until the last page is in', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'pm@demo.test');
    // A fresh sign-in for the API calls; the reload below picks up its session.
    const csrf = await signInByApi(context, 'pm@demo.test');
    const productId = page.url().match(/\/p\/([^/]+)\/items$/)?.[1];
    for (let n = 0; n < 60; n++) {
      const created = await context.request.post(`/api/v1/products/${productId}/items`, { data: { type: 'task', title: `Paged task ${n}` }, headers: { 'x-csrf-token': csrf } });
      expect(created.status()).toBe(201);
    }
    await page.reload();
    const first = itemRows(page).first();
    await first.waitFor();
    expect([await first.getAttribute('aria-posinset'), await first.getAttribute('aria-setsize')]).toEqual(['1', '-1']);

    // Scrolled to the end, every page is in and the size is known.
    const list = page.getByRole('list', { name: 'Items' });
    const last = itemRows(page).last();
    await expect
      .poll(async () => {
        await list.evaluate((element) => element.parentElement?.scrollTo(0, element.scrollHeight));
        return [await last.getAttribute('aria-posinset'), await last.getAttribute('aria-setsize')];
      })
      .toSatisfy(([position, size]) => size !== '-1' && position === size);
    expect(await last.textContent()).toContain('Paged task 59');
    await context.close();
  });
});
