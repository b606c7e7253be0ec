import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Epics and features of a product are read by type: the traceability view's
// "serves no goal" list reads them all, a sixth of a 100,000-item backlog, and
// without this index walked every item of the product to find them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('item_type_idx').on('item').columns(['workspace_id', 'product_id', 'type', 'number']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('item_type_idx').execute();
}
