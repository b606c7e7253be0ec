import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoProduct, newContext, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

const TITLE = 'Seed sample dashboards from the demo dataset';
const decisionList = (page: Page) => page.getByRole('list', { name: 'Decisions' });
const itemDecisions = (page: Page) => page.getByRole('list', { name: 'Decisions about this item' });

describe('the decision log', () => {
  it('the PO records a decided decision about a story, finds it by search and sees it on the story; a PM sees it arrive live', async () => {
    const poContext = await newContext(env.browser, env.tandem);
    const pmContext = await newContext(env.browser, env.tandem);
    await signInByApi(poContext, 'po@demo.test');
    await signInByApi(pmContext, 'pm@demo.test');
    const { workspaceId, productId } = await demoProduct(poContext);
    const log = `/w/${workspaceId}/p/${productId}/decisions`;

    // The PM has the log open before the PO records anything.
    const pm = await pmContext.newPage();
    await pm.goto(log);
    await decisionList(pm).getByRole('link', { name: 'Snowflake before BigQuery for the warehouse connector' }).waitFor();
    await pm.locator('[data-realtime="live"]').waitFor();
    expect(await decisionList(pm).getByRole('link', { name: TITLE }).count()).toBe(0);

    // The PO reaches the log from the product navigation.
    const po = await poContext.newPage();
    await po.goto(`/w/${workspaceId}/p/${productId}/items`);
    await po.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Decisions' }).click();
    await po.getByRole('heading', { level: 1, name: 'Decision log' }).waitFor();
    await po.getByRole('button', { name: 'Record decision' }).click();
    const dialog = po.getByRole('dialog', { name: 'Record a decision' });
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByLabel('Context (Markdown)').fill('Analysts see **nothing** until their own data lands.');
    await dialog.getByRole('button', { name: 'Add option' }).click();
    await dialog.getByLabel('Option 1', { exact: true }).fill('Demo dataset');
    await dialog.getByLabel('Notes on option 1').fill('Ready today');
    await dialog.getByRole('button', { name: 'Add option' }).click();
    await dialog.getByLabel('Option 2', { exact: true }).fill('Empty dashboards with a guide');
    await dialog.getByLabel('Status').selectOption('decided');
    await dialog.getByLabel('Linked items').fill('demo-7');

    // Decided without an outcome is refused before anything is sent.
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await dialog.getByText('a decided decision needs its outcome').waitFor();
    await dialog.getByLabel('Outcome').fill('Seed three sample dashboards from the demo dataset');
    await dialog.getByLabel('Rationale').fill('Value on day one beats an empty screen.');
    await dialog.getByRole('button', { name: 'Record decision' }).click();

    // Its own page: decided, with its options and the story linked.
    await po.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await po.locator('.page-subtitle').getByText('Decided', { exact: true }).waitFor();
    expect(await po.getByRole('list', { name: 'Options considered' }).getByRole('listitem').count()).toBe(2);
    const storyLink = po.getByRole('list', { name: 'Linked items' }).getByRole('link', { name: /DEMO-7/ });
    await storyLink.waitFor();

    // The PM's log took it in without a reload, newest first.
    await decisionList(pm).getByRole('link', { name: TITLE }).waitFor();
    expect(await decisionList(pm).getByRole('link').first().textContent()).toBe(TITLE);

    // Found by words from its outcome, and narrowed by status; the other decisions drop out.
    await po.goto(log);
    await po.getByLabel('Search decisions').fill('demo dataset');
    await po.waitForURL(/q=demo/);
    await expect.poll(() => decisionList(po).getByRole('link').allTextContents()).toEqual([TITLE]);
    await po.getByLabel('Status', { exact: true }).selectOption('proposed');
    await po.getByText('No decisions match').waitFor();
    await po.getByLabel('Status', { exact: true }).selectOption('decided');
    await decisionList(po).getByRole('link', { name: TITLE }).click();

    // On the story's page, with its status and outcome.
    await po.getByRole('list', { name: 'Linked items' }).getByRole('link', { name: /DEMO-7/ }).click();
    await po.waitForURL(/\/items\/DEMO-7$/);
    const row = itemDecisions(po).getByRole('listitem').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.textContent()).toContain('Decided');
    expect(await row.textContent()).toContain('Seed three sample dashboards from the demo dataset');

    // A quick decision from the story itself comes linked to it.
    await po.getByRole('button', { name: 'Record a decision about this item' }).click();
    const quick = po.getByRole('dialog', { name: 'Record a decision' });
    expect(await quick.getByLabel('Linked items').inputValue()).toBe('DEMO-7');
    await quick.getByLabel('Title').fill('Which three sample dashboards');
    await quick.getByRole('button', { name: 'Record decision' }).click();
    await itemDecisions(po).getByRole('link', { name: 'Which three sample dashboards' }).waitFor();
    expect(await itemDecisions(po).getByRole('listitem').filter({ hasText: 'Which three sample dashboards' }).textContent()).toContain('Proposed');

    await Promise.all([poContext.close(), pmContext.close()]);
  });

  it('the PO decides a proposed decision, then supersedes it with the successor', async () => {
    const context = await newContext(env.browser, env.tandem);
    await signInByApi(context, 'po@demo.test');
    const { workspaceId, productId } = await demoProduct(context);
    const page = await context.newPage();
    await page.goto(`/w/${workspaceId}/p/${productId}/decisions`);
    await decisionList(page).getByRole('link', { name: 'Enforce SSO per workspace, not per domain' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enforce SSO per workspace, not per domain' }).waitFor();

    await page.getByRole('button', { name: 'Decide' }).click();
    const decide = page.getByRole('dialog');
    expect(await decide.getByLabel('Status').inputValue()).toBe('decided');
    await decide.getByLabel('Outcome').fill('Per workspace');
    await decide.getByRole('button', { name: 'Save decision' }).click();
    await page.getByRole('region', { name: 'Outcome' }).getByText('Per workspace').waitFor();
    // Decided, it cannot go back to proposed.
    await page.getByRole('button', { name: 'Supersede' }).click();
    const supersede = page.getByRole('dialog');
    expect(await supersede.getByLabel('Status').locator('option').allTextContents()).toEqual(['Decided', 'Superseded']);
    await supersede.getByLabel('Superseded by').selectOption({ label: 'Snowflake before BigQuery for the warehouse connector (Decided)' });
    await supersede.getByRole('button', { name: 'Save decision' }).click();
    await page.getByText('This decision was superseded by').waitFor();
    await page.getByRole('link', { name: 'Snowflake before BigQuery for the warehouse connector' }).waitFor();
    expect(await page.getByRole('button', { name: 'Supersede' }).count()).toBe(0);
    await context.close();
  });
});

describe('a contributor on the item page', () => {
  it('updates the status and criteria of a story assigned to them, while its title stays read-only; a story of someone else is read-only', async () => {
    const context = await newContext(env.browser, env.tandem);
    await signInByApi(context, 'dev@demo.test');
    const { workspaceId, productId } = await demoProduct(context);
    const page = await context.newPage();
    await page.goto(`/w/${workspaceId}/p/${productId}/items/DEMO-4`);
    await page.getByRole('heading', { level: 1, name: 'Connect the data warehouse in under five minutes' }).waitFor();
    await page.getByText('You can update the status, estimate, criteria and blocked flag of work assigned to you').waitFor();

    // Criterion 2 is open; checking it off saves.
    await page.getByText('1 of 2 done').waitFor();
    await page.getByRole('checkbox', { name: 'Criterion 2 done' }).check();
    await page.getByText('2 of 2 done').waitFor();
    const status = page.getByLabel('Status', { exact: true });
    expect(await status.isEnabled()).toBe(true);
    await status.selectOption('in_review');
    await page.getByText('All changes saved').waitFor();
    await expect.poll(async () => ((await (await context.request.get('/api/v1/items/DEMO-4')).json()) as { status: string; acceptanceCriteria: Array<{ done: boolean }> }).status).toBe('in_review');
    expect(await page.getByLabel('Estimate (points)').isEnabled()).toBe(true);
    expect(await page.getByLabel('Blocked', { exact: true }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add criterion' }).count()).toBe(1);

    // Everything else is the product owner's: no title editor, even by its shortcut.
    expect(await page.getByRole('button', { name: 'Edit title' }).count()).toBe(0);
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('e');
    expect(await page.getByLabel('Title', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit description' }).count()).toBe(0);
    expect(await page.getByLabel('Type', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Assignee').isDisabled()).toBe(true);
    expect(await page.getByLabel('As a', { exact: true }).isDisabled()).toBe(true);
    // Nor may a contributor record decisions.
    expect(await page.getByRole('button', { name: 'Record a decision about this item' }).count()).toBe(0);

    // A story nobody assigned to them: all read-only, and the page says why.
    await page.goto(`/w/${workspaceId}/p/${productId}/items/DEMO-7`);
    await page.getByRole('heading', { level: 1, name: 'Sample dashboards on day one' }).waitFor();
    await page.getByText('This item is not assigned to you').waitFor();
    expect(await page.getByLabel('Status', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Criterion 1 done' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Estimate (points)').isDisabled()).toBe(true);
    expect(await page.getByLabel('Blocked', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add criterion' }).count()).toBe(0);
    await context.close();
  });
});
