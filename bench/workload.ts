import { Presets, SingleBar } from 'cli-progress';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_OWNER, seedLargeWorkspace } from '../src/cli/commands/seed';
import { compose } from '../src/server/compose';

export interface SeededWorkload {
  workspaceId: string;
  productId: string;
  /** A bearer token of the benchmark workspace's owner. */
  token: string;
  /** Items with a stored RICE score. */
  scoredItems: number;
  /** The whole seed, items and scores. */
  seedSeconds: number;
  /** The part of it spent storing the RICE scores. */
  scoreSeedSeconds: number;
  /** The part spent on the strategy tree and the customer evidence. */
  portfolioSeedSeconds: number;
  /** New epics aligned to initiatives, and the seeded items put under them (features, and the work below). */
  epics: number;
  reparented: number;
  insights: number;
  /** The feature with the most evidence (one insight in five). */
  hotFeatureId: string | null;
}

/**
 * Seeds the workload with the code `tandem seed` runs, so the benchmark
 * measures the same data a user would, then closes the database so the server
 * child finds it checkpointed.
 */
export async function seedWorkload(databasePath: string, items: number): Promise<SeededWorkload> {
  const runtime = await compose({ dialect: 'sqlite', path: databasePath }, { withoutEvents: true });
  try {
    const bar = new SingleBar({ format: 'seeding {stage} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}' }, Presets.shades_classic);
    const started = performance.now();
    // Scores are stored right after the last chunk of items, the strategy and evidence after the last score.
    const marks = { itemsDone: started, scoresDone: started };
    bar.start(items, 0, { stage: 'items   ' });
    const seeded = await seedLargeWorkspace(runtime, items, (done, stage, total) => {
      if (stage === 'items') marks.itemsDone = performance.now();
      if (stage === 'scores') marks.scoresDone = performance.now();
      bar.setTotal(total);
      bar.update(done, { stage: stage.padEnd(8) });
    });
    bar.stop();
    const { workspaceId, productId, scoredItems, epics, reparented, insights, hotFeatureId } = seeded;
    const finished = performance.now();
    const seedSeconds = (finished - started) / 1000;
    const scoreSeedSeconds = (marks.scoresDone - marks.itemsDone) / 1000;
    const portfolioSeedSeconds = (finished - marks.scoresDone) / 1000;
    const owner = await runtime.store.read.users.findByEmail(BENCH_OWNER.email);
    if (!owner) throw new Error(`the seed did not create ${BENCH_OWNER.email}`);
    const { token } = await runtime.services.auth.createToken({ userId: owner.id }, 'benchmark');
    return { workspaceId, productId, token, scoredItems, seedSeconds, scoreSeedSeconds, portfolioSeedSeconds, epics, reparented, insights, hotFeatureId };
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
