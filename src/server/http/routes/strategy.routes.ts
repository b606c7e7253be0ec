import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema } from '../../../contracts/common.schema';
import { ItemRefSchema } from '../../../contracts/item.schema';
import {
  GoalCreateBodySchema,
  GoalSchema,
  GoalUpdateBodySchema,
  InitiativeCreateBodySchema,
  InitiativeSchema,
  InitiativeUpdateBodySchema,
  ItemAlignmentBodySchema,
  ItemTraceSchema,
  KeyResultCreateBodySchema,
  KeyResultSchema,
  KeyResultUpdateBodySchema,
  TraceabilitySchema,
} from '../../../contracts/strategy.schema';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toGoal, toInitiative, toKeyResult, toTraceability, toTracedItem } from '../wire';

const ProductParams = z.strictObject({ productId: IdSchema });
const GoalParams = z.strictObject({ goalId: IdSchema });
const KeyResultParams = z.strictObject({ keyResultId: IdSchema });
const InitiativeParams = z.strictObject({ initiativeId: IdSchema });
const ItemParams = z.strictObject({ itemIdOrKey: ItemRefSchema });
const noContent = { 204: z.null() };

/** The PM's strategy: goals and key results, initiatives, alignment of epics and features, and traceability. */
export const strategyRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, strategy } = services;

  app.get(
    '/products/:productId/goals',
    {
      schema: {
        operationId: 'listGoals',
        tags: ['strategy'],
        summary: "The product's goals by start date, each with its key results and progress",
        params: ProductParams,
        response: { 200: z.object({ items: z.array(GoalSchema) }) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return { items: (await strategy.listGoals(scope, product)).map(toGoal) };
    },
  );

  app.post(
    '/products/:productId/goals',
    {
      schema: {
        operationId: 'createGoal',
        tags: ['strategy'],
        summary: 'Set a time-boxed goal, optionally with its key results',
        params: ProductParams,
        body: GoalCreateBodySchema,
        response: { 201: GoalSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'strategy.update');
      const goal = await fieldsOfBody(() => strategy.createGoal(scope, product, request.body));
      setEtag(reply, goal.version);
      return reply.code(201).header('location', `/api/v1/goals/${goal.id}`).send(toGoal(goal));
    },
  );

  app.get(
    '/goals/:goalId',
    { schema: { operationId: 'getGoal', tags: ['strategy'], params: GoalParams, response: { 200: GoalSchema } } },
    async (request, reply) => {
      const { goal } = await access.goal(actorOf(request), request.params.goalId, 'item.read');
      setEtag(reply, goal.version);
      return toGoal(await strategy.getGoal(goal));
    },
  );

  app.patch(
    '/goals/:goalId',
    {
      schema: { operationId: 'updateGoal', tags: ['strategy'], summary: 'Change a goal', params: GoalParams, body: GoalUpdateBodySchema, response: { 200: GoalSchema } },
    },
    async (request, reply) => {
      const { scope, goal } = await access.goal(actorOf(request), request.params.goalId, 'strategy.update');
      const updated = await fieldsOfBody(() => strategy.updateGoal(scope, goal, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toGoal(updated);
    },
  );

  app.delete(
    '/goals/:goalId',
    { schema: { operationId: 'deleteGoal', tags: ['strategy'], summary: 'Remove a goal with its key results', params: GoalParams, response: noContent } },
    async (request, reply) => {
      const { scope, goal } = await access.goal(actorOf(request), request.params.goalId, 'strategy.update');
      await strategy.deleteGoal(scope, goal, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/goals/:goalId/key-results',
    {
      schema: {
        operationId: 'createKeyResult',
        tags: ['strategy'],
        summary: 'Add a key result to a goal',
        params: GoalParams,
        body: KeyResultCreateBodySchema,
        response: { 201: KeyResultSchema },
      },
    },
    async (request, reply) => {
      const { scope, goal } = await access.goal(actorOf(request), request.params.goalId, 'strategy.update');
      const keyResult = await fieldsOfBody(() => strategy.addKeyResult(scope, goal, request.body));
      setEtag(reply, keyResult.version);
      return reply.code(201).send(toKeyResult(keyResult));
    },
  );

  app.patch(
    '/key-results/:keyResultId',
    {
      schema: {
        operationId: 'updateKeyResult',
        tags: ['strategy'],
        summary: 'Change a key result: record its current value, confidence, or its numbers',
        params: KeyResultParams,
        body: KeyResultUpdateBodySchema,
        response: { 200: KeyResultSchema },
      },
    },
    async (request, reply) => {
      const { scope, keyResult } = await access.keyResult(actorOf(request), request.params.keyResultId, 'strategy.update');
      const updated = await fieldsOfBody(() => strategy.updateKeyResult(scope, keyResult, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toKeyResult(updated);
    },
  );

  app.delete(
    '/key-results/:keyResultId',
    { schema: { operationId: 'deleteKeyResult', tags: ['strategy'], summary: 'Remove a key result', params: KeyResultParams, response: noContent } },
    async (request, reply) => {
      const { scope, keyResult } = await access.keyResult(actorOf(request), request.params.keyResultId, 'strategy.update');
      await strategy.deleteKeyResult(scope, keyResult, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/products/:productId/initiatives',
    {
      schema: {
        operationId: 'listInitiatives',
        tags: ['strategy'],
        summary: "The product's initiatives, each with the goals it serves",
        params: ProductParams,
        response: { 200: z.object({ items: z.array(InitiativeSchema) }) },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return { items: (await strategy.listInitiatives(scope, product)).map(toInitiative) };
    },
  );

  app.post(
    '/products/:productId/initiatives',
    {
      schema: {
        operationId: 'createInitiative',
        tags: ['strategy'],
        summary: 'Start an initiative (a bet or theme) serving one or more goals',
        params: ProductParams,
        body: InitiativeCreateBodySchema,
        response: { 201: InitiativeSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'strategy.update');
      const initiative = await fieldsOfBody(() => strategy.createInitiative(scope, product, request.body));
      setEtag(reply, initiative.version);
      return reply.code(201).header('location', `/api/v1/initiatives/${initiative.id}`).send(toInitiative(initiative));
    },
  );

  app.get(
    '/initiatives/:initiativeId',
    { schema: { operationId: 'getInitiative', tags: ['strategy'], params: InitiativeParams, response: { 200: InitiativeSchema } } },
    async (request, reply) => {
      const { initiative } = await access.initiative(actorOf(request), request.params.initiativeId, 'item.read');
      setEtag(reply, initiative.version);
      return toInitiative(initiative);
    },
  );

  app.patch(
    '/initiatives/:initiativeId',
    {
      schema: {
        operationId: 'updateInitiative',
        tags: ['strategy'],
        summary: 'Change an initiative; `goalIds` replaces the goals it serves',
        params: InitiativeParams,
        body: InitiativeUpdateBodySchema,
        response: { 200: InitiativeSchema },
      },
    },
    async (request, reply) => {
      const { scope, initiative } = await access.initiative(actorOf(request), request.params.initiativeId, 'strategy.update');
      const updated = await fieldsOfBody(() => strategy.updateInitiative(scope, initiative, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toInitiative(updated);
    },
  );

  app.delete(
    '/initiatives/:initiativeId',
    {
      schema: {
        operationId: 'deleteInitiative',
        tags: ['strategy'],
        summary: 'Remove an initiative (the epics and features aligned to it stay, unaligned)',
        params: InitiativeParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      const { scope, initiative } = await access.initiative(actorOf(request), request.params.initiativeId, 'strategy.update');
      await strategy.deleteInitiative(scope, initiative, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/items/:itemIdOrKey/initiatives',
    {
      schema: {
        operationId: 'getItemAlignment',
        tags: ['strategy'],
        summary: 'The initiatives an epic or feature is aligned to',
        params: ItemParams,
        response: { 200: ItemAlignmentBodySchema },
      },
    },
    async (request) => {
      const { item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.read');
      return { initiativeIds: await strategy.itemInitiatives(item) };
    },
  );

  app.put(
    '/items/:itemIdOrKey/initiatives',
    {
      schema: {
        operationId: 'alignItem',
        tags: ['strategy'],
        summary: 'Align an epic or feature to initiatives (replaces the set; an empty list unaligns it)',
        params: ItemParams,
        body: ItemAlignmentBodySchema,
        response: { 200: ItemAlignmentBodySchema },
      },
    },
    async (request) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.align');
      return { initiativeIds: await fieldsOfBody(() => strategy.alignItem(scope, item, request.body.initiativeIds)) };
    },
  );

  app.get(
    '/items/:itemIdOrKey/trace',
    {
      schema: {
        operationId: 'traceItem',
        tags: ['strategy'],
        summary: 'Which initiatives and goals an item serves, through itself or the epic or feature above it',
        params: ItemParams,
        response: { 200: ItemTraceSchema },
      },
    },
    async (request) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.read');
      const trace = await strategy.trace(scope, item);
      return { path: trace.path.map((step) => toTracedItem(item.productKey, step)), initiatives: trace.initiatives.map(toInitiative), goals: trace.goals.map(toGoal) };
    },
  );

  app.get(
    '/products/:productId/traceability',
    {
      schema: {
        operationId: 'getTraceability',
        tags: ['strategy'],
        summary: 'The tree goal → initiative → epic or feature with delivery progress by points at each level, and what serves no goal',
        params: ProductParams,
        response: { 200: TraceabilitySchema },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return toTraceability(product.key, await strategy.traceability(scope, product));
    },
  );
};
