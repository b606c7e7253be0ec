import type { Kysely, Selectable } from 'kysely';
import { LAUNCH_TASK_STATES } from '../../contracts/vocabulary';
import type { LaunchTaskState, LaunchTemplateTask } from '../../domain/roadmap/launches';
import type { LaunchRepository, LaunchTaskPatch, LaunchTaskRecord, LaunchTemplateRecord, NoteItemRecord, ReleaseNoteRecord } from '../../services/launch-ports';
import type { Database, LaunchTaskTable, LaunchTemplateTable } from '../schema';
import { knownValue, tracedItem } from './known-value';

const toTask = (row: Selectable<LaunchTaskTable>): LaunchTaskRecord => ({ ...row, state: knownValue(LAUNCH_TASK_STATES, row.state, 'launch task state') });

const toTemplate = (row: Selectable<LaunchTemplateTable>): LaunchTemplateRecord => ({ ...row, tasks: JSON.parse(row.tasks) as LaunchTemplateTask[] });

const NOTE_ITEM_COLUMNS = ['id', 'number', 'type', 'title', 'description', 'status', 'parentId'] as const;

// Item trees are shallow (epic → feature → story → task); the bound only guards a damaged parent loop.
const MAX_DEPTH = 8;

export class LaunchKyselyRepository implements LaunchRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findTemplate(workspaceId: string, productId: string): Promise<LaunchTemplateRecord | null> {
    const row = await this.db.selectFrom('launchTemplate').selectAll().where('workspaceId', '=', workspaceId).where('productId', '=', productId).executeTakeFirst();
    return row ? toTemplate(row) : null;
  }

  async insertTemplate(template: LaunchTemplateRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('launchTemplate')
      .values({ ...template, tasks: JSON.stringify(template.tasks) })
      .onConflict((conflict) => conflict.column('productId').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async updateTemplate(id: string, tasks: LaunchTemplateTask[], by: string | null, at: string, expectedVersion?: number): Promise<LaunchTemplateRecord | null> {
    let query = this.db
      .updateTable('launchTemplate')
      .set((eb) => ({ tasks: JSON.stringify(tasks), updatedBy: by, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await query.returningAll().executeTakeFirst();
    return row ? toTemplate(row) : null;
  }

  async insertTasks(tasks: readonly LaunchTaskRecord[]): Promise<void> {
    if (tasks.length === 0) return;
    await this.db.insertInto('launchTask').values([...tasks]).execute();
  }

  async findTask(id: string): Promise<LaunchTaskRecord | null> {
    const row = await this.db.selectFrom('launchTask').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTask(row) : null;
  }

  async listTasks(workspaceId: string, releaseId: string): Promise<LaunchTaskRecord[]> {
    const rows = await this.db
      .selectFrom('launchTask')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('releaseId', '=', releaseId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map(toTask);
  }

  async nextPosition(workspaceId: string, releaseId: string): Promise<number> {
    const row = await this.db
      .selectFrom('launchTask')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('workspaceId', '=', workspaceId)
      .where('releaseId', '=', releaseId)
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  }

  async updateTask(id: string, patch: LaunchTaskPatch, at: string, expectedVersion?: number): Promise<LaunchTaskRecord | null> {
    let query = this.db
      .updateTable('launchTask')
      .set((eb) => ({ ...patch, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await query.returningAll().executeTakeFirst();
    return row ? toTask(row) : null;
  }

  async deleteTask(id: string): Promise<void> {
    await this.db.deleteFrom('launchTask').where('id', '=', id).execute();
  }

  async stateCounts(workspaceId: string, productId: string, releaseIds?: readonly string[]): Promise<Map<string, Partial<Record<LaunchTaskState, number>>>> {
    const counts = new Map<string, Partial<Record<LaunchTaskState, number>>>();
    if (releaseIds && releaseIds.length === 0) return counts;
    let query = this.db
      .selectFrom('launchTask')
      .select((eb) => ['releaseId', 'state', eb.fn.countAll().as('count')])
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .groupBy(['releaseId', 'state']);
    if (releaseIds) query = query.where('releaseId', 'in', [...releaseIds]);
    for (const row of await query.execute()) {
      const entry = counts.get(row.releaseId) ?? {};
      entry[knownValue(LAUNCH_TASK_STATES, row.state, 'launch task state')] = Number(row.count);
      counts.set(row.releaseId, entry);
    }
    return counts;
  }

  async findNotes(releaseId: string): Promise<ReleaseNoteRecord | null> {
    return (await this.db.selectFrom('releaseNote').selectAll().where('releaseId', '=', releaseId).executeTakeFirst()) ?? null;
  }

  async insertNotes(notes: ReleaseNoteRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('releaseNote')
      .values(notes)
      .onConflict((conflict) => conflict.column('releaseId').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async updateNotes(releaseId: string, body: string, by: string | null, at: string, expectedVersion?: number): Promise<ReleaseNoteRecord | null> {
    let query = this.db
      .updateTable('releaseNote')
      .set((eb) => ({ body, updatedBy: by, updatedAt: at, version: eb('version', '+', 1) }))
      .where('releaseId', '=', releaseId);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    return (await query.returningAll().executeTakeFirst()) ?? null;
  }

  async scopeTree(workspaceId: string, releaseId: string): Promise<NoteItemRecord[]> {
    const found = new Map<string, NoteItemRecord>();
    let level = (
      await this.db.selectFrom('item').select(NOTE_ITEM_COLUMNS).where('workspaceId', '=', workspaceId).where('releaseId', '=', releaseId).where('deletedAt', 'is', null).execute()
    ).map(tracedItem);
    for (let depth = 0; level.length > 0 && depth < MAX_DEPTH; depth += 1) {
      const fresh = level.filter((item) => !found.has(item.id));
      for (const item of fresh) found.set(item.id, item);
      if (fresh.length === 0) break;
      level = (
        await this.db
          .selectFrom('item')
          .select(NOTE_ITEM_COLUMNS)
          .where('workspaceId', '=', workspaceId)
          .where('parentId', 'in', fresh.map((item) => item.id))
          .where('deletedAt', 'is', null)
          .execute()
      ).map(tracedItem);
    }
    return [...found.values()];
  }

  async ancestors(workspaceId: string, ids: readonly string[]): Promise<NoteItemRecord[]> {
    const found = new Map<string, NoteItemRecord>();
    let wanted = [...new Set(ids)];
    for (let depth = 0; wanted.length > 0 && depth < MAX_DEPTH; depth += 1) {
      const rows = (
        await this.db.selectFrom('item').select(NOTE_ITEM_COLUMNS).where('workspaceId', '=', workspaceId).where('id', 'in', wanted).where('deletedAt', 'is', null).execute()
      ).map(tracedItem);
      for (const row of rows) found.set(row.id, row);
      wanted = [...new Set(rows.flatMap((row) => (row.parentId && !found.has(row.parentId) ? [row.parentId] : [])))];
    }
    return [...found.values()];
  }
}
