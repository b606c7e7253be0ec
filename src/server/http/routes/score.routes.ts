import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema, pageOf } from '../../../contracts/common.schema';
import { ItemRefSchema, ItemSchema } from '../../../contracts/item.schema';
import {
  ApplyScoreOrderBodySchema,
  ItemScoreBodySchema,
  ItemScoreSchema,
  ProductScoreSchema,
  ProductScoresQuerySchema,
  ScoredFrameworkSchema,
  ScoringCriteriaReplaceBodySchema,
} from '../../../contracts/prioritization.schema';
import { ProductSchema } from '../../../contracts/product.schema';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toItem, toProduct, toProductScore, toPageOf } from '../wire';

const ItemParams = z.strictObject({ itemIdOrKey: ItemRefSchema });
const ProductParams = z.strictObject({ productId: IdSchema });

/** Stored prioritisation scores, the product's weighted criteria, and re-ranking by score. */
export const scoreRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, items, scores, products } = services;

  app.get(
    '/items/:itemIdOrKey/scores',
    {
      schema: {
        operationId: 'listItemScores',
        tags: ['prioritization'],
        summary: "The item's stored scores, each with its inputs and formula",
        params: ItemParams,
        response: { 200: z.object({ items: z.array(ItemScoreSchema) }) },
      },
    },
    async (request) => {
      const { item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.read');
      return { items: await scores.list(item) };
    },
  );

  app.post(
    '/items/:itemIdOrKey/scores',
    {
      schema: {
        operationId: 'scoreItem',
        tags: ['prioritization'],
        summary: 'Score the item with one framework (replacing its previous score in that framework)',
        params: ItemParams,
        body: ItemScoreBodySchema,
        response: { 200: ItemScoreSchema },
      },
    },
    async (request) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.score');
      return fieldsOfBody(() => scores.set(scope, item, request.body));
    },
  );

  app.delete(
    '/items/:itemIdOrKey/scores/:framework',
    {
      schema: {
        operationId: 'deleteItemScore',
        tags: ['prioritization'],
        summary: "Remove the item's score in one framework",
        params: z.strictObject({ itemIdOrKey: ItemRefSchema, framework: ScoredFrameworkSchema }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.score');
      await scores.remove(scope, item, request.params.framework);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/products/:productId/scores',
    {
      schema: {
        operationId: 'listProductScores',
        tags: ['prioritization'],
        summary: "One framework's stored scores across the product (items outside the trash), with each item's key and title",
        params: ProductParams,
        querystring: ProductScoresQuerySchema,
        response: { 200: pageOf(ProductScoreSchema) },
      },
    },
    async (request) => {
      const { product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      const { framework, ...page } = request.query;
      return toPageOf(await scores.listForProduct(product, framework, page), (row) => toProductScore(product, row));
    },
  );

  app.put(
    '/products/:productId/scoring-criteria',
    {
      schema: {
        operationId: 'replaceScoringCriteria',
        tags: ['prioritization'],
        summary: "Replace the criteria and weights of the product's custom weighted score; stored weighted scores are recomputed",
        params: ProductParams,
        body: ScoringCriteriaReplaceBodySchema,
        response: { 200: ProductSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'workflow.update');
      const version = expectedVersion(request);
      const updated = await fieldsOfBody(() => products.replaceScoringCriteria(scope, product.id, request.body, version));
      setEtag(reply, updated.version);
      return toProduct(updated);
    },
  );

  app.post(
    '/products/:productId/items/apply-score-order',
    {
      schema: {
        operationId: 'applyScoreOrder',
        tags: ['prioritization'],
        summary: 'Re-rank a selection by a framework’s scores in one step (the items trade places; nothing else moves)',
        params: ProductParams,
        body: ApplyScoreOrderBodySchema,
        response: { 200: z.object({ items: z.array(ItemSchema).meta({ description: 'The selection in its new rank order' }) }) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.rank');
      const reordered = await fieldsOfBody(() => items.applyScoreOrder(scope, product.id, request.body));
      return { items: reordered.map(toItem) };
    },
  );
};
