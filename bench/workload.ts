import { Presets, SingleBar } from 'cli-progress';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_OWNER, seedLargeWorkspace } from '../src/cli/commands/seed';
import { compose } from '../src/server/compose';

export interface SeededWorkload {
  productId: string;
  /** A bearer token of the benchmark workspace's owner. */
  token: string;
  seedSeconds: number;
}

/**
 * Seeds the workload with the code `tandem seed` runs, so the benchmark
 * measures the same data a user would, then closes the database so the server
 * child finds it checkpointed.
 */
export async function seedWorkload(databasePath: string, items: number): Promise<SeededWorkload> {
  const runtime = await compose({ dialect: 'sqlite', path: databasePath }, { withoutEvents: true });
  try {
    const bar = new SingleBar({ format: 'seeding items [{bar}] {percentage}% | {value}/{total} | {duration_formatted}' }, Presets.shades_classic);
    const started = performance.now();
    bar.start(items, 0);
    const { productId } = await seedLargeWorkspace(runtime, items, (done) => bar.update(done));
    bar.stop();
    const seedSeconds = (performance.now() - started) / 1000;
    const owner = await runtime.store.read.users.findByEmail(BENCH_OWNER.email);
    if (!owner) throw new Error(`the seed did not create ${BENCH_OWNER.email}`);
    const { token } = await runtime.services.auth.createToken({ userId: owner.id }, 'benchmark');
    return { productId, token, seedSeconds };
  } finally {
    await runtime.close();
  }
}

/** Bytes on disk of the database and its WAL and shared-memory files, MB. */
export function databaseSizeMb(directory: string, databaseFile: string): number {
  const bytes = readdirSync(directory)
    .filter((name) => name.startsWith(databaseFile))
    .reduce((total, name) => total + statSync(join(directory, name)).size, 0);
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
