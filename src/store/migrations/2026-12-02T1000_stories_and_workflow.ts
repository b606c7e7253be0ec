import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The workflow every existing product starts with, copied here so later changes
// to the default never rewrite history.
const DEFAULT_WORKFLOW = JSON.stringify([
  { key: 'backlog', name: 'Backlog', category: 'backlog', wipLimit: null },
  { key: 'ready', name: 'Ready', category: 'todo', wipLimit: null },
  { key: 'in_progress', name: 'In progress', category: 'in_progress', wipLimit: null },
  { key: 'in_review', name: 'In review', category: 'in_progress', wipLimit: null },
  { key: 'done', name: 'Done', category: 'done', wipLimit: null },
  { key: 'canceled', name: 'Canceled', category: 'canceled', wipLimit: null },
]);

export async function up(db: Kysely<any>): Promise<void> {
  // Dialect branch: SQLite has no double precision type name of its own, but gives it REAL affinity.
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const points = isPostgres ? sql`double precision` : sql`real`;

  // SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable('product').addColumn('workflow', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('product').addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.updateTable('product').set({ workflow: DEFAULT_WORKFLOW }).execute();

  await db.schema.alterTable('item').addColumn('parent_id', 'text', (c) => c.references('item.id').onDelete('set null')).execute();
  await db.schema.alterTable('item').addColumn('persona', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('item').addColumn('want', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('item').addColumn('benefit', 'text', (c) => c.notNull().defaultTo('')).execute();
  // JSON arrays and objects, read and written whole with the item.
  await db.schema.alterTable('item').addColumn('acceptance_criteria', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('item').addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('item').addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await db.schema.alterTable('item').addColumn('estimate', points).execute();
  await db.schema.alterTable('item').addColumn('assignee_id', 'text', (c) => c.references('user.id').onDelete('set null')).execute();
  await db.schema.alterTable('item').addColumn('due_date', 'text').execute();
  await db.schema.alterTable('item').addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('item').addColumn('blocked_reason', 'text', (c) => c.notNull().defaultTo('')).execute();

  // Statuses are now keys of the product's workflow; the old `todo` is the default workflow's Ready.
  await db.updateTable('item').set({ status: 'ready' }).where('status', '=', 'todo').execute();

  // Children are read per parent; WIP limits count the items in one status.
  await db.schema
    .createIndex('item_parent_idx')
    .on('item')
    .columns(['workspace_id', 'parent_id'])
    .where(sql.ref('parent_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('item_status_idx').on('item').columns(['workspace_id', 'product_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('item_status_idx').execute();
  await db.schema.dropIndex('item_parent_idx').execute();
  await db.updateTable('item').set({ status: 'todo' }).where('status', '=', 'ready').execute();
  for (const column of [
    'blocked_reason',
    'blocked',
    'due_date',
    'assignee_id',
    'estimate',
    'custom_fields',
    'labels',
    'acceptance_criteria',
    'benefit',
    'want',
    'persona',
    'parent_id',
  ]) {
    await db.schema.alterTable('item').dropColumn(column).execute();
  }
  await db.schema.alterTable('product').dropColumn('custom_fields').execute();
  await db.schema.alterTable('product').dropColumn('workflow').execute();
}
