import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTandem, type Tandem } from './server';

/**
 * One real Tandem server and one Chromium for a test file: started before its
 * tests, stopped after them.
 */
export function useTandemAndBrowser(): { readonly tandem: Tandem; readonly browser: Browser } {
  let tandem: Tandem | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [tandem, browser] = await Promise.all([startTandem(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the server and browser start in beforeAll');
    return value;
  };
  return {
    get tandem() {
      return started(tandem);
    },
    get browser() {
      return started(browser);
    },
  };
}
