import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoProduct, newContext, seriousViolations, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

describe('market research', () => {
  it('the PM adds a competitor and a capability, sets a cell, adds a plan, packages a feature and exports the grid as Markdown', async () => {
    const context = await newContext(env.browser, env.tandem);
    await signInByApi(context, 'pm@demo.test');
    const { workspaceId, productId } = await demoProduct(context);
    const items = (await (await context.request.get(`/api/v1/products/${productId}/items?limit=200`)).json()) as { items: Array<{ key: string; title: string; type: string }> };
    const feature = items.items.find((item) => item.title === 'EU data residency' && item.type === 'feature');
    if (!feature) throw new Error('the demo should have the EU data residency feature');

    const page = await context.newPage();
    await page.goto(`/w/${workspaceId}/p/${productId}/items`);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Market' }).click();
    await page.getByRole('heading', { level: 1, name: 'Market' }).waitFor();

    // A competitor, with its positioning in Markdown.
    await page.getByRole('button', { name: 'Add competitor' }).click();
    const competitorForm = page.getByRole('dialog', { name: 'Add a competitor' });
    await competitorForm.getByLabel('Name').fill('Posthaste');
    await competitorForm.getByLabel('Website').fill('https://www.posthaste.example');
    await competitorForm.getByLabel('Positioning').fill('Open-source **analytics** you host yourself');
    await competitorForm.getByRole('button', { name: 'Add competitor' }).click();
    const card = page.getByRole('article', { name: 'Posthaste' });
    await card.getByText('posthaste.example').waitFor();
    await card.locator('strong', { hasText: 'analytics' }).waitFor();

    // A capability linked to our feature; its cells read unknown until someone says.
    await page.getByRole('button', { name: 'Add capability' }).click();
    const capabilityForm = page.getByRole('dialog', { name: 'Add a capability' });
    await capabilityForm.getByLabel('Capability').fill('EU data residency');
    await capabilityForm.getByLabel('Our epic or feature').selectOption({ label: `${feature.key} ${feature.title}` });
    await capabilityForm.getByLabel('How far we cover it').selectOption('none');
    await capabilityForm.getByRole('button', { name: 'Add capability' }).click();
    const row = page.getByRole('row', { name: /EU data residency/ });
    await row.getByRole('link', { name: feature.key }).waitFor();
    const cell = row.getByRole('button', { name: /^Posthaste, EU data residency: unknown/ });
    await cell.waitFor();

    // Set the cell with its note through the dialog, then change it from the keyboard.
    await cell.click();
    const cellDialog = page.getByRole('dialog', { name: 'Posthaste · EU data residency' });
    await cellDialog.getByLabel('Partly').check();
    await cellDialog.getByLabel('Note').fill('Frankfurt region, Enterprise only');
    await cellDialog.getByRole('button', { name: 'Save' }).click();
    await row.getByRole('button', { name: /^Posthaste, EU data residency: partly\. Frankfurt region, Enterprise only/ }).waitFor();
    await row.getByText('Gap', { exact: true }).waitFor();
    await row.getByRole('button', { name: /^Posthaste, EU data residency: partly/ }).press('h');
    await row.getByRole('button', { name: /^Posthaste, EU data residency: has it\. Frankfurt region/ }).waitFor();
    await expect.poll(() => row.locator('.market-coverage-text').textContent()).toMatch(/^we do not have it \/ 1 of 4 competitors has it/);

    // A plan with an exact price, and the feature packaged in it as an add-on.
    await page.getByRole('button', { name: 'Add plan' }).click();
    const planForm = page.getByRole('dialog', { name: 'Add a pricing plan' });
    await planForm.getByLabel('Plan name').fill('Scale');
    await planForm.getByLabel('Price').fill('129.90');
    await planForm.getByLabel('Currency').fill('EUR');
    await planForm.getByRole('button', { name: 'Add plan' }).click();
    await page.getByRole('columnheader', { name: /Scale.*€129\.90 \/ month/ }).waitFor();

    await page.getByRole('button', { name: 'Package a feature' }).click();
    const packageForm = page.getByRole('dialog', { name: 'Package a feature' });
    await packageForm.getByLabel('Epic or feature').selectOption({ label: `${feature.key} ${feature.title}` });
    await packageForm.getByLabel('Plan', { exact: true }).selectOption({ label: 'Scale' });
    await packageForm.getByLabel('Add-on').check();
    await packageForm.getByLabel('Note').fill('€2 per seat | billed yearly');
    await packageForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: /^EU data residency in Scale: add-on\. €2 per seat \| billed yearly/ }).waitFor();

    // The export downloads a Markdown table with the plan, its price and the escaped note.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('demo-packaging.md');
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^# Pulse: pricing and packaging\n/);
    expect(markdown).toContain('| Feature | Starter (€0.00 / month) | Growth (€49.00 / month) | Enterprise (Custom pricing) | Scale (€129.90 / month) |');
    expect(markdown).toContain(`| ${feature.key} EU data residency | — | — | — | + Add-on: €2 per seat \\| billed yearly |`);

    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
