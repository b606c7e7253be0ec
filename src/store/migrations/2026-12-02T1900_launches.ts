import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Launches: a product's checklist template, each release's checklist, and its saved release notes.
export async function up(db: Kysely<any>): Promise<void> {
  // Dialect branch: instants are timestamptz on PostgreSQL and ISO-8601 text on SQLite.
  const instant = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('launch_template')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().unique().references('product.id').onDelete('cascade'))
    // JSON array of { title, offsetDays }, in checklist order.
    .addColumn('tasks', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('launch_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('release_id', 'text', (c) => c.notNull().references('release.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('due_date', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    // Checklist order; new tasks go last.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('launch_task_release_idx').on('launch_task').columns(['workspace_id', 'release_id', 'position']).execute();
  // Readiness of every release of a product in one grouped read.
  await db.schema.createIndex('launch_task_product_idx').on('launch_task').columns(['workspace_id', 'product_id', 'release_id', 'state']).execute();

  await db.schema
    .createTable('release_note')
    .addColumn('release_id', 'text', (c) => c.primaryKey().references('release.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('release_note_workspace_idx').on('release_note').columns(['workspace_id', 'release_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('release_note').execute();
  await db.schema.dropTable('launch_task').execute();
  await db.schema.dropTable('launch_template').execute();
}
