import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema } from '../../../contracts/common.schema';
import { SavedViewCreateBodySchema, SavedViewSchema, SavedViewUpdateBodySchema } from '../../../contracts/view.schema';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import type { AppServices } from '../services';
import { toSavedView } from '../wire';

const ProductParams = z.strictObject({ productId: IdSchema });
const ViewParams = z.strictObject({ viewId: IdSchema });

/** Saved backlog views: a named filter and sort, the caller's own or shared with the product. */
export const viewRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, views } = services;

  app.get(
    '/products/:productId/views',
    {
      schema: {
        operationId: 'listViews',
        tags: ['views'],
        summary: "The product's shared views and the caller's own",
        params: ProductParams,
        response: { 200: z.object({ items: z.array(SavedViewSchema) }) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return { items: (await views.list(scope, product)).map(toSavedView) };
    },
  );

  app.post(
    '/products/:productId/views',
    {
      schema: {
        operationId: 'createView',
        tags: ['views'],
        summary: 'Save a filter and sort as a view; `shared: true` shows it to the whole product (PM, PO, owner)',
        params: ProductParams,
        body: SavedViewCreateBodySchema,
        response: { 201: SavedViewSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'view.save');
      const view = await views.create(scope, product, request.body);
      setEtag(reply, view.version);
      return reply.code(201).send(toSavedView(view));
    },
  );

  app.patch(
    '/views/:viewId',
    {
      schema: {
        operationId: 'updateView',
        tags: ['views'],
        summary: 'Change a view: your own, or a shared one when your role may share',
        params: ViewParams,
        body: SavedViewUpdateBodySchema,
        response: { 200: SavedViewSchema },
      },
    },
    async (request, reply) => {
      const scope = await access.view(actorOf(request), request.params.viewId, 'view.save');
      const view = await views.update(scope, request.params.viewId, request.body, expectedVersion(request));
      setEtag(reply, view.version);
      return toSavedView(view);
    },
  );

  app.delete(
    '/views/:viewId',
    {
      schema: { operationId: 'deleteView', tags: ['views'], summary: 'Delete a view', params: ViewParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const scope = await access.view(actorOf(request), request.params.viewId, 'view.save');
      await views.remove(scope, request.params.viewId);
      return reply.code(204).send(null);
    },
  );
};
