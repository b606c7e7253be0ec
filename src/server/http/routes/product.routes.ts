import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema } from '../../../contracts/common.schema';
import { ProductCreateBodySchema, ProductSchema, ProductUpdateBodySchema } from '../../../contracts/product.schema';
import { CustomFieldsReplaceBodySchema, WorkflowReplaceBodySchema } from '../../../contracts/workflow.schema';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toProduct } from '../wire';

const WorkspaceParams = z.strictObject({ workspaceId: IdSchema });
const ProductParams = z.strictObject({ productId: IdSchema });

export const productRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, products } = services;

  app.get(
    '/workspaces/:workspaceId/products',
    {
      schema: {
        operationId: 'listProducts',
        tags: ['products'],
        params: WorkspaceParams,
        response: { 200: z.object({ items: z.array(ProductSchema) }) },
      },
    },
    async (request) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'workspace.read');
      return { items: (await products.list(scope)).map(toProduct) };
    },
  );

  app.post(
    '/workspaces/:workspaceId/products',
    {
      schema: {
        operationId: 'createProduct',
        tags: ['products'],
        params: WorkspaceParams,
        body: ProductCreateBodySchema,
        response: { 201: ProductSchema },
      },
    },
    async (request, reply) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'product.create');
      const product = await products.create(scope, request.body);
      setEtag(reply, product.version);
      return reply.code(201).header('location', `/api/v1/products/${product.id}`).send(toProduct(product));
    },
  );

  app.get(
    '/products/:productId',
    { schema: { operationId: 'getProduct', tags: ['products'], params: ProductParams, response: { 200: ProductSchema } } },
    async (request, reply) => {
      const { product } = await access.product(actorOf(request), request.params.productId, 'workspace.read');
      setEtag(reply, product.version);
      return toProduct(product);
    },
  );

  app.patch(
    '/products/:productId',
    {
      schema: {
        operationId: 'updateProduct',
        tags: ['products'],
        params: ProductParams,
        body: ProductUpdateBodySchema,
        response: { 200: ProductSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'product.update');
      const updated = await products.update(scope, product.id, request.body, expectedVersion(request));
      setEtag(reply, updated.version);
      return toProduct(updated);
    },
  );

  app.get(
    '/products/:productId/status-counts',
    {
      schema: {
        operationId: 'countItemsByStatus',
        tags: ['products'],
        summary: "How many items (outside the trash) are in each status of the product's workflow: what WIP limits count",
        params: ProductParams,
        response: { 200: z.object({ counts: z.record(z.string(), z.number().int()) }) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return { counts: await products.statusCounts(scope, product) };
    },
  );

  app.put(
    '/products/:productId/workflow',
    {
      schema: {
        operationId: 'replaceWorkflow',
        tags: ['products'],
        summary: "Replace the product's workflow: statuses in board order, their categories and WIP limits",
        description: 'A status left out is removed; that is refused with `status_in_use` (409) while items outside the trash are in it.',
        params: ProductParams,
        body: WorkflowReplaceBodySchema,
        response: { 200: ProductSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'workflow.update');
      const version = expectedVersion(request);
      const updated = await fieldsOfBody(() => products.replaceWorkflow(scope, product.id, request.body, version));
      setEtag(reply, updated.version);
      return toProduct(updated);
    },
  );

  app.put(
    '/products/:productId/custom-fields',
    {
      schema: {
        operationId: 'replaceCustomFields',
        tags: ['products'],
        summary: "Replace the product's custom field definitions (text, number, date, single or multi select)",
        params: ProductParams,
        body: CustomFieldsReplaceBodySchema,
        response: { 200: ProductSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'workflow.update');
      const version = expectedVersion(request);
      const updated = await fieldsOfBody(() => products.replaceCustomFields(scope, product.id, request.body, version));
      setEtag(reply, updated.version);
      return toProduct(updated);
    },
  );
};
