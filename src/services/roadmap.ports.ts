import type { ROADMAP_HORIZONS } from '../contracts/vocabulary';
import type { TracedItemRecord } from './ports';

/** The roadmap's ports: when epics and features are planned, and the product's milestones. */

export type Horizon = (typeof ROADMAP_HORIZONS)[number];

export interface ItemScheduleRecord {
  itemId: string;
  workspaceId: string;
  productId: string;
  startDate: string | null;
  targetDate: string | null;
  horizon: Horizon | null;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

/** An epic or feature as the roadmap shows it: where it sits, its release, and its plan (all null before it has one). */
export interface RoadmapItemRecord extends TracedItemRecord {
  releaseId: string | null;
  startDate: string | null;
  targetDate: string | null;
  horizon: Horizon | null;
  /** 0 before the item was first planned. */
  scheduleVersion: number;
}

export interface MilestoneRecord {
  id: string;
  workspaceId: string;
  productId: string;
  name: string;
  date: string;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export type MilestonePatch = Partial<Pick<MilestoneRecord, 'name' | 'date' | 'description'>>;

export interface RoadmapRepository {
  /** The product's epics and features outside the trash, with their plans, by number. */
  items(workspaceId: string, productId: string): Promise<RoadmapItemRecord[]>;
  findSchedule(itemId: string): Promise<ItemScheduleRecord | null>;
  /**
   * Writes the item's plan; with `expectedVersion`, only over that version (0:
   * only when it has none yet). False when the version did not match.
   */
  saveSchedule(schedule: Omit<ItemScheduleRecord, 'version'>, expectedVersion?: number): Promise<boolean>;

  insertMilestone(milestone: MilestoneRecord): Promise<void>;
  findMilestone(id: string): Promise<MilestoneRecord | null>;
  /** By date, then name. */
  listMilestones(workspaceId: string, productId: string): Promise<MilestoneRecord[]>;
  updateMilestone(id: string, patch: MilestonePatch, at: string, expectedVersion?: number): Promise<MilestoneRecord | null>;
  deleteMilestone(id: string): Promise<void>;
}
