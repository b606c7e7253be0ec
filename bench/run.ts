// `npm run bench`: seeds the reference workload, serves it with the real
// Tandem server, drives it over loopback next to a bare-Fastify ceiling, and
// writes bench/results/<timestamp>.json and .md. See docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_OWNER } from '../src/cli/commands/seed';
import { parseBenchArgs, USAGE, UsageError, type BenchOptions } from './args';
import { measureBacklogQueries, PAGE_SIZE } from './backlog';
import { CHROMIUM, measureBrowser, type BrowserOutcome } from './browser';
import { measure, type LoadOptions } from './load';
import {
  freeLoopbackPort,
  killAllChildrenNow,
  LOOPBACK,
  readMemory,
  startChild,
  stopAllChildren,
  waitUntilReady,
  type Child,
} from './processes';
import { checkBudgets, checkWebBudgets, toBrowserMarkdown, toMarkdown, type BenchResult, type BrowserBenchResult } from './report';
import { measureForecast } from './forecast';
import { measurePortfolioQueries } from './portfolio';
import { measureRecompute } from './scoring';
import { databaseSizeMb, seedWorkload } from './workload';

// The bundle runs from dist/; the servers it starts are bundled beside it.
const DIST = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(DIST, '..');
const TANDEM_SCRIPT = join(DIST, 'tandem.mjs');
const CEILING_SCRIPT = join(DIST, 'bench-ceiling.mjs');
const WEB_ROOT = join(DIST, 'web');
const RESULTS = join(ROOT, 'bench', 'results');
const DATABASE_FILE = 'bench.db';

let tempDirectory: string | null = null;

function removeTempDirectory(): void {
  if (tempDirectory) rmSync(tempDirectory, { recursive: true, force: true });
  tempDirectory = null;
}

function git(...args: string[]): string | null {
  const run = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : null;
}

function autocannonVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'autocannon', 'package.json'), 'utf8')) as { version: string };
    return `autocannon ${manifest.version}`;
  } catch {
    return 'autocannon';
  }
}

async function startServer(name: string, script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ child: Child; base: string }> {
  const port = await freeLoopbackPort();
  const child = startChild(name, script, args, { ...process.env, ...env, HOST: LOOPBACK, PORT: String(port) });
  const base = `http://${LOOPBACK}:${port}`;
  await waitUntilReady(child, `${base}/readyz`);
  return { child, base };
}

/**
 * The web app's scenarios, on a second server with the web root (the API
 * server had none). A browser that cannot run skips them and says why, so the
 * API figures of a long run are never lost to it.
 */
async function browserScenarios(
  serverEnv: NodeJS.ProcessEnv,
  workload: { workspaceId: string; productId: string; seededItems: number },
): Promise<BrowserOutcome> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) return { skipped: `${relative(ROOT, WEB_ROOT)}/index.html is missing (build the web app)` };
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is missing (apt-get install chromium)` };
  console.log('Chromium: backlog first paint and keyboard reorder…');
  const web = await startServer('Tandem server with the web app', TANDEM_SCRIPT, ['serve'], { ...serverEnv, TANDEM_WEB_ROOT: WEB_ROOT });
  try {
    return await measureBrowser({ base: web.base, ...workload, email: BENCH_OWNER.email, password: BENCH_OWNER.password });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    console.warn(`bench: the browser scenarios failed, recorded as skipped: ${reason}`);
    return { skipped: `failed: ${reason}` };
  } finally {
    await web.child.stop();
  }
}

function machineNow(loadAtStart: number): BenchResult['machine'] {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    kernel: release(),
    loadAverage: { atStart: Math.round(loadAtStart * 100) / 100, atEnd: Math.round(loadavg()[0]! * 100) / 100 },
  };
}

function tandemNow(): BenchResult['tandem'] {
  return { commit: git('rev-parse', 'HEAD'), uncommittedChanges: ((status) => (status === null ? null : status.length > 0))(git('status', '--porcelain')) };
}

/** `--only browser`: seeds the same workload and runs the web app's scenarios alone, a quicker loop while working on the web app. */
async function benchBrowser(options: BenchOptions): Promise<BrowserBenchResult> {
  if (!existsSync(TANDEM_SCRIPT)) throw new Error(`${relative(ROOT, TANDEM_SCRIPT)} is missing: run \`npm run bench\`, which builds it first`);
  const startedAt = new Date();
  const loadAtStart = loadavg()[0]!;
  tempDirectory = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const seeded = await seedWorkload(join(tempDirectory, DATABASE_FILE), options.items);
  console.log(`Seeded ${options.items.toLocaleString('en-US')} items in ${seeded.seedSeconds.toFixed(1)} s.`);
  const serverEnv = { DATABASE_URL: `sqlite:${join(tempDirectory, DATABASE_FILE)}`, TANDEM_DEMO: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  const browser = await browserScenarios(serverEnv, { workspaceId: seeded.workspaceId, productId: seeded.productId, seededItems: options.items });
  return {
    only: 'browser',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineNow(loadAtStart),
    tandem: tandemNow(),
    workload: { database: 'sqlite', items: options.items, scoredItems: seeded.scoredItems, seedSeconds: Math.round(seeded.seedSeconds * 10) / 10 },
    browser,
    budgets: checkWebBudgets(options.items, browser),
  };
}

