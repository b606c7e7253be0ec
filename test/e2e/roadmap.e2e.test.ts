import { describe, expect, it } from 'vitest';
import type { APIRequestContext } from 'playwright-core';
import { addDays } from '../../src/domain/calendar';
import { DAY_WIDTH } from '../../src/web/features/roadmap/roadmap-model';
import { demoProduct, newContext, seriousViolations, signInByApi } from './support/browser';
import { useTandemAndBrowser } from './support/harness';

const env = useTandemAndBrowser();

interface Schedule {
  startDate: string | null;
  targetDate: string | null;
  horizon: string | null;
}

const schedule = async (api: APIRequestContext, key: string): Promise<Schedule> => (await (await api.get(`/api/v1/items/${key}/schedule`)).json()) as Schedule;

describe('the roadmap', () => {
  it('the PM drags the audit log past SSO on the timeline, clearing its conflict, and moves a feature from Next to Now on the board; a viewer sees it live', async () => {
    const pmContext = await newContext(env.browser, env.tandem);
    const viewerContext = await newContext(env.browser, env.tandem);
    await Promise.all([signInByApi(pmContext, 'pm@demo.test'), signInByApi(viewerContext, 'viewer@demo.test')]);
    const { workspaceId, productId } = await demoProduct(pmContext);
    const base = `/w/${workspaceId}/p/${productId}`;

    // The viewer reads the board: no Move menus.
    const viewer = await viewerContext.newPage();
    await viewer.goto(`${base}/roadmap?view=board`);
    await viewer.getByRole('list', { name: 'Next' }).locator('[data-item-key="DEMO-8"]').waitFor();
    await viewer.locator('[data-realtime="live"]').waitFor();
    expect(await viewer.getByRole('button', { name: /^Move DEMO-/ }).count()).toBe(0);

    // The PM reaches the timeline from the sidebar; the audit log starts before SSO, its blocker, is due.
    const pm = await pmContext.newPage();
    await pm.goto(`${base}/items`);
    await pm.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Roadmap' }).click();
    await pm.getByRole('heading', { level: 1, name: 'Roadmap' }).waitFor();
    const before = await schedule(pmContext.request, 'DEMO-25');
    const flag = pm.locator('[data-conflict="DEMO-25"]');
    await expect.poll(() => flag.textContent()).toMatch(/^starts before DEMO-22 is due \(\d{1,2} [A-Z][a-z]{2} \d{4}\)$/);

    // Enterprise GA's critical path is SSO then the audit log.
    await pm.getByLabel('Critical path of').selectOption({ label: 'Enterprise GA' });
    await pm.getByText(/Critical path: \d+ days, DEMO-22 → DEMO-25/).waitFor();
    expect(await pm.locator('.tl-bar.is-critical').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-bar')))).toEqual(['DEMO-22', 'DEMO-25']);
    expect(await seriousViolations(pm)).toEqual([]);

    // Dragged two weeks later with the mouse: it now starts after SSO is due, so the flag goes.
    const bar = pm.locator('.tl-bar[data-bar="DEMO-25"]');
    await bar.scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    if (!box) throw new Error('the audit log bar must be on screen');
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await pm.mouse.move(from.x, from.y);
    await pm.mouse.down();
    await pm.mouse.move(from.x + 10, from.y, { steps: 3 });
    await pm.mouse.move(from.x + 14 * DAY_WIDTH.months, from.y, { steps: 10 });
    await pm.mouse.up();
    await expect.poll(() => flag.count()).toBe(0);
    expect(await schedule(pmContext.request, 'DEMO-25')).toMatchObject({ startDate: addDays(before.startDate!, 14), targetDate: addDays(before.targetDate!, 14) });
    expect(((await (await pmContext.request.get(`/api/v1/products/${productId}/roadmap`)).json()) as { conflicts: unknown[] }).conflicts).toEqual([]);

    // On the board, the invite flow moves from Next to Now from the keyboard, through its Move menu.
    await pm.getByRole('link', { name: 'Now / Next / Later' }).click();
    const next = pm.getByRole('list', { name: 'Next' });
    await next.locator('[data-item-key="DEMO-8"]').waitFor();
    await pm.getByRole('button', { name: 'Move DEMO-8' }).focus();
    await pm.keyboard.press('Enter');
    await expect.poll(() => pm.evaluate(() => document.activeElement?.textContent)).toBe('Move to Now');
    await pm.keyboard.press('Enter');
    await pm.getByRole('list', { name: 'Now' }).locator('[data-item-key="DEMO-8"]').waitFor();
    await expect.poll(async () => (await schedule(pmContext.request, 'DEMO-8')).horizon).toBe('now');
    expect(await seriousViolations(pm)).toEqual([]);

    // The viewer's board follows without a reload.
    await viewer.getByRole('list', { name: 'Now' }).locator('[data-item-key="DEMO-8"]').waitFor();

    await Promise.all([pmContext.close(), viewerContext.close()]);
  });
});
