import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoProduct, newContext, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

const RELEASE = 'Mobile beta';

const card = (page: Page) => page.getByRole('article', { name: RELEASE });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Workspace' });
const daysFrom = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('releases', () => {
  it('the PM plans a release, scopes two items, pulls the target in and sees it at risk, then deletes it; the PO sees the release arrive and go live', async () => {
    const pmContext = await newContext(env.browser, env.tandem);
    const poContext = await newContext(env.browser, env.tandem);
    await Promise.all([signInByApi(pmContext, 'pm@demo.test'), signInByApi(poContext, 'po@demo.test')]);
    const { workspaceId, productId } = await demoProduct(pmContext);
    const base = `/w/${workspaceId}/p/${productId}`;

    // The PO reads the seeded releases and stays on the page, never reloaded.
    const po = await poContext.newPage();
    await po.goto(`${base}/releases`);
    await po.getByRole('article', { name: 'Onboarding 2.0' }).waitFor();
    await po.locator('[data-realtime="live"]').waitFor();
    expect(await po.getByRole('button', { name: 'New release' }).count()).toBe(0);

    // Two open stories to put in the release.
    const items = (await (await pmContext.request.get(`/api/v1/products/${productId}/items?limit=200`)).json()) as { items: Array<{ key: string; title: string; type: string; status: string }> };
    const [first, second] = items.items.filter((item) => item.type === 'story' && item.status !== 'done' && item.status !== 'canceled');
    if (!first || !second) throw new Error('the demo should have two open stories');

    // The PM reaches Releases from the sidebar and plans one, far enough out to be on track.
    const pm = await pmContext.newPage();
    await pm.goto(`${base}/items`);
    await sidebar(pm).getByRole('link', { name: 'Releases' }).click();
    await pm.getByRole('heading', { level: 1, name: 'Releases' }).waitFor();
    await pm.getByRole('button', { name: 'New release' }).click();
    const form = pm.getByRole('dialog', { name: 'New release' });
    await form.getByLabel('Name').fill(RELEASE);
    const farTarget = daysFrom(new Date().toISOString().slice(0, 10), 365);
    await form.getByLabel('Target date').fill(farTarget);
    await form.getByRole('button', { name: 'Create release' }).click();
    await card(pm).waitFor();
    await card(po).waitFor();

    // One item by its key, one found by its title.
    const add = card(pm).getByLabel(`Add an item to “${RELEASE}”`);
    await add.fill(first.key);
    await add.press('Enter');
    await card(pm).getByRole('list', { name: `Items in “${RELEASE}”` }).getByRole('link', { name: new RegExp(first.key) }).waitFor();
    await add.fill(second.title.slice(0, 24));
    await card(pm).getByRole('list', { name: 'Matching items' }).getByRole('button', { name: new RegExp(second.key) }).click();
    const scope = card(pm).getByRole('list', { name: `Items in “${RELEASE}”` });
    await expect.poll(() => scope.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => card(pm).locator('.release-progress-text').textContent()).toMatch(/of 2 items/);
    expect(await card(pm).getByText('At risk', { exact: true }).count()).toBe(0);

    // The PO scopes at story level: a feature is offered but not for them to add.
    await card(po).getByLabel(`Add an item to “${RELEASE}”`).fill('Exportable audit');
    const offered = card(po).getByRole('list', { name: 'Matching items' }).getByRole('button', { name: /DEMO-25/ });
    await offered.getByText('features are scoped by the product manager').waitFor();
    expect(await offered.isDisabled()).toBe(true);

    // The forecast's 85 % date, a day before it as the new target: surely at risk.
    const releases = (await (await pmContext.request.get(`/api/v1/products/${productId}/releases`)).json()) as { items: Array<{ id: string; name: string }> };
    const release = releases.items.find((candidate) => candidate.name === RELEASE)!;
    const forecast = (await (await pmContext.request.get(`/api/v1/releases/${release.id}/forecast`)).json()) as { p85: string | null };
    expect(forecast.p85).not.toBeNull();
    const target = daysFrom(forecast.p85!, -1);

    await card(pm).getByRole('button', { name: `Edit “${RELEASE}”` }).click();
    const edit = pm.getByRole('dialog', { name: `Edit “${RELEASE}”` });
    await edit.getByLabel('Target date').fill(target);
    await edit.getByRole('button', { name: 'Save release' }).click();
    await card(pm).getByText('At risk', { exact: true }).waitFor();
    expect(await card(pm).locator('.release-target').textContent()).toMatch(new RegExp(`^Target ${target}`));
    await expect.poll(() => card(pm).locator('.release-summary').textContent()).toMatch(/now at risk: 85 % forecast/);
    await card(po).getByText('At risk', { exact: true }).waitFor();

    // The history reads in plain words.
    await card(pm).getByText(/^Change history/).click();
    await card(pm).getByText(`${first.key} ${first.title} added`).waitFor();
    await card(pm).getByText(new RegExp(`Target moved from ${farTarget} to ${target}`)).waitFor();

    // Deleted after a confirmation: gone from both pages, its items back in no release.
    await card(pm).getByRole('button', { name: `Delete “${RELEASE}”` }).click();
    const confirm = pm.getByRole('dialog', { name: `Delete the release “${RELEASE}”?` });
    await confirm.getByRole('button', { name: 'Delete release' }).click();
    await pm.getByText(`Release deleted: ${RELEASE}`).waitFor();
    await card(pm).waitFor({ state: 'detached' });
    await card(po).waitFor({ state: 'detached' });
    expect((await pmContext.request.get(`/api/v1/releases/${release.id}`)).status()).toBe(404);

    // Dependencies on the item page: DEMO-4 blocks DEMO-7 and DEMO-5 blocks DEMO-4, so DEMO-7 cannot block DEMO-5.
    await pm.goto(`${base}/items/DEMO-7`);
    await pm.getByRole('list', { name: 'Items blocking DEMO-7' }).getByRole('link', { name: /DEMO-4/ }).waitFor();
    await pm.getByLabel('DEMO-7 blocks').fill('DEMO-5');
    await pm.getByRole('button', { name: 'Add', exact: true }).click();
    await pm.getByRole('alert').filter({ hasText: /DEMO-7 cannot block DEMO-5/ }).waitFor();
    await Promise.all([pmContext.close(), poContext.close()]);
  });
});