async function bench(options: BenchOptions): Promise<BenchResult> {
  for (const script of [TANDEM_SCRIPT, CEILING_SCRIPT]) {
    if (!existsSync(script)) throw new Error(`${relative(ROOT, script)} is missing: run \`npm run bench\`, which builds it first`);
  }
  const startedAt = new Date();
  const loadAtStart = loadavg()[0]!;
  tempDirectory = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const databasePath = join(tempDirectory, DATABASE_FILE);

  const seeded = await seedWorkload(databasePath, options.items);
  const seedProcessMemory = readMemory('self');
  console.log(
    `Seeded ${options.items.toLocaleString('en-US')} items (${seeded.scoredItems.toLocaleString('en-US')} with a RICE score), ${seeded.epics} epics over ${seeded.reparented.toLocaleString('en-US')} of them and ${seeded.insights.toLocaleString('en-US')} insights in ${seeded.seedSeconds.toFixed(1)} s: scores ${seeded.scoreSeedSeconds.toFixed(1)} s of it, strategy and evidence ${seeded.portfolioSeedSeconds.toFixed(1)} s.`,
  );
  const hotFeatureId = seeded.hotFeatureId;
  if (hotFeatureId === null) throw new Error('the workload has no feature to link insights to: seed at least 6 items');

  const serverEnv = { DATABASE_URL: `sqlite:${databasePath}`, TANDEM_DEMO: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  // The API alone is under test; a directory without index.html turns the web app off.
  const tandem = await startServer('Tandem server', TANDEM_SCRIPT, ['serve'], { ...serverEnv, TANDEM_WEB_ROOT: tempDirectory });
  const serverRssAtReady = readMemory(tandem.child.pid);

  const listPath = `/api/v1/products/${seeded.productId}/items?limit=${PAGE_SIZE}`;
  const createPath = `/api/v1/products/${seeded.productId}/items`;
  const auth = { authorization: `Bearer ${seeded.token}` };

  // The ceiling serves exactly these bytes, so both servers put the same payload on the wire.
  const sample = await fetch(`${tandem.base}${listPath}`, { headers: auth });
  const body = Buffer.from(await sample.arrayBuffer());
  if (!sample.ok) throw new Error(`GET ${listPath} answered ${sample.status}: ${body.toString('utf8').slice(0, 300)}`);
  const page = JSON.parse(body.toString('utf8')) as { items: unknown[] };
  const expected = Math.min(PAGE_SIZE, options.items);
  if (page.items.length !== expected) throw new Error(`GET ${listPath} returned ${page.items.length} items, expected ${expected}`);
  const bodyFile = join(tempDirectory, 'list-response.json');
  writeFileSync(bodyFile, body);

  const warmupSeconds = Math.min(3, Math.max(1, Math.round(options.durationSeconds * 0.3)));
  const loadFor = (pid: number): LoadOptions => ({ connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds, serverPid: pid });
  const listRequest = `GET ${listPath.replace(seeded.productId, '{productId}')}`;

  console.log(`Ceiling: bare Fastify serving the same ${body.length}-byte body…`);
  const ceiling = await startServer('Bare Fastify ceiling', CEILING_SCRIPT, [bodyFile], {});
  const ceilingFigures = await measure('ceiling', { url: `${ceiling.base}${listPath}`, method: 'GET', headers: auth }, loadFor(ceiling.child.pid));
  await ceiling.child.stop();

  console.log('Tandem: list items…');
  const listFigures = await measure('list items', { url: `${tandem.base}${listPath}`, method: 'GET', headers: auth }, loadFor(tandem.child.pid));

  console.log('Tandem: list items from one connection…');
  const listSerialFigures = await measure(
    'list items (one connection)',
    { url: `${tandem.base}${listPath}`, method: 'GET', headers: auth },
    { ...loadFor(tandem.child.pid), connections: 1 },
  );

  const backlog = await measureBacklogQueries({ base: tandem.base, productId: seeded.productId, headers: auth }, loadFor(tandem.child.pid));
  const portfolio = await measurePortfolioQueries(
    { base: tandem.base, productId: seeded.productId, headers: auth },
    { epics: seeded.epics, insights: seeded.insights, hotFeatureId },
    loadFor(tandem.child.pid),
  );

  console.log('Tandem: create item…');
  const createFigures = await measure(
    'create item',
    {
      url: `${tandem.base}${createPath}`,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'story', title: 'Benchmark item' }),
    },
    loadFor(tandem.child.pid),
  );
  console.log('Tandem: move item…');
  // The last item of the page, moved to the top again and again: each request writes one row.
  const lastOnPage = (page.items[page.items.length - 1] as { id: string }).id;
  const movePath = `/api/v1/items/${lastOnPage}/move`;
  const moveFigures = await measure(
    'move item',
    { url: `${tandem.base}${movePath}`, method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ position: 'top' }) },
    loadFor(tandem.child.pid),
  );
  const serverAtEnd = readMemory(tandem.child.pid);
  await tandem.child.stop();

  console.log(`Score recomputation: ${options.items.toLocaleString('en-US')} RICE scores in process…`);
  const scoreRecompute = measureRecompute(options.items);
  console.log('Monte Carlo forecasts: 10,000 trials in process…');
  const forecast = measureForecast();

  const browser = await browserScenarios(serverEnv, { workspaceId: seeded.workspaceId, productId: seeded.productId, seededItems: options.items });

  const partial = {
    workload: {
      database: 'sqlite' as const,
      items: options.items,
      insights: seeded.insights,
      analyticsEvents: 0,
      scoredItems: seeded.scoredItems,
      epics: seeded.epics,
      reparentedItems: seeded.reparented,
      seedSeconds: Math.round(seeded.seedSeconds * 10) / 10,
      scoreSeedSeconds: Math.round(seeded.scoreSeedSeconds * 10) / 10,
      portfolioSeedSeconds: Math.round(seeded.portfolioSeedSeconds * 10) / 10,
      databaseMb: databaseSizeMb(tempDirectory, DATABASE_FILE),
    },
    scenarios: {
      listItems: { request: listRequest, ...listFigures },
      listItemsSerial: { request: `${listRequest} (one connection)`, ...listSerialFigures },
      ...backlog,
      ...portfolio,
      createItem: { request: `POST ${createPath.replace(seeded.productId, '{productId}')} {"type":"story","title":…}`, ...createFigures },
      moveItem: { request: 'POST /api/v1/items/{id}/move {"position":"top"}', ...moveFigures },
      ceiling: { request: `${listRequest} (bare Fastify)`, bodyBytes: body.length, ...ceilingFigures },
    },
    memory: {
      seedProcessPeakRssMb: seedProcessMemory?.peakRssMb ?? null,
      serverRssAtReadyMb: serverRssAtReady?.rssMb ?? null,
      serverRssAtEndMb: serverAtEnd?.rssMb ?? null,
      serverPeakRssMb: serverAtEnd?.peakRssMb ?? null,
    },
    scoreRecompute,
    forecast,
    browser,
  };
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineNow(loadAtStart),
    tandem: tandemNow(),
    load: { tool: autocannonVersion(), host: LOOPBACK, connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds },
    ...partial,
    ratios: {
      // Significant digits, not decimals: a slow Tandem's req/s ratio can sit far below 0.01.
      listRequestsPerSecond: Number((listFigures.requestsPerSecond / ceilingFigures.requestsPerSecond).toPrecision(3)),
      listP99: Number((listFigures.latencyMs.p99 / ceilingFigures.latencyMs.p99).toPrecision(3)),
    },
    budgets: checkBudgets(partial),
  };
}

