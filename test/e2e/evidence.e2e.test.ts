import { describe, expect, it } from 'vitest';
import { demoProduct, newContext, seriousViolations, selectWords, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

describe('customer evidence', () => {
  it('the PM adds an insight, links it by selecting its passage, sees the feature’s evidence, uses the suggested reach for RICE, and uploads a CSV file', async () => {
    const context = await newContext(env.browser, env.tandem);
    await signInByApi(context, 'pm@demo.test');
    const { workspaceId, productId } = await demoProduct(context);
    const items = (await (await context.request.get(`/api/v1/products/${productId}/items?limit=200`)).json()) as { items: Array<{ key: string; title: string; type: string }> };
    const feature = items.items.find((item) => item.title === 'EU data residency' && item.type === 'feature');
    if (!feature) throw new Error('the demo should have the EU data residency feature');

    const page = await context.newPage();
    await page.goto(`/w/${workspaceId}/p/${productId}/items`);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();

    // An insight from the form, for a customer of the Enterprise segment.
    await page.getByRole('button', { name: 'Add insight' }).click();
    const form = page.getByRole('dialog', { name: 'Add an insight' });
    const said = 'Our auditors insist that patient data stays in Europe. Without EU data residency we cannot renew in March.';
    await form.getByLabel('Quote or note').fill(said);
    await form.getByLabel('Source').selectOption('sales');
    await form.getByLabel('Customer').selectOption({ label: 'Umbra Health (Enterprise)' });
    await form.getByRole('button', { name: 'Add insight' }).click();
    const card = page.getByRole('article', { name: /^Umbra Health: Our auditors insist/ });
    await card.getByText('Enterprise', { exact: true }).waitFor();

    // Link it to the feature, taking the passage from the words selected in the card.
    await card.getByRole('button', { name: 'Link to an item' }).click();
    await card.getByLabel('Item', { exact: true }).fill('EU data');
    await card.getByRole('list', { name: 'Matching items' }).getByRole('button', { name: new RegExp(feature.key) }).click();
    await selectWords(card.locator('.insight-text'), 'Without EU data residency');
    await expect.poll(() => card.getByLabel('Passage').inputValue()).toBe('Without EU data residency');
    await card.getByLabel('Importance').selectOption('critical');
    await card.getByRole('button', { name: 'Link', exact: true }).click();

    // Linked, it leaves the inbox to triage; under All it shows the highlighted passage and the item.
    await card.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await card.locator('mark', { hasText: 'Without EU data residency' }).waitFor();
    await card.getByRole('list', { name: 'Linked items' }).getByText('Critical').waitFor();

    // The feature's page shows the demand by segment and offers the reach for RICE.
    await card.getByRole('link', { name: new RegExp(feature.key) }).click();
    const evidence = page.getByRole('region', { name: /^Evidence/ });
    await evidence.getByText('1 insight', { exact: true }).waitFor();
    await expect.poll(() => evidence.locator('.evidence-stats').innerText()).toMatch(/Insights\s+1\s+Customers\s+1\s+Revenue\s+95,000/);
    const bars = evidence.getByRole('table', { name: /Demand by segment/ });
    await bars.getByRole('row', { name: /Enterprise.*95K/ }).waitFor();
    await evidence.getByText('Suggested reach 1').waitFor();
    await evidence.getByText('Not scored with RICE yet.').waitFor();
    await evidence.getByRole('button', { name: 'Use as RICE reach' }).click();
    const scoring = page.getByRole('form', { name: 'Score this item' });
    await expect.poll(() => scoring.getByLabel('Reach', { exact: true }).inputValue()).toBe('1');
    await scoring.getByLabel('Confidence (%)').fill('80');
    await scoring.getByLabel('Effort (person-months)').fill('2');
    await scoring.getByRole('button', { name: 'Save RICE score' }).click();
    await evidence.getByText('The RICE score already uses this reach.').waitFor();

    // A CSV file: refused whole with each bad row named, then taken whole.
    await page.goto(`/w/${workspaceId}/p/${productId}/insights`);
    await page.getByRole('button', { name: 'Upload CSV' }).click();
    const upload = page.getByRole('dialog', { name: 'Upload insights from a CSV file' });
    const file = (content: string) => ({ name: 'insights.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
    await upload.getByLabel('CSV file').setInputFiles(file('text,source,customer\nExports are slow,support,Helios Bank\nTagging takes ages,tweet,Quartz Labs\n'));
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByRole('list', { name: 'Problems in the file' }).getByText('Line 3, source').waitFor();
    await upload.getByLabel('CSV file').setInputFiles(file('text,source,customer\nExports are slow,support,Helios Bank\n"Tagging takes ages, every week",review,Quartz Labs\n'));
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByText('Imported 2 insights.').waitFor();
    await upload.getByText('New customers: Quartz Labs.').waitFor();
    await upload.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('article', { name: /^Quartz Labs: Tagging takes ages/ }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
