import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Item blocks item, within one product; the graph is kept acyclic by the service.
export async function up(db: Kysely<any>): Promise<void> {
  // Dialect branch: instants are timestamptz on PostgreSQL and ISO-8601 text on SQLite.
  const instant = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('dependency')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('blocker_id', 'text', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('blocked_id', 'text', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('dependency_pk', ['blocker_id', 'blocked_id'])
    .execute();
  // Cycle checks read a product's whole graph; an item's page reads what blocks it.
  await db.schema.createIndex('dependency_product_idx').on('dependency').columns(['workspace_id', 'product_id']).execute();
  await db.schema.createIndex('dependency_blocked_idx').on('dependency').columns(['workspace_id', 'blocked_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dependency').execute();
}
