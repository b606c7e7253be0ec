// The backlog's read paths under the filter language: a filtered page, full-text
// search and the score sort, each a first page of 50 as the web app asks for it.
import { measure, type LoadOptions, type ScenarioFigures } from './load';

export const PAGE_SIZE = 50;

/** About 3 % of the seeded items match all three conditions, so a page reads a few thousand rows by rank. */
export const FILTER_QUERY = 'type:story status:ready label:checkout';
/** One bare word (matched as a prefix), two bare words (both must match), a quoted phrase; each hits 10–13 % of items. */
export const SEARCH_QUERIES = { word: 'retention', twoWords: 'export csv', phrase: '"weekly report"' } as const;
export const SCORE_SORT = 'score:rice';

export type BacklogScenario = ScenarioFigures & { request: string };

export interface BacklogFigures {
  filteredList: BacklogScenario;
  /** The filtered page from one connection: the budget's latency. */
  filteredListSerial: BacklogScenario;
  search: { word: BacklogScenario; twoWords: BacklogScenario; phrase: BacklogScenario };
  scoreSort: BacklogScenario;
}

interface Target {
  base: string;
  productId: string;
  headers: Record<string, string>;
}

export function itemsPath(productId: string, params: Record<string, string>): string {
  return `/api/v1/products/${productId}/items?${new URLSearchParams({ limit: String(PAGE_SIZE), ...params }).toString()}`;
}

/** What the figures print: the query decoded, the product id a placeholder. */
const describe = (params: Record<string, string>) =>
  `GET /api/v1/products/{productId}/items?${Object.entries({ limit: String(PAGE_SIZE), ...params })
    .map(([key, value]) => `${key}=${value}`)
    .join('&')}`;

/**
 * Fetches the page once before loading it: the scenario must answer 200 with a
 * full page, or an empty result would pass for a fast one.
 */
async function expectFullPage(target: Target, path: string, check?: (items: Array<Record<string, unknown>>) => string | null): Promise<void> {
  const response = await fetch(`${target.base}${path}`, { headers: target.headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  const { items } = JSON.parse(text) as { items: Array<Record<string, unknown>> };
  if (items.length !== PAGE_SIZE) throw new Error(`GET ${path} returned ${items.length} items, expected a full page of ${PAGE_SIZE}`);
  const problem = check?.(items);
  if (problem) throw new Error(`GET ${path}: ${problem}`);
}

async function scenario(target: Target, name: string, params: Record<string, string>, load: LoadOptions): Promise<BacklogScenario> {
  const path = itemsPath(target.productId, params);
  const figures = await measure(name, { url: `${target.base}${path}`, method: 'GET', headers: target.headers }, load);
  return { request: `${describe(params)}${load.connections === 1 ? ' (one connection)' : ''}`, ...figures };
}

/** Runs every backlog query scenario; the latency budgets are read from one connection, throughput from `load.connections`. */
export async function measureBacklogQueries(target: Target, load: LoadOptions): Promise<BacklogFigures> {
  const serial = { ...load, connections: 1 };
  const filter = { q: FILTER_QUERY };
  await expectFullPage(target, itemsPath(target.productId, filter), (items) =>
    items.every((item) => item.type === 'story' && item.status === 'ready' && (item.labels as string[]).includes('checkout')) ? null : 'an item outside the filter came back',
  );
  for (const q of Object.values(SEARCH_QUERIES)) await expectFullPage(target, itemsPath(target.productId, { q }));
  await expectFullPage(target, itemsPath(target.productId, { sort: SCORE_SORT }), (items) => {
    const scores = items.map((item) => (item.scores as { rice?: number }).rice);
    const sorted = scores.every((score, i) => score !== undefined && (i === 0 || score <= scores[i - 1]!));
    return sorted ? null : 'the page is not the highest RICE scores in order (are scores seeded?)';
  });

  console.log(`Tandem: filtered list (${FILTER_QUERY})…`);
  const filteredList = await scenario(target, 'filtered list', filter, load);
  console.log('Tandem: filtered list from one connection…');
  const filteredListSerial = await scenario(target, 'filtered list (one connection)', filter, serial);
  const search = {} as BacklogFigures['search'];
  for (const [key, q] of Object.entries(SEARCH_QUERIES) as Array<[keyof typeof SEARCH_QUERIES, string]>) {
    console.log(`Tandem: full-text search ${q} from one connection…`);
    search[key] = await scenario(target, `search ${q}`, { q }, serial);
  }
  console.log(`Tandem: sort by ${SCORE_SORT} from one connection…`);
  const scoreSort = await scenario(target, 'score sort', { sort: SCORE_SORT }, serial);
  return { filteredList, filteredListSerial, search, scoreSort };
}
