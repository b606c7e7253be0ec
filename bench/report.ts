import type { ScenarioFigures } from './load';

export type BudgetStatus = 'pass' | 'fail' | 'not_applicable' | 'not_measured';

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
    seedSeconds: number;
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
  };
  /** Tandem's list figures over the bare-Fastify ceiling's. */
  ratios: { listRequestsPerSecond: number; listP99: number };
  memory: { seedProcessPeakRssMb: number | null; serverRssAtReadyMb: number | null; serverRssAtEndMb: number | null; serverPeakRssMb: number | null };
  budgets: BudgetCheck[];
}

export const REFERENCE_ITEMS = 100_000;

/** The budgets of DESIGN.md this benchmark can judge, and the ones it does not measure yet. */
export function checkBudgets(result: Pick<BenchResult, 'workload' | 'scenarios' | 'memory'>): BudgetCheck[] {
  const atReference = result.workload.items >= REFERENCE_ITEMS;
  const smaller = `the workload has ${result.workload.items} items, the budget is set for ${REFERENCE_ITEMS}`;
  const judge = (measured: number | null, limit: number): BudgetStatus =>
    !atReference ? 'not_applicable' : measured === null ? 'not_measured' : measured <= limit ? 'pass' : 'fail';
  // A budget on one request's latency is judged without other requests queued in front of it.
  const listP99 = result.scenarios.listItemsSerial.latencyMs.p99;
  const peak = result.memory.serverPeakRssMb;
  const notMeasured = (budget: string, limit: string): BudgetCheck => ({
    budget,
    limit,
    measured: null,
    unit: '',
    status: 'not_measured',
    note: 'no scenario for it yet',
  });
  return [
    {
      budget: 'list a backlog page (50 items, by rank), p99, SQLite, one connection',
      limit: '≤ 10 ms at 100k items',
      measured: listP99,
      unit: 'ms',
      status: judge(listP99, 10),
      ...(atReference ? {} : { note: smaller }),
    },
    {
      budget: 'server peak RSS with the reference workload',
      limit: '≤ 250 MB',
      measured: peak,
      unit: 'MB',
      status: judge(peak, 250),
      note: atReference
        ? 'items only: the reference insights and analytics events are not seeded yet'
        : `${smaller}; items only: the reference insights and analytics events are not seeded yet`,
    },
    notMeasured('full-text search over 100k items, p99', '≤ 20 ms'),
    notMeasured('score recomputation for 100k items', '≤ 100 ms'),
    notMeasured('Monte Carlo forecast, 10,000 trials', '≤ 100 ms'),
    notMeasured('event ingestion on SQLite', '≥ 50,000 events/s'),
    notMeasured('import 100,000 Jira CSV rows', '≤ 10 s'),
  ];
}

const number = (value: number | null, digits = 0) =>
  value === null || Number.isNaN(value) ? '–' : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const STATUS_TEXT: Record<BudgetStatus, string> = {
  pass: 'pass',
  fail: '**FAIL**',
  not_applicable: 'n/a (smaller workload)',
  not_measured: 'not measured',
};

export function toMarkdown(result: BenchResult): string {
  const { machine, workload, load, scenarios, ratios, memory } = result;
  const row = (label: string, figures: ScenarioFigures) =>
    `| ${label} | ${number(figures.requestsPerSecond)} | ${number(figures.latencyMs.p50, 2)} | ${number(figures.latencyMs.p90, 2)} | ${number(figures.latencyMs.p99, 2)} | ${number(figures.latencyMs.max, 1)} | ${number(figures.serverCpuMsPerRequest, 3)} | ${number(figures.requests)} |`;
  const commit = result.tandem.commit ? `${result.tandem.commit.slice(0, 12)}${result.tandem.uncommittedChanges ? ' (with uncommitted changes)' : ''}` : 'unknown';
  const lines = [
    `# Tandem benchmark, ${result.startedAt}`,
    '',
    `- Machine: ${machine.cpus} × ${machine.cpuModel}, ${number(machine.totalMemoryMb / 1024, 1)} GB RAM, Node ${machine.node}, ${machine.platform} ${machine.arch} ${machine.kernel}`,
    `- Load average (1 min) at start ${number(machine.loadAverage.atStart, 2)}, at end ${number(machine.loadAverage.atEnd, 2)}${
      Math.max(machine.loadAverage.atStart, machine.loadAverage.atEnd) >= machine.cpus / 2 ? ' (**other work was running: figures are noisy**)' : ''
    }`,
    `- Tandem: commit ${commit}`,
    `- Workload: SQLite, one product with ${number(workload.items)} items (seeded in ${number(workload.seedSeconds, 1)} s, database ${number(workload.databaseMb, 1)} MB); no insights or analytics events yet`,
    `- Load: ${load.tool}, ${load.connections} connections on ${load.host}, ${load.warmupSeconds} s warm-up then ${load.durationSeconds} s per scenario`,
    '',
    '| Scenario | req/s | p50 ms | p90 ms | p99 ms | max ms | server CPU ms/req | requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(`List items: ${scenarios.listItems.request}`, scenarios.listItems),
    row(`List items, one connection`, scenarios.listItemsSerial),
    row(`Create item: ${scenarios.createItem.request}`, scenarios.createItem),
    row(`Move item: ${scenarios.moveItem.request}`, scenarios.moveItem),
    row(`Ceiling: bare Fastify, same ${number(scenarios.ceiling.bodyBytes)}-byte body`, scenarios.ceiling),
    '',
    `Ratio to the ceiling (list items / bare Fastify): req/s **${ratios.listRequestsPerSecond}×**, p99 **${ratios.listP99}×**.`,
    '',
    `Server memory: RSS ${number(memory.serverRssAtReadyMb, 1)} MB when ready, ${number(memory.serverRssAtEndMb, 1)} MB at the end, peak (VmHWM) **${number(memory.serverPeakRssMb, 1)} MB**. Seeding process peak: ${number(memory.seedProcessPeakRssMb, 1)} MB.`,
    '',
    '| Budget (DESIGN.md) | Limit | Measured | Result |',
    '| --- | --- | ---: | --- |',
    ...result.budgets.map(
      (check) =>
        `| ${check.budget} | ${check.limit} | ${check.measured === null ? '–' : `${number(check.measured, check.unit === 'ms' ? 2 : 1)} ${check.unit}`} | ${STATUS_TEXT[check.status]}${check.note ? ` (${check.note})` : ''} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
