import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema, PageQuerySchema, pageOf } from '../../../contracts/common.schema';
import { ItemRefSchema, ItemSchema } from '../../../contracts/item.schema';
import {
  BurndownSchema,
  SprintCommitBodySchema,
  SprintCompleteBodySchema,
  SprintCreateBodySchema,
  SprintSchema,
  SprintUpdateBodySchema,
  VelocitySchema,
} from '../../../contracts/sprint.schema';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toItem, toPageOf, toSprint } from '../wire';

const ProductParams = z.strictObject({ productId: IdSchema });
const SprintParams = z.strictObject({ sprintId: IdSchema });

export const sprintRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, sprints } = services;

  /** The sprint as its product's members see it, after any change. */
  const view = async (scope: Parameters<typeof sprints.get>[0], sprintId: string) => toSprint((await sprints.get(scope, sprintId)).sprint);

  app.get(
    '/products/:productId/sprints',
    {
      schema: {
        operationId: 'listSprints',
        tags: ['sprints'],
        summary: "The product's sprints by start date, with capacity, commitment and progress",
        params: ProductParams,
        response: { 200: z.object({ items: z.array(SprintSchema) }) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return { items: (await sprints.list(scope, product)).map(toSprint) };
    },
  );

  app.post(
    '/products/:productId/sprints',
    {
      schema: {
        operationId: 'createSprint',
        tags: ['sprints'],
        summary: 'Plan a sprint',
        params: ProductParams,
        body: SprintCreateBodySchema,
        response: { 201: SprintSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'sprint.manage');
      const sprint = await fieldsOfBody(() => sprints.create(scope, product, request.body));
      setEtag(reply, sprint.version);
      return reply.code(201).header('location', `/api/v1/sprints/${sprint.id}`).send(await view(scope, sprint.id));
    },
  );

  app.get(
    '/products/:productId/velocity',
    {
      schema: {
        operationId: 'getVelocity',
        tags: ['sprints'],
        summary: 'Committed and completed points of each finished sprint, and the recent average',
        params: ProductParams,
        response: { 200: VelocitySchema },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return sprints.velocity(scope, product);
    },
  );

  app.get(
    '/sprints/:sprintId',
    { schema: { operationId: 'getSprint', tags: ['sprints'], params: SprintParams, response: { 200: SprintSchema } } },
    async (request, reply) => {
      const scope = await access.sprint(actorOf(request), request.params.sprintId, 'item.read');
      const sprint = await view(scope, request.params.sprintId);
      setEtag(reply, sprint.version);
      return sprint;
    },
  );

  app.patch(
    '/sprints/:sprintId',
    {
      schema: {
        operationId: 'updateSprint',
        tags: ['sprints'],
        summary: "Change a sprint's name, goal, dates or the team's availability",
        params: SprintParams,
        body: SprintUpdateBodySchema,
        response: { 200: SprintSchema },
      },
    },
    async (request, reply) => {
      const scope = await access.sprint(actorOf(request), request.params.sprintId, 'sprint.manage');
      const version = expectedVersion(request);
      const updated = await fieldsOfBody(() => sprints.update(scope, request.params.sprintId, request.body, version));
      setEtag(reply, updated.version);
      return view(scope, updated.id);
    },
  );

  app.post(
    '/sprints/:sprintId/start',
    {
      schema: {
        operationId: 'startSprint',
        tags: ['sprints'],
        summary: 'Start the sprint (one runs at a time per product); the points committed now are its commitment',
        params: SprintParams,
        response: { 200: SprintSchema },
      },
    },
    async (request, reply) => {
      const scope = await access.sprint(actorOf(request), request.params.sprintId, 'sprint.manage');
      const started = await sprints.start(scope, request.params.sprintId, expectedVersion(request));
      setEtag(reply, started.version);
      return view(scope, started.id);
    },
  );

  app.post(
    '/sprints/:sprintId/complete',
    {
      schema: {
        operationId: 'completeSprint',
        tags: ['sprints'],
        summary: 'Complete the sprint; unfinished items carry over to the next planned sprint or the backlog',
        params: SprintParams,
        body: SprintCompleteBodySchema.nullish(),
        response: { 200: z.object({ sprint: SprintSchema, carriedOver: z.number().int(), carriedTo: IdSchema.nullable() }) },
      },
    },
    async (request, reply) => {
      const scope = await access.sprint(actorOf(request), request.params.sprintId, 'sprint.manage');
      const result = await sprints.complete(scope, request.params.sprintId, request.body?.carryTo ?? 'next', expectedVersion(request));
      setEtag(reply, result.sprint.version);
      return { sprint: await view(scope, result.sprint.id), carriedOver: result.carriedOver, carriedTo: result.carriedTo };
    },
  );

  app.get(
    '/sprints/:sprintId/items',
    {
      schema: {
        operationId: 'listSprintItems',
        tags: ['sprints'],
        summary: "A page of the sprint's items in rank order",
        params: SprintParams,
        querystring: PageQuerySchema,
        response: { 200: pageOf(ItemSchema) },
      },
    },
    async (request) => {
      const scope = await access.sprint(actorOf(request), request.params.sprintId, 'item.read');
      return toPageOf(await sprints.items(scope, request.params.sprintId, request.query), toItem);
    },
  );

  app.post(
    '/sprints/:sprintId/items',
    {
      schema: {
        operationId: 'commitSprintItem',
        tags: ['sprints'],
        summary: 'Commit an item to the sprint (taking it out of any other open sprint); after the start, PO or owner only',
        params: SprintParams,
        body: SprintCommitBodySchema,
        response: { 200: ItemSchema },
      },
    },
    async (request) => {
      const scope = await access.sprint(actorOf(request), request.params.sprintId, 'sprint.plan');
      const { item } = await access.item(actorOf(request), request.body.itemId, 'sprint.plan');
      return toItem(await fieldsOfBody(() => sprints.commit(scope, request.params.sprintId, item)));
    },
  );

  app.delete(
    '/sprints/:sprintId/items/:itemIdOrKey',
    {
      schema: {
        operationId: 'removeSprintItem',
        tags: ['sprints'],
        summary: 'Take an item out of the sprint, back to the backlog; after the start, PO or owner only',
        params: z.strictObject({ sprintId: IdSchema, itemIdOrKey: ItemRefSchema }),
        response: { 200: ItemSchema },
      },
    },
    async (request) => {
      const scope = await access.sprint(actorOf(request), request.params.sprintId, 'sprint.plan');
      const { item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'sprint.plan');
      return toItem(await sprints.remove(scope, request.params.sprintId, item));
    },
  );

  app.get(
    '/sprints/:sprintId/burndown',
    {
      schema: {
        operationId: 'getBurndown',
        tags: ['sprints'],
        summary: 'Points remaining at the end of each day, the ideal line, and the scope changed after the start',
        params: SprintParams,
        response: { 200: BurndownSchema },
      },
    },
    async (request) => {
      const scope = await access.sprint(actorOf(request), request.params.sprintId, 'item.read');
      return sprints.burndown(scope, request.params.sprintId);
    },
  );
};
