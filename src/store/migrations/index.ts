import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './2026-11-27T2200_foundation';
import * as storiesAndWorkflow from './2026-12-02T1000_stories_and_workflow';
import * as strategy from './2026-12-02T1400_strategy';
import * as dependencies from './2026-12-02T1500_dependencies';
import * as doneAt from './2026-12-02T1600_done_at';
import * as releases from './2026-12-02T1700_releases';
import * as evidence from './2026-12-02T1800_evidence';
import * as roadmap from './2026-12-02T2100_roadmap';
import * as launches from './2026-12-02T1900_launches';
import * as market from './2026-12-02T2000_market';
import * as itemTypeIndex from './2026-12-02T2200_item_type_index';

/**
 * Migrations are listed here rather than read from a folder, so they travel
 * inside the bundle. Names are timestamps; Kysely runs them in name order.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-27T2200_foundation': foundation,
  '2026-12-02T1000_stories_and_workflow': storiesAndWorkflow,
  '2026-12-02T1400_strategy': strategy,
  '2026-12-02T1500_dependencies': dependencies,
  '2026-12-02T1600_done_at': doneAt,
  '2026-12-02T1700_releases': releases,
  '2026-12-02T1800_evidence': evidence,
  '2026-12-02T1900_launches': launches,
  '2026-12-02T2000_market': market,
  '2026-12-02T2100_roadmap': roadmap,
  '2026-12-02T2200_item_type_index': itemTypeIndex,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
