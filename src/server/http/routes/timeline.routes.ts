import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema } from '../../../contracts/common.schema';
import { ItemRefSchema } from '../../../contracts/item.schema';
import {
  ItemScheduleBodySchema,
  ItemScheduleSchema,
  MilestoneCreateBodySchema,
  MilestoneSchema,
  MilestoneUpdateBodySchema,
  RoadmapSchema,
  type ItemSchedule,
  type Milestone,
  type Roadmap,
} from '../../../contracts/timeline.schema';
import type { MilestoneRecord } from '../../../services/roadmap.ports';
import type { ItemScheduleView, RoadmapService } from '../../../services/roadmap.service';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toTracedItem } from '../wire';

const ProductParams = z.strictObject({ productId: IdSchema });
const MilestoneParams = z.strictObject({ milestoneId: IdSchema });
const ItemParams = z.strictObject({ itemIdOrKey: ItemRefSchema });

const toMilestone = (milestone: MilestoneRecord): Milestone => ({
  id: milestone.id,
  workspaceId: milestone.workspaceId,
  productId: milestone.productId,
  name: milestone.name,
  date: milestone.date,
  description: milestone.description,
  version: milestone.version,
  createdAt: milestone.createdAt,
  updatedAt: milestone.updatedAt,
});

const toSchedule = (productKey: string, schedule: ItemScheduleView): ItemSchedule => ({
  item: toTracedItem(productKey, schedule.item),
  startDate: schedule.startDate,
  targetDate: schedule.targetDate,
  horizon: schedule.horizon,
  version: schedule.version,
});

const toRoadmap = (productKey: string, roadmap: Awaited<ReturnType<RoadmapService['roadmap']>>): Roadmap => ({
  items: roadmap.items.map((item) => ({
    item: toTracedItem(productKey, item),
    startDate: item.startDate,
    targetDate: item.targetDate,
    horizon: item.horizon,
    version: item.scheduleVersion,
    parentId: item.parentId,
    releaseId: item.releaseId,
    initiativeIds: item.initiativeIds,
  })),
  initiatives: roadmap.initiatives.map(({ id, title, status, startDate, targetDate, goalIds, version }) => ({ id, title, status, startDate, targetDate, goalIds, version })),
  releases: roadmap.releases.map(({ id, name, status, targetDate, atRisk, criticalPath }) => ({ id, name, status, targetDate, atRisk, criticalPath: criticalPath.ids, criticalPathDays: criticalPath.days })),
  milestones: roadmap.milestones.map(toMilestone),
  dependencies: roadmap.dependencies.map(({ blockerId, blockedId }) => ({ blockerId, blockedId })),
  conflicts: roadmap.conflicts,
});

/** The roadmap's timeline and Now / Next / Later board: plans of epics and features, and milestones. */
export const timelineRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, roadmap } = services;

  app.get(
    '/products/:productId/roadmap',
    {
      schema: {
        operationId: 'getRoadmap',
        tags: ['roadmap'],
        summary: "The product's epics and features with their plans, initiatives, releases with critical paths, milestones, and plans that contradict a dependency",
        params: ProductParams,
        response: { 200: RoadmapSchema },
      },
    },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return toRoadmap(product.key, await roadmap.roadmap(scope, product));
    },
  );

  app.get(
    '/items/:itemIdOrKey/schedule',
    { schema: { operationId: 'getItemSchedule', tags: ['roadmap'], summary: 'When an epic or feature is planned', params: ItemParams, response: { 200: ItemScheduleSchema } } },
    async (request, reply) => {
      const { item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'item.read');
      const schedule = await fieldsOfBody(() => roadmap.getSchedule(item));
      setEtag(reply, schedule.version);
      return toSchedule(item.productKey, schedule);
    },
  );

  app.patch(
    '/items/:itemIdOrKey/schedule',
    {
      schema: {
        operationId: 'scheduleItem',
        tags: ['roadmap'],
        summary: 'Plan an epic or feature: its start and target dates on the timeline, its column on the Now / Next / Later board',
        description: 'Send If-Match with the version read (0 before the item was first planned) to refuse a plan someone else changed meanwhile.',
        params: ItemParams,
        body: ItemScheduleBodySchema,
        response: { 200: ItemScheduleSchema },
      },
    },
    async (request, reply) => {
      const { scope, item } = await access.item(actorOf(request), request.params.itemIdOrKey, 'roadmap.manage');
      const schedule = await fieldsOfBody(() => roadmap.schedule(scope, item, request.body, expectedVersion(request, { unwritten: true })));
      setEtag(reply, schedule.version);
      return toSchedule(item.productKey, schedule);
    },
  );

  app.get(
    '/products/:productId/milestones',
    { schema: { operationId: 'listMilestones', tags: ['roadmap'], summary: "The product's milestones by date", params: ProductParams, response: { 200: z.object({ items: z.array(MilestoneSchema) }) } } },
    async (request) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      return { items: (await roadmap.listMilestones(scope, product)).map(toMilestone) };
    },
  );

  app.post(
    '/products/:productId/milestones',
    { schema: { operationId: 'createMilestone', tags: ['roadmap'], summary: 'Put a dated milestone on the roadmap', params: ProductParams, body: MilestoneCreateBodySchema, response: { 201: MilestoneSchema } } },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'roadmap.manage');
      const milestone = await roadmap.createMilestone(scope, product, request.body);
      setEtag(reply, milestone.version);
      return reply.code(201).send(toMilestone(milestone));
    },
  );

  app.patch(
    '/milestones/:milestoneId',
    { schema: { operationId: 'updateMilestone', tags: ['roadmap'], params: MilestoneParams, body: MilestoneUpdateBodySchema, response: { 200: MilestoneSchema } } },
    async (request, reply) => {
      const { scope, milestone } = await access.milestone(actorOf(request), request.params.milestoneId, 'roadmap.manage');
      const updated = await roadmap.updateMilestone(scope, milestone, request.body, expectedVersion(request));
      setEtag(reply, updated.version);
      return toMilestone(updated);
    },
  );

  app.delete(
    '/milestones/:milestoneId',
    { schema: { operationId: 'deleteMilestone', tags: ['roadmap'], params: MilestoneParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const { scope, milestone } = await access.milestone(actorOf(request), request.params.milestoneId, 'roadmap.manage');
      await roadmap.deleteMilestone(scope, milestone, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
};
