import type { Kysely, Selectable } from 'kysely';
import { RELEASE_CHANGE_KINDS, RELEASE_STATUSES } from '../../contracts/vocabulary';
import type { ReleaseChangeRecord, ReleasePatch, ReleaseRecord, ReleaseRepository, TracedItemRecord } from '../../services/ports';
import type { Database, ReleaseTable } from '../schema';
import { knownValue, tracedItem } from './known-value';

const toRelease = (row: Selectable<ReleaseTable>): ReleaseRecord => ({ ...row, status: knownValue(RELEASE_STATUSES, row.status, 'release status'), atRisk: Boolean(row.atRisk) });

const toColumns = (patch: ReleasePatch) => {
  const { atRisk, ...rest } = patch;
  return { ...rest, ...(atRisk !== undefined && { atRisk: atRisk ? 1 : 0 }) };
};

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export class ReleaseKyselyRepository implements ReleaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(release: ReleaseRecord): Promise<void> {
    await this.db
      .insertInto('release')
      .values({ ...release, atRisk: release.atRisk ? 1 : 0 })
      .execute();
  }

  async findById(id: string): Promise<ReleaseRecord | null> {
    const row = await this.db.selectFrom('release').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRelease(row) : null;
  }

  async list(workspaceId: string, productId: string): Promise<ReleaseRecord[]> {
    const rows = await this.db.selectFrom('release').selectAll().where('workspaceId', '=', workspaceId).where('productId', '=', productId).execute();
    // Undated releases go last on both dialects (their NULL ordering differs).
    return rows.map(toRelease).sort((a, b) => (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.name.localeCompare(b.name));
  }

  async update(id: string, patch: ReleasePatch, at: string, expectedVersion?: number): Promise<ReleaseRecord | null> {
    let query = this.db
      .updateTable('release')
      .set((eb) => ({ ...toColumns(patch), updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await query.returningAll().executeTakeFirst();
    return row ? toRelease(row) : null;
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('release').where('id', '=', id).execute();
  }

  async setItemRelease(itemId: string, releaseId: string | null, at: string): Promise<void> {
    await this.db
      .updateTable('item')
      .set((eb) => ({ releaseId, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', itemId)
      .execute();
  }

  async scope(workspaceId: string, releaseId: string): Promise<TracedItemRecord[]> {
    const rows = await this.db
      .selectFrom('item')
      .select(['id', 'number', 'title', 'type', 'status', 'parentId'])
      .where('workspaceId', '=', workspaceId)
      .where('releaseId', '=', releaseId)
      .where('deletedAt', 'is', null)
      .orderBy('number')
      .execute();
    return rows.map(tracedItem);
  }

  async recordChange(change: ReleaseChangeRecord): Promise<void> {
    await this.db
      .insertInto('releaseChange')
      .values({ ...change, before: json(change.before), after: json(change.after) })
      .execute();
  }

  async changes(workspaceId: string, releaseId: string, limit: number): Promise<ReleaseChangeRecord[]> {
    const rows = await this.db
      .selectFrom('releaseChange')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('releaseId', '=', releaseId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      ...row,
      kind: knownValue(RELEASE_CHANGE_KINDS, row.kind, 'release change'),
      before: row.before === null ? null : (JSON.parse(row.before) as unknown),
      after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    }));
  }
}
