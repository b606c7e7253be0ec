import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoProduct, itemRow, newContext, openItemsPage, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

const readiness = (page: Page) => page.getByRole('region', { name: 'Readiness' });
const reasons = (page: Page) => readiness(page).getByRole('list', { name: 'What is missing' }).getByRole('listitem');

describe('writing a story', () => {
  it('the PO writes a story until it is ready and checks a criterion off; the PM sees it live', async () => {
    const poContext = await newContext(env.browser, env.tandem);
    const pmContext = await newContext(env.browser, env.tandem);
    const csrf = await signInByApi(poContext, 'po@demo.test');
    const { workspaceId, productId } = await demoProduct(poContext);
    const created = await poContext.request.post(`/api/v1/products/${productId}/items`, {
      data: { type: 'story', title: 'Weekly usage digest for workspace admins' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(created.status()).toBe(201);
    const { key } = (await created.json()) as { key: string };

    // The PM has the story open before the PO starts.
    await signInByApi(pmContext, 'pm@demo.test');
    const pm = await pmContext.newPage();
    await pm.goto(`/w/${workspaceId}/p/${productId}/items/${key}`);
    await pm.getByRole('heading', { level: 1, name: 'Weekly usage digest for workspace admins' }).waitFor();
    await pm.locator('[data-realtime="live"]').waitFor();
    await pm.evaluate(() => Object.assign(window, { tandemMarker: 'still-here' }));

    // The PO finds it at the bottom of the backlog and opens it with the keyboard.
    const po = await openItemsPage(poContext, 'po@demo.test');
    await po.getByRole('list', { name: 'Items' }).getByRole('button').first().focus();
    await po.keyboard.press('End');
    await expect.poll(() => po.evaluate(() => document.activeElement?.querySelector('.item-key')?.textContent)).toBe(key);
    await po.keyboard.press('Enter');
    await po.waitForURL(new RegExp(`/items/${key}$`));
    await po.getByRole('heading', { level: 1, name: 'Weekly usage digest for workspace admins' }).waitFor();

    // A new story is not ready, and the server says why.
    await readiness(po).getByText('Not ready yet').waitFor();
    const before = await reasons(po).allTextContents();
    expect(before.join(' | ')).toMatch(/acceptance criteria/i);
    expect(before.join(' | ')).toMatch(/Estimate/);

    // As a … I want … so that …: each part saves when left.
    await po.getByLabel('As a', { exact: true }).fill('workspace admin');
    await po.getByLabel('I want', { exact: true }).fill('a weekly email of how my team uses Pulse');
    await po.getByLabel('so that', { exact: true }).fill('I can spot teams that stopped using it');
    await po.getByLabel('so that', { exact: true }).press('Tab');
    await expect.poll(async () => (await reasons(po).allTextContents()).some((text) => /who it is for|what they want|why they want it/.test(text))).toBe(false);

    // Two acceptance criteria, Given / When / Then.
    const criteria = po.getByRole('list', { name: 'Acceptance criteria' }).getByRole('listitem');
    for (const [given, when, then] of [
      ['a workspace with activity last week', 'Monday 08:00 in the admin’s time zone comes', 'the admin gets the digest email'],
      ['an admin who opted out', 'the digest goes out', 'that admin gets no email'],
    ] as const) {
      await po.getByRole('button', { name: 'Add criterion' }).click();
      await po.getByLabel('Given', { exact: true }).fill(given);
      await po.getByLabel('When', { exact: true }).fill(when);
      await po.getByLabel('Then', { exact: true }).fill(then);
      const count = await criteria.count();
      await po.getByRole('button', { name: 'Add criterion' }).click();
      await expect.poll(() => criteria.count()).toBe(count + 1);
    }
    expect(await criteria.nth(1).textContent()).toContain('that admin gets no email');

    // Estimated, the story is ready: the reasons are gone.
    await po.getByLabel('Estimate (points)').fill('3');
    await po.getByLabel('Estimate (points)').press('Enter');
    await readiness(po).getByText('Ready for a sprint').waitFor();
    expect(await reasons(po).count()).toBe(0);

    // A criterion checked off.
    await po.getByRole('checkbox', { name: 'Criterion 1 done' }).check();
    await po.getByText('1 of 2 done').waitFor();

    // The PM's page followed along without a reload.
    await pm.getByText('1 of 2 done').waitFor();
    await readiness(pm).getByText('Ready for a sprint').waitFor();
    expect(await pm.getByLabel('As a', { exact: true }).inputValue()).toBe('workspace admin');
    expect(await pm.getByLabel('Estimate (points)').inputValue()).toBe('3');
    expect(await pm.getByRole('checkbox', { name: 'Criterion 1 done' }).isChecked()).toBe(true);
    expect(await pm.evaluate(() => (window as unknown as { tandemMarker?: string }).tandemMarker)).toBe('still-here');

    // The item's history says who did what, newest first, with the exact time on hover; the PM's follows live.
    for (const page of [po, pm]) {
      const latest = page.getByRole('list', { name: 'Activity' }).locator('.activity-text').first();
      await expect.poll(() => latest.textContent()).toBe('Pablo Owner checked off criterion 1');
    }
    const history = po.getByRole('list', { name: 'Activity' });
    const lines = await history.locator('.activity-text').allTextContents();
    expect(lines).toContain('Pablo Owner set the estimate to 3');
    expect(lines).toContain('Pablo Owner added criterion 2');
    expect(lines).toContain('Pablo Owner changed “As a” to “workspace admin”');
    expect(lines.at(-1)).toBe('Pablo Owner created it');
    expect(await history.locator('time').first().getAttribute('title')).toMatch(/\d{4}/);

    // Back in the backlog the row says the story is ready and shows its estimate.
    await po.getByRole('link', { name: 'Pulse' }).first().click();
    await po.waitForURL(/\/items$/);
    const row = itemRow(po, 'Weekly usage digest for workspace admins');
    await po.getByRole('list', { name: 'Items' }).evaluate((list) => list.parentElement?.scrollTo(0, list.scrollHeight));
    await row.waitFor();
    expect(await row.locator('.readiness-mark').getAttribute('data-ready')).toBe('true');
    expect(await row.locator('.item-estimate').textContent()).toBe('3 points');

    await Promise.all([poContext.close(), pmContext.close()]);
  });

  it('a WIP limit set on the settings page refuses a move into the full status, and the PO may move anyway', async () => {
    const poContext = await newContext(env.browser, env.tandem);
    const pmContext = await newContext(env.browser, env.tandem);
    const po = await openItemsPage(poContext, 'po@demo.test');

    // The PO limits "In review" to one item; the demo already has one there.
    await po.getByRole('link', { name: 'Workflow and fields' }).click();
    await po.getByRole('heading', { level: 1, name: 'Workflow and fields' }).waitFor();
    await po.getByLabel('WIP limit of In review').fill('1');
    await po.getByRole('button', { name: 'Save workflow' }).click();
    await po.getByText('Workflow saved').waitFor();

    // The PM tries to move another story into review.
    const pm = await openItemsPage(pmContext, 'pm@demo.test');
    const { workspaceId, productId } = await demoProduct(pmContext);
    await pm.goto(`/w/${workspaceId}/p/${productId}/items/DEMO-4`);
    const status = pm.getByLabel('Status', { exact: true });
    await status.waitFor();
    const was = await status.inputValue();
    expect(was).not.toBe('in_review');
    await status.selectOption('in_review');
    const refusal = pm.getByRole('alert').filter({ hasText: 'In review is at its WIP limit' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/limit is 1/);
    // A PM may not override the limit, so it is not offered.
    expect(await refusal.getByRole('button', { name: 'Move anyway' }).count()).toBe(0);
    expect(await status.inputValue()).toBe(was);

    // The PO is offered "Move anyway", and it works.
    await po.goto(`/w/${workspaceId}/p/${productId}/items/DEMO-4`);
    const poStatus = po.getByLabel('Status', { exact: true });
    await poStatus.waitFor();
    await poStatus.selectOption('in_review');
    const poRefusal = po.getByRole('alert').filter({ hasText: 'In review is at its WIP limit' });
    await poRefusal.waitFor();
    await poRefusal.getByRole('button', { name: 'Move anyway' }).click();
    await poRefusal.waitFor({ state: 'detached' });
    await expect.poll(() => poStatus.inputValue()).toBe('in_review');
    // The PM's page, still open on the story, catches up live.
    await expect.poll(() => status.inputValue()).toBe('in_review');

    await Promise.all([poContext.close(), pmContext.close()]);
  });

  it('custom fields defined in settings are filled in on an item; a status still in use cannot be removed', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'po@demo.test');
    await page.getByRole('link', { name: 'Workflow and fields' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workflow and fields' }).waitFor();

    // Removing "In review", which a demo story is in, is refused with the server's reason.
    await page.getByRole('button', { name: 'Remove In review' }).click();
    await page.getByRole('button', { name: 'Save workflow' }).click();
    const inUse = page.getByRole('region', { name: 'Workflow' }).getByRole('alert');
    await inUse.waitFor();
    expect(await inUse.textContent()).toMatch(/Move those items to another status first/);
    await page.getByRole('button', { name: 'Discard changes' }).first().click();
    await page.getByLabel('Name of In review').waitFor();

    // Two fields: a single select and a number.
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Name of field 1').fill('Platform');
    await page.getByLabel('Kind of Platform').selectOption('single_select');
    await page.getByLabel('Options of Platform, separated by commas').fill('Web, iOS, Android');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Name of field 2').fill('Customer tier');
    await page.getByLabel('Kind of Customer tier').selectOption('number');
    await page.getByRole('button', { name: 'Save fields' }).click();
    await page.getByText('Custom fields saved').waitFor();

    // On a story they are ready to fill in, and the values stay after a reload.
    const { workspaceId, productId } = await demoProduct(context);
    await page.goto(`/w/${workspaceId}/p/${productId}/items/DEMO-7`);
    const fields = page.getByRole('region', { name: 'Custom fields' });
    await fields.getByLabel('Platform').selectOption('iOS');
    await fields.getByLabel('Customer tier').fill('2');
    await fields.getByLabel('Customer tier').press('Enter');
    // Both saved on the server before the reload.
    const savedValues = async () => Object.values(((await (await context.request.get('/api/v1/items/DEMO-7')).json()) as { customFields: Record<string, unknown> }).customFields).sort();
    await expect.poll(savedValues).toEqual([2, 'iOS']);
    await page.reload();
    await expect.poll(() => page.getByRole('region', { name: 'Custom fields' }).getByLabel('Platform').inputValue()).toBe('iOS');
    expect(await page.getByRole('region', { name: 'Custom fields' }).getByLabel('Customer tier').inputValue()).toBe('2');
    await context.close();
  });

  it('a description saved over someone else’s newer one is refused and explained; the writer’s text is kept to save again', async () => {
    const context = await newContext(env.browser, env.tandem);
    const page = await openItemsPage(context, 'po@demo.test');
    const { workspaceId, productId } = await demoProduct(context);
    await page.goto(`/w/${workspaceId}/p/${productId}/items/DEMO-11`);
    await page.getByRole('button', { name: 'Edit description' }).click();
    await page.getByLabel('Description (Markdown)').fill('Segments come from **saved** filters.');

    // Meanwhile the owner rewrites the description.
    const other = await env.browser.newContext({ baseURL: env.tandem.url });
    const csrf = await signInByApi(other, 'owner@demo.test');
    const theirs = await other.request.patch('/api/v1/items/DEMO-11', { data: { description: 'Owner’s version' }, headers: { 'x-csrf-token': csrf } });
    expect(theirs.status()).toBe(200);
    await other.close();

    await page.getByRole('button', { name: 'Save description' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else changed' }).waitFor();
    expect(await page.getByLabel('Description (Markdown)').inputValue()).toBe('Segments come from **saved** filters.');

    // Saving again replaces theirs on purpose, and the Markdown renders.
    await page.getByRole('button', { name: 'Save description' }).click();
    await page.getByRole('region', { name: 'Description' }).locator('strong', { hasText: 'saved' }).waitFor();
    const saved = (await (await context.request.get('/api/v1/items/DEMO-11')).json()) as { description: string };
    expect(saved.description).toBe('Segments come from **saved** filters.');
    await context.close();
  });
});
