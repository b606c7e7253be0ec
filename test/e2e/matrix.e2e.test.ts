import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { effortToX, matrixLayout, valueToY, type Ratings } from '../../src/web/features/prioritization/matrix-model';
import { demoProduct, horizontalOverflow, newContext, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

const point = (page: Page, key: string) => page.locator(`.matrix-svg [data-key="${key}"]`);
const tableRow = (page: Page, key: string) => page.getByRole('region', { name: /^Items on the matrix/ }).getByRole('row').filter({ has: page.getByRole('link', { name: key, exact: true }) });

async function storedRatings(api: APIRequestContext, key: string): Promise<Ratings | undefined> {
  const scores = (await (await api.get(`/api/v1/items/${key}/scores`)).json()) as { items: Array<{ framework: string; inputs: Ratings }> };
  const inputs = scores.items.find((score) => score.framework === 'value_effort')?.inputs;
  return inputs && { value: inputs.value, effort: inputs.effort };
}

/** Where a cell's centre is on the page: the chart's view box is sized to the element, laid out by the same model. */
async function cellCentre(page: Page, ratings: Ratings): Promise<{ x: number; y: number }> {
  const svg = await page.locator('.matrix-svg').boundingBox();
  if (!svg) throw new Error('the chart must be on screen');
  const { box } = matrixLayout(svg.width);
  return { x: svg.x + effortToX(ratings.effort, box), y: svg.y + valueToY(ratings.value, box) };
}

describe('the prioritisation matrix', () => {
  it('the PO adds a demo item, drags it to a new cell and moves it with the keyboard; the scores are stored and a viewer sees them live', async () => {
    const poContext = await newContext(env.browser, env.tandem);
    const viewerContext = await newContext(env.browser, env.tandem);
    await Promise.all([signInByApi(poContext, 'po@demo.test'), signInByApi(viewerContext, 'viewer@demo.test')]);
    const { workspaceId, productId } = await demoProduct(poContext);
    const base = `/w/${workspaceId}/p/${productId}`;

    // The viewer reads the matrix: no list to add from, points it cannot move.
    const viewer = await viewerContext.newPage();
    await viewer.goto(`${base}/matrix`);
    await viewer.getByRole('heading', { level: 1, name: 'Prioritisation matrix' }).waitFor();
    await viewer.locator('[data-realtime="live"]').waitFor();
    expect(await viewer.getByRole('region', { name: 'Not on the matrix yet' }).count()).toBe(0);

    // The PO reaches it from the sidebar and adds a demo story from the side list, at value 3, effort 8.
    const po = await poContext.newPage();
    await po.goto(`${base}/items`);
    await po.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Matrix' }).click();
    await po.getByRole('heading', { level: 1, name: 'Prioritisation matrix' }).waitFor();
    const side = po.getByRole('region', { name: 'Not on the matrix yet' });
    await side.getByLabel('Search items').fill('Guided setup checklist');
    await side.getByLabel('Value').selectOption('3');
    await side.getByLabel('Effort').selectOption('8');
    await side.getByRole('button', { name: 'Add DEMO-2 to the matrix' }).click();
    await point(po, 'DEMO-2').waitFor();
    await expect.poll(() => storedRatings(poContext.request, 'DEMO-2')).toEqual({ value: 3, effort: 8 });
    await expect.poll(() => side.getByRole('button', { name: 'Add DEMO-2 to the matrix' }).count()).toBe(0);
    expect(await tableRow(po, 'DEMO-2').getByRole('cell').allInnerTexts()).toEqual(['DEMO-2', 'Guided setup checklist', '3', '8', 'Time sink', '0.38']);

    // Dragged with the mouse to value 9, effort 2; the readout follows the pointer's cell.
    const from = await cellCentre(po, { value: 3, effort: 8 });
    const to = await cellCentre(po, { value: 9, effort: 2 });
    await po.mouse.move(from.x, from.y);
    await po.mouse.down();
    await po.mouse.move(from.x - 10, from.y - 6, { steps: 3 });
    await po.mouse.move(to.x, to.y, { steps: 12 });
    await po.locator('.matrix-readout').getByText('Value 9 · Effort 2').waitFor();
    await po.mouse.up();
    await tableRow(po, 'DEMO-2').getByRole('cell', { name: 'Quick win' }).waitFor();
    await expect.poll(() => storedRatings(poContext.request, 'DEMO-2')).toEqual({ value: 9, effort: 2 });

    // The viewer's matrix follows without a reload.
    await tableRow(viewer, 'DEMO-2').getByRole('cell', { name: 'Quick win' }).waitFor();

    // The keyboard: two steps down in value, one right in effort, announced as it goes, saved with Enter.
    await point(po, 'DEMO-2').focus();
    await po.keyboard.press('ArrowDown');
    await po.keyboard.press('ArrowDown');
    await po.keyboard.press('ArrowRight');
    await expect.poll(() => po.locator('[aria-live="polite"]').first().textContent()).toBe('DEMO-2: value 7, effort 3 (quick win)');
    await po.keyboard.press('Enter');
    await expect.poll(() => storedRatings(poContext.request, 'DEMO-2')).toEqual({ value: 7, effort: 3 });
    expect(await tableRow(po, 'DEMO-2').getByRole('cell').allInnerTexts()).toEqual(['DEMO-2', 'Guided setup checklist', '7', '3', 'Quick win', '2.33']);
    await expect.poll(async () => (await tableRow(viewer, 'DEMO-2').getByRole('cell').allInnerTexts()).slice(2, 4)).toEqual(['7', '3']);

    // A move the server refuses goes back, and the page says so.
    await po.route('**/api/v1/items/*/scores', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 409, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, code: 'conflict', detail: 'The item is in the trash; restore it before scoring it' }) })
        : route.continue(),
    );
    await point(po, 'DEMO-2').focus();
    await po.keyboard.press('ArrowUp');
    await po.keyboard.press('Enter');
    await po.getByRole('alert').filter({ hasText: 'DEMO-2 could not be saved there, so it is back where it was. The item is in the trash' }).waitFor();
    await expect.poll(async () => (await tableRow(po, 'DEMO-2').getByRole('cell').allInnerTexts()).slice(2, 4)).toEqual(['7', '3']);
    await po.unroute('**/api/v1/items/*/scores');

    // The key opens the item page.
    await tableRow(po, 'DEMO-2').getByRole('link', { name: 'DEMO-2' }).click();
    await po.waitForURL(/\/items\/DEMO-2$/);

    // On a phone the chart, the list and the table fit without sideways scrolling.
    const phone = await poContext.newPage();
    await phone.setViewportSize({ width: 375, height: 740 });
    await phone.goto(`${base}/matrix`);
    await point(phone, 'DEMO-2').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);

    await Promise.all([poContext.close(), viewerContext.close()]);
  });
});
