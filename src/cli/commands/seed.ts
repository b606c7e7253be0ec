import { SingleBar, Presets } from 'cli-progress';
import { rice } from '../../domain/prioritization/rice';
import type { Runtime } from '../../server/compose';
import { hasSyntheticScore, syntheticRiceInputs } from '../../services/demo-data';
import type { ItemScoreRecord } from '../../services/ports';
import { withRuntime } from '../runtime';

export const BENCH_OWNER = { email: 'bench@tandem.local', name: 'Benchmark Owner', password: 'bench-password' };
export const BENCH_PRODUCT_KEY = 'BENCH';

// Scores are written in chunks, one transaction each, like the items.
const SCORE_CHUNK = 5_000;

export type SeedStage = 'items' | 'scores' | 'strategy' | 'evidence';

/** What a seed made, beyond the items asked for. */
export interface SeededWorkspace {
  workspaceId: string;
  productId: string;
  scoredItems: number;
  /** New epics over the synthetic features, each aligned to an initiative. */
  epics: number;
  /** Seeded items put under a parent: features under epics, work under features and stories. */
  reparented: number;
  insights: number;
  /** The feature one insight in five speaks for; null when the backlog has no feature. */
  hotFeatureId: string | null;
}

/**
 * Fills a benchmark workspace with `items` synthetic items (creating the
 * workspace, its owner and product on first use), stores a RICE score for
 * about a third of them so the backlog can be sorted by score, and adds the
 * product manager's workload over them: goals, initiatives, epics with work
 * below, and one customer insight per ten items. The benchmarks call this same
 * function, so they measure what `tandem seed` makes. `onProgress` counts each
 * stage to its own `total`; `account` owns the workspace (the benchmark owner
 * unless told, so tests sharing a database can each seed their own).
 */
export async function seedLargeWorkspace(
  runtime: Runtime,
  items: number,
  onProgress?: (done: number, stage: SeedStage, total: number) => void,
  account: { email: string; name: string; password: string } = BENCH_OWNER,
): Promise<SeededWorkspace> {
  let owner = await runtime.store.read.users.findByEmail(account.email);
  owner ??= await runtime.services.auth.createUser(account);
  const memberships = await runtime.services.workspaces.listFor({ userId: owner.id });
  const workspace = memberships[0]?.workspace ?? (await runtime.services.workspaces.create(owner.id, 'Benchmark'));
  const scope = { actor: { userId: owner.id }, workspaceId: workspace.id, roles: ['owner' as const], action: 'product.create' as const };
  const existing = (await runtime.store.read.products.list(workspace.id)).find((product) => product.key === BENCH_PRODUCT_KEY);
  const product =
    existing ?? (await runtime.services.products.create(scope, { key: BENCH_PRODUCT_KEY, name: 'Benchmark product', description: '' }));
  // Items are appended after the current last one, so a second seed scores only its own items.
  const lastBefore = await runtime.store.read.items.lastRank(workspace.id, product.id);
  const seeded = await runtime.seed.seedItems(workspace.id, product.id, items, (done) => onProgress?.(done, 'items', items));
  const scoredItems = await seedScores(runtime, workspace.id, product.id, owner.id, lastBefore, (done) => onProgress?.(done, 'scores', items));
  const portfolio = await runtime.seed.seedPortfolio(workspace.id, product.id, seeded, (done, total, stage) => onProgress?.(done, stage, total));
  return { workspaceId: workspace.id, productId: product.id, scoredItems, ...portfolio };
}

/**
 * Stores the RICE score of every seeded item that `hasSyntheticScore` picks,
 * computed by the domain's own `rice`, as `POST /items/{id}/scores` would.
 * Walks the new items in rank order, which is their seeding order.
 */
async function seedScores(
  runtime: Runtime,
  workspaceId: string,
  productId: string,
  userId: string,
  after: string | null,
  onProgress: (done: number) => void,
): Promise<number> {
  const updatedAt = new Date().toISOString();
  let cursor = after;
  let n = 0;
  let scored = 0;
  for (;;) {
    const page = await runtime.store.read.items.listByRank(workspaceId, productId, SCORE_CHUNK, cursor === null ? undefined : { rank: cursor });
    if (page.length === 0) return scored;
    const records: ItemScoreRecord[] = [];
    for (const item of page) {
      if (hasSyntheticScore(n)) {
        const inputs = syntheticRiceInputs(n);
        const { score, explanation } = rice(inputs);
        records.push({ workspaceId, productId, itemId: item.id, framework: 'rice', inputs: { ...inputs }, score, explanation, updatedBy: userId, updatedAt });
      }
      n += 1;
    }
    await runtime.store.transaction(async (repos) => {
      for (const record of records) await repos.scores.upsert(record);
    });
    scored += records.length;
    cursor = page[page.length - 1]!.rank;
    onProgress(n);
  }
}

export async function seed(options: { items: number }): Promise<void> {
  await withRuntime(async (runtime) => {
    const bar = new SingleBar({ format: 'seeding {stage} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}' }, Presets.shades_classic);
    const started = Date.now();
    bar.start(options.items, 0, { stage: 'items' });
    const seeded = await seedLargeWorkspace(runtime, options.items, (done, stage, total) => {
      bar.setTotal(total);
      bar.update(done, { stage });
    });
    bar.stop();
    console.log(
      `Seeded ${options.items} items (${seeded.scoredItems} with a RICE score), ${seeded.epics} epics over ${seeded.reparented} of them, and ${seeded.insights} insights in ${((Date.now() - started) / 1000).toFixed(1)} s into product ${BENCH_PRODUCT_KEY} (${seeded.productId}) of workspace ${seeded.workspaceId}.`,
    );
    console.log(`Sign in as ${BENCH_OWNER.email} / ${BENCH_OWNER.password} to look at it.`);
  });
}
