import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoProduct, launchBrowser, newContext, openItemsPage, openQuickEdit, seriousViolations, signInByApi } from './support/browser';
import { startTandem, type Tandem } from './support/server';

let tandem: Tandem;
let browser: Browser;
let inviteLink: string;

beforeAll(async () => {
  [tandem, browser] = await Promise.all([startTandem(), launchBrowser()]);
  const owner = await browser.newContext({ baseURL: tandem.url });
  const csrf = await signInByApi(owner, 'owner@demo.test');
  const me = (await (await owner.request.get('/api/v1/me')).json()) as { workspaces: Array<{ id: string }> };
  const invite = await owner.request.post(`/api/v1/workspaces/${me.workspaces[0]!.id}/invites`, {
    data: { roles: ['contributor'] },
    headers: { 'x-csrf-token': csrf },
  });
  inviteLink = ((await invite.json()) as { path: string }).path;
  // Something in the trash, so its rows are checked and not only its empty state.
  const trashed = await owner.request.delete('/api/v1/items/DEMO-8', { headers: { 'x-csrf-token': csrf } });
  expect(trashed.status()).toBe(200);
  await owner.close();
});

afterAll(async () => {
  await browser?.close();
  await tandem?.close();
});

const themes = ['light', 'dark'] as const;

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `${what}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

describe.each(themes)('accessibility in the %s theme', (theme) => {
  let context: BrowserContext;

  beforeAll(async () => {
    // The app follows the system theme until the user picks one.
    context = await newContext(browser, tandem, { colorScheme: theme });
  });

  afterAll(async () => {
    await context.close();
  });

  it('the sign-in page', async () => {
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await expectNoSeriousViolations(page, 'sign-in');
    // Errors are part of the page too.
    await page.getByLabel('Email').fill('pm@demo.test');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await expectNoSeriousViolations(page, 'sign-in with an error');
    await page.close();
  });

  it('the invite page, signed out', async () => {
    const page = await context.newPage();
    await page.goto(inviteLink);
    await page.getByRole('button', { name: 'Create account and join' }).waitFor();
    await expectNoSeriousViolations(page, 'invite accept');
    await page.close();
  });

  it('the items page, its dialog and the command palette', async () => {
    const page = await openItemsPage(context, 'owner@demo.test');
    await expectNoSeriousViolations(page, 'items');
    // Only the rows on screen are in the DOM; each says where it sits in the whole list.
    const rows = await page
      .getByRole('list', { name: 'Items' })
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => [item.getAttribute('aria-posinset'), item.getAttribute('aria-setsize')]));
    const total = Number((await page.locator('.page-subtitle').textContent())?.match(/(\d+) items/)?.[1]);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows).toEqual(rows.map((_, index) => [String(index + 1), String(total)]));

    await openQuickEdit(page, 'Guided setup checklist');
    await page.getByRole('dialog', { name: 'DEMO-2' }).waitFor();
    await expectNoSeriousViolations(page, 'item dialog');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await expectNoSeriousViolations(page, 'command palette');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('the item page of a story that is not ready, with its editors open', async () => {
    const page = await openItemsPage(context, 'owner@demo.test');
    // A story whose readiness lists reasons, with criteria, labels, a parent and children-free details.
    await page.getByRole('list', { name: 'Items' }).getByRole('button', { name: 'Time to convert between funnel steps' }).click();
    await page.waitForURL(/\/items\/DEMO-\d+$/);
    await page.getByRole('region', { name: 'Readiness' }).getByText('Not ready yet').waitFor();
    await expectNoSeriousViolations(page, 'story page');

    await page.getByRole('button', { name: 'Add criterion' }).click();
    await page.getByLabel('Then', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit description' }).click();
    await page.getByLabel('Description (Markdown)').waitFor();
    await expectNoSeriousViolations(page, 'story page with the criterion and description editors open');

    // An epic: no story form, but its children.
    const { workspaceId, productId } = await demoProduct(context);
    await page.goto(`/w/${workspaceId}/p/${productId}/items/DEMO-1`);
    await page.getByRole('list', { name: 'Children' }).waitFor();
    await expectNoSeriousViolations(page, 'epic page');
    await page.close();
  });

  it('the backlog filter bar with its help, a marked mistake, the saved views and the bulk bar', async () => {
    const page = await openItemsPage(context, 'owner@demo.test');
    await page.getByRole('button', { name: 'Filter help' }).click();
    await page.getByRole('dialog', { name: 'Filter fields' }).waitFor();
    await expectNoSeriousViolations(page, 'filter help');
    await page.keyboard.press('Escape');
    await page.getByLabel('Filter items').fill('type:story labell:x');
    await page.locator('.filter-mark').waitFor();
    await expectNoSeriousViolations(page, 'filter with a mistake marked');
    await page.getByLabel('Filter items').fill('type:story');
    await page.locator('.filter-mark').waitFor({ state: 'detached' });
    await page.getByLabel('Sort').selectOption('score:rice');
    await page.getByRole('button', { name: 'Views', exact: true }).click();
    await page.getByRole('dialog', { name: 'Saved views' }).waitFor();
    await expectNoSeriousViolations(page, 'saved views, sorted by score');
    await page.keyboard.press('Escape');
    const checks = page.getByRole('list', { name: 'Items' }).getByRole('checkbox');
    await checks.nth(0).check();
    await checks.nth(1).check();
    await page.getByRole('region', { name: 'Bulk actions' }).getByText('2 selected').waitFor();
    await expectNoSeriousViolations(page, 'bulk bar');
    await page.close();
  });

  it('the scoring panel of a story, with a preview and a mistake, and the scoring criteria settings', async () => {
    const page = await openItemsPage(context, 'owner@demo.test');
    await page.getByRole('list', { name: 'Items' }).getByRole('button', { name: 'Mute an alert for a maintenance window' }).click();
    const panel = page.getByRole('region', { name: 'Prioritisation' });
    await panel.getByLabel('Reach').fill('200');
    await panel.getByLabel('Confidence (%)').fill('150');
    await panel.getByLabel('Effort (person-months)').fill('1');
    await panel.getByText('At most 100.').waitFor();
    await expectNoSeriousViolations(page, 'scoring form with a mistake');
    await panel.getByLabel('Confidence (%)').fill('50');
    await expect.poll(() => panel.getByRole('status', { name: 'Preview' }).textContent()).toContain('100');
    await panel.getByLabel('Framework').selectOption('kano');
    await panel.getByRole('button', { name: 'Add response' }).click();
    await expectNoSeriousViolations(page, 'scoring form, Kano');
    const { workspaceId, productId } = await demoProduct(context);
    await page.goto(`/w/${workspaceId}/p/${productId}/settings`);
    await page.getByRole('heading', { name: 'Scoring criteria' }).waitFor();
    await page.getByRole('button', { name: 'Add criterion' }).click();
    await expectNoSeriousViolations(page, 'scoring criteria settings');
    await page.close();
  });

  it('the workflow and custom fields settings, with a field being added', async () => {
    const page = await openItemsPage(context, 'owner@demo.test');
    await page.getByRole('link', { name: 'Workflow and fields' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workflow and fields' }).waitFor();
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Kind of field 1').selectOption('single_select');
    await page.getByLabel('Options of field 1, separated by commas').waitFor();
    await expectNoSeriousViolations(page, 'workflow settings');
    await page.close();
  });

  it('the trash, with a restorable item', async () => {
    const page = await openItemsPage(context, 'owner@demo.test');
    await page.getByRole('link', { name: 'Trash' }).click();
    const row = page.getByRole('list', { name: 'Trashed items' }).getByRole('listitem').filter({ hasText: 'DEMO-8' });
    await row.getByRole('button', { name: 'Restore DEMO-8' }).waitFor();
    await expectNoSeriousViolations(page, 'trash');
    await page.close();
  });

  it('the decision log with its form and a mistake, a decision page, and the decisions on an item page', async () => {
    const page = await openItemsPage(context, 'owner@demo.test');
    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.getByRole('list', { name: 'Decisions' }).getByRole('link', { name: 'Snowflake before BigQuery for the warehouse connector' }).waitFor();
    await expectNoSeriousViolations(page, 'decision log');
    await page.getByRole('button', { name: 'Record decision' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a decision' });
    await dialog.getByRole('button', { name: 'Add option' }).click();
    await dialog.getByLabel('Status').selectOption('decided');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await dialog.getByText('a decided decision needs its outcome').waitFor();
    await expectNoSeriousViolations(page, 'decision form with mistakes');
    await page.keyboard.press('Escape');
    await page.getByLabel('Search decisions').fill('no such words anywhere');
    await page.getByText('No decisions match').waitFor();
    await expectNoSeriousViolations(page, 'decision log without matches');

    await page.getByRole('button', { name: 'Clear the search' }).click();
    await page.getByRole('link', { name: 'Snowflake before BigQuery for the warehouse connector' }).click();
    await page.getByRole('list', { name: 'Linked items' }).getByRole('link', { name: /DEMO-4/ }).click();
    await page.getByRole('list', { name: 'Decisions about this item' }).getByRole('link', { name: 'Snowflake before BigQuery for the warehouse connector' }).waitFor();
    await expectNoSeriousViolations(page, 'item page with its decisions');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Snowflake before BigQuery for the warehouse connector' }).waitFor();
    await expectNoSeriousViolations(page, 'decision page');
    await page.close();
  });

  it('the prioritisation matrix with its side list, its table and a point moved by keyboard', async () => {
    const page = await openItemsPage(context, 'owner@demo.test');
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Matrix' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prioritisation matrix' }).waitFor();
    // Added from the keyboard, the point takes focus; an arrow key moves it and the table lists it.
    const add = page.getByRole('region', { name: 'Not on the matrix yet' }).getByRole('button', { name: /^Add .* to the matrix$/ });
    await add.first().focus();
    await page.keyboard.press('Enter');
    await page.locator('.matrix-svg [role="button"]:focus').waitFor();
    await page.keyboard.press('ArrowUp');
    await page.getByRole('region', { name: /^Items on the matrix/ }).getByRole('row').nth(1).waitFor();
    await add.first().waitFor();
    await expectNoSeriousViolations(page, 'matrix');
    await page.close();
  });

  it('the strategy page with a value being recorded, the goal form with mistakes, and the traceability view with an item open', async () => {
    const page = await openItemsPage(context, 'owner@demo.test');
    const nav = page.getByRole('navigation', { name: 'Workspace' });
    await nav.getByRole('link', { name: 'Strategy' }).click();
    const card = page.getByRole('article', { name: 'Close the enterprise deals in the pipeline' });
    await card.getByRole('button', { name: 'Record the current value of “Enterprise deals closed”' }).click();
    await card.getByLabel('Current value of “Enterprise deals closed” (deals)').fill('many');
    await card.getByLabel('Current value of “Enterprise deals closed” (deals)').press('Enter');
    await card.getByText('A number, e.g. 42 or 3.5.').waitFor();
    await page.getByRole('list', { name: 'Initiatives' }).waitFor();
    await expectNoSeriousViolations(page, 'strategy');
    await page.getByRole('button', { name: 'New goal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set a goal' });
    await dialog.getByRole('button', { name: 'Set goal' }).click();
    await dialog.getByText('Check the marked fields.').waitFor();
    await expectNoSeriousViolations(page, 'goal form with mistakes');
    await page.keyboard.press('Escape');

    await nav.getByRole('link', { name: 'Traceability' }).click();
    await page.getByRole('list', { name: 'Epics and features serving no goal' }).waitFor();
    await page.getByRole('button', { name: /^DEMO-\d+ Self-serve onboarding$/ }).click();
    await page.getByRole('list', { name: /^Work under DEMO-\d+$/ }).waitFor();
    await expectNoSeriousViolations(page, 'traceability');
    await page.close();
  });

  it('the members page of an owner, with a fresh invite link', async () => {
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL(/\/items$/);
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { name: 'Invite people' }).waitFor();
    await page.getByRole('button', { name: 'Create invite link' }).click();
    await page.getByLabel('Invite link').waitFor();
    await expectNoSeriousViolations(page, 'members');
    await page.close();
  });
});

// ---- Sprints, planning, the sprint page and the board ----

/** Once per file: a completed sprint (for velocity) and a running one with a scope change, made over the API as the owner. */
let sprintData: Promise<{ base: string; runningId: string }> | undefined;
function sprintPages(): Promise<{ base: string; runningId: string }> {
  sprintData ??= (async () => {
    const owner = await browser.newContext({ baseURL: tandem.url });
    const headers = { 'x-csrf-token': await signInByApi(owner, 'owner@demo.test') };
    const { workspaceId, productId } = await demoProduct(owner);
    const me = (await (await owner.request.get('/api/v1/me')).json()) as { user: { id: string } };
    // One sprint runs at a time: whatever the demo has running ends first.
    const existing = (await (await owner.request.get(`/api/v1/products/${productId}/sprints`)).json()) as { items: Array<{ id: string; state: string }> };
    for (const running of existing.items.filter((sprint) => sprint.state === 'active')) {
      expect((await owner.request.post(`/api/v1/sprints/${running.id}/complete`, { data: { carryTo: 'backlog' }, headers })).status()).toBe(200);
    }
    const stories = (await (await owner.request.get(`/api/v1/products/${productId}/items?q=${encodeURIComponent('type:story status:ready sprint:none')}`)).json()) as { items: Array<{ id: string }> };
    const post = async (path: string, data?: object) => {
      const response = await owner.request.post(`/api/v1${path}`, { data, headers });
      expect(response.status(), await response.text()).toBeLessThan(300);
      return (await response.json()) as { id: string };
    };
    const today = new Date().toISOString().slice(0, 10);
    const sprint = (name: string) => post(`/products/${productId}/sprints`, { name, goal: `${name} goal`, startDate: today, endDate: today, availability: [{ userId: me.user.id, days: 4 }] });
    const done = await sprint('Finished sprint');
    await post(`/sprints/${done.id}/items`, { itemId: stories.items[0]!.id });
    await post(`/sprints/${done.id}/start`);
    await post(`/sprints/${done.id}/complete`, { carryTo: 'backlog' });
    const running = await sprint('Running sprint');
    await post(`/sprints/${running.id}/items`, { itemId: stories.items[1]!.id });
    await post(`/sprints/${running.id}/start`);
    await post(`/sprints/${running.id}/items`, { itemId: stories.items[0]!.id });
    await owner.close();
    return { base: `/w/${workspaceId}/p/${productId}`, runningId: running.id };
  })();
  return sprintData;
}

describe.each(themes)('sprint pages and the board in the %s theme', (theme) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newContext(browser, tandem, { colorScheme: theme });
    await signInByApi(context, 'owner@demo.test');
  });
  afterAll(async () => {
    await context.close();
  });

  it('the sprints page with its velocity chart, and the sprint form', async () => {
    const { base } = await sprintPages();
    const page = await context.newPage();
    await page.goto(`${base}/sprints`);
    await page.getByRole('figure', { name: /^Velocity/ }).locator('svg').first().waitFor();
    await expectNoSeriousViolations(page, 'sprints');
    await page.getByRole('button', { name: 'New sprint' }).click();
    await page.getByRole('dialog', { name: 'New sprint' }).getByLabel('Olivia Owner (days)').waitFor();
    await expectNoSeriousViolations(page, 'sprint form');
    await page.close();
  });

  it('the planning page of a running sprint, the sprint page with its burndown, and the board', async () => {
    const { base, runningId } = await sprintPages();
    const page = await context.newPage();
    await page.goto(`${base}/sprints/${runningId}/plan`);
    await page.getByRole('list', { name: 'Unplanned items' }).getByRole('listitem').first().waitFor();
    await page.getByRole('list', { name: 'Items in Running sprint' }).waitFor();
    await expectNoSeriousViolations(page, 'planning');

    await page.goto(`${base}/sprints/${runningId}`);
    await page.getByRole('figure', { name: /^Burndown/ }).locator('svg').first().waitFor();
    await page.getByRole('list', { name: /Scope changes/ }).getByRole('listitem').first().waitFor();
    await expectNoSeriousViolations(page, 'sprint page');

    await page.goto(`${base}/board?lanes=assignee`);
    await page.locator('.board-card').first().waitFor();
    await expectNoSeriousViolations(page, 'board');
    await page.goto(`${base}/board?sprint=backlog&q=${encodeURIComponent('category:in_progress')}`);
    await page.locator('.board-card').first().waitFor();
    await expectNoSeriousViolations(page, 'board of the backlog');
    await page.close();
  });
});
