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
  // Dialect branch: instants are timestamptz on PostgreSQL and ISO-8601 text on SQLite.
  const instant = isPostgres ? sql`timestamptz` : sql`text`;

  // SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable('product').addColumn('workflow', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('product').addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('product').addColumn('scoring_criteria', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  // The average of the last finished sprints, kept when a sprint completes; readiness sizes stories against it.
  await db.schema.alterTable('product').addColumn('velocity', points).execute();
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
  // A story's readiness as last assessed (1 ready, 0 not; null for other types), so filters can ask for it.
  // Stories written before this migration have no acceptance criteria yet, so none is ready.
  await db.schema.alterTable('item').addColumn('ready', 'integer').execute();
  await db
    .updateTable('item')
    .set({ ready: 0 })
    .where('type', '=', 'story')
    .execute();

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

  // One stored score per item and framework, with the inputs it came from.
  await db.schema
    .createTable('item_score')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('score', points, (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('item_score_pk', ['item_id', 'framework'])
    .execute();
  // The backlog sorted by one framework's score.
  await db.schema.createIndex('item_score_sort_idx').on('item_score').columns(['workspace_id', 'product_id', 'framework', 'score']).execute();

  await db.schema
    .createTable('sprint')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    // JSON array of { userId, days }.
    .addColumn('availability', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('committed_at_start', points)
    .addColumn('completed_points', points)
    .addColumn('started_at', instant)
    .addColumn('completed_at', instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sprint_product_idx').on('sprint').columns(['workspace_id', 'product_id', 'start_date']).execute();

  // An item's current sprint, for filters and boards; its history in the sprint lives in sprint_item.
  await db.schema.alterTable('item').addColumn('sprint_id', 'text', (c) => c.references('sprint.id').onDelete('set null')).execute();
  await db.schema
    .createIndex('item_sprint_idx')
    .on('item')
    .columns(['workspace_id', 'sprint_id', 'rank'])
    .where(sql.ref('sprint_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('sprint_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('sprint_id', 'text', (c) => c.notNull().references('sprint.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('added_at', instant, (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('removed_at', instant)
    .addColumn('removed_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('done_at', instant)
    .execute();
  await db.schema.createIndex('sprint_item_sprint_idx').on('sprint_item').columns(['workspace_id', 'sprint_id', 'item_id']).execute();

  // Full-text search over what people write on an item, without stemming on
  // either dialect so both find the same items.
  if (isPostgres) {
    // Dialect branch: an expression index; queries use the very same expression (item-search.ts).
    await sql`create index item_search_idx on item using gin (to_tsvector('simple'::regconfig, title || ' ' || description || ' ' || persona || ' ' || want || ' ' || benefit))`.execute(db);
  } else {
    // Dialect branch: an FTS5 index over the item rows (external content, keyed by the item's rowid),
    // kept in step by triggers. Tandem never VACUUMs, which is what could renumber those rowids.
    await sql`create virtual table item_fts using fts5(title, description, persona, want, benefit, content='item', content_rowid='rowid')`.execute(db);
    await sql`create trigger item_fts_insert after insert on item begin
      insert into item_fts(rowid, title, description, persona, want, benefit) values (new.rowid, new.title, new.description, new.persona, new.want, new.benefit);
    end`.execute(db);
    await sql`create trigger item_fts_delete after delete on item begin
      insert into item_fts(item_fts, rowid, title, description, persona, want, benefit) values ('delete', old.rowid, old.title, old.description, old.persona, old.want, old.benefit);
    end`.execute(db);
    await sql`create trigger item_fts_update after update of title, description, persona, want, benefit on item begin
      insert into item_fts(item_fts, rowid, title, description, persona, want, benefit) values ('delete', old.rowid, old.title, old.description, old.persona, old.want, old.benefit);
      insert into item_fts(rowid, title, description, persona, want, benefit) values (new.rowid, new.title, new.description, new.persona, new.want, new.benefit);
    end`.execute(db);
    await sql`insert into item_fts(item_fts) values ('rebuild')`.execute(db);
  }

  await db.schema
    .createTable('saved_view')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('sort', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_view_product_idx').on('saved_view').columns(['workspace_id', 'product_id', 'name']).execute();

  await db.schema
    .createTable('decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull().defaultTo(''))
    // JSON array of { title, notes }.
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('decided_at', instant)
    .addColumn('superseded_by', 'text', (c) => c.references('decision.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_product_idx').on('decision').columns(['workspace_id', 'product_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('decision_item')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decision.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('decision_item_pk', ['decision_id', 'item_id'])
    .execute();
  await db.schema.createIndex('decision_item_item_idx').on('decision_item').columns(['workspace_id', 'item_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('decision_item').execute();
  await db.schema.dropTable('decision').execute();
  await db.schema.dropTable('saved_view').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.dropIndex('item_search_idx').execute();
  } else {
    for (const trigger of ['item_fts_insert', 'item_fts_delete', 'item_fts_update']) await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
    await sql`drop table item_fts`.execute(db);
  }
  await db.schema.dropTable('sprint_item').execute();
  await db.schema.dropIndex('item_sprint_idx').execute();
  await db.schema.alterTable('item').dropColumn('sprint_id').execute();
  await db.schema.dropTable('sprint').execute();
  await db.schema.dropTable('item_score').execute();
  await db.schema.alterTable('product').dropColumn('velocity').execute();
  await db.schema.alterTable('product').dropColumn('scoring_criteria').execute();
  await db.schema.dropIndex('item_status_idx').execute();
  await db.schema.dropIndex('item_parent_idx').execute();
  await db.updateTable('item').set({ status: 'todo' }).where('status', '=', 'ready').execute();
  for (const column of [
    'ready',
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
