import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { itemRows, newContext, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

async function openMembers(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForURL(/\/items$/);
  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
  await page.getByRole('list').filter({ hasText: 'owner@demo.test' }).waitFor();
}

describe('members and invites', () => {
  it('an owner invites by link; the invitee creates an account, joins and shows up live', async () => {
    const ownerContext = await newContext(env.browser, env.tandem);
    await signInByApi(ownerContext, 'owner@demo.test');
    const owner = await ownerContext.newPage();
    await openMembers(owner);

    await owner.getByRole('checkbox', { name: /Stakeholder/ }).check();
    await owner.getByRole('button', { name: 'Create invite link' }).click();
    const linkField = owner.getByLabel('Invite link');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${env.tandem.url}/invite/[^/]+$`));
    await owner.getByRole('list').filter({ hasText: 'Anyone with the link' }).waitFor();

    const guestContext = await newContext(env.browser, env.tandem);
    const guest = await guestContext.newPage();
    await guest.goto(link);
    await guest.getByRole('heading', { name: 'Join Northwind Analytics' }).waitFor();
    await guest.getByLabel('Your name').fill('Nora Newcomer');
    await guest.getByLabel('Email').fill('nora@example.test');
    await guest.getByLabel('Password', { exact: true }).fill('a long enough password');
    await guest.getByRole('button', { name: 'Create account and join' }).click();
    await guest.waitForURL(/\/items$/);
    await itemRows(guest).first().waitFor();
    // Contributor and stakeholder together may create items.
    await guest.getByRole('button', { name: 'New item' }).waitFor();

    // The owner's open page learns of the new member over the event stream.
    const row = owner.getByRole('listitem').filter({ hasText: 'nora@example.test' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Stakeholder');

    await owner.getByRole('button', { name: 'Change roles of Nora Newcomer' }).click();
    const rolesDialog = owner.getByRole('dialog', { name: 'Roles of Nora Newcomer' });
    await rolesDialog.getByRole('checkbox', { name: /Contributor/ }).uncheck();
    await rolesDialog.getByRole('button', { name: 'Save roles' }).click();
    await rolesDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).not.toContain('Contributor');

    await owner.getByRole('button', { name: 'Remove Nora Newcomer' }).click();
    const confirm = owner.getByRole('dialog', { name: 'Remove member' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached' });

    // A used invite link no longer works.
    const again = await newContext(env.browser, env.tandem);
    const stale = await again.newPage();
    await stale.goto(link);
    await stale.getByRole('heading', { name: 'This invite link does not work' }).waitFor();
    await Promise.all([ownerContext.close(), guestContext.close(), again.close()]);
  });

  it('the last owner cannot be demoted, and the page says why', async () => {
    const context = await newContext(env.browser, env.tandem);
    await signInByApi(context, 'owner@demo.test');
    const page = await context.newPage();
    await openMembers(page);
    await page.getByRole('button', { name: 'Change roles of Olivia Owner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roles of Olivia Owner' });
    await dialog.getByRole('checkbox', { name: /Viewer/ }).check();
    await dialog.getByRole('checkbox', { name: /Owner/ }).uncheck();
    await dialog.getByRole('button', { name: 'Save roles' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.toLowerCase()).toContain('owner');
    await context.close();
  });

  it('members who are not owners see the team but no invite or member actions', async () => {
    const context = await newContext(env.browser, env.tandem);
    await signInByApi(context, 'pm@demo.test');
    const page = await context.newPage();
    await openMembers(page);
    expect(await page.getByRole('listitem').filter({ hasText: '@demo.test' }).count()).toBe(6);
    expect(await page.getByRole('heading', { name: 'Invite people' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Change roles/ }).count()).toBe(0);
    await context.close();
  });
});
