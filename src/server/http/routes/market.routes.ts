import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema } from '../../../contracts/common.schema';
import { ItemRefSchema } from '../../../contracts/item.schema';
import {
  AssessmentBodySchema,
  CapabilityCreateBodySchema,
  CapabilityMatrixSchema,
  CapabilitySchema,
  CapabilityUpdateBodySchema,
  CompetitorCreateBodySchema,
  CompetitorSchema,
  CompetitorUpdateBodySchema,
  MatrixCellSchema,
  PackagingSchema,
  PlanFeatureBodySchema,
  PricingPlanCreateBodySchema,
  PricingPlanSchema,
  PricingPlanUpdateBodySchema,
} from '../../../contracts/market.schema';
import type { Action } from '../../../domain/access/permissions';
import { notFound } from '../../../domain/errors';
import type { Actor } from '../../../services/context';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toCapability, toCapabilityMatrix, toCompetitor, toPackaging, toPricingPlan } from '../wire';

const ProductParams = z.strictObject({ productId: IdSchema });
const CompetitorParams = z.strictObject({ competitorId: IdSchema });
const CapabilityParams = z.strictObject({ capabilityId: IdSchema });
const PlanParams = z.strictObject({ planId: IdSchema });
const noContent = { 204: z.null() };
const tags = ['market'];

