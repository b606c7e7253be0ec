import type { Kysely } from 'kysely';
import type { ActivityRecord, ActivityRepository } from '../../services/ports';
import type { Database } from '../schema';

const toJson = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
const fromJson = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

export class ActivityKyselyRepository implements ActivityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(entry: ActivityRecord): Promise<void> {
    await this.db
      .insertInto('activity')
      .values({ ...entry, before: toJson(entry.before), after: toJson(entry.after) })
      .execute();
  }

  async list(workspaceId: string, limit: number, beforeId?: string): Promise<ActivityRecord[]> {
    let query = this.db.selectFrom('activity').selectAll().where('workspaceId', '=', workspaceId);
    if (beforeId) query = query.where('id', '<', beforeId);
    const rows = await query.orderBy('id', 'desc').limit(limit).execute();
    return rows.map((row) => ({ ...row, before: fromJson(row.before), after: fromJson(row.after) }));
  }
}
