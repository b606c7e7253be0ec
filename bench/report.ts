import { FILTER_QUERY, SEARCH_QUERIES, type BacklogFigures } from './backlog';
import type { BrowserOutcome } from './browser';
import type { ScenarioFigures } from './load';
import type { ForecastFigures } from './forecast';
import type { PortfolioFigures } from './portfolio';
import type { RecomputeFigures } from './scoring';

/** `reported`: measured and shown, but the budget is not a threshold this run can judge. */
export type BudgetStatus = 'pass' | 'fail' | 'reported' | 'not_applicable' | 'not_measured';

export interface BudgetCheck {
  budget: string;
  limit: string;
  measured: number | null;
  unit: string;
  status: BudgetStatus;
  note?: string;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemoryMb: number;
    node: string;
    platform: string;
    arch: string;
    kernel: string;
    /** One-minute load averages: other work on the machine skews every figure. */
    loadAverage: { atStart: number; atEnd: number };
  };
  tandem: { commit: string | null; uncommittedChanges: boolean | null };
  workload: {
    database: 'sqlite';
    items: number;
    insights: number;
    analyticsEvents: number;
    /** Items with a stored RICE score, for the score sort. */
    scoredItems: number;
    /** New epics, each aligned to an initiative, and the seeded items put under them: features, and stories, tasks and bugs below those. */
    epics: number;
    reparentedItems: number;
    /** Items, scores, strategy and evidence; the scores' part in `scoreSeedSeconds`, strategy and evidence in `portfolioSeedSeconds`. */
    seedSeconds: number;
    scoreSeedSeconds: number;
    portfolioSeedSeconds: number;
    databaseMb: number;
  };
  load: { tool: string; host: string; connections: number; durationSeconds: number; warmupSeconds: number };
  scenarios: {
    listItems: ScenarioFigures & { request: string };
    /** The same request from one connection: the latency of a request, without queueing behind others. */
    listItemsSerial: ScenarioFigures & { request: string };
    createItem: ScenarioFigures & { request: string };
    moveItem: ScenarioFigures & { request: string };
    ceiling: ScenarioFigures & { request: string; bodyBytes: number };
  } & BacklogFigures &
    PortfolioFigures;
  /** Every RICE score recomputed with the domain function, in process. */
  scoreRecompute: RecomputeFigures;
  /** The Monte Carlo forecasts with 10,000 trials, in process. */
  forecast: ForecastFigures;
  /** The web app in Chromium; `skipped` says why when it could not run. */
  browser: BrowserOutcome;
  /** Tandem's list figures over the bare-Fastify ceiling's. */
  ratios: { listRequestsPerSecond: number; listP99: number };
  memory: { seedProcessPeakRssMb: number | null; serverRssAtReadyMb: number | null; serverRssAtEndMb: number | null; serverPeakRssMb: number | null };
  budgets: BudgetCheck[];
}

export const REFERENCE_ITEMS = 100_000;
/** The web budget is set for a backlog of this size. */
export const WEB_REFERENCE_ITEMS = 10_000;

function check(budget: string, limit: string, measured: number | null, unit: string, status: BudgetStatus, notes: Array<string | false>): BudgetCheck {
  const note = notes.filter(Boolean).join('; ');
  return { budget, limit, measured, unit, status, ...(note ? { note } : {}) };
}

type Judged = Pick<BenchResult, 'workload' | 'scenarios' | 'memory' | 'scoreRecompute' | 'forecast' | 'browser'>;

