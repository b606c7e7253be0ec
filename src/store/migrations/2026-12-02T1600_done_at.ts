import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// When an item last entered a done status: the throughput history forecasts read.
export async function up(db: Kysely<any>): Promise<void> {
  // Dialect branch: instants are timestamptz on PostgreSQL and ISO-8601 text on SQLite.
  const instant = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema.alterTable('item').addColumn('done_at', instant).execute();
  // Items already done count as done when they were last changed, the best guess there is.
  await db
    .updateTable('item')
    .set({ done_at: sql.ref('updated_at') })
    .where('status', '=', 'done')
    .execute();
  await db.schema
    .createIndex('item_done_idx')
    .on('item')
    .columns(['workspace_id', 'product_id', 'done_at'])
    .where(sql.ref('done_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('item_done_idx').execute();
  await db.schema.alterTable('item').dropColumn('done_at').execute();
}
