import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Releases, the items in their scope, and the history of their scope, dates and risk.
export async function up(db: Kysely<any>): Promise<void> {
  // Dialect branch: instants are timestamptz on PostgreSQL and ISO-8601 text on SQLite.
  const instant = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('release')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('released_at', instant)
    // Whether the last forecast put the 85 % date past the target: a change of it is recorded.
    .addColumn('at_risk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('release_product_idx').on('release').columns(['workspace_id', 'product_id', 'target_date']).execute();

  await db.schema.alterTable('item').addColumn('release_id', 'text', (c) => c.references('release.id').onDelete('set null')).execute();
  await db.schema
    .createIndex('item_release_idx')
    .on('item')
    .columns(['workspace_id', 'release_id'])
    .where(sql.ref('release_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('release_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('release_id', 'text', (c) => c.notNull().references('release.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON of what the change was about: the item, the dates, the forecast.
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('release_change_release_idx').on('release_change').columns(['workspace_id', 'release_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('release_change').execute();
  await db.schema.dropIndex('item_release_idx').execute();
  await db.schema.alterTable('item').dropColumn('release_id').execute();
  await db.schema.dropTable('release').execute();
}