/** The PM's market research: competitors, the capability matrix, pricing plans and packaging. */
export const marketRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, market } = services;

  /** A market row found by id, checked like its workspace (missing and foreign are both `not_found`), with its product. */
  const within = async <T extends { workspaceId: string; productId: string }>(actor: Actor, record: T | null, what: string, action: Action) => {
    if (!record) throw notFound(what);
    await access.workspace(actor, record.workspaceId, action, what);
    const { scope, product } = await access.product(actor, record.productId, action);
    return { scope, product, record };
  };

  app.get(
    '/products/:productId/competitors',
    {
      schema: { operationId: 'listCompetitors', tags, summary: "The product's competitors by name", params: ProductParams, response: { 200: z.object({ items: z.array(CompetitorSchema) }) } },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return { items: (await market.listCompetitors(scope, product)).map(toCompetitor) };
    },
  );

  app.post(
    '/products/:productId/competitors',
    {
      schema: {
        operationId: 'createCompetitor',
        tags,
        summary: 'Add a competitor; a second one of the same name (whatever its case) is refused with 409 `name_taken`',
        params: ProductParams,
        body: CompetitorCreateBodySchema,
        response: { 201: CompetitorSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'market.manage');
      const competitor = await fieldsOfBody(() => market.createCompetitor(scope, product, request.body));
      setEtag(reply, competitor.version);
      return reply.code(201).header('location', `/api/v1/competitors/${competitor.id}`).send(toCompetitor(competitor));
    },
  );

  app.get(
    '/competitors/:competitorId',
    { schema: { operationId: 'getCompetitor', tags, params: CompetitorParams, response: { 200: CompetitorSchema } } },
    async (request, reply) => {
      const { record } = await within(actorOf(request), await market.findCompetitor(request.params.competitorId), 'Competitor', 'item.read');
      setEtag(reply, record.version);
      return toCompetitor(record);
    },
  );

  app.patch(
    '/competitors/:competitorId',
    {
      schema: {
        operationId: 'updateCompetitor',
        tags,
        summary: "Change a competitor's name, website, positioning or notes",
        params: CompetitorParams,
        body: CompetitorUpdateBodySchema,
        response: { 200: CompetitorSchema },
      },
    },
    async (request, reply) => {
      const { scope, record } = await within(actorOf(request), await market.findCompetitor(request.params.competitorId), 'Competitor', 'market.manage');
      const updated = await fieldsOfBody(() => market.updateCompetitor(scope, record, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toCompetitor(updated);
    },
  );

  app.delete(
    '/competitors/:competitorId',
    { schema: { operationId: 'deleteCompetitor', tags, summary: 'Remove a competitor with its column of the matrix', params: CompetitorParams, response: noContent } },
    async (request, reply) => {
      const { scope, record } = await within(actorOf(request), await market.findCompetitor(request.params.competitorId), 'Competitor', 'market.manage');
      await market.deleteCompetitor(scope, record, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/products/:productId/capabilities',
    {
      schema: {
        operationId: 'listCapabilities',
        tags,
        summary: 'The capabilities the product is compared with its competitors on, in row order',
        params: ProductParams,
        response: { 200: z.object({ items: z.array(CapabilitySchema) }) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return { items: (await market.listCapabilities(scope, product)).map((capability) => toCapability(product.key, capability)) };
    },
  );

  app.post(
    '/products/:productId/capabilities',
    {
      schema: {
        operationId: 'createCapability',
        tags,
        summary: 'Add a capability (a row of the matrix), optionally linked to our epic or feature that delivers it',
        params: ProductParams,
        body: CapabilityCreateBodySchema,
        response: { 201: CapabilitySchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'market.manage');
      const capability = await fieldsOfBody(() => market.createCapability(scope, product, request.body));
      setEtag(reply, capability.version);
      return reply.code(201).send(toCapability(product.key, capability));
    },
  );

  app.patch(
    '/capabilities/:capabilityId',
    {
      schema: {
        operationId: 'updateCapability',
        tags,
        summary: 'Change a capability: its name, our own level, its link to our epic or feature, or its row',
        params: CapabilityParams,
        body: CapabilityUpdateBodySchema,
        response: { 200: CapabilitySchema },
      },
    },
    async (request, reply) => {
      const { scope, product, record } = await within(actorOf(request), await market.findCapability(request.params.capabilityId), 'Capability', 'market.manage');
      const updated = await fieldsOfBody(() => market.updateCapability(scope, record, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toCapability(product.key, updated);
    },
  );

  app.delete(
    '/capabilities/:capabilityId',
    { schema: { operationId: 'deleteCapability', tags, summary: 'Remove a capability with its row of the matrix', params: CapabilityParams, response: noContent } },
    async (request, reply) => {
      const { scope, record } = await within(actorOf(request), await market.findCapability(request.params.capabilityId), 'Capability', 'market.manage');
      await market.deleteCapability(scope, record, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/capabilities/:capabilityId/competitors/:competitorId',
    {
      schema: {
        operationId: 'assessCapability',
        tags,
        summary: 'Set one cell of the matrix: how far a competitor covers the capability (has, partial, none, unknown), with a note',
        params: CapabilityParams.extend({ competitorId: IdSchema }),
        body: AssessmentBodySchema,
        response: { 200: MatrixCellSchema },
      },
    },
    async (request) => {
      const { scope, record } = await within(actorOf(request), await market.findCapability(request.params.capabilityId), 'Capability', 'market.manage');
      return fieldsOfBody(() => market.assess(scope, record, request.params.competitorId, request.body));
    },
  );

  app.get(
    '/products/:productId/capability-matrix',
    {
      schema: {
        operationId: 'getCapabilityMatrix',
        tags,
        summary: 'Competitors × capabilities: every cell (unassessed ones read unknown), coverage per capability ("we have it / 2 of 3 competitors have it") and gaps',
        params: ProductParams,
        response: { 200: CapabilityMatrixSchema },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return toCapabilityMatrix(product.key, await market.matrix(scope, product));
    },
  );

  app.get(
    '/products/:productId/pricing-plans',
    {
      schema: { operationId: 'listPricingPlans', tags, summary: "The product's pricing plans in order", params: ProductParams, response: { 200: z.object({ items: z.array(PricingPlanSchema) }) } },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return { items: (await market.listPlans(scope, product)).map(toPricingPlan) };
    },
  );

  app.post(
    '/products/:productId/pricing-plans',
    {
      schema: {
        operationId: 'createPricingPlan',
        tags,
        summary: 'Add a pricing plan: a name, an exact price as a decimal string in a currency, and a billing period',
        params: ProductParams,
        body: PricingPlanCreateBodySchema,
        response: { 201: PricingPlanSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'market.manage');
      const plan = await fieldsOfBody(() => market.createPlan(scope, product, request.body));
      setEtag(reply, plan.version);
      return reply.code(201).send(toPricingPlan(plan));
    },
  );

  app.patch(
    '/pricing-plans/:planId',
    {
      schema: {
        operationId: 'updatePricingPlan',
        tags,
        summary: 'Change a pricing plan: its name, price, currency, billing period or order',
        params: PlanParams,
        body: PricingPlanUpdateBodySchema,
        response: { 200: PricingPlanSchema },
      },
    },
    async (request, reply) => {
      const { scope, record } = await within(actorOf(request), await market.findPlan(request.params.planId), 'Pricing plan', 'market.manage');
      const updated = await fieldsOfBody(() => market.updatePlan(scope, record, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toPricingPlan(updated);
    },
  );

  app.delete(
    '/pricing-plans/:planId',
    { schema: { operationId: 'deletePricingPlan', tags, summary: 'Remove a pricing plan with its packaging', params: PlanParams, response: noContent } },
    async (request, reply) => {
      const { scope, record } = await within(actorOf(request), await market.findPlan(request.params.planId), 'Pricing plan', 'market.manage');
      await market.deletePlan(scope, record, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/pricing-plans/:planId/features/:itemIdOrKey',
    {
      schema: {
        operationId: 'setPlanFeature',
        tags,
        summary: 'Package one of our epics or features (id or key) in the plan: included, limited or add-on, with a note',
        params: PlanParams.extend({ itemIdOrKey: ItemRefSchema }),
        body: PlanFeatureBodySchema,
        response: { 200: PackagingSchema, 201: PackagingSchema },
      },
    },
    async (request, reply) => {
      const { scope, product, record } = await within(actorOf(request), await market.findPlan(request.params.planId), 'Pricing plan', 'market.manage');
      const { created } = await market.setPlanFeature(scope, record, request.params.itemIdOrKey, request.body);
      return reply.code(created ? 201 : 200).send(toPackaging(product.key, await market.packaging(scope, product)));
    },
  );

  app.delete(
    '/pricing-plans/:planId/features/:itemIdOrKey',
    {
      schema: {
        operationId: 'removePlanFeature',
        tags,
        summary: 'Take a feature out of the plan',
        params: PlanParams.extend({ itemIdOrKey: ItemRefSchema }),
        response: noContent,
      },
    },
    async (request, reply) => {
      const { scope, record } = await within(actorOf(request), await market.findPlan(request.params.planId), 'Pricing plan', 'market.manage');
      await market.removePlanFeature(scope, record, request.params.itemIdOrKey);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/products/:productId/packaging',
    {
      schema: {
        operationId: 'getPackaging',
        tags,
        summary: 'The packaging grid: which of our features are in which plan',
        params: ProductParams,
        response: { 200: PackagingSchema },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return toPackaging(product.key, await market.packaging(scope, product));
    },
  );

  app.get(
    '/products/:productId/packaging.md',
    {
      schema: {
        operationId: 'exportPackaging',
        tags,
        summary: 'The packaging grid as a Markdown table (text/markdown, downloaded as a file)',
        params: ProductParams,
        produces: ['text/markdown'],
        response: { 200: z.string().meta({ description: 'A Markdown document: a heading and a table with a column per plan and a row per feature' }) },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      const markdown = await market.packagingMarkdown(scope, product);
      const filename = `${product.key.toLowerCase()}-packaging.md`;
      return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(markdown);
    },
  );
};
