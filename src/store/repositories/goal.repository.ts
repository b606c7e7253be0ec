import type { Kysely, Selectable } from 'kysely';
import { KEY_RESULT_DIRECTIONS } from '../../contracts/vocabulary';
import type { GoalPatch, GoalRecord, GoalRepository, KeyResultPatch, KeyResultRecord } from '../../services/ports';
import type { Database, KeyResultTable } from '../schema';
import { knownValue } from './known-value';

const toKeyResult = (row: Selectable<KeyResultTable>): KeyResultRecord => {
  const direction = knownValue(KEY_RESULT_DIRECTIONS, row.direction, 'key result direction');
  const optional = (value: number | null) => (value === null ? null : Number(value));
  return { ...row, direction, baseline: Number(row.baseline), target: Number(row.target), current: optional(row.current), confidence: optional(row.confidence) };
};

/** Goals and their key results: a goal is read, changed and removed with them. */
export class GoalKyselyRepository implements GoalRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(goal: GoalRecord): Promise<void> {
    await this.db.insertInto('goal').values(goal).execute();
  }

  async findById(id: string): Promise<GoalRecord | null> {
    return (await this.db.selectFrom('goal').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  list(workspaceId: string, productId: string): Promise<GoalRecord[]> {
    return this.db
      .selectFrom('goal')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .orderBy('startDate')
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  async findMany(workspaceId: string, ids: readonly string[]): Promise<GoalRecord[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('goal').selectAll().where('workspaceId', '=', workspaceId).where('id', 'in', ids).orderBy('startDate').orderBy('id').execute();
  }

  async update(id: string, patch: GoalPatch, at: string, expectedVersion?: number): Promise<GoalRecord | null> {
    let query = this.db
      .updateTable('goal')
      .set((eb) => ({ ...patch, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    return (await query.returningAll().executeTakeFirst()) ?? null;
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('goal').where('id', '=', id).execute();
  }

  async insertKeyResult(keyResult: KeyResultRecord): Promise<void> {
    await this.db.insertInto('keyResult').values(keyResult).execute();
  }

  async findKeyResult(id: string): Promise<KeyResultRecord | null> {
    const row = await this.db.selectFrom('keyResult').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toKeyResult(row) : null;
  }

  async keyResultsOf(workspaceId: string, goalIds: readonly string[]): Promise<KeyResultRecord[]> {
    if (goalIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('keyResult')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('goalId', 'in', goalIds)
      .orderBy('goalId')
      .orderBy('position')
      .execute();
    return rows.map(toKeyResult);
  }

  async updateKeyResult(id: string, patch: KeyResultPatch, at: string, expectedVersion?: number): Promise<KeyResultRecord | null> {
    let query = this.db
      .updateTable('keyResult')
      .set((eb) => ({ ...patch, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await query.returningAll().executeTakeFirst();
    return row ? toKeyResult(row) : null;
  }

  async deleteKeyResult(id: string): Promise<void> {
    await this.db.deleteFrom('keyResult').where('id', '=', id).execute();
  }
}
