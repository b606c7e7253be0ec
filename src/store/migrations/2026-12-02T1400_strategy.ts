import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// A product's strategy: vision and strategy text, goals with key results,
// initiatives aligned to goals, and the epics and features aligned to initiatives.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Dialect branch: measures are double precision on PostgreSQL and REAL on SQLite.
  const measure = isPostgres ? sql`double precision` : sql`real`;
  // Dialect branch: instants are timestamptz on PostgreSQL and ISO-8601 text on SQLite.
  const instant = isPostgres ? sql`timestamptz` : sql`text`;

  await db.schema.alterTable('product').addColumn('vision', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('product').addColumn('strategy', 'text', (c) => c.notNull().defaultTo('')).execute();

  await db.schema
    .createTable('goal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_product_idx').on('goal').columns(['workspace_id', 'product_id', 'start_date']).execute();

  await db.schema
    .createTable('key_result')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goal.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('baseline', measure, (c) => c.notNull())
    .addColumn('target', measure, (c) => c.notNull())
    .addColumn('current', measure)
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('confidence', measure)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('key_result_goal_idx').on('key_result').columns(['workspace_id', 'goal_id', 'position']).execute();

  await db.schema
    .createTable('initiative')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('target_date', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('initiative_product_idx').on('initiative').columns(['workspace_id', 'product_id', 'created_at']).execute();

  await db.schema
    .createTable('initiative_goal')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiative.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goal.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('initiative_goal_pk', ['initiative_id', 'goal_id'])
    .execute();
  await db.schema.createIndex('initiative_goal_goal_idx').on('initiative_goal').columns(['workspace_id', 'goal_id']).execute();

  // Epics and features serve initiatives; stories, tasks and bugs serve them through their parents.
  await db.schema
    .createTable('item_initiative')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiative.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('item_initiative_pk', ['item_id', 'initiative_id'])
    .execute();
  await db.schema.createIndex('item_initiative_initiative_idx').on('item_initiative').columns(['workspace_id', 'initiative_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('item_initiative').execute();
  await db.schema.dropTable('initiative_goal').execute();
  await db.schema.dropTable('initiative').execute();
  await db.schema.dropTable('key_result').execute();
  await db.schema.dropTable('goal').execute();
  await db.schema.alterTable('product').dropColumn('strategy').execute();
  await db.schema.alterTable('product').dropColumn('vision').execute();
}
