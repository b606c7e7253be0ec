// The product manager's read paths over the seeded strategy and evidence: the
// traceability tree, one feature's evidence roll-up (the hot feature, a fifth of
// all insights) and the product's evidence list.
import { measure, type LoadOptions, type ScenarioFigures } from './load';

export type PortfolioScenario = ScenarioFigures & { request: string };

export interface PortfolioFigures {
  traceability: PortfolioScenario;
  traceabilitySerial: PortfolioScenario;
  itemEvidence: PortfolioScenario;
  itemEvidenceSerial: PortfolioScenario;
  productEvidence: PortfolioScenario;
  productEvidenceSerial: PortfolioScenario;
}

interface Target {
  base: string;
  productId: string;
  headers: Record<string, string>;
}

/** What the seed made, to check the answers against. */
export interface PortfolioWorkload {
  epics: number;
  insights: number;
  hotFeatureId: string;
}

interface Rollup {
  items: number;
}
interface Traceability {
  goals: Array<{ rollup: Rollup; initiatives: Array<{ rollup: Rollup; items: Array<{ id: string; rollup: Rollup }> }> }>;
}

/**
 * Fetches the path once before loading it: it must answer 200 with what the
 * seed put there, or an empty answer would pass for a fast one.
 */
async function expectAnswer<T>(target: Target, path: string, check: (body: T) => string | null): Promise<void> {
  const response = await fetch(`${target.base}${path}`, { headers: target.headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  const problem = check(JSON.parse(text) as T);
  if (problem) throw new Error(`GET ${path}: ${problem}`);
}

export function checkTraceability(body: Traceability, workload: PortfolioWorkload): string | null {
  const aligned = new Set(body.goals.flatMap((goal) => goal.initiatives.flatMap((initiative) => initiative.items.map((item) => item.id))));
  if (aligned.size !== workload.epics) return `${aligned.size} aligned items in the tree, expected the ${workload.epics} seeded epics`;
  const work = body.goals.reduce((sum, goal) => sum + goal.rollup.items, 0);
  if (workload.epics > 0 && (work === 0 || body.goals.some((goal) => goal.rollup.items === 0))) return 'a goal rolls up no work (are the features and stories under the epics?)';
  return null;
}

export async function measurePortfolioQueries(target: Target, workload: PortfolioWorkload, load: LoadOptions): Promise<PortfolioFigures> {
  const serial = { ...load, connections: 1 };
  const paths = {
    traceability: `/api/v1/products/${target.productId}/traceability`,
    itemEvidence: `/api/v1/items/${workload.hotFeatureId}/evidence`,
    productEvidence: `/api/v1/products/${target.productId}/evidence`,
  };
  const hotInsights = Math.ceil(workload.insights / 5);
  await expectAnswer<Traceability>(target, paths.traceability, (body) => checkTraceability(body, workload));
  await expectAnswer<{ insights: number; customers: number }>(target, paths.itemEvidence, (body) =>
    body.insights >= hotInsights && body.customers > 0 ? null : `${body.insights} insights from ${body.customers} customers, expected at least ${hotInsights} insights`,
  );
  await expectAnswer<{ items: Array<{ item: { id: string }; insights: number }> }>(target, paths.productEvidence, (body) =>
    body.items[0]?.item.id === workload.hotFeatureId && body.items.length > 1 ? null : `${body.items.length} items with evidence, the hot feature not first`,
  );
  const describe = (path: string) => `GET ${path.replace(target.productId, '{productId}').replace(workload.hotFeatureId, '{hotFeatureId}')}`;
  const run = async (name: string, path: string, options: LoadOptions): Promise<PortfolioScenario> => {
    console.log(`Tandem: ${name}…`);
    const figures = await measure(name, { url: `${target.base}${path}`, method: 'GET', headers: target.headers }, options);
    return { request: `${describe(path)}${options.connections === 1 ? ' (one connection)' : ''}`, ...figures };
  };
  return {
    traceability: await run('traceability tree', paths.traceability, load),
    traceabilitySerial: await run('traceability tree from one connection', paths.traceability, serial),
    itemEvidence: await run('evidence of the hot feature', paths.itemEvidence, load),
    itemEvidenceSerial: await run('evidence of the hot feature from one connection', paths.itemEvidence, serial),
    productEvidence: await run("the product's evidence", paths.productEvidence, load),
    productEvidenceSerial: await run("the product's evidence from one connection", paths.productEvidence, serial),
  };
}