/** The budgets of DESIGN.md this benchmark can judge, and the ones it does not measure yet. */
export function checkBudgets(result: Judged): BudgetCheck[] {
  const items = result.workload.items;
  const atReference = items >= REFERENCE_ITEMS;
  const smaller = (reference: number) => `the workload has ${items} items, the budget is set for ${reference}`;
  const judgeAt =
    (reference: number) =>
    (measured: number | null, limit: number): BudgetStatus =>
      items < reference ? 'not_applicable' : measured === null ? 'not_measured' : measured <= limit ? 'pass' : 'fail';
  const judge = judgeAt(REFERENCE_ITEMS);
  const notMeasured = (budget: string, limit: string): BudgetCheck => check(budget, limit, null, '', 'not_measured', ['no scenario for it yet']);
  const below = !atReference && smaller(REFERENCE_ITEMS);
  const { scenarios, scoreRecompute, forecast, browser } = result;
  // A budget on one request's latency is judged without other requests queued in front of it.
  const filteredP99 = scenarios.filteredListSerial.latencyMs.p99;
  const listP99 = scenarios.listItemsSerial.latencyMs.p99;
  const searches = (Object.keys(SEARCH_QUERIES) as Array<keyof typeof SEARCH_QUERIES>).map((key) => ({ q: SEARCH_QUERIES[key], p99: scenarios.search[key].latencyMs.p99 }));
  const slowestSearch = searches.reduce((slowest, search) => (search.p99 > slowest.p99 ? search : slowest));
  const peak = result.memory.serverPeakRssMb;
  return [
    check('list a backlog page (50 items, filtered, by rank), p99, SQLite, one connection', '≤ 10 ms at 100k items', filteredP99, 'ms', judge(filteredP99, 10), [
      below,
      `q=${FILTER_QUERY}`,
    ]),
    check('list a backlog page (50 items, unfiltered, by rank), p99, SQLite, one connection', '≤ 10 ms at 100k items', listP99, 'ms', judge(listP99, 10), [below]),
    check('full-text search over 100k items, p99, one connection', '≤ 20 ms', slowestSearch.p99, 'ms', judge(slowestSearch.p99, 20), [
      below,
      `slowest of ${searches.length} queries: q=${slowestSearch.q}`,
    ]),
    check('score recomputation for 100k items (RICE, in process, median of warm runs)', '≤ 100 ms', scoreRecompute.medianMs, 'ms', judge(scoreRecompute.medianMs, 100), [
      below,
      `${scoreRecompute.items} scores; first (cold) run ${scoreRecompute.coldMs} ms`,
    ]),
    ...checkWebBudgets(items, browser),
    check('server peak RSS with the reference workload', '≤ 250 MB', peak, 'MB', judge(peak, 250), [
      below,
      `items, scores, strategy and ${result.workload.insights.toLocaleString('en-US')} insights; the reference analytics events are not seeded yet`,
    ]),
    // The simulation's cost does not depend on the backlog's size: judged at any size.
    check('Monte Carlo forecast, 10,000 trials ("when", in process, median of warm runs)', '≤ 100 ms', forecast.when.medianMs, 'ms', forecast.when.medianMs <= 100 ? 'pass' : 'fail', [
      `${forecast.remaining} items left, ${forecast.historyDays} days of history; first (cold) run ${forecast.when.coldMs} ms; "how many" over ${forecast.howMany.days} days: ${forecast.howMany.medianMs} ms`,
    ]),
    notMeasured('event ingestion on SQLite', '≥ 50,000 events/s'),
    notMeasured('import 100,000 Jira CSV rows', '≤ 10 s'),
  ];
}

