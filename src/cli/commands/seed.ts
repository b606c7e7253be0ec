import { SingleBar, Presets } from 'cli-progress';
import type { Runtime } from '../../server/compose';
import { withRuntime } from '../runtime';

export const BENCH_OWNER = { email: 'bench@tandem.local', name: 'Benchmark Owner', password: 'bench-password' };
export const BENCH_PRODUCT_KEY = 'BENCH';

/**
 * Fills a benchmark workspace with `items` synthetic items (creating the
 * workspace, its owner and product on first use). The benchmarks call this
 * same function, so they measure what `tandem seed` makes.
 */
export async function seedLargeWorkspace(
  runtime: Runtime,
  items: number,
  onProgress?: (done: number) => void,
): Promise<{ workspaceId: string; productId: string }> {
  let owner = await runtime.store.read.users.findByEmail(BENCH_OWNER.email);
  owner ??= await runtime.services.auth.createUser(BENCH_OWNER);
  const memberships = await runtime.services.workspaces.listFor({ userId: owner.id });
  const workspace = memberships[0]?.workspace ?? (await runtime.services.workspaces.create(owner.id, 'Benchmark'));
  const scope = { actor: { userId: owner.id }, workspaceId: workspace.id, roles: ['owner' as const], action: 'product.create' as const };
  const existing = (await runtime.store.read.products.list(workspace.id)).find((product) => product.key === BENCH_PRODUCT_KEY);
  const product =
    existing ?? (await runtime.services.products.create(scope, { key: BENCH_PRODUCT_KEY, name: 'Benchmark product', description: '' }));
  await runtime.seed.seedItems(workspace.id, product.id, items, onProgress);
  return { workspaceId: workspace.id, productId: product.id };
}

export async function seed(options: { items: number }): Promise<void> {
  await withRuntime(async (runtime) => {
    const bar = new SingleBar({ format: 'seeding items [{bar}] {percentage}% | {value}/{total} | {duration_formatted}' }, Presets.shades_classic);
    const started = Date.now();
    bar.start(options.items, 0);
    const { workspaceId, productId } = await seedLargeWorkspace(runtime, options.items, (done) => bar.update(done));
    bar.stop();
    console.log(
      `Seeded ${options.items} items in ${((Date.now() - started) / 1000).toFixed(1)} s into product ${BENCH_PRODUCT_KEY} (${productId}) of workspace ${workspaceId}.`,
    );
    console.log(`Sign in as ${BENCH_OWNER.email} / ${BENCH_OWNER.password} to look at it.`);
  });
}
