import { z } from 'zod';
import { IdSchema, InstantSchema, patchBodyOf, PlanDateSchema } from './common.schema';
import { TracedItemSchema } from './strategy.schema';
import { INITIATIVE_STATUSES, RELEASE_STATUSES, ROADMAP_HORIZONS } from './vocabulary';

export const ItemScheduleSchema = z
  .object({
    item: TracedItemSchema,
    startDate: PlanDateSchema.nullable(),
    targetDate: PlanDateSchema.nullable(),
    horizon: z.enum(ROADMAP_HORIZONS).nullable().meta({ description: 'Its column on the Now / Next / Later board; null when not placed' }),
    version: z.number().int().meta({ description: '0 before the item was first planned; send it as If-Match' }),
  })
  .meta({ id: 'ItemSchedule', description: 'When an epic or feature is planned' });
export type ItemSchedule = z.infer<typeof ItemScheduleSchema>;

export const ItemScheduleBodySchema = patchBodyOf(
  z.strictObject({
    startDate: PlanDateSchema.nullable(),
    targetDate: PlanDateSchema.nullable(),
    horizon: z.enum(ROADMAP_HORIZONS).nullable(),
  }),
);
export type ItemScheduleBody = z.infer<typeof ItemScheduleBodySchema>;

export const MilestoneSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    name: z.string(),
    date: PlanDateSchema,
    description: z.string(),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Milestone', description: 'A dated event on the roadmap: a conference, a contract date, a beta opening' });
export type Milestone = z.infer<typeof MilestoneSchema>;

const MilestoneFields = { name: z.string().trim().min(1).max(200), date: PlanDateSchema, description: z.string().max(5_000) };
export const MilestoneCreateBodySchema = z.strictObject({ ...MilestoneFields, description: MilestoneFields.description.default('') });
export type MilestoneCreate = z.infer<typeof MilestoneCreateBodySchema>;
export const MilestoneUpdateBodySchema = patchBodyOf(z.strictObject(MilestoneFields));
export type MilestoneUpdate = z.infer<typeof MilestoneUpdateBodySchema>;

export const RoadmapSchema = z
  .object({
    items: z.array(
      ItemScheduleSchema.extend({
        parentId: IdSchema.nullable(),
        releaseId: IdSchema.nullable(),
        initiativeIds: z.array(IdSchema),
      }),
    ),
    initiatives: z.array(
      z.object({ id: IdSchema, title: z.string(), status: z.enum(INITIATIVE_STATUSES), startDate: PlanDateSchema.nullable(), targetDate: PlanDateSchema.nullable(), goalIds: z.array(IdSchema), version: z.number().int() }),
    ),
    releases: z.array(
      z.object({
        id: IdSchema,
        name: z.string(),
        status: z.enum(RELEASE_STATUSES),
        targetDate: PlanDateSchema.nullable(),
        atRisk: z.boolean(),
        criticalPath: z.array(IdSchema).meta({ description: 'The planned epics and features in its scope on the dependency chain spanning the most days, in order' }),
        criticalPathDays: z.number().int(),
      }),
    ),
    milestones: z.array(MilestoneSchema),
    dependencies: z.array(z.object({ blockerId: IdSchema, blockedId: IdSchema })).meta({ description: 'Between the epics and features listed' }),
    conflicts: z
      .array(z.object({ blockerId: IdSchema, blockedId: IdSchema, blockerDate: PlanDateSchema, blockedDate: PlanDateSchema }))
      .meta({ description: 'Items planned to start (or, undated at the start, due) on or before the day the item blocking them is due' }),
  })
  .meta({ id: 'Roadmap', description: "The product's epics and features with their plans, initiatives, releases with their critical paths, milestones and scheduling conflicts" });
export type Roadmap = z.infer<typeof RoadmapSchema>;