/** The web budgets alone: the full run judges them with the others, `--only browser` on their own. */
export function checkWebBudgets(items: number, browser: BrowserOutcome): BudgetCheck[] {
  const web = 'skipped' in browser ? null : browser;
  const status = (measured: number, limit: number): BudgetStatus => (items < WEB_REFERENCE_ITEMS ? 'not_applicable' : measured <= limit ? 'pass' : 'fail');
  return [
    check(
      'web: backlog usable (first rows painted) after navigation, median',
      '≤ 1 s for 10,000 items',
      web?.firstRows.medianMs ?? null,
      'ms',
      web ? status(web.firstRows.medianMs, 1_000) : 'not_measured',
      [
        web ? `${web.seededItems} items in the backlog; first (cold) run ${web.firstRows.coldMs} ms` : `browser skipped: ${(browser as { skipped: string }).skipped}`,
        items < WEB_REFERENCE_ITEMS && `the workload has ${items} items, the budget is set for ${WEB_REFERENCE_ITEMS}`,
      ],
    ),
    check(
      'web: reorder reflected on screen in the same frame (optimistic), persisted in one request',
      'next frame (0 frames late), 1 request',
      web?.reorder.medianFrames ?? null,
      'frames late',
      web ? 'reported' : 'not_measured',
      [
        web
          ? `Alt+↑: DOM after ${web.reorder.medianDomMs} ms, painted frame after ${web.reorder.medianFrameMs} ms (medians), at most ${web.reorder.maxFrames} frames late; persisted in ${web.reorder.moveRequestsPerReorder} request(s) per reorder`
          : 'browser skipped',
      ],
    ),
  ];
}

const number = (value: number | null, digits = 0) =>
  value === null || Number.isNaN(value) ? '–' : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const STATUS_TEXT: Record<BudgetStatus, string> = {
  pass: 'pass',
  fail: '**FAIL**',
  reported: 'reported (not judged)',
  not_applicable: 'n/a (smaller workload)',
  not_measured: 'not measured',
};

function browserLines(browser: BenchResult['browser']): string[] {
  if ('skipped' in browser) return [`Web app in Chromium: skipped (${browser.skipped}).`];
  const { firstRows, reorder } = browser;
  return [
    `Web app in Chromium ${browser.chromium} (${number(browser.seededItems)} items seeded, ${browser.runs} runs each, medians):`,
    '',
    '| Web scenario | Median | Runs |',
    '| --- | ---: | --- |',
    `| First rows painted after navigation (one tab) | **${number(firstRows.medianMs, 1)} ms** | ${firstRows.runsMs.map((ms) => number(ms, 1)).join(', ')} ms (first: cold HTTP cache) |`,
    `| Before them: last script in / first items page in | ${number(firstRows.breakdown.scriptsInMs, 1)} / ${number(firstRows.breakdown.firstPageInMs, 1)} ms | ${number(firstRows.breakdown.javaScriptKb)} kB of JavaScript on the cold run |`,
    `| Before them: main thread in long tasks (> 50 ms each) | ${number(firstRows.breakdown.longTasksMs, 1)} ms | |`,
    `| First rows painted, each run in a newly opened window | ${number(browser.newWindow.medianMs, 1)} ms | ${browser.newWindow.runsMs.map((ms) => number(ms, 1)).join(', ')} ms (warm cache; the method before 2026-12-02) |`,
    `| Alt+↑ reorder: key to DOM | ${number(reorder.medianDomMs, 1)} ms | ${reorder.runs.map((run) => number(run.domMs, 1)).join(', ')} ms |`,
    `| Alt+↑ reorder: key to the frame that paints it | ${number(reorder.medianFrameMs, 1)} ms | ${reorder.runs.map((run) => number(run.frameMs, 1)).join(', ')} ms |`,
    `| Alt+↑ reorder: frames late (0 = the next frame) | **${reorder.medianFrames}** | ${reorder.runs.map((run) => run.frames).join(', ')} (max ${reorder.maxFrames}); persisted in ${reorder.moveRequestsPerReorder} request(s) per reorder |`,
  ];
}

/** `--only browser`: the seeded backlog opened in Chromium, without the API scenarios. */
export interface BrowserBenchResult {
  only: 'browser';
  startedAt: string;
  finishedAt: string;
  machine: BenchResult['machine'];
  tandem: BenchResult['tandem'];
  workload: Pick<BenchResult['workload'], 'database' | 'items' | 'scoredItems' | 'seedSeconds'>;
  browser: BrowserOutcome;
  budgets: BudgetCheck[];
}

