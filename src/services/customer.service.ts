import type { CustomerCreate, CustomerListQuery, CustomerUpdate, PersonaCreate, PersonaUpdate, SegmentCreate, SegmentUpdate } from '../contracts/evidence.schema';
import { invalidField, notFound, staleVersion, TandemError } from '../domain/errors';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import type { CustomerPatch, CustomerRecord, PersonaPatch, PersonaRecord, SegmentPatch, SegmentRecord } from './evidence.ports';
import { itemIdsOfProduct } from './item-refs';
import { decodeCursor, NameCursorSchema, toPage } from './pagination';
import type { EventPublisher, ProductRecord, Repositories, TracedItemRecord, UnitOfWork } from './ports';

type CustomerRepositories = Pick<Repositories, 'customers' | 'items' | 'products' | 'activity'>;

export type CustomerView = CustomerRecord & { insights: number };
export type PersonaView = PersonaRecord & { productKey: string; items: TracedItemRecord[] };

const defined = <T extends object>(patch: T) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as T;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Who the evidence comes from: the workspace's segments and customers, and
 * the personas each product serves with the stories and features for them.
 */
export class CustomerService {
  constructor(
    private readonly store: UnitOfWork<CustomerRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  listSegments(scope: Scope): Promise<SegmentRecord[]> {
    return this.store.read.customers.listSegments(scope.workspaceId);
  }

  async createSegment(scope: Scope, input: SegmentCreate): Promise<SegmentRecord> {
    const now = this.ctx.clock.now().toISOString();
    const segment: SegmentRecord = { id: this.ctx.newId(), workspaceId: scope.workspaceId, ...input, version: 1, createdAt: now, updatedAt: now };
    await this.store.transaction(async (repos) => {
      await this.assertSegmentNameFree(repos, scope, segment.name);
      await repos.customers.insertSegment(segment);
      await this.record(repos, scope, 'segment.created', 'segment', segment.id, null, segment);
    });
    this.publish(scope, [segment.id]);
    return segment;
  }

  async updateSegment(scope: Scope, segment: SegmentRecord, patch: SegmentUpdate, expectedVersion?: number): Promise<SegmentRecord> {
    const changes = defined(patch) as SegmentPatch;
    const updated = await this.store.transaction(async (repos) => {
      if (changes.name !== undefined) await this.assertSegmentNameFree(repos, scope, changes.name, segment.id);
      const after = await repos.customers.updateSegment(segment.id, changes, this.ctx.clock.now().toISOString(), expectedVersion);
      if (!after) throw staleVersion('segment', (await this.fresh(repos.customers.findSegment(segment.id), 'Segment')).version);
      await this.record(repos, scope, 'segment.updated', 'segment', segment.id, segment, after);
      return after;
    });
    this.publish(scope, [segment.id]);
    return updated;
  }

  /** Its customers stay, without a segment. */
  async deleteSegment(scope: Scope, segment: SegmentRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await this.fresh(repos.customers.findSegment(segment.id), 'Segment');
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('segment', before.version);
      await repos.customers.deleteSegment(segment.id);
      await this.record(repos, scope, 'segment.deleted', 'segment', segment.id, before, null);
    });
    this.publish(scope, [segment.id]);
  }

  async listCustomers(scope: Scope, query: CustomerListQuery) {
    const rows = await this.store.read.customers.listCustomers(scope.workspaceId, {
      limit: query.limit + 1,
      ...(query.cursor && { after: decodeCursor(query.cursor, NameCursorSchema) }),
      ...(query.q && { words: query.q.split(/\s+/).filter(Boolean) }),
      ...(query.segmentId && { segmentId: query.segmentId }),
    });
    const page = toPage(rows, query.limit, (customer) => ({ name: customer.name, id: customer.id }));
    return { ...page, items: await this.viewCustomers(page.items) };
  }

  async getCustomer(customer: CustomerRecord): Promise<CustomerView> {
    return (await this.viewCustomers([customer]))[0]!;
  }

  async createCustomer(scope: Scope, input: CustomerCreate): Promise<CustomerView> {
    const now = this.ctx.clock.now().toISOString();
    const customer: CustomerRecord = { id: this.ctx.newId(), workspaceId: scope.workspaceId, ...input, version: 1, createdAt: now, updatedAt: now };
    await this.store.transaction(async (repos) => {
      await this.assertCustomerNameFree(repos, scope, customer.name);
      await this.assertSegment(repos, scope, customer.segmentId);
      await repos.customers.insertCustomer(customer);
      await this.record(repos, scope, 'customer.created', 'customer', customer.id, null, customer);
    });
    this.publish(scope, [customer.id]);
    return { ...customer, insights: 0 };
  }

  async updateCustomer(scope: Scope, customer: CustomerRecord, patch: CustomerUpdate, expectedVersion?: number): Promise<CustomerView> {
    const changes = defined(patch) as CustomerPatch;
    const updated = await this.store.transaction(async (repos) => {
      if (changes.name !== undefined) await this.assertCustomerNameFree(repos, scope, changes.name, customer.id);
      if (changes.segmentId !== undefined) await this.assertSegment(repos, scope, changes.segmentId);
      const after = await repos.customers.updateCustomer(customer.id, changes, this.ctx.clock.now().toISOString(), expectedVersion);
      if (!after) throw staleVersion('customer', (await this.fresh(repos.customers.findCustomer(customer.id), 'Customer')).version);
      await this.record(repos, scope, 'customer.updated', 'customer', customer.id, customer, after);
      return after;
    });
    this.publish(scope, [customer.id]);
    return this.getCustomer(updated);
  }

  /** Their insights stay, without a customer. */
  async deleteCustomer(scope: Scope, customer: CustomerRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await this.fresh(repos.customers.findCustomer(customer.id), 'Customer');
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('customer', before.version);
      await repos.customers.deleteCustomer(customer.id);
      await this.record(repos, scope, 'customer.deleted', 'customer', customer.id, before, null);
    });
    this.publish(scope, [customer.id]);
  }

  async listPersonas(scope: Scope, product: ProductRecord): Promise<PersonaView[]> {
    return this.viewPersonas(this.store.read, scope, await this.store.read.customers.listPersonas(scope.workspaceId, product.id));
  }

  async getPersona(scope: Scope, persona: PersonaRecord): Promise<PersonaView> {
    return (await this.viewPersonas(this.store.read, scope, [persona]))[0]!;
  }

  async createPersona(scope: Scope, product: ProductRecord, input: PersonaCreate): Promise<PersonaView> {
    const now = this.ctx.clock.now().toISOString();
    const { itemIds: refs, ...fields } = input;
    const persona: PersonaRecord = { id: this.ctx.newId(), workspaceId: scope.workspaceId, productId: product.id, ...fields, version: 1, createdAt: now, updatedAt: now };
    const created = await this.store.transaction(async (repos) => {
      const itemIds = await itemIdsOfProduct(repos.items, scope.workspaceId, product.id, refs, 'itemIds');
      await repos.customers.insertPersona(persona);
      await repos.customers.setPersonaItems(scope.workspaceId, persona.id, itemIds);
      const view = (await this.viewPersonas(repos, scope, [persona]))[0]!;
      await this.record(repos, scope, 'persona.created', 'persona', persona.id, null, view);
      return view;
    });
    this.publish(scope, [persona.id], product.id);
    return created;
  }

  async updatePersona(scope: Scope, persona: PersonaRecord, patch: PersonaUpdate, expectedVersion?: number): Promise<PersonaView> {
    const updated = await this.store.transaction(async (repos) => {
      const after = await repos.customers.updatePersona(persona.id, defined(patch) as PersonaPatch, this.ctx.clock.now().toISOString(), expectedVersion);
      if (!after) throw staleVersion('persona', (await this.fresh(repos.customers.findPersona(persona.id), 'Persona')).version);
      await this.record(repos, scope, 'persona.updated', 'persona', persona.id, persona, after);
      return (await this.viewPersonas(repos, scope, [after]))[0]!;
    });
    this.publish(scope, [persona.id], persona.productId);
    return updated;
  }

  /** Replaces the stories and features that serve the persona. */
  async setPersonaItems(scope: Scope, persona: PersonaRecord, refs: readonly string[], expectedVersion?: number): Promise<PersonaView> {
    const updated = await this.store.transaction(async (repos) => {
      const before = (await this.viewPersonas(repos, scope, [await this.fresh(repos.customers.findPersona(persona.id), 'Persona')]))[0]!;
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('persona', before.version);
      const itemIds = await itemIdsOfProduct(repos.items, scope.workspaceId, persona.productId, refs, 'itemIds');
      await repos.customers.setPersonaItems(scope.workspaceId, persona.id, itemIds);
      await repos.customers.touchPersona(persona.id, this.ctx.clock.now().toISOString());
      const after = (await this.viewPersonas(repos, scope, [await this.fresh(repos.customers.findPersona(persona.id), 'Persona')]))[0]!;
      await this.record(repos, scope, 'persona.items_set', 'persona', persona.id, { itemIds: before.items.map((item) => item.id) }, { itemIds });
      return after;
    });
    this.publish(scope, [persona.id], persona.productId);
    return updated;
  }

  async deletePersona(scope: Scope, persona: PersonaRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await this.fresh(repos.customers.findPersona(persona.id), 'Persona');
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('persona', before.version);
      await repos.customers.deletePersona(persona.id);
      await this.record(repos, scope, 'persona.deleted', 'persona', persona.id, before, null);
    });
    this.publish(scope, [persona.id], persona.productId);
  }

  private async viewCustomers(customers: CustomerRecord[]): Promise<CustomerView[]> {
    if (customers.length === 0) return [];
    const counts = await this.store.read.customers.insightCounts(customers[0]!.workspaceId, customers.map((customer) => customer.id));
    return customers.map((customer) => ({ ...customer, insights: counts.get(customer.id) ?? 0 }));
  }

  private async viewPersonas(repos: CustomerRepositories, scope: Scope, personas: PersonaRecord[]): Promise<PersonaView[]> {
    if (personas.length === 0) return [];
    // Personas are listed per product, so they share one.
    const [product, items] = await Promise.all([
      repos.products.findById(personas[0]!.productId),
      repos.customers.personaItems(
        scope.workspaceId,
        personas.map((persona) => persona.id),
      ),
    ]);
    return personas.map((persona) => ({ ...persona, productKey: product?.key ?? '', items: items.filter((item) => item.personaId === persona.id).map(({ personaId: _, ...item }) => item) }));
  }

  private async assertSegmentNameFree(repos: CustomerRepositories, scope: Scope, name: string, self?: string): Promise<void> {
    const taken = (await repos.customers.listSegments(scope.workspaceId)).find((segment) => segment.id !== self && sameName(segment.name, name));
    if (taken) throw new TandemError('conflict', `There is already a segment named “${taken.name}”`, { errors: [{ field: 'name', message: 'is taken' }] });
  }

  private async assertCustomerNameFree(repos: CustomerRepositories, scope: Scope, name: string, self?: string): Promise<void> {
    const taken = (await repos.customers.customersNamed(scope.workspaceId, [name])).find((customer) => customer.id !== self);
    if (taken) throw new TandemError('conflict', `There is already a customer named “${taken.name}”`, { errors: [{ field: 'name', message: 'is taken' }] });
  }

  private async assertSegment(repos: CustomerRepositories, scope: Scope, segmentId: string | null): Promise<void> {
    if (segmentId === null) return;
    const segment = await repos.customers.findSegment(segmentId);
    if (!segment || segment.workspaceId !== scope.workspaceId) throw invalidField('segmentId', 'no such segment in this workspace');
  }

  private async fresh<T>(found: Promise<T | null>, what: string): Promise<T> {
    const record = await found;
    if (!record) throw notFound(what);
    return record;
  }

  private record(repos: CustomerRepositories, scope: Scope, action: string, subjectType: string, subjectId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType, action, subjectId, before, after });
  }

  private publish(scope: Scope, ids: string[], productId?: string) {
    this.events.publish({ type: 'evidence.changed', workspaceId: scope.workspaceId, productId: productId ?? null, ids, actor: scope.actor.userId });
  }
}
