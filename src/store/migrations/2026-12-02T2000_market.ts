import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Market research: competitors, the capabilities they are compared on and the
// assessed cells of that matrix; pricing plans and the features packaged in them.
export async function up(db: Kysely<any>): Promise<void> {
  // Dialect branch: instants are timestamptz on PostgreSQL and ISO-8601 text on SQLite.
  const instant = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('competitor')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The name lower-cased and trimmed: one competitor of a name per product, whatever its case.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('positioning', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('competitor_name_idx').on('competitor').columns(['workspace_id', 'product_id', 'name_key']).unique().execute();

  await db.schema
    .createTable('capability')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Our epic or feature that delivers it, if any; a purged item unlinks it.
    .addColumn('item_id', 'text', (c) => c.references('item.id').onDelete('set null'))
    .addColumn('our_level', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('capability_name_idx').on('capability').columns(['workspace_id', 'product_id', 'name_key']).unique().execute();

  await db.schema
    .createTable('capability_assessment')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('capability_id', 'text', (c) => c.notNull().references('capability.id').onDelete('cascade'))
    .addColumn('competitor_id', 'text', (c) => c.notNull().references('competitor.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('capability_assessment_pk', ['capability_id', 'competitor_id'])
    .execute();
  await db.schema.createIndex('capability_assessment_competitor_idx').on('capability_assessment').columns(['workspace_id', 'competitor_id']).execute();

  await db.schema
    .createTable('pricing_plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Exact money: integer minor units of the currency (cents); null for a price quoted per deal.
    .addColumn('price_minor', 'integer')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('billing_period', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pricing_plan_name_idx').on('pricing_plan').columns(['workspace_id', 'product_id', 'name_key']).unique().execute();

  await db.schema
    .createTable('plan_feature')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('pricing_plan.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('inclusion', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_feature_pk', ['plan_id', 'item_id'])
    .execute();
  await db.schema.createIndex('plan_feature_item_idx').on('plan_feature').columns(['workspace_id', 'item_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_feature').execute();
  await db.schema.dropTable('pricing_plan').execute();
  await db.schema.dropTable('capability_assessment').execute();
  await db.schema.dropTable('capability').execute();
  await db.schema.dropTable('competitor').execute();
}
