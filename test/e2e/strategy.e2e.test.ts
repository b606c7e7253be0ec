import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoProduct, newContext, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

const GOAL = 'Teams read their funnels every week';
const METRIC = 'Teams opening a funnel weekly';
const INITIATIVE = 'Funnels everyone can read';
const FEATURE = 'Breakdown funnels by any user property';

const goalCard = (page: Page) => page.getByRole('article', { name: GOAL });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Workspace' });
const alignedWork = (page: Page) => page.getByRole('list', { name: `Work aligned to “${INITIATIVE}”` });
const rollupOf = (page: Page, title: string) => alignedWork(page).getByRole('listitem').filter({ hasText: title }).locator('.trace-rollup-text');

describe('strategy and traceability', () => {
  it('the PM sets a goal, records a key result, starts an initiative and aligns an orphan feature; the PO watches the goal and the tree change live', async () => {
    const pmContext = await newContext(env.browser, env.tandem);
    const poContext = await newContext(env.browser, env.tandem);
    const [csrf] = await Promise.all([signInByApi(pmContext, 'pm@demo.test'), signInByApi(poContext, 'po@demo.test')]);
    const { workspaceId, productId } = await demoProduct(pmContext);
    const base = `/w/${workspaceId}/p/${productId}`;

    // The PO reads the strategy (no buttons to change it) and stays on it, never reloaded.
    const po = await poContext.newPage();
    await po.goto(`${base}/strategy`);
    await po.getByRole('article', { name: 'Close the enterprise deals in the pipeline' }).waitFor();
    await po.locator('[data-realtime="live"]').waitFor();
    expect(await po.getByRole('button', { name: 'New goal' }).count()).toBe(0);

    // The PM reaches the strategy from the sidebar and sets a goal with a key result.
    const pm = await pmContext.newPage();
    await pm.goto(`${base}/items`);
    await sidebar(pm).getByRole('link', { name: 'Strategy' }).click();
    await pm.getByRole('heading', { level: 1, name: 'Strategy' }).waitFor();
    await pm.getByRole('button', { name: 'New goal' }).click();
    const dialog = pm.getByRole('dialog', { name: 'Set a goal' });
    await dialog.getByLabel('Goal', { exact: true }).fill(GOAL);
    const keyResult = dialog.getByRole('group', { name: 'Key result 1' });
    await keyResult.getByLabel('Metric').fill(METRIC);
    await keyResult.getByLabel('Unit').fill('%');
    await keyResult.getByLabel('Baseline').fill('20');
    await keyResult.getByLabel('Target').fill('10');
    // A rising metric with its target below the baseline is explained before anything is sent.
    await dialog.getByRole('button', { name: 'Set goal' }).click();
    await keyResult.getByText('The target is below the baseline (20)').waitFor();
    await keyResult.getByLabel('Target').fill('60');
    await dialog.getByRole('button', { name: 'Set goal' }).click();
    await goalCard(pm).waitFor();
    expect(await goalCard(pm).getByText('No value yet').count()).toBe(1);

    // The weekly number, recorded in place: 20 → 30 of 20 → 60 is a quarter of the way, on the bar and on the PO's page.
    await goalCard(pm).getByRole('button', { name: `Record the current value of “${METRIC}”` }).click();
    await goalCard(pm).getByLabel(`Current value of “${METRIC}” (%)`).fill('30');
    await goalCard(pm).getByLabel(`Current value of “${METRIC}” (%)`).press('Enter');
    await expect.poll(() => goalCard(pm).getByRole('progressbar', { name: METRIC }).getAttribute('aria-valuenow')).toBe('25');
    expect(await goalCard(pm).getByRole('progressbar', { name: METRIC }).getAttribute('aria-valuetext')).toBe(`${METRIC} should rise from 20% to 60%; now 30%, 25% of the way.`);
    await expect.poll(() => goalCard(po).locator('.goal-progress-value').textContent()).toBe('25%');

    // An initiative serving the goal.
    await pm.getByRole('button', { name: 'New initiative' }).click();
    const form = pm.getByRole('dialog', { name: 'Start an initiative' });
    await form.getByLabel('Initiative', { exact: true }).fill(INITIATIVE);
    await form.getByLabel('Status').selectOption('active');
    await form.getByRole('checkbox', { name: new RegExp(GOAL) }).check();
    await form.getByRole('button', { name: 'Start initiative' }).click();
    const row = pm.getByRole('list', { name: 'Initiatives' }).getByRole('listitem').filter({ has: pm.getByRole('heading', { name: INITIATIVE }) });
    await row.getByRole('list', { name: `Goals “${INITIATIVE}” serves` }).getByRole('link', { name: new RegExp(GOAL) }).waitFor();

    // The PO moves to the traceability view in the app; the new initiative has no work yet.
    await sidebar(po).getByRole('link', { name: 'Traceability' }).click();
    await po.getByRole('button', { name: `Initiative “${INITIATIVE}”` }).waitFor();
    await po.getByText('No epic or feature is aligned to it yet').waitFor();

    // The PM aligns an unaligned demo feature from the orphans.
    await sidebar(pm).getByRole('link', { name: 'Traceability' }).click();
    const orphans = pm.getByRole('list', { name: 'Epics and features serving no goal' });
    const orphan = orphans.getByRole('listitem').filter({ hasText: FEATURE });
    await orphan.getByRole('combobox').selectOption({ label: `${INITIATIVE} (Active)` });
    await orphan.getByRole('button', { name: /^Align / }).click();
    await orphan.waitFor({ state: 'detached' });
    expect(await orphans.getByRole('listitem').filter({ hasText: 'Funnels 2.0' }).count()).toBe(1);

    // Its two stories (5 and 13 points) roll up under it, on both pages; a story done moves both.
    await expect.poll(() => rollupOf(pm, FEATURE).textContent()).toBe('0 of 18 points done · 0 of 2 items done');
    await expect.poll(() => rollupOf(po, FEATURE).textContent()).toBe('0 of 18 points done · 0 of 2 items done');
    const stories = (await (await pmContext.request.get(`/api/v1/products/${productId}/items?q=${encodeURIComponent('"Compare conversion between two segments"')}`)).json()) as { items: Array<{ key: string }> };
    const done = await pmContext.request.patch(`/api/v1/items/${stories.items[0]!.key}`, { data: { status: 'done' }, headers: { 'x-csrf-token': csrf } });
    expect(done.status(), await done.text()).toBe(200);
    await expect.poll(() => rollupOf(po, FEATURE).textContent()).toBe('5 of 18 points done · 1 of 2 items done');
    const goalRow = po.locator('.trace-goal').filter({ has: po.getByRole('link', { name: GOAL, exact: true }) }).locator('.trace-row').first();
    expect(await goalRow.locator('.trace-rollup-text').textContent()).toBe('5 of 18 points done · 1 of 2 items done');
    expect(await goalRow.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('28');

    // The feature's page says what it serves, and the story under it serves the same through it.
    await alignedWork(pm).getByRole('link', { name: new RegExp(FEATURE) }).click();
    const serves = pm.getByRole('list', { name: 'Initiatives and goals this item serves' });
    await serves.getByText('aligned directly').waitFor();
    await serves.getByRole('link', { name: GOAL }).waitFor();
    // Aligned to a second initiative from its own page: it now serves that goal too.
    await pm.getByRole('button', { name: 'Align to initiatives' }).click();
    await pm.getByRole('group', { name: /^Initiatives DEMO-\d+ serves$/ }).getByRole('checkbox', { name: /^Self-serve onboarding in an hour/ }).check();
    await pm.getByRole('button', { name: 'Save alignment' }).click();
    await serves.getByRole('link', { name: 'New workspaces succeed in their first week' }).waitFor();
    expect(await serves.getByText('aligned directly').count()).toBe(2);
    await pm.getByRole('list', { name: 'Children' }).getByRole('link', { name: /Time to convert between funnel steps/ }).click();
    await expect.poll(() => serves.getByText(new RegExp(`^through DEMO-\\d+ ${FEATURE}$`)).count()).toBe(2);

    await Promise.all([pmContext.close(), poContext.close()]);
  });
});
