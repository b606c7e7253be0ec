import type { Kysely, SelectQueryBuilder, Selectable } from 'kysely';
import type { ActivityRecord, ActivityRepository } from '../../services/ports';
import type { ActivityTable, Database } from '../schema';

type ActivityQuery = SelectQueryBuilder<Database, 'activity', Selectable<ActivityTable>>;

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

  list(workspaceId: string, limit: number, beforeId?: string): Promise<ActivityRecord[]> {
    return this.newestFirst(this.db.selectFrom('activity').selectAll().where('workspaceId', '=', workspaceId), limit, beforeId);
  }

  listForSubject(workspaceId: string, subjectId: string, limit: number, beforeId?: string): Promise<ActivityRecord[]> {
    const query = this.db.selectFrom('activity').selectAll().where('workspaceId', '=', workspaceId).where('subjectId', '=', subjectId);
    return this.newestFirst(query, limit, beforeId);
  }

  /** Ids are time-ordered (UUIDv7), so the id is the order and the cursor. */
  private async newestFirst(query: ActivityQuery, limit: number, beforeId?: string): Promise<ActivityRecord[]> {
    const rows = await (beforeId ? query.where('id', '<', beforeId) : query).orderBy('id', 'desc').limit(limit).execute();
    return rows.map((row) => ({ ...row, before: fromJson(row.before), after: fromJson(row.after) }));
  }
}
