import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoProduct, newContext, seriousViolations, setTheme, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

// The demo's release with no checklist yet; DEMO-26 is one of its stories.
const RELEASE = 'Enterprise GA';

const checklist = (page: Page) => page.getByRole('list', { name: `Launch checklist of “${RELEASE}”` });
const readiness = (page: Page) => page.getByTestId('launch-readiness');

describe('launches', () => {
  it('the PM starts a checklist from the template, assigns and completes it to 100 % ready, then edits and exports the notes; the PO watches it live', async () => {
    const pmContext = await newContext(env.browser, env.tandem);
    const poContext = await newContext(env.browser, env.tandem);
    const [, poCsrf] = await Promise.all([signInByApi(pmContext, 'pm@demo.test'), signInByApi(poContext, 'po@demo.test')]);
    const { workspaceId, productId } = await demoProduct(pmContext);
    const base = `/w/${workspaceId}/p/${productId}`;

    // One story of the release is done, so the notes have something to say.
    const done = await poContext.request.patch('/api/v1/items/DEMO-26', { data: { status: 'done' }, headers: { 'x-csrf-token': poCsrf } });
    expect(done.status(), await done.text()).toBe(200);

    // The PM goes from the release card to its launch page.
    const pm = await pmContext.newPage();
    await pm.goto(`${base}/releases`);
    const card = pm.getByRole('article', { name: RELEASE });
    await card.getByText('No launch checklist yet').waitFor();
    await card.getByRole('link', { name: `Launch checklist and notes of “${RELEASE}”` }).click();
    await pm.getByRole('heading', { level: 1, name: `Launch: ${RELEASE}` }).waitFor();
    await pm.getByRole('heading', { name: 'No launch checklist yet' }).waitFor();

    // The PO reads the same page (no controls) and never reloads it.
    const po = await poContext.newPage();
    await po.goto(pm.url().replace(env.tandem.url, ''));
    await po.getByRole('heading', { name: 'No launch checklist yet' }).waitFor();
    await po.locator('[data-realtime="live"]').waitFor();
    expect(await po.getByRole('button', { name: 'Start from the template' }).count()).toBe(0);

    await pm.getByRole('button', { name: 'Start from the template' }).click();
    await expect.poll(() => checklist(pm).getByRole('listitem').count()).toBe(7);
    await expect.poll(() => readiness(pm).textContent()).toMatch(/^0 of 7 launch tasks done \(0 %\)/);
    await expect.poll(() => checklist(po).getByRole('listitem').count()).toBe(7);

    // An owner and a due date for QA, a clearer title for the announcement; sales enablement is not needed for this launch.
    const qa = 'Engineering QA sign-off';
    await pm.getByLabel(`Owner of “${qa}”`).selectOption({ label: 'Dana Developer' });
    await expect.poll(() => checklist(po).getByRole('listitem').filter({ hasText: qa }).textContent()).toContain('Dana Developer');
    await pm.getByLabel(`Due date of “${qa}”`).fill('2030-01-15');
    await expect.poll(() => checklist(po).getByRole('listitem').filter({ hasText: qa }).textContent()).toContain('due 2030-01-15');
    await pm.getByRole('button', { name: 'Rename “Announcement”' }).click();
    const rename = pm.getByLabel('New title for “Announcement”');
    await rename.fill('Announcement and launch email');
    await rename.press('Enter');
    await checklist(po).getByText('Announcement and launch email').waitFor();
    await pm.getByLabel('State of “Sales enablement”').selectOption('skipped');
    await expect.poll(() => readiness(pm).textContent()).toMatch(/^0 of 6 launch tasks done/);

    // Every counted task done, one at a time (each tick is saved before the next).
    const titles = (await checklist(pm).locator('.launch-task-title').allTextContents()).filter((title) => title !== 'Sales enablement');
    for (const title of titles) {
      const saved = pm.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes('/launch-tasks/'));
      await pm.getByLabel(`Mark “${title}” done`).check();
      expect((await saved).status()).toBe(200);
    }
    await expect.poll(() => readiness(pm).textContent()).toMatch(/^6 of 6 launch tasks done \(100 %\).*Ready to launch/);
    await expect.poll(() => readiness(po).textContent()).toMatch(/^6 of 6 launch tasks done \(100 %\)/);

    // The notes start as a draft from the done story, under its epic; the PM edits, saves and downloads them.
    const editor = pm.getByLabel('Release notes (Markdown)');
    await expect.poll(() => editor.inputValue()).toContain('## Enterprise readiness\n\n- **Export a month of audit events as CSV**');
    await expect.poll(() => pm.getByTestId('notes-status').textContent()).toMatch(/not saved yet/);
    const edited = `${await editor.inputValue()}\nAsk your account manager to switch on SSO.\n`;
    await editor.fill(edited);
    await pm.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => pm.getByTestId('notes-status').textContent()).toMatch(/^Saved \d{4}-\d\d-\d\d · version 1$/);
    await po.getByText('Ask your account manager to switch on SSO.').waitFor();

    const [download] = await Promise.all([pm.waitForEvent('download'), pm.getByRole('link', { name: 'Download Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('enterprise-ga-release-notes.md');
    expect(await readFile((await download.path())!, 'utf8')).toBe(edited);

    // The release card reads the readiness too.
    await pm.goto(`${base}/releases`);
    await card.getByText('6 of 6 launch tasks done (100 %)').waitFor();

    await pm.goto(po.url().replace(env.tandem.url, ''));
    await readiness(pm).waitFor();
    expect(await seriousViolations(pm)).toEqual([]);
    // Both themes read well, the release card's launch line too.
    await setTheme(pm, 'dark');
    await readiness(pm).waitFor();
    expect(await seriousViolations(pm)).toEqual([]);
    await pm.goto(`${base}/releases`);
    await card.getByText('6 of 6 launch tasks done (100 %)').waitFor();
    expect(await seriousViolations(pm)).toEqual([]);
    await Promise.all([pmContext.close(), poContext.close()]);
  });
});