function writeResults(result: BenchResult | BrowserBenchResult): { json: string; markdown: string; summary: string } {
  mkdirSync(RESULTS, { recursive: true });
  // Colons in file names break checkouts on Windows.
  const stamp = `${result.startedAt.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}${'only' in result ? `-${result.only}` : ''}`;
  const json = join(RESULTS, `${stamp}.json`);
  const markdown = join(RESULTS, `${stamp}.md`);
  const summary = 'only' in result ? toBrowserMarkdown(result) : toMarkdown(result);
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(markdown, summary);
  return { json, markdown, summary };
}

async function shutDown(code: number): Promise<never> {
  await stopAllChildren().catch(() => killAllChildrenNow());
  removeTempDirectory();
  process.exit(code);
}

process.on('exit', () => {
  killAllChildrenNow();
  removeTempDirectory();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, stopping the servers`);
    void shutDown(signal === 'SIGINT' ? 130 : 143);
  });
}

try {
  const options = parseBenchArgs(process.argv.slice(2));
  const result = options.only === 'browser' ? await benchBrowser(options) : await bench(options);
  const written = writeResults(result);
  console.log(`\n${written.summary}`);
  console.log(`Wrote ${relative(process.cwd(), written.json)} and ${relative(process.cwd(), written.markdown)}`);
  await shutDown(0);
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`bench: ${error.message}\n${USAGE}`);
    await shutDown(2);
  }
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  await shutDown(1);
}
