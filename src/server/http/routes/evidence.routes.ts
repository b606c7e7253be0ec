import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema, pageOf } from '../../../contracts/common.schema';
import { ItemRefSchema } from '../../../contracts/item.schema';
import {
  CustomerCreateBodySchema,
  CustomerListQuerySchema,
  CustomerSchema,
  CustomerUpdateBodySchema,
  EvidenceSchema,
  InsightCreateBodySchema,
  InsightImportSchema,
  InsightLinkBodySchema,
  InsightListQuerySchema,
  InsightSchema,
  InsightUpdateBodySchema,
  PersonaCreateBodySchema,
  PersonaItemsBodySchema,
  PersonaSchema,
  PersonaUpdateBodySchema,
  ProductEvidenceSchema,
  SegmentCreateBodySchema,
  SegmentSchema,
  SegmentUpdateBodySchema,
} from '../../../contracts/evidence.schema';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toTracedItem } from '../wire';
import { toCustomer, toEvidence, toInsight, toPersona, toSegment } from '../wire-evidence';

const WorkspaceParams = z.strictObject({ workspaceId: IdSchema });
const ProductParams = z.strictObject({ productId: IdSchema });
const SegmentParams = z.strictObject({ segmentId: IdSchema });
const CustomerParams = z.strictObject({ customerId: IdSchema });
const PersonaParams = z.strictObject({ personaId: IdSchema });
const InsightParams = z.strictObject({ insightId: IdSchema });
const InsightLinkParams = z.strictObject({ insightId: IdSchema, itemIdOrKey: ItemRefSchema });
const ItemParams = z.strictObject({ itemIdOrKey: ItemRefSchema });
const noContent = { 204: z.null() };

/** A CSV upload may be larger than a JSON body: 5,000 insights of a few paragraphs each. */
const CSV_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Customer evidence: segments and customers (per workspace), personas and the
 * insights inbox (per product), insights linked to items, and each item's demand.
 */
