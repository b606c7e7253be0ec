import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema, pageOf } from '../../../contracts/common.schema';
import { DecisionCreateBodySchema, DecisionListQuerySchema, DecisionSchema, DecisionUpdateBodySchema } from '../../../contracts/decision.schema';
import { ItemRefSchema } from '../../../contracts/item.schema';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toDecision, toPageOf } from '../wire';

const ProductParams = z.strictObject({ productId: IdSchema });
const DecisionParams = z.strictObject({ decisionId: IdSchema });

/** The decision log: quick decisions with their context, options, outcome and rationale, linked to items. */
export const decisionRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, decisions } = services;

  app.get(
    '/products/:productId/decisions',
    {
      schema: {
        operationId: 'listDecisions',
        tags: ['decisions'],
        summary: "The product's decision log, newest first; `q` finds words, `status` narrows",
        params: ProductParams,
        querystring: DecisionListQuerySchema,
        response: { 200: pageOf(DecisionSchema) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return toPageOf(await decisions.list(scope, product, request.query), toDecision);
    },
  );

  app.post(
    '/products/:productId/decisions',
    {
      schema: {
        operationId: 'createDecision',
        tags: ['decisions'],
        summary: 'Record a decision (proposed, or decided on the spot)',
        params: ProductParams,
        body: DecisionCreateBodySchema,
        response: { 201: DecisionSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'decision.write');
      const decision = await fieldsOfBody(() => decisions.create(scope, product, request.body));
      setEtag(reply, decision.version);
      return reply.code(201).header('location', `/api/v1/decisions/${decision.id}`).send(toDecision(decision));
    },
  );

  app.get(
    '/decisions/:decisionId',
    { schema: { operationId: 'getDecision', tags: ['decisions'], params: DecisionParams, response: { 200: DecisionSchema } } },
    async (request, reply) => {
      const scope = await access.decision(actorOf(request), request.params.decisionId, 'item.read');
      const decision = await decisions.get(scope, request.params.decisionId);
      setEtag(reply, decision.version);
      return toDecision(decision);
    },
  );

  app.patch(
    '/decisions/:decisionId',
    {
      schema: {
        operationId: 'updateDecision',
        tags: ['decisions'],
        summary: 'Change a decision: decide it, supersede it, relink its items (status only moves forward)',
        params: DecisionParams,
        body: DecisionUpdateBodySchema,
        response: { 200: DecisionSchema },
      },
    },
    async (request, reply) => {
      const scope = await access.decision(actorOf(request), request.params.decisionId, 'decision.write');
      const version = expectedVersion(request);
      const decision = await fieldsOfBody(() => decisions.update(scope, request.params.decisionId, request.body, version));
      setEtag(reply, decision.version);
      return toDecision(decision);
    },
  );

  app.get(
    '/items/:itemIdOrKey/decisions',
    {
      schema: {
        operationId: 'listItemDecisions',
        tags: ['decisions'],
        summary: 'The decisions that concern an item, newest first',
        params: z.strictObject({ itemIdOrKey: ItemRefSchema }),
        response: { 200: z.object({ items: z.array(DecisionSchema) }) },
      },
    },
    async (request) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.read');
      return { items: (await decisions.listForItem(scope, item.id)).map(toDecision) };
    },
  );
};
