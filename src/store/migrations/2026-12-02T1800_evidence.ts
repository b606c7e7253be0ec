import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Customer evidence: segments, customers, personas, and insights linked to the items they ask for.
export async function up(db: Kysely<any>): Promise<void> {
  // Dialect branch: instants are timestamptz on PostgreSQL and ISO-8601 text on SQLite.
  const instant = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  const stamped = (table: CreateTableBuilder<string, any>) =>
    table
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', instant, (c) => c.notNull())
      .addColumn('updated_at', instant, (c) => c.notNull());

  await stamped(
    db.schema
      .createTable('segment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema.createIndex('segment_name_idx').on('segment').columns(['workspace_id', 'name']).unique().execute();

  await stamped(
    db.schema
      .createTable('customer')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('segment_id', 'text', (c) => c.references('segment.id').onDelete('set null'))
      .addColumn('plan', 'text', (c) => c.notNull().defaultTo(''))
      // Whole currency units a year; a double keeps sums numbers on both dialects.
      .addColumn('annual_revenue', 'double precision')
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema.createIndex('customer_name_idx').on('customer').columns(['workspace_id', 'name']).unique().execute();
  await db.schema.createIndex('customer_segment_idx').on('customer').columns(['workspace_id', 'segment_id']).execute();

  await stamped(
    db.schema
      .createTable('persona')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
      .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('goals', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('pains', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema.createIndex('persona_product_idx').on('persona').columns(['workspace_id', 'product_id']).execute();

  await db.schema
    .createTable('persona_item')
    .addColumn('persona_id', 'text', (c) => c.notNull().references('persona.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('persona_item_pk', ['persona_id', 'item_id'])
    .execute();
  await db.schema.createIndex('persona_item_item_idx').on('persona_item').columns(['item_id']).execute();

  await stamped(
    db.schema
      .createTable('insight')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
      .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('observed_on', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.references('customer.id').onDelete('set null'))
      .addColumn('url', 'text')
      .addColumn('created_by', 'text', (c) => c.references('user.id').onDelete('set null')),
  ).execute();
  await db.schema.createIndex('insight_product_idx').on('insight').columns(['workspace_id', 'product_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('insight_customer_idx').on('insight').columns(['customer_id']).execute();

  await db.schema
    .createTable('insight_link')
    .addColumn('insight_id', 'text', (c) => c.notNull().references('insight.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    // The exact words of the insight that speak for the item; null links the whole insight.
    .addColumn('passage', 'text')
    .addColumn('importance', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_link_pk', ['insight_id', 'item_id'])
    .execute();
  await db.schema.createIndex('insight_link_item_idx').on('insight_link').columns(['item_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['insight_link', 'insight', 'persona_item', 'persona', 'customer', 'segment']) await db.schema.dropTable(table).execute();
}
