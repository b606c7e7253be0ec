import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type Tandem } from './server';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function newContext(browser: Browser, tandem: Tandem, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Signs in through the sign-in page, as a person would. */
export async function signInThroughPage(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs the context in over the API (the cookie is shared with its pages) and returns the CSRF token. */
export async function signInByApi(context: BrowserContext, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await context.request.post('/api/v1/auth/login', { data: { email, password } });
  if (!response.ok()) throw new Error(`sign-in as ${email} failed: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** A signed-in page on the items page of the demo product. */
export async function openItemsPage(context: BrowserContext, email: string): Promise<Page> {
  await signInByApi(context, email);
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForURL(/\/items$/);
  await itemRows(page).first().waitFor();
  return page;
}

export const itemRows = (page: Page) => page.getByRole('list', { name: 'Items' }).getByRole('listitem');

export const itemRow = (page: Page, title: string) => page.getByRole('list', { name: 'Items' }).getByRole('button', { name: title });

/** Selects a row without opening it, then presses `e`: the quick-edit dialog, as a keyboard user opens it. */
export async function openQuickEdit(page: Page, title: string): Promise<void> {
  await itemRow(page, title).focus();
  await page.keyboard.press('e');
}

/** The workspace and the demo product, for building addresses and API calls. */
export async function demoProduct(context: BrowserContext): Promise<{ workspaceId: string; productId: string }> {
  const me = (await (await context.request.get('/api/v1/me')).json()) as { workspaces: Array<{ id: string }> };
  const workspaceId = me.workspaces[0]!.id;
  const products = (await (await context.request.get(`/api/v1/workspaces/${workspaceId}/products`)).json()) as { items: Array<{ id: string; key: string }> };
  const product = products.items.find((candidate) => candidate.key === 'DEMO') ?? products.items[0]!;
  return { workspaceId, productId: product.id };
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical findings on the page once its finite animations have run. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // A dialog fading in is measured at part opacity, so its colours would fail; judge the page once it is still.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** Pixels the page is wider than the viewport (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.documentElement;
    let widest = root.scrollWidth;
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(element);
      // Any element that scrolls sideways is overflow a phone user has to pan through.
      if (['auto', 'scroll'].includes(style.overflowX) && element.scrollWidth > element.clientWidth) widest = Math.max(widest, root.clientWidth + element.scrollWidth - element.clientWidth);
    }
    return Math.max(0, widest - root.clientWidth);
  });
}

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((value) => localStorage.setItem('tandem.theme', value), theme);
  await page.reload();
}

/** Selects `words` in an insight's text (the first text of `container`'s first span), as dragging the mouse over them would. */
export async function selectWords(container: Locator, words: string): Promise<void> {
  await container.evaluate((element, wanted) => {
    const node = element.querySelector('span')!.firstChild!;
    const start = node.textContent!.indexOf(wanted);
    if (start < 0) throw new Error(`“${wanted}” is not in the text`);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + wanted.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  }, words);
}
