import { sql, type Kysely } from 'kysely';
import { TandemError } from '../../domain/errors';
import type {
  CustomerCursor,
  CustomerPatch,
  CustomerRecord,
  CustomerRepository,
  PersonaPatch,
  PersonaRecord,
  SegmentPatch,
  SegmentRecord,
} from '../../services/evidence.ports';
import type { TracedItemRecord } from '../../services/ports';
import type { Database } from '../schema';
import { tracedItem } from './known-value';
import { refusingDuplicates } from './sql-errors';
import { containsWord } from './like-pattern';

type Versioned = 'segment' | 'customer' | 'persona';

/**
 * A name another segment or customer of the workspace holds, refused as the
 * service's own check refuses it: the check reads before the write, so two
 * writes at once, or names the database compares differently, end here.
 */
const uniqueName = <T>(what: 'segment' | 'customer', name: string | undefined, write: () => Promise<T>): Promise<T> =>
  refusingDuplicates(write, () => new TandemError('conflict', `There is already a ${what} named “${name ?? ''}”`, { errors: [{ field: 'name', message: 'is taken' }] }));

/** Who the evidence comes from: segments, customers, and the personas a product serves. */
export class CustomerKyselyRepository implements CustomerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A change to one row at the version the caller read, or at any version; null when that version is gone. */
  private async updateVersioned<T>(table: Versioned, id: string, patch: object, at: string, expectedVersion?: number): Promise<T | null> {
    // The three tables share id, version and updatedAt; Kysely cannot type a table chosen at run time.
    let query = this.db
      .updateTable(table as 'segment')
      .set((eb) => ({ ...patch, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const write = async () => ((await query.returningAll().executeTakeFirst()) ?? null) as T | null;
    return table === 'persona' ? write() : uniqueName(table, (patch as { name?: string }).name, write);
  }

  async insertSegment(segment: SegmentRecord): Promise<void> {
    await uniqueName('segment', segment.name, () => this.db.insertInto('segment').values(segment).execute());
  }

  async findSegment(id: string): Promise<SegmentRecord | null> {
    return (await this.db.selectFrom('segment').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  listSegments(workspaceId: string): Promise<SegmentRecord[]> {
    return this.db.selectFrom('segment').selectAll().where('workspaceId', '=', workspaceId).orderBy('name').orderBy('id').execute();
  }

  updateSegment(id: string, patch: SegmentPatch, at: string, expectedVersion?: number): Promise<SegmentRecord | null> {
    return this.updateVersioned('segment', id, patch, at, expectedVersion);
  }

  async deleteSegment(id: string): Promise<void> {
    await this.db.deleteFrom('segment').where('id', '=', id).execute();
  }

  async insertCustomer(customer: CustomerRecord): Promise<void> {
    await uniqueName('customer', customer.name, () => this.db.insertInto('customer').values(customer).execute());
  }

  async findCustomer(id: string): Promise<CustomerRecord | null> {
    return (await this.db.selectFrom('customer').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async findCustomers(workspaceId: string, ids: readonly string[]): Promise<CustomerRecord[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('customer').selectAll().where('workspaceId', '=', workspaceId).where('id', 'in', ids).execute();
  }

  listCustomers(workspaceId: string, options: { limit: number; after?: CustomerCursor; words?: string[]; segmentId?: string }): Promise<CustomerRecord[]> {
    let query = this.db.selectFrom('customer').selectAll().where('workspaceId', '=', workspaceId);
    if (options.segmentId) query = query.where('segmentId', '=', options.segmentId);
    for (const word of options.words ?? []) query = query.where(sql`lower(name)`, 'like', containsWord(word));
    if (options.after) {
      const { name, id } = options.after;
      query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
    }
    return query.orderBy('name').orderBy('id').limit(options.limit).execute();
  }

  async customersNamed(workspaceId: string, names: readonly string[]): Promise<CustomerRecord[]> {
    if (names.length === 0) return [];
    return this.db
      .selectFrom('customer')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where(
        sql`lower(name)`,
        'in',
        names.map((name) => name.toLowerCase()),
      )
      .execute();
  }

  updateCustomer(id: string, patch: CustomerPatch, at: string, expectedVersion?: number): Promise<CustomerRecord | null> {
    return this.updateVersioned('customer', id, patch, at, expectedVersion);
  }

  async deleteCustomer(id: string): Promise<void> {
    await this.db.deleteFrom('customer').where('id', '=', id).execute();
  }

  async insightCounts(workspaceId: string, customerIds: readonly string[]): Promise<Map<string, number>> {
    if (customerIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('insight')
      .select((eb) => ['customerId', eb.fn.countAll<number | string>().as('count')])
      .where('workspaceId', '=', workspaceId)
      .where('customerId', 'in', customerIds)
      .groupBy('customerId')
      .execute();
    return new Map(rows.map((row) => [row.customerId!, Number(row.count)]));
  }

  async insertPersona(persona: PersonaRecord): Promise<void> {
    await this.db.insertInto('persona').values(persona).execute();
  }

  async findPersona(id: string): Promise<PersonaRecord | null> {
    return (await this.db.selectFrom('persona').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  listPersonas(workspaceId: string, productId: string): Promise<PersonaRecord[]> {
    return this.db.selectFrom('persona').selectAll().where('workspaceId', '=', workspaceId).where('productId', '=', productId).orderBy('name').orderBy('id').execute();
  }

  updatePersona(id: string, patch: PersonaPatch, at: string, expectedVersion?: number): Promise<PersonaRecord | null> {
    return this.updateVersioned('persona', id, patch, at, expectedVersion);
  }

  async touchPersona(id: string, at: string): Promise<void> {
    await this.updateVersioned('persona', id, {}, at);
  }

  async deletePersona(id: string): Promise<void> {
    await this.db.deleteFrom('persona').where('id', '=', id).execute();
  }

  async personaItems(workspaceId: string, personaIds: readonly string[]): Promise<Array<TracedItemRecord & { personaId: string }>> {
    if (personaIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('personaItem')
      .innerJoin('item', 'item.id', 'personaItem.itemId')
      .select(['personaItem.personaId', 'item.id', 'item.number', 'item.title', 'item.type', 'item.status', 'item.parentId'])
      .where('personaItem.workspaceId', '=', workspaceId)
      .where('personaItem.personaId', 'in', personaIds)
      .where('item.deletedAt', 'is', null)
      .orderBy('item.number')
      .execute();
    return rows.map(tracedItem);
  }

  async setPersonaItems(workspaceId: string, personaId: string, itemIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('personaItem').where('personaId', '=', personaId).execute();
    if (itemIds.length === 0) return;
    await this.db
      .insertInto('personaItem')
      .values(itemIds.map((itemId) => ({ personaId, itemId, workspaceId })))
      .execute();
  }
}
