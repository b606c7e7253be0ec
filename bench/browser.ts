// The web app in Debian's Chromium, driven by playwright-core: how soon a large
// backlog's first rows are painted after navigation, and how soon a keyboard
// reorder shows on screen. Both are timed inside the page, so Playwright's own
// round trips never count.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const RUNS = 5;
/** Runs of the backlog opened in a new page each time, the method before 2026-12-02, kept for comparison. */
const NEW_WINDOW_RUNS = 3;
/** The reordered row starts this far down, so every Alt+↑ of the runs has a row above it. */
const REORDER_FROM = RUNS + 2;
const ROWS = '[aria-label="Items"] .item-row';

export interface BrowserFigures {
  chromium: string;
  /** Items seeded into the backlog (the create scenario has added some at the bottom since). */
  seededItems: number;
  runs: number;
  /**
   * Navigation start (the page's time origin) to the first frame after the first rows are in the DOM,
   * in one tab navigated to the backlog again and again (from about:blank each time, so every run is
   * a fresh document); the first run has a cold HTTP cache.
   */
  firstRows: { medianMs: number; coldMs: number; runsMs: number[]; breakdown: FirstRowsBreakdown };
  /**
   * The same, each run in a newly opened page (a new window in headless Chromium), warm cache: the
   * method of the runs before 2026-12-02. Opening a window keeps Chromium's own processes busy for
   * about a second of CPU, on the same cores as the page, so this figure carries the browser's cost too.
   */
  newWindow: { medianMs: number; runsMs: number[] };
  /**
   * Alt+↑ on a selected row: key event to the DOM showing the row one place up (`domMs`), and to the
   * next animation frame, the one that paints it (`frameMs`). `frames` counts frames that went by before
   * the DOM changed: 0 means the very next frame shows the move.
   */
  reorder: { medianDomMs: number; medianFrameMs: number; medianFrames: number; maxFrames: number; moveRequestsPerReorder: number; runs: ReorderRun[] };
}

/**
 * Where the time before the first rows went, from the page's own timings: when the last script before
 * the first rows had arrived, when the first items page had, and how long the main thread was in long
 * tasks (over 50 ms each) before the first rows, medians over the runs; and the JavaScript the cold
 * run downloaded before them (warm runs read it from the cache, which reports no size).
 */
export interface FirstRowsBreakdown {
  scriptsInMs: number;
  firstPageInMs: number;
  longTasksMs: number;
  javaScriptKb: number;
}

export interface ReorderRun {
  domMs: number;
  frameMs: number;
  frames: number;
}

export type BrowserOutcome = BrowserFigures | { skipped: string };

export interface BrowserTarget {
  base: string;
  workspaceId: string;
  productId: string;
  email: string;
  password: string;
  seededItems: number;
}

const round = (value: number) => Math.round(value * 10) / 10;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Set up before any page script: notes when the first row reaches the DOM and the frame after it, and the long tasks. */
function recordFirstRows(selector: string): void {
  const state = window as unknown as { tandemFirstRows?: number; tandemLongTasks: Array<{ start: number; duration: number }> };
  state.tandemLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.tandemLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    // The rAF callback runs in the frame that paints the rows; the task after it runs once that frame is done.
    requestAnimationFrame(() => setTimeout(() => (state.tandemFirstRows = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Arms the page to time the next Alt+↑ on the row with `key`; the result lands in `window.tandemReorder`. */
function armReorder(key: string): void {
  const state = window as unknown as { tandemReorder?: Promise<ReorderRun> };
  const list = document.querySelector('[aria-label="Items"]')!;
  const keys = () => Array.from(list.querySelectorAll('.item-key'), (element) => element.textContent);
  const from = keys().indexOf(key);
  state.tandemReorder = new Promise((resolve, reject) => {
    let pressedAt: number | null = null;
    let frames = 0;
    let shown = false;
    const tick = () => {
      if (shown) return;
      frames += 1;
      requestAnimationFrame(tick);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowUp' || pressedAt !== null) return;
      pressedAt = event.timeStamp;
      requestAnimationFrame(tick);
    };
    window.addEventListener('keydown', onKey, true);
    const observer = new MutationObserver(() => {
      if (pressedAt === null || keys().indexOf(key) !== from - 1) return;
      const shownAt = performance.now();
      const pressed = pressedAt;
      shown = true;
      observer.disconnect();
      window.removeEventListener('keydown', onKey, true);
      clearTimeout(timer);
      requestAnimationFrame(() => resolve({ domMs: shownAt - pressed, frameMs: performance.now() - pressed, frames }));
    });
    observer.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`row ${key} did not move up within 5 s (from position ${from + 1})`));
    }, 5_000);
  });
}

