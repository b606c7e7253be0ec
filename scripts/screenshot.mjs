// Takes a PNG of the items page of a running Tandem, signed in as the demo
// product manager. Builds and starts nothing: point it at a server.
//
//   node scripts/screenshot.mjs http://127.0.0.1:3000 [docs/images/items.png] [--theme=light|dark] [--width=1440] [--height=900]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const [baseUrl, out = 'docs/images/items.png'] = args.filter((arg) => !arg.startsWith('--'));

if (!baseUrl) {
  console.error('usage: node scripts/screenshot.mjs <server-url> [out.png] [--theme=light|dark] [--width=1440] [--height=900]');
  process.exit(2);
}

const theme = option('theme', 'light');
const width = Number(option('width', '1440'));
const height = Number(option('height', '900'));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, colorScheme: theme === 'dark' ? 'dark' : 'light' });
  const page = await context.newPage();
  await page.goto(new URL('/signin', baseUrl).href);
  await page.getByLabel('Email').fill('pm@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/items$/, { timeout: 20_000 });
  await page.getByRole('list', { name: 'Items' }).getByRole('listitem').first().waitFor();
  // Settle fonts and the live indicator before the picture.
  await page.locator('[data-realtime="live"]').waitFor({ timeout: 10_000 }).catch(() => undefined);
  await page.evaluate(() => globalThis.document.fonts.ready);
  // The sign-in click leaves the pointer mid-page, hovering a row; park it on the page header.
  await page.mouse.move(width - 4, 4);
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  await page.screenshot({ path: target });
  console.log(`saved ${target}`);
} finally {
  await browser.close();
}
