import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema, PageQuerySchema, pageOf } from '../../../contracts/common.schema';
import {
  ItemCreateBodySchema,
  ItemListQuerySchema,
  ItemMoveBodySchema,
  ItemRefSchema,
  ItemSchema,
  ItemUpdateBodySchema,
  WipOverrideQuerySchema,
} from '../../../contracts/item.schema';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { ActivitySchema } from '../../../contracts/workspace.schema';
import { toActivity, toItem, toPageOf } from '../wire';

const ProductParams = z.strictObject({ productId: IdSchema });
const ItemParams = z.strictObject({ itemIdOrKey: ItemRefSchema });

export const itemRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, items, workspaces } = services;

  app.get(
    '/products/:productId/items',
    {
      schema: {
        operationId: 'listItems',
        tags: ['items'],
        summary: "A page of the product's items in rank order, or by a stored score",
        params: ProductParams,
        querystring: ItemListQuerySchema,
        response: { 200: pageOf(ItemSchema) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      const page = await items.list(scope, product.id, request.query);
      return toPageOf(page, toItem);
    },
  );

  app.get(
    '/products/:productId/trash',
    {
      schema: {
        operationId: 'listTrash',
        tags: ['items'],
        summary: "The product's trash, most recently trashed first; items are purged 30 days after `deletedAt`",
        params: ProductParams,
        querystring: PageQuerySchema,
        response: { 200: pageOf(ItemSchema) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      const page = await items.listTrash(scope, product.id, request.query);
      return toPageOf(page, toItem);
    },
  );

  app.post(
    '/products/:productId/items',
    {
      schema: {
        operationId: 'createItem',
        tags: ['items'],
        summary: 'Create an item at the bottom of the backlog',
        params: ProductParams,
        querystring: WipOverrideQuerySchema,
        body: ItemCreateBodySchema,
        response: { 201: ItemSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.create');
      const item = await fieldsOfBody(() => items.create(scope, product.id, request.body, request.query));
      setEtag(reply, item.version);
      return reply.code(201).header('location', `/api/v1/items/${item.id}`).send(toItem(item));
    },
  );

  app.get(
    '/items/:itemIdOrKey',
    {
      schema: {
        operationId: 'getItem',
        tags: ['items'],
        summary: 'One item, by id or human key (e.g. DEMO-12)',
        params: ItemParams,
        response: { 200: ItemSchema },
      },
    },
    async (request, reply) => {
      const { item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.read');
      setEtag(reply, item.version);
      return toItem(item);
    },
  );

  app.patch(
    '/items/:itemIdOrKey',
    {
      schema: {
        operationId: 'updateItem',
        tags: ['items'],
        summary: 'Change an item; send If-Match with its ETag to refuse a stale write (412)',
        description:
          'A status change into a status at its WIP limit is refused with `wip_limit_reached` (409) unless `overrideWipLimit=true` is sent by a role allowed to.',
        params: ItemParams,
        querystring: WipOverrideQuerySchema,
        body: ItemUpdateBodySchema,
        response: { 200: ItemSchema },
      },
    },
    async (request, reply) => {
      // Contributors pass here for their own items; the service checks which fields they may change.
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.update_own_work');
      const version = expectedVersion(request);
      const updated = await fieldsOfBody(() => items.update(scope, item.id, request.body, version, request.query));
      setEtag(reply, updated.version);
      return toItem(updated);
    },
  );

  app.get(
    '/items/:itemIdOrKey/children',
    {
      schema: {
        operationId: 'listItemChildren',
        tags: ['items'],
        summary: "A page of the item's children (outside the trash) in rank order",
        params: ItemParams,
        querystring: PageQuerySchema,
        response: { 200: pageOf(ItemSchema) },
      },
    },
    async (request) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.read');
      return toPageOf(await items.listChildren(scope, item.id, request.query), toItem);
    },
  );

  app.get(
    '/items/:itemIdOrKey/activity',
    {
      schema: {
        operationId: 'listItemActivity',
        tags: ['items'],
        summary: "The item's history of changes (edits, moves, scores, sprint changes, trash and restore), newest first",
        params: ItemParams,
        querystring: PageQuerySchema,
        response: { 200: pageOf(ActivitySchema) },
      },
    },
    async (request) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'activity.read');
      return toPageOf(await workspaces.listActivity(scope, request.query, item.id), toActivity);
    },
  );

  app.post(
    '/items/:itemIdOrKey/move',
    {
      schema: {
        operationId: 'moveItem',
        tags: ['items'],
        summary: 'Reorder: place the item just before or after another, or at the top or bottom; writes one row',
        params: ItemParams,
        body: ItemMoveBodySchema,
        response: { 200: ItemSchema },
      },
    },
    async (request, reply) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.rank');
      const version = expectedVersion(request);
      const moved = await fieldsOfBody(() => items.move(scope, item.id, request.body, version));
      setEtag(reply, moved.version);
      return toItem(moved);
    },
  );

  app.delete(
    '/items/:itemIdOrKey',
    {
      schema: {
        operationId: 'deleteItem',
        tags: ['items'],
        summary: 'Move an item to the trash (restorable for 30 days)',
        params: ItemParams,
        response: { 200: ItemSchema },
      },
    },
    async (request, reply) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.delete');
      const trashed = await items.trash(scope, item.id, expectedVersion(request));
      setEtag(reply, trashed.version);
      return toItem(trashed);
    },
  );

  app.post(
    '/items/:itemIdOrKey/restore',
    {
      schema: {
        operationId: 'restoreItem',
        tags: ['items'],
        summary: 'Bring an item back from the trash',
        description:
          'A status removed meanwhile becomes the workflow’s first status and a parent that can no longer hold it lets go; WIP limits hold (`overrideWipLimit=true` for roles allowed to).',
        params: ItemParams,
        querystring: WipOverrideQuerySchema,
        response: { 200: ItemSchema },
      },
    },
    async (request, reply) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.restore');
      const restored = await items.restore(scope, item.id, expectedVersion(request), request.query);
      setEtag(reply, restored.version);
      return toItem(restored);
    },
  );
};