function headerLines(result: BenchResult | BrowserBenchResult, title: string): string[] {
  const { machine } = result;
  const commit = result.tandem.commit ? `${result.tandem.commit.slice(0, 12)}${result.tandem.uncommittedChanges ? ' (with uncommitted changes)' : ''}` : 'unknown';
  return [
    `# ${title}, ${result.startedAt}`,
    '',
    `- Machine: ${machine.cpus} × ${machine.cpuModel}, ${number(machine.totalMemoryMb / 1024, 1)} GB RAM, Node ${machine.node}, ${machine.platform} ${machine.arch} ${machine.kernel}`,
    `- Load average (1 min) at start ${number(machine.loadAverage.atStart, 2)}, at end ${number(machine.loadAverage.atEnd, 2)}${
      Math.max(machine.loadAverage.atStart, machine.loadAverage.atEnd) >= machine.cpus / 2 ? ' (**other work was running: figures are noisy**)' : ''
    }`,
    `- Tandem: commit ${commit}`,
  ];
}

function budgetLines(budgets: BudgetCheck[]): string[] {
  return [
    '| Budget (DESIGN.md) | Limit | Measured | Result |',
    '| --- | --- | ---: | --- |',
    ...budgets.map(
      (check) =>
        `| ${check.budget} | ${check.limit} | ${check.measured === null ? '–' : `${number(check.measured, check.unit === 'ms' ? 2 : check.unit === 'MB' ? 1 : 0)} ${check.unit}`} | ${STATUS_TEXT[check.status]}${check.note ? ` (${check.note})` : ''} |`,
    ),
  ];
}

export function toBrowserMarkdown(result: BrowserBenchResult): string {
  const { workload } = result;
  return [
    ...headerLines(result, 'Tandem benchmark, web app only'),
    `- Workload: SQLite, one product with ${number(workload.items)} items, ${number(workload.scoredItems)} of them with a RICE score (seeded in ${number(workload.seedSeconds, 1)} s); API scenarios not run (\`--only browser\`)`,
    '',
    ...browserLines(result.browser),
    '',
    ...budgetLines(result.budgets),
    '',
  ].join('\n');
}