export const evidenceRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, customers, insights } = services;

  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/workspaces/:workspaceId/segments',
    { schema: { operationId: 'listSegments', tags: ['evidence'], summary: "The workspace's customer segments by name", params: WorkspaceParams, response: { 200: z.object({ items: z.array(SegmentSchema) }) } } },
    async (request) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'workspace.read');
      return { items: (await customers.listSegments(scope)).map(toSegment) };
    },
  );

  app.post(
    '/workspaces/:workspaceId/segments',
    { schema: { operationId: 'createSegment', tags: ['evidence'], summary: 'Add a customer segment; names are unique, ignoring case', params: WorkspaceParams, body: SegmentCreateBodySchema, response: { 201: SegmentSchema } } },
    async (request, reply) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'evidence.manage');
      const segment = await fieldsOfBody(() => customers.createSegment(scope, request.body));
      setEtag(reply, segment.version);
      return reply.code(201).send(toSegment(segment));
    },
  );

  app.patch(
    '/segments/:segmentId',
    { schema: { operationId: 'updateSegment', tags: ['evidence'], params: SegmentParams, body: SegmentUpdateBodySchema, response: { 200: SegmentSchema } } },
    async (request, reply) => {
      const { scope, segment } = await access.segment(actorOf(request), request.params.segmentId, 'evidence.manage');
      const updated = await fieldsOfBody(() => customers.updateSegment(scope, segment, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toSegment(updated);
    },
  );

  app.delete(
    '/segments/:segmentId',
    { schema: { operationId: 'deleteSegment', tags: ['evidence'], summary: 'Remove a segment; its customers stay, without one', params: SegmentParams, response: noContent } },
    async (request, reply) => {
      const { scope, segment } = await access.segment(actorOf(request), request.params.segmentId, 'evidence.manage');
      await customers.deleteSegment(scope, segment, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/workspaces/:workspaceId/customers',
    {
      schema: {
        operationId: 'listCustomers',
        tags: ['evidence'],
        summary: "The workspace's customers by name, with how many insights each gave",
        params: WorkspaceParams,
        querystring: CustomerListQuerySchema,
        response: { 200: pageOf(CustomerSchema) },
      },
    },
    async (request) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'workspace.read');
      const page = await customers.listCustomers(scope, request.query);
      return { items: page.items.map(toCustomer), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/workspaces/:workspaceId/customers',
    { schema: { operationId: 'createCustomer', tags: ['evidence'], summary: 'Add a customer; names are unique, ignoring case', params: WorkspaceParams, body: CustomerCreateBodySchema, response: { 201: CustomerSchema } } },
    async (request, reply) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'evidence.manage');
      const customer = await fieldsOfBody(() => customers.createCustomer(scope, request.body));
      setEtag(reply, customer.version);
      return reply.code(201).header('location', `/api/v1/customers/${customer.id}`).send(toCustomer(customer));
    },
  );

  app.get('/customers/:customerId', { schema: { operationId: 'getCustomer', tags: ['evidence'], params: CustomerParams, response: { 200: CustomerSchema } } }, async (request, reply) => {
    const { customer } = await access.customer(actorOf(request), request.params.customerId, 'workspace.read');
    setEtag(reply, customer.version);
    return toCustomer(await customers.getCustomer(customer));
  });

  app.patch(
    '/customers/:customerId',
    { schema: { operationId: 'updateCustomer', tags: ['evidence'], params: CustomerParams, body: CustomerUpdateBodySchema, response: { 200: CustomerSchema } } },
    async (request, reply) => {
      const { scope, customer } = await access.customer(actorOf(request), request.params.customerId, 'evidence.manage');
      const updated = await fieldsOfBody(() => customers.updateCustomer(scope, customer, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toCustomer(updated);
    },
  );

  app.delete(
    '/customers/:customerId',
    { schema: { operationId: 'deleteCustomer', tags: ['evidence'], summary: 'Remove a customer; their insights stay, without one', params: CustomerParams, response: noContent } },
    async (request, reply) => {
      const { scope, customer } = await access.customer(actorOf(request), request.params.customerId, 'evidence.manage');
      await customers.deleteCustomer(scope, customer, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/products/:productId/personas',
    { schema: { operationId: 'listPersonas', tags: ['evidence'], summary: "The product's personas by name, with the items that serve them", params: ProductParams, response: { 200: z.object({ items: z.array(PersonaSchema) }) } } },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return { items: (await customers.listPersonas(scope, product)).map(toPersona) };
    },
  );

  app.post(
    '/products/:productId/personas',
    { schema: { operationId: 'createPersona', tags: ['evidence'], summary: 'Describe a persona: their goals, their pains, the items that serve them', params: ProductParams, body: PersonaCreateBodySchema, response: { 201: PersonaSchema } } },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'evidence.manage');
      const persona = await fieldsOfBody(() => customers.createPersona(scope, product, request.body));
      setEtag(reply, persona.version);
      return reply.code(201).header('location', `/api/v1/personas/${persona.id}`).send(toPersona(persona));
    },
  );

  app.get('/personas/:personaId', { schema: { operationId: 'getPersona', tags: ['evidence'], params: PersonaParams, response: { 200: PersonaSchema } } }, async (request, reply) => {
    const { scope, persona } = await access.persona(actorOf(request), request.params.personaId, 'item.read');
    setEtag(reply, persona.version);
    return toPersona(await customers.getPersona(scope, persona));
  });

  app.patch(
    '/personas/:personaId',
    { schema: { operationId: 'updatePersona', tags: ['evidence'], params: PersonaParams, body: PersonaUpdateBodySchema, response: { 200: PersonaSchema } } },
    async (request, reply) => {
      const { scope, persona } = await access.persona(actorOf(request), request.params.personaId, 'evidence.manage');
      const updated = await fieldsOfBody(() => customers.updatePersona(scope, persona, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toPersona(updated);
    },
  );

  app.put(
    '/personas/:personaId/items',
    { schema: { operationId: 'setPersonaItems', tags: ['evidence'], summary: 'Replace the stories and features that serve the persona', params: PersonaParams, body: PersonaItemsBodySchema, response: { 200: PersonaSchema } } },
    async (request, reply) => {
      const { scope, persona } = await access.persona(actorOf(request), request.params.personaId, 'evidence.manage');
      const updated = await fieldsOfBody(() => customers.setPersonaItems(scope, persona, request.body.itemIds, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toPersona(updated);
    },
  );

  app.delete('/personas/:personaId', { schema: { operationId: 'deletePersona', tags: ['evidence'], params: PersonaParams, response: noContent } }, async (request, reply) => {
    const { scope, persona } = await access.persona(actorOf(request), request.params.personaId, 'evidence.manage');
    await customers.deletePersona(scope, persona, expectedVersion(request));
    return reply.code(204).send(null);
  });

  app.get(
    '/products/:productId/insights',
    {
      schema: {
        operationId: 'listInsights',
        tags: ['evidence'],
        summary: "The product's insights, newest first; `linked=false` is the inbox still to triage",
        params: ProductParams,
        querystring: InsightListQuerySchema,
        response: { 200: pageOf(InsightSchema) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      const page = await insights.list(scope, product, request.query);
      return { items: page.items.map(toInsight), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/products/:productId/insights',
    { schema: { operationId: 'createInsight', tags: ['evidence'], summary: 'Capture a piece of customer evidence in the inbox', params: ProductParams, body: InsightCreateBodySchema, response: { 201: InsightSchema } } },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'insight.create');
      const insight = await fieldsOfBody(() => insights.create(scope, product, request.body));
      setEtag(reply, insight.version);
      return reply.code(201).header('location', `/api/v1/insights/${insight.id}`).send(toInsight(insight));
    },
  );

  app.post(
    '/products/:productId/insights/import',
    {
      schema: {
        operationId: 'importInsights',
        tags: ['evidence'],
        summary: 'Upload a CSV file of insights (`text/csv`), all or nothing',
        description:
          'The first line names the columns: `text` (required), `kind` (quote or note), `source` (interview, support, sales, survey, review, other), `date` (YYYY-MM-DD, default today), `customer` (a name: matched ignoring case, created when new), `url`. Any bad row refuses the file with a 400 naming each problem by line and column; at most 5,000 rows.',
        params: ProductParams,
        consumes: ['text/csv'],
        body: z.string().meta({ description: 'The CSV file' }),
        response: { 201: InsightImportSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'insight.create');
      return reply.code(201).send(await insights.importCsv(scope, product, request.body));
    },
  );

  app.get('/insights/:insightId', { schema: { operationId: 'getInsight', tags: ['evidence'], params: InsightParams, response: { 200: InsightSchema } } }, async (request, reply) => {
    const { scope, insight } = await access.insight(actorOf(request), request.params.insightId, 'item.read');
    setEtag(reply, insight.version);
    return toInsight(await insights.get(scope, insight));
  });

  app.patch(
    '/insights/:insightId',
    { schema: { operationId: 'updateInsight', tags: ['evidence'], params: InsightParams, body: InsightUpdateBodySchema, response: { 200: InsightSchema } } },
    async (request, reply) => {
      const { scope, insight } = await access.insight(actorOf(request), request.params.insightId, 'evidence.manage');
      const updated = await fieldsOfBody(() => insights.update(scope, insight, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toInsight(updated);
    },
  );

  app.delete(
    '/insights/:insightId',
    { schema: { operationId: 'deleteInsight', tags: ['evidence'], summary: 'Remove an insight and its links', params: InsightParams, response: noContent } },
    async (request, reply) => {
      const { scope, insight } = await access.insight(actorOf(request), request.params.insightId, 'evidence.manage');
      await insights.delete(scope, insight, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/insights/:insightId/links/:itemIdOrKey',
    {
      schema: {
        operationId: 'linkInsight',
        tags: ['evidence'],
        summary: 'Link the insight to an item of its product, highlighting the passage that speaks for it, or change that link',
        params: InsightLinkParams,
        body: InsightLinkBodySchema,
        response: { 200: InsightSchema },
      },
    },
    async (request, reply) => {
      const { scope, insight } = await access.insight(actorOf(request), request.params.insightId, 'evidence.manage');
      const updated = await fieldsOfBody(() => insights.link(scope, insight, request.params.itemIdOrKey, request.body));
      setEtag(reply, updated.version);
      return toInsight(updated);
    },
  );

  app.delete(
    '/insights/:insightId/links/:itemIdOrKey',
    { schema: { operationId: 'unlinkInsight', tags: ['evidence'], summary: 'Take the insight off an item', params: InsightLinkParams, response: { 200: InsightSchema } } },
    async (request, reply) => {
      const { scope, insight } = await access.insight(actorOf(request), request.params.insightId, 'evidence.manage');
      const updated = await insights.unlink(scope, insight, request.params.itemIdOrKey);
      setEtag(reply, updated.version);
      return toInsight(updated);
    },
  );

  app.get(
    '/items/:itemIdOrKey/evidence',
    {
      schema: {
        operationId: 'getItemEvidence',
        tags: ['evidence'],
        summary: 'The demand behind an item: insights, distinct customers and their revenue, by segment; and the RICE reach it suggests',
        params: ItemParams,
        response: { 200: EvidenceSchema },
      },
    },
    async (request) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.read');
      return toEvidence(item.productKey, item, await insights.evidence(scope, item));
    },
  );

  app.get(
    '/products/:productId/evidence',
    { schema: { operationId: 'listProductEvidence', tags: ['evidence'], summary: 'Every item with evidence, the most demanded first', params: ProductParams, response: { 200: ProductEvidenceSchema } } },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      const items = await insights.productEvidence(scope, product);
      return { items: items.map(({ item, ...demand }) => ({ item: toTracedItem(product.key, item), ...demand })) };
    },
  );
};
