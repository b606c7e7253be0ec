import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ItemRefSchema } from '../../../contracts/item.schema';
import { IdSchema } from '../../../contracts/common.schema';
import {
  DependencyCreateBodySchema,
  ItemDependenciesSchema,
  ReleaseChangesSchema,
  ReleaseCreateBodySchema,
  ReleaseForecastSchema,
  ReleaseSchema,
  ReleaseScopeBodySchema,
  ReleaseUpdateBodySchema,
  ThroughputQuerySchema,
  ThroughputSchema,
} from '../../../contracts/roadmap.schema';
import { TracedItemSchema } from '../../../contracts/strategy.schema';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toRelease, toTracedItem } from '../wire';

const ItemParams = z.strictObject({ itemIdOrKey: ItemRefSchema });
const ProductParams = z.strictObject({ productId: IdSchema });
const ReleaseParams = z.strictObject({ releaseId: IdSchema });

/** The roadmap's links between items (dependencies) and the delivery history forecasts read. */
export const roadmapRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, dependencies, products, releases } = services;

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
        params: ProductParams,
        querystring: ThroughputQuerySchema,
        response: { 200: ThroughputSchema },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return products.throughput(scope, product, request.query.days);
    },
  );

  /** A release as the API shows it, with the delivery of its scope. */
  const releaseView = async (scope: Parameters<typeof releases.list>[0], release: Awaited<ReturnType<typeof releases.list>>[number]) => {
    const product = (await access.product(scope.actor, release.productId, 'item.read')).product;
    const [progressOf, readinessOf] = await Promise.all([releases.progress(scope, product), releases.readiness(scope, product.id, [release.id])]);
    return toRelease(release, progressOf(release.id), readinessOf(release.id));
  };

  app.get(
    '/products/:productId/releases',
    {
      schema: {
        operationId: 'listReleases',
        tags: ['roadmap'],
        summary: "The product's releases by target date, each with the delivery of its scope",
        params: ProductParams,
        response: { 200: z.object({ items: z.array(ReleaseSchema) }) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      const [list, progressOf, readinessOf] = await Promise.all([releases.list(scope, product), releases.progress(scope, product), releases.readiness(scope, product.id)]);
      return { items: list.map((release) => toRelease(release, progressOf(release.id), readinessOf(release.id))) };
    },
  );

  app.post(
    '/products/:productId/releases',
    {
      schema: {
        operationId: 'createRelease',
        tags: ['roadmap'],
        summary: 'Plan a release',
        params: ProductParams,
        body: ReleaseCreateBodySchema,
        response: { 201: ReleaseSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'release.manage');
      const release = await fieldsOfBody(() => releases.create(scope, product, request.body));
      setEtag(reply, release.version);
      return reply.code(201).header('location', `/api/v1/releases/${release.id}`).send(await releaseView(scope, release));
    },
  );

  app.get(
    '/releases/:releaseId',
    { schema: { operationId: 'getRelease', tags: ['roadmap'], params: ReleaseParams, response: { 200: ReleaseSchema } } },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'item.read');
      setEtag(reply, release.version);
      return releaseView(scope, release);
    },
  );

  app.patch(
    '/releases/:releaseId',
    {
      schema: {
        operationId: 'updateRelease',
        tags: ['roadmap'],
        summary: 'Change a release: its name, target date or status (a released or canceled release keeps its status)',
        params: ReleaseParams,
        body: ReleaseUpdateBodySchema,
        response: { 200: ReleaseSchema },
      },
    },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'release.manage');
      const updated = await fieldsOfBody(() => releases.update(scope, release, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return releaseView(scope, updated);
    },
  );

  app.delete(
    '/releases/:releaseId',
    { schema: { operationId: 'deleteRelease', tags: ['roadmap'], summary: 'Remove a release (its items stay, unplanned)', params: ReleaseParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'release.manage');
      await releases.remove(scope, release, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/releases/:releaseId/items',
    {
      schema: {
        operationId: 'listReleaseItems',
        tags: ['roadmap'],
        summary: "The items in the release's scope",
        params: ReleaseParams,
        response: { 200: z.object({ items: z.array(TracedItemSchema) }) },
      },
    },
    async (request) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'item.read');
      const product = (await access.product(scope.actor, release.productId, 'item.read')).product;
      return { items: (await releases.scopeOf(scope, release)).map((item) => toTracedItem(product.key, item)) };
    },
  );

  app.post(
    '/releases/:releaseId/items',
    {
      schema: {
        operationId: 'addReleaseItem',
        tags: ['roadmap'],
        summary: "Put an item in the release's scope (out of any other release's); recorded as a scope change",
        params: ReleaseParams,
        body: ReleaseScopeBodySchema,
        response: { 200: ReleaseSchema, 201: ReleaseSchema },
      },
    },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'release.scope');
      const added = await fieldsOfBody(() => releases.addItem(scope, release, request.body.itemId));
      const current = (await access.release(scope.actor, release.id, 'item.read')).release;
      return reply.code(added ? 201 : 200).send(await releaseView(scope, current));
    },
  );

  app.delete(
    '/releases/:releaseId/items/:itemIdOrKey',
    {
      schema: {
        operationId: 'removeReleaseItem',
        tags: ['roadmap'],
        summary: "Take an item out of the release's scope; recorded as a scope change",
        params: ReleaseParams.extend({ itemIdOrKey: ItemRefSchema }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'release.scope');
      await releases.removeItem(scope, release, request.params.itemIdOrKey);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/releases/:releaseId/forecast',
    {
      schema: {
        operationId: 'getReleaseForecast',
        tags: ['roadmap'],
        summary: "When the release's remaining work is done (50/85/95 %), from the last 30 days of throughput, and whether that misses the target",
        params: ReleaseParams,
        response: { 200: ReleaseForecastSchema },
      },
    },
    async (request) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'item.read');
      return releases.forecast(scope, release);
    },
  );

  app.get(
    '/releases/:releaseId/changes',
    {
      schema: {
        operationId: 'listReleaseChanges',
        tags: ['roadmap'],
        summary: "The release's history of scope, date, status and risk changes, with a one-sentence summary",
        params: ReleaseParams,
        response: { 200: ReleaseChangesSchema },
      },
    },
    async (request) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'item.read');
      const { items, summary } = await releases.changes(scope, release);
      return { items: items.map(({ id, kind, before, after, actorId, createdAt }) => ({ id, kind, before, after, actorId, createdAt })), summary };
    },
  );
};
