import type { Kysely } from 'kysely';
import { TandemError } from '../../domain/errors';
import type { ProductPatch, ProductRecord, ProductRepository } from '../../services/ports';
import type { Database, ProductTable } from '../schema';
import { refusingDuplicates } from './sql-errors';

const PRODUCT_COLUMNS = [
  'id',
  'workspaceId',
  'key',
  'name',
  'description',
  'vision',
  'strategy',
  'workflow',
  'customFields',
  'scoringCriteria',
  'version',
  'createdAt',
  'updatedAt',
] as const;

type ProductRow = Pick<ProductTable, (typeof PRODUCT_COLUMNS)[number]>;

const toProduct = (row: ProductRow): ProductRecord => ({
  ...row,
  workflow: JSON.parse(row.workflow) as ProductRecord['workflow'],
  customFields: JSON.parse(row.customFields) as ProductRecord['customFields'],
  scoringCriteria: JSON.parse(row.scoringCriteria) as ProductRecord['scoringCriteria'],
});

function toColumns<T extends Partial<ProductRecord>>(product: T) {
  const { workflow, customFields, scoringCriteria, ...rest } = product;
  return {
    ...rest,
    ...(scoringCriteria !== undefined && { scoringCriteria: JSON.stringify(scoringCriteria) }),
    ...(workflow !== undefined && { workflow: JSON.stringify(workflow) }),
    ...(customFields !== undefined && { customFields: JSON.stringify(customFields) }),
  };
}

export class ProductKyselyRepository implements ProductRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(product: ProductRecord): Promise<void> {
    await refusingDuplicates(
      () =>
        this.db
          .insertInto('product')
          .values({ ...toColumns(product), itemSeq: 0 } as ProductTable)
          .execute(),
      () =>
        new TandemError('key_taken', `This workspace already has a product with key ${product.key}`, {
          errors: [{ field: 'body.key', message: 'already used by another product of this workspace' }],
        }),
    );
  }

  findById(id: string): Promise<ProductRecord | null> {
    return this.db
      .selectFrom('product')
      .select(PRODUCT_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst()
      .then((row) => (row ? toProduct(row) : null));
  }

  list(workspaceId: string): Promise<ProductRecord[]> {
    return this.db
      .selectFrom('product')
      .select(PRODUCT_COLUMNS)
      .where('workspaceId', '=', workspaceId)
      .orderBy('key')
      .execute()
      .then((rows) => rows.map(toProduct));
  }

  async update(id: string, patch: ProductPatch, at: string, expectedVersion?: number): Promise<ProductRecord | null> {
    let query = this.db
      .updateTable('product')
      .set((eb) => ({ ...toColumns(patch), updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await query.returning(PRODUCT_COLUMNS).executeTakeFirst();
    return row ? toProduct(row) : null;
  }

  async setVelocity(id: string, velocity: number | null): Promise<void> {
    await this.db.updateTable('product').set({ velocity }).where('id', '=', id).execute();
  }

  async lock(id: string): Promise<void> {
    // A no-op update takes the row lock on PostgreSQL and the write lock on SQLite alike.
    await this.db.updateTable('product').set((eb) => ({ version: eb.ref('version') })).where('id', '=', id).execute();
  }

  async takeItemNumbers(productId: string, count: number): Promise<number> {
    // The increment locks the product row on PostgreSQL, so creates in one product
    // are serialised and the rank read after it is the true last rank. SQLite
    // serialises every write transaction anyway.
    const row = await this.db
      .updateTable('product')
      .set((eb) => ({ itemSeq: eb('itemSeq', '+', count) }))
      .where('id', '=', productId)
      .returning('itemSeq')
      .executeTakeFirstOrThrow();
    return Number(row.itemSeq) - count + 1;
  }
}
