import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { addDays } from '../../src/domain/calendar';
import { demoProduct, newContext, selectWords, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

const GOAL = 'Growth teams act on their funnels';
const METRIC = 'Funnels with an action taken';
const INITIATIVE = 'Funnels that explain themselves';
const FEATURE = 'Funnel step drop-off explorer';
const STORY = 'Compare conversion between two segments side by side';
const RELEASE = 'Funnels in the spring';

interface Listed {
  key: string;
  title: string;
}

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Workspace' });
const releaseCard = (page: Page) => page.getByRole('article', { name: RELEASE });

async function keyOf(api: APIRequestContext, productId: string, title: string): Promise<string> {
  const found = (await (await api.get(`/api/v1/products/${productId}/items?q=${encodeURIComponent(`"${title}"`)}`)).json()) as { items: Listed[] };
  const item = found.items.find((candidate) => candidate.title === title);
  if (!item) throw new Error(`the demo should have “${title}”`);
  return item.key;
}

/** Adds an insight from the inbox form and links it to `key`, taking the passage from the words selected in its card. */
async function captureInsight(page: Page, insight: { customer: string; said: string; passage: string; source: string; importance: string }, key: string): Promise<void> {
  await page.getByRole('button', { name: 'Add insight' }).click();
  const form = page.getByRole('dialog', { name: 'Add an insight' });
  await form.getByLabel('Quote or note').fill(insight.said);
  await form.getByLabel('Source').selectOption(insight.source);
  await form.getByLabel('Customer').selectOption({ label: insight.customer });
  await form.getByRole('button', { name: 'Add insight' }).click();
  const card = page.getByRole('article', { name: new RegExp(`^${insight.customer.replace(/ \(.*\)$/, '')}: ${insight.said.slice(0, 20)}`) });
  await card.getByRole('button', { name: 'Link to an item' }).click();
  await card.getByLabel('Item', { exact: true }).fill(key);
  await card.getByRole('list', { name: 'Matching items' }).getByRole('button', { name: new RegExp(key) }).click();
  await selectWords(card.locator('.insight-text'), insight.passage);
  await expect.poll(() => card.getByLabel('Passage').inputValue()).toBe(insight.passage);
  await card.getByLabel('Importance').selectOption(insight.importance);
  await card.getByRole('button', { name: 'Link', exact: true }).click();
  // Linked, it leaves the inbox.
  await card.waitFor({ state: 'detached' });
}

describe('the product manager’s journey', () => {
  it('from a goal to a launched release: the PM sets the goal, aligns a feature, backs it with two customers’ words, puts it in a release on the timeline, sees the risk of a pulled-in date and completes the launch checklist; the PO watches it live', async () => {
    const pmContext = await newContext(env.browser, env.tandem);
    const poContext = await newContext(env.browser, env.tandem);
    await Promise.all([signInByApi(pmContext, 'pm@demo.test'), signInByApi(poContext, 'po@demo.test')]);
    const { workspaceId, productId } = await demoProduct(pmContext);
    const base = `/w/${workspaceId}/p/${productId}`;
    const [feature, story] = await Promise.all([keyOf(pmContext.request, productId, FEATURE), keyOf(pmContext.request, productId, STORY)]);

    // The PO keeps the traceability view open and never reloads it.
    const po = await poContext.newPage();
    await po.goto(`${base}/traceability`);
    await po.getByRole('list', { name: 'Epics and features serving no goal' }).getByText(FEATURE).waitFor();
    await po.locator('[data-realtime="live"]').waitFor();

    // 1. A goal with a key result, and an initiative serving it.
    const pm = await pmContext.newPage();
    await pm.goto(`${base}/items`);
    await sidebar(pm).getByRole('link', { name: 'Strategy' }).click();
    await pm.getByRole('button', { name: 'New goal' }).click();
    const goalForm = pm.getByRole('dialog', { name: 'Set a goal' });
    await goalForm.getByLabel('Goal', { exact: true }).fill(GOAL);
    const keyResult = goalForm.getByRole('group', { name: 'Key result 1' });
    await keyResult.getByLabel('Metric').fill(METRIC);
    await keyResult.getByLabel('Unit').fill('%');
    await keyResult.getByLabel('Baseline').fill('10');
    await keyResult.getByLabel('Target').fill('50');
    await goalForm.getByRole('button', { name: 'Set goal' }).click();
    const goal = pm.getByRole('article', { name: GOAL });
    await goal.getByRole('button', { name: `Record the current value of “${METRIC}”` }).click();
    await goal.getByLabel(`Current value of “${METRIC}” (%)`).fill('20');
    await goal.getByLabel(`Current value of “${METRIC}” (%)`).press('Enter');
    await expect.poll(() => goal.getByRole('progressbar', { name: METRIC }).getAttribute('aria-valuenow')).toBe('25');

    await pm.getByRole('button', { name: 'New initiative' }).click();
    const initiativeForm = pm.getByRole('dialog', { name: 'Start an initiative' });
    await initiativeForm.getByLabel('Initiative', { exact: true }).fill(INITIATIVE);
    await initiativeForm.getByLabel('Status').selectOption('active');
    await initiativeForm.getByRole('checkbox', { name: new RegExp(GOAL) }).check();
    await initiativeForm.getByRole('button', { name: 'Start initiative' }).click();
    await pm.getByRole('list', { name: 'Initiatives' }).getByRole('heading', { name: INITIATIVE }).waitFor();

    // 2. The unaligned feature, flagged as serving no goal, is aligned to the initiative; the PO's tree follows.
    await sidebar(pm).getByRole('link', { name: 'Traceability' }).click();
    const orphan = pm.getByRole('list', { name: 'Epics and features serving no goal' }).getByRole('listitem').filter({ hasText: FEATURE });
    await orphan.getByRole('combobox').selectOption({ label: `${INITIATIVE} (Active)` });
    await orphan.getByRole('button', { name: /^Align / }).click();
    await orphan.waitFor({ state: 'detached' });
    await po.getByRole('list', { name: `Work aligned to “${INITIATIVE}”` }).getByRole('link', { name: new RegExp(FEATURE) }).waitFor();

    // 3. Two customers from different segments, in their own words, linked to the feature.
    await sidebar(pm).getByRole('link', { name: 'Insights' }).click();
    await pm.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    await captureInsight(
      pm,
      { customer: 'Helios Bank (Enterprise)', said: 'Our analysts cannot see where applicants give up. Show us which step loses people and we will roll Pulse out to every branch.', passage: 'which step loses people', source: 'interview', importance: 'critical' },
      feature,
    );
    await captureInsight(
      pm,
      { customer: 'Kestrel Apps (Start-up)', said: 'We export funnels to a spreadsheet every Monday just to find the step where people drop off.', passage: 'find the step where people drop off', source: 'support', importance: 'important' },
      feature,
    );

    // 4. The feature's evidence, by segment, and its suggested reach taken as the RICE reach.
    await pm.goto(`${base}/items/${feature}`);
    const evidence = pm.getByRole('region', { name: /^Evidence/ });
    await expect.poll(() => evidence.locator('.evidence-stats').innerText()).toMatch(/Insights\s+2\s+Customers\s+2\s+Revenue\s+242,400/);
    const bySegment = evidence.getByRole('table', { name: /Demand by segment/ });
    await bySegment.getByRole('row', { name: /Enterprise/ }).waitFor();
    await bySegment.getByRole('row', { name: /Start-up/ }).waitFor();
    await evidence.getByText('Suggested reach 2').waitFor();
    await evidence.getByRole('button', { name: 'Use as RICE reach' }).click();
    const scoring = pm.getByRole('form', { name: 'Score this item' });
    await expect.poll(() => scoring.getByLabel('Reach', { exact: true }).inputValue()).toBe('2');
    await scoring.getByLabel('Confidence (%)').fill('80');
    await scoring.getByLabel('Effort (person-months)').fill('1');
    await scoring.getByRole('button', { name: 'Save RICE score' }).click();
    await evidence.getByText('The RICE score already uses this reach.').waitFor();

    // 5. A release a year out with the feature and a story of the same epic; the PO's releases page, reached in the app, sees it arrive.
    await sidebar(po).getByRole('link', { name: 'Releases' }).click();
    await po.getByRole('heading', { level: 1, name: 'Releases' }).waitFor();
    await sidebar(pm).getByRole('link', { name: 'Releases' }).click();
    await pm.getByRole('button', { name: 'New release' }).click();
    const releaseForm = pm.getByRole('dialog', { name: 'New release' });
    const today = new Date().toISOString().slice(0, 10);
    await releaseForm.getByLabel('Name').fill(RELEASE);
    await releaseForm.getByLabel('Target date').fill(addDays(today, 365));
    await releaseForm.getByRole('button', { name: 'Create release' }).click();
    const add = releaseCard(pm).getByLabel(`Add an item to “${RELEASE}”`);
    const scope = releaseCard(pm).getByRole('list', { name: `Items in “${RELEASE}”` });
    for (const key of [feature, story]) {
      await add.fill(key);
      await add.press('Enter');
      await scope.getByRole('link', { name: new RegExp(key) }).waitFor();
    }
    await expect.poll(() => releaseCard(po).getByRole('list', { name: `Items in “${RELEASE}”` }).getByRole('listitem').count()).toBe(2);

    // 6. On the timeline the feature, planned for later, is brought forward from the keyboard; as the release's only planned work it is its critical path.
    await sidebar(pm).getByRole('link', { name: 'Roadmap' }).click();
    const bar = pm.locator(`.tl-bar[data-bar="${feature}"]`);
    await bar.focus();
    await pm.keyboard.press('Enter');
    const plan = pm.getByRole('dialog', { name: `Plan ${feature}` });
    await plan.getByLabel('Start date').fill(addDays(today, 7));
    await plan.getByLabel('Target date').fill(addDays(today, 34));
    await plan.getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(() => bar.getAttribute('aria-label')).toMatch(/, 28 days$/);
    await pm.getByLabel('Critical path of').selectOption({ label: RELEASE });
    await pm.getByText(`Critical path: 28 days, ${feature}`).waitFor();
    expect(await pm.locator('.tl-bar.is-critical').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-bar')))).toEqual([feature]);

    // 7. The forecast from the team's throughput; a target pulled in before its 85 % date turns the release at risk, for both.
    await sidebar(pm).getByRole('link', { name: 'Releases' }).click();
    const forecast = releaseCard(pm).getByRole('region', { name: `Forecast for “${RELEASE}”` });
    const p85 = (await forecast.locator('.release-percentile').filter({ hasText: '85 % likely by' }).locator('.release-percentile-date').textContent()) ?? '';
    expect(p85).toMatch(/^\d{4}-\d\d-\d\d$/);
    await forecast.getByRole('img', { name: /^Simulated finishing dates/ }).waitFor();
    expect(await releaseCard(pm).getByText('At risk', { exact: true }).count()).toBe(0);
    await releaseCard(pm).getByRole('button', { name: `Edit “${RELEASE}”` }).click();
    const edit = pm.getByRole('dialog', { name: `Edit “${RELEASE}”` });
    await edit.getByLabel('Target date').fill(addDays(p85, -1));
    await edit.getByRole('button', { name: 'Save release' }).click();
    await releaseCard(pm).getByText('At risk', { exact: true }).waitFor();
    await expect.poll(() => releaseCard(pm).locator('.release-summary').textContent()).toMatch(new RegExp(`now at risk: 85 % forecast ${p85}`));
    await releaseCard(po).getByText('At risk', { exact: true }).waitFor();
    // The timeline flags the release's target too.
    await sidebar(pm).getByRole('link', { name: 'Roadmap' }).click();
    await pm.locator('.tl-marker-label.tl-marker-release').filter({ hasText: `${RELEASE} · at risk` }).waitFor();

    // 8. The launch checklist from the template, every task done: ready to launch, on the PO's card too.
    await sidebar(pm).getByRole('link', { name: 'Releases' }).click();
    await releaseCard(pm).getByRole('link', { name: `Launch checklist and notes of “${RELEASE}”` }).click();
    await pm.getByRole('button', { name: 'Start from the template' }).click();
    const checklist = pm.getByRole('list', { name: `Launch checklist of “${RELEASE}”` });
    await expect.poll(() => checklist.getByRole('listitem').count()).toBe(7);
    for (const title of await checklist.locator('.launch-task-title').allTextContents()) {
      const saved = pm.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes('/launch-tasks/'));
      await pm.getByLabel(`Mark “${title}” done`).check();
      expect((await saved).status()).toBe(200);
    }
    await expect.poll(() => pm.getByTestId('launch-readiness').textContent()).toMatch(/^7 of 7 launch tasks done \(100 %\)/);
    await expect
      .poll(() => releaseCard(po).getByRole('progressbar', { name: `Launch readiness of “${RELEASE}”` }).getAttribute('aria-valuenow'))
      .toBe('100');

    await Promise.all([pmContext.close(), poContext.close()]);
  });
});
