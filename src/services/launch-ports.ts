import type { ItemType } from '../contracts/item.schema';
import type { LaunchTaskState, LaunchTemplateTask } from '../domain/roadmap/launches';

/** The launch records and the repository port that src/store implements (see ports.ts). */

/** A product's own launch template; a product without one uses the default. */
export interface LaunchTemplateRecord {
  id: string;
  workspaceId: string;
  productId: string;
  tasks: LaunchTemplateTask[];
  updatedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface LaunchTaskRecord {
  id: string;
  workspaceId: string;
  productId: string;
  releaseId: string;
  title: string;
  ownerId: string | null;
  /** `YYYY-MM-DD`. */
  dueDate: string | null;
  state: LaunchTaskState;
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type LaunchTaskPatch = Partial<Pick<LaunchTaskRecord, 'title' | 'ownerId' | 'dueDate' | 'state'>>;

/** A release's saved notes; a release without them reads a fresh draft. */
export interface ReleaseNoteRecord {
  releaseId: string;
  workspaceId: string;
  body: string;
  updatedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An item as the release-notes draft reads it. */
export interface NoteItemRecord {
  id: string;
  number: number;
  type: ItemType;
  title: string;
  description: string;
  status: string;
  parentId: string | null;
}

export interface LaunchRepository {
  findTemplate(workspaceId: string, productId: string): Promise<LaunchTemplateRecord | null>;
  /** False when the product already has one (someone saved it first). */
  insertTemplate(template: LaunchTemplateRecord): Promise<boolean>;
  /** Null when the expected version is no longer current. */
  updateTemplate(id: string, tasks: LaunchTemplateTask[], by: string | null, at: string, expectedVersion?: number): Promise<LaunchTemplateRecord | null>;

  insertTasks(tasks: readonly LaunchTaskRecord[]): Promise<void>;
  findTask(id: string): Promise<LaunchTaskRecord | null>;
  /** The release's checklist in order. */
  listTasks(workspaceId: string, releaseId: string): Promise<LaunchTaskRecord[]>;
  /** The position after the release's last task (0 for an empty checklist). */
  nextPosition(workspaceId: string, releaseId: string): Promise<number>;
  updateTask(id: string, patch: LaunchTaskPatch, at: string, expectedVersion?: number): Promise<LaunchTaskRecord | null>;
  deleteTask(id: string): Promise<void>;
  /** How many tasks of each release of the product are in each state, in one grouped read. */
  stateCounts(workspaceId: string, productId: string, releaseIds?: readonly string[]): Promise<Map<string, Partial<Record<LaunchTaskState, number>>>>;

  findNotes(releaseId: string): Promise<ReleaseNoteRecord | null>;
  /** False when the release already has saved notes. */
  insertNotes(notes: ReleaseNoteRecord): Promise<boolean>;
  updateNotes(releaseId: string, body: string, by: string | null, at: string, expectedVersion?: number): Promise<ReleaseNoteRecord | null>;

  /** The items in the release's scope and everything below them, outside the trash. */
  scopeTree(workspaceId: string, releaseId: string): Promise<NoteItemRecord[]>;
  /** The items with these ids and their ancestors up to the top, outside the trash. */
  ancestors(workspaceId: string, ids: readonly string[]): Promise<NoteItemRecord[]>;
}
