import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ItemRefSchema } from '../../../contracts/item.schema';
import { IdSchema } from '../../../contracts/common.schema';
import { DependencyCreateBodySchema, ItemDependenciesSchema, ThroughputQuerySchema, ThroughputSchema } from '../../../contracts/roadmap.schema';
import { actorOf } from '../auth';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toTracedItem } from '../wire';

const ItemParams = z.strictObject({ itemIdOrKey: ItemRefSchema });

/** The roadmap's links between items (dependencies) and the delivery history forecasts read. */
export const roadmapRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, dependencies, products } = services;

  const dependenciesOf = async (scope: Parameters<typeof dependencies.around>[0], item: Parameters<typeof dependencies.around>[1]) => {
    const { blocks, blockedBy } = await dependencies.around(scope, item);
    return { blocks: blocks.map((other) => toTracedItem(item.productKey, other)), blockedBy: blockedBy.map((other) => toTracedItem(item.productKey, other)) };
  };

  app.get(
    '/items/:itemIdOrKey/dependencies',
    {
      schema: {
        operationId: 'listItemDependencies',
        tags: ['roadmap'],
        summary: 'What the item blocks and what blocks it',
        params: ItemParams,
        response: { 200: ItemDependenciesSchema },
      },
    },
    async (request) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.read');
      return dependenciesOf(scope, item);
    },
  );

  app.post(
    '/items/:itemIdOrKey/dependencies',
    {
      schema: {
        operationId: 'addItemDependency',
        tags: ['roadmap'],
        summary: 'Make the item block another one; a dependency that would close a cycle is refused with 409 `dependency_cycle`, naming the cycle',
        params: ItemParams,
        body: DependencyCreateBodySchema,
        response: { 200: ItemDependenciesSchema, 201: ItemDependenciesSchema },
      },
    },
    async (request, reply) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.update');
      const created = await fieldsOfBody(() => dependencies.add(scope, item, request.body.blocksId));
      return reply.code(created ? 201 : 200).send(await dependenciesOf(scope, item));
    },
  );

  app.delete(
    '/items/:itemIdOrKey/dependencies/:blocksId',
    {
      schema: {
        operationId: 'removeItemDependency',
        tags: ['roadmap'],
        summary: 'Remove the dependency: the item no longer blocks `blocksId`',
        params: ItemParams.extend({ blocksId: ItemRefSchema }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.update');
      await dependencies.remove(scope, item, request.params.blocksId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/products/:productId/throughput',
    {
      schema: {
        operationId: 'getThroughput',
        tags: ['roadmap'],
        summary: 'Items finished per day over the last days: the history forecasts sample from',
        params: z.strictObject({ productId: IdSchema }),
        querystring: ThroughputQuerySchema,
        response: { 200: ThroughputSchema },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return products.throughput(scope, product, request.query.days);
    },
  );
};