/** Inside the page, once the first rows are painted: their time and what came before them. */
function firstRowsTimings(): FirstRowsBreakdown & { firstRowsMs: number } {
  const state = window as unknown as { tandemFirstRows: number; tandemLongTasks: Array<{ start: number; duration: number }> };
  const at = state.tandemFirstRows;
  const before = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.responseEnd <= at);
  const scripts = before.filter((entry) => new URL(entry.name).pathname.endsWith('.js'));
  const firstPage = before.find((entry) => /\/api\/v1\/products\/[^/]+\/items\?/.test(entry.name));
  return {
    firstRowsMs: at,
    scriptsInMs: Math.max(0, ...scripts.map((entry) => entry.responseEnd)),
    firstPageInMs: firstPage?.responseEnd ?? Number.NaN,
    longTasksMs: state.tandemLongTasks.filter((task) => task.start < at).reduce((total, task) => total + task.duration, 0),
    javaScriptKb: scripts.reduce((total, entry) => total + entry.decodedBodySize, 0) / 1024,
  };
}

async function firstRowsRun(page: Page, url: string): Promise<ReturnType<typeof firstRowsTimings>> {
  // Away first, so the backlog's document, scripts and state are new each run, as after any navigation.
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { tandemFirstRows?: number }).tandemFirstRows, undefined, { timeout: 30_000 });
  return page.evaluate(firstRowsTimings);
}

async function reorderRuns(page: Page): Promise<{ runs: ReorderRun[]; moveRequests: number }> {
  let moveRequests = 0;
  const isMove = (method: string, url: string) => method === 'POST' && /\/api\/v1\/items\/[^/]+\/move$/.test(url);
  page.on('request', (request) => {
    if (isMove(request.method(), request.url())) moveRequests += 1;
  });
  // Select the row the way a keyboard user does: Home, then j.
  await page.locator(ROWS).first().focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < REORDER_FROM; i += 1) await page.keyboard.press('j');
  const key = await page.evaluate(() => document.activeElement?.querySelector('.item-key')?.textContent ?? '');
  if (!key) throw new Error('no row has focus after Home and j: the items page changed its keyboard handling?');

  const runs: ReorderRun[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.evaluate(armReorder, key);
    const persisted = page.waitForResponse((response) => isMove(response.request().method(), response.url()));
    await page.keyboard.press('Alt+ArrowUp');
    runs.push(await page.evaluate(() => (window as unknown as { tandemReorder: Promise<ReorderRun> }).tandemReorder));
    const response = await persisted;
    if (!response.ok()) throw new Error(`the move answered ${response.status()}: ${await response.text()}`);
    // Let the refetch after the move settle, so the next run starts from a quiet page.
    await page.waitForLoadState('networkidle');
  }
  return { runs, moveRequests };
}

async function signIn(browser: Browser, target: BrowserTarget) {
  const context = await browser.newContext({ baseURL: target.base, viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(30_000);
  const response = await context.request.post('/api/v1/auth/login', { data: { email: target.email, password: target.password } });
  if (!response.ok()) throw new Error(`sign-in as ${target.email} failed: ${response.status()} ${await response.text()}`);
  await context.addInitScript(recordFirstRows, ROWS);
  return context;
}

export async function measureBrowser(target: BrowserTarget): Promise<BrowserFigures> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await signIn(browser, target);
    const url = `/w/${target.workspaceId}/p/${target.productId}/items`;
    // One tab, navigated to the backlog each run; the first run also loads the app's scripts into the HTTP cache.
    const page = await context.newPage();
    const timings: Array<ReturnType<typeof firstRowsTimings>> = [];
    for (let run = 0; run < RUNS; run += 1) timings.push(await firstRowsRun(page, url));
    const firstRows = timings.map((timing) => timing.firstRowsMs);
    const medianOf = (key: 'scriptsInMs' | 'firstPageInMs' | 'longTasksMs') => round(median(timings.map((timing) => timing[key])));
    const newWindow: number[] = [];
    for (let run = 0; run < NEW_WINDOW_RUNS; run += 1) {
      const fresh = await context.newPage();
      newWindow.push((await firstRowsRun(fresh, url)).firstRowsMs);
      await fresh.close();
    }
    const { runs, moveRequests } = await reorderRuns(page);
    await context.close();
    return {
      chromium: browser.version(),
      seededItems: target.seededItems,
      runs: RUNS,
      firstRows: {
        medianMs: round(median(firstRows)),
        coldMs: round(firstRows[0]!),
        runsMs: firstRows.map(round),
        breakdown: { scriptsInMs: medianOf('scriptsInMs'), firstPageInMs: medianOf('firstPageInMs'), longTasksMs: medianOf('longTasksMs'), javaScriptKb: round(timings[0]!.javaScriptKb) },
      },
      newWindow: { medianMs: round(median(newWindow)), runsMs: newWindow.map(round) },
      reorder: {
        medianDomMs: round(median(runs.map((run) => run.domMs))),
        medianFrameMs: round(median(runs.map((run) => run.frameMs))),
        medianFrames: median(runs.map((run) => run.frames)),
        maxFrames: Math.max(...runs.map((run) => run.frames)),
        moveRequestsPerReorder: round(moveRequests / RUNS),
        runs: runs.map((run) => ({ domMs: round(run.domMs), frameMs: round(run.frameMs), frames: run.frames })),
      },
    };
  } finally {
    await browser.close();
  }
}