export function toMarkdown(result: BenchResult): string {
  const { workload, load, scenarios, ratios, memory, scoreRecompute, forecast } = result;
  const row = (label: string, figures: ScenarioFigures) =>
    `| ${label} | ${number(figures.requestsPerSecond)} | ${number(figures.latencyMs.p50, 2)} | ${number(figures.latencyMs.p90, 2)} | ${number(figures.latencyMs.p99, 2)} | ${number(figures.latencyMs.max, 1)} | ${number(figures.serverCpuMsPerRequest, 3)} | ${number(figures.requests)} |`;
  const lines = [
    ...headerLines(result, 'Tandem benchmark'),
    `- Workload: SQLite, one product with ${number(workload.items)} items, ${number(workload.scoredItems)} of them with a RICE score; 3 goals, 12 initiatives, ${number(workload.epics)} new epics with ${number(workload.reparentedItems)} of the items below them; ${number(workload.insights)} insights (seeded in ${number(workload.seedSeconds, 1)} s, of which scores ${number(workload.scoreSeedSeconds, 1)} s, strategy and evidence ${number(workload.portfolioSeedSeconds, 1)} s; database ${number(workload.databaseMb, 1)} MB); no analytics events yet`,
    `- Load: ${load.tool}, ${load.connections} connections on ${load.host}, ${load.warmupSeconds} s warm-up then ${load.durationSeconds} s per scenario`,
    '',
    '| Scenario | req/s | p50 ms | p90 ms | p99 ms | max ms | server CPU ms/req | requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(`List items: ${scenarios.listItems.request}`, scenarios.listItems),
    row(`List items, one connection`, scenarios.listItemsSerial),
    row(`Filtered list: ${scenarios.filteredList.request}`, scenarios.filteredList),
    row(`Filtered list, one connection`, scenarios.filteredListSerial),
    row(`Search, one word: ${scenarios.search.word.request}`, scenarios.search.word),
    row(`Search, two words: ${scenarios.search.twoWords.request}`, scenarios.search.twoWords),
    row(`Search, phrase: ${scenarios.search.phrase.request}`, scenarios.search.phrase),
    row(`Sort by score: ${scenarios.scoreSort.request}`, scenarios.scoreSort),
    row(`Traceability tree: ${scenarios.traceability.request}`, scenarios.traceability),
    row(`Traceability tree, one connection`, scenarios.traceabilitySerial),
    row(`Evidence of the hot feature: ${scenarios.itemEvidence.request}`, scenarios.itemEvidence),
    row(`Evidence of the hot feature, one connection`, scenarios.itemEvidenceSerial),
    row(`Product evidence: ${scenarios.productEvidence.request}`, scenarios.productEvidence),
    row(`Product evidence, one connection`, scenarios.productEvidenceSerial),
    row(`Create item: ${scenarios.createItem.request}`, scenarios.createItem),
    row(`Move item: ${scenarios.moveItem.request}`, scenarios.moveItem),
    row(`Ceiling: bare Fastify, same ${number(scenarios.ceiling.bodyBytes)}-byte body`, scenarios.ceiling),
    '',
    `Ratio to the ceiling (list items / bare Fastify): req/s **${ratios.listRequestsPerSecond}×**, p99 **${ratios.listP99}×**.`,
    '',
    `Strategy and evidence (DESIGN.md sets no budget for them; docs/benchmarks.md proposes ours, not judged here), one connection: traceability tree p50 **${number(scenarios.traceabilitySerial.latencyMs.p50, 1)} ms**, p99 **${number(scenarios.traceabilitySerial.latencyMs.p99, 1)} ms** (${number(scenarios.traceabilitySerial.responseBytes / 1024)} kB); evidence of the hot feature (${number(Math.ceil(workload.insights / 5))}+ insights) p50 **${number(scenarios.itemEvidenceSerial.latencyMs.p50, 1)} ms**, p99 **${number(scenarios.itemEvidenceSerial.latencyMs.p99, 1)} ms**; the product's evidence p50 **${number(scenarios.productEvidenceSerial.latencyMs.p50, 1)} ms**, p99 **${number(scenarios.productEvidenceSerial.latencyMs.p99, 1)} ms** (${number(scenarios.productEvidenceSerial.responseBytes / 1024)} kB).`,
    '',
    `Score recomputation (RICE, domain function, in process): ${number(scoreRecompute.items)} scores in **${number(scoreRecompute.medianMs, 1)} ms** (median of ${scoreRecompute.warmRuns} warm runs; min ${number(scoreRecompute.minMs, 1)}, max ${number(scoreRecompute.maxMs, 1)}, first cold run ${number(scoreRecompute.coldMs, 1)} ms).`,
    '',
    `Monte Carlo forecasts (domain functions, in process, ${number(forecast.trials)} trials): "when" for ${forecast.remaining} items in **${number(forecast.when.medianMs, 1)} ms**, "how many" over ${forecast.howMany.days} days in **${number(forecast.howMany.medianMs, 1)} ms** (medians of ${forecast.warmRuns} warm runs; first cold runs ${number(forecast.when.coldMs, 1)} and ${number(forecast.howMany.coldMs, 1)} ms).`,
    '',
    ...browserLines(result.browser),
    '',
    `Server memory: RSS ${number(memory.serverRssAtReadyMb, 1)} MB when ready, ${number(memory.serverRssAtEndMb, 1)} MB at the end, peak (VmHWM) **${number(memory.serverPeakRssMb, 1)} MB**. Seeding process peak: ${number(memory.seedProcessPeakRssMb, 1)} MB.`,
    '',
    ...budgetLines(result.budgets),
    '',
  ];
  return lines.join('\n');
}
