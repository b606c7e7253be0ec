import { z } from 'zod';
import { IdSchema, InstantSchema, patchBodyOf, PlanDateSchema } from './common.schema';
import { INITIATIVE_STATUSES, ITEM_TYPES, KEY_RESULT_DIRECTIONS } from './vocabulary';

const measure = () => z.number().refine(Number.isFinite, 'must be a finite number');

export const KeyResultSchema = z
  .object({
    id: IdSchema,
    goalId: IdSchema,
    name: z.string().meta({ description: 'The metric, e.g. "Weekly active teams"' }),
    unit: z.string(),
    baseline: z.number(),
    target: z.number(),
    current: z.number().nullable(),
    direction: z.enum(KEY_RESULT_DIRECTIONS),
    confidence: z.number().nullable().meta({ description: 'How likely the target is met, as a fraction 0–1' }),
    progress: z.number().meta({ description: 'From baseline (0) to target (1), clamped' }),
    achieved: z.boolean(),
    regressed: z.boolean().meta({ description: 'The current value moved the wrong way from the baseline' }),
    explanation: z.string(),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'KeyResult' });
export type KeyResult = z.infer<typeof KeyResultSchema>;

const KeyResultFields = {
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().max(40),
  baseline: measure(),
  target: measure(),
  current: measure().nullable(),
  direction: z.enum(KEY_RESULT_DIRECTIONS),
  confidence: z.number().min(0).max(1).nullable(),
};

export const KeyResultCreateBodySchema = z.strictObject({
  ...KeyResultFields,
  unit: KeyResultFields.unit.default(''),
  current: KeyResultFields.current.default(null),
  direction: KeyResultFields.direction.default('increase'),
  confidence: KeyResultFields.confidence.default(null),
});
export type KeyResultCreate = z.infer<typeof KeyResultCreateBodySchema>;

export const KeyResultUpdateBodySchema = patchBodyOf(z.strictObject(KeyResultFields));
export type KeyResultUpdate = z.infer<typeof KeyResultUpdateBodySchema>;

export const GoalSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    title: z.string(),
    description: z.string().meta({ description: 'Markdown' }),
    startDate: PlanDateSchema,
    endDate: PlanDateSchema,
    ownerId: IdSchema.nullable(),
    keyResults: z.array(KeyResultSchema),
    progress: z.number().meta({ description: 'The average progress of its key results, 0–1' }),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Goal' });
export type Goal = z.infer<typeof GoalSchema>;

const GoalFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000),
  startDate: PlanDateSchema,
  endDate: PlanDateSchema,
  ownerId: IdSchema.nullable(),
};

export const GoalCreateBodySchema = z.strictObject({
  ...GoalFields,
  description: GoalFields.description.default(''),
  ownerId: GoalFields.ownerId.default(null),
  keyResults: z.array(KeyResultCreateBodySchema).max(20).default([]),
});
export type GoalCreate = z.infer<typeof GoalCreateBodySchema>;

export const GoalUpdateBodySchema = patchBodyOf(z.strictObject(GoalFields));
export type GoalUpdate = z.infer<typeof GoalUpdateBodySchema>;

export const InitiativeSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    title: z.string(),
    description: z.string().meta({ description: 'Markdown' }),
    status: z.enum(INITIATIVE_STATUSES),
    startDate: PlanDateSchema.nullable(),
    targetDate: PlanDateSchema.nullable(),
    goalIds: z.array(IdSchema).meta({ description: 'The goals it serves' }),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Initiative' });
export type Initiative = z.infer<typeof InitiativeSchema>;

const InitiativeFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000),
  status: z.enum(INITIATIVE_STATUSES),
  startDate: PlanDateSchema.nullable(),
  targetDate: PlanDateSchema.nullable(),
  goalIds: z.array(IdSchema).max(50),
};

export const InitiativeCreateBodySchema = z.strictObject({
  ...InitiativeFields,
  description: InitiativeFields.description.default(''),
  status: InitiativeFields.status.default('proposed'),
  startDate: InitiativeFields.startDate.default(null),
  targetDate: InitiativeFields.targetDate.default(null),
  goalIds: InitiativeFields.goalIds.default([]),
});
export type InitiativeCreate = z.infer<typeof InitiativeCreateBodySchema>;

export const InitiativeUpdateBodySchema = patchBodyOf(z.strictObject(InitiativeFields));
export type InitiativeUpdate = z.infer<typeof InitiativeUpdateBodySchema>;

export const ItemAlignmentBodySchema = z.strictObject({
  initiativeIds: z.array(IdSchema).max(50).meta({ description: 'The initiatives the epic or feature serves; replaces the previous set' }),
});

export const RollupSchema = z
  .object({
    points: z.number().meta({ description: 'Estimated points of the stories, tasks and bugs below (canceled work left out)' }),
    donePoints: z.number(),
    items: z.number().int().meta({ description: 'Stories, tasks and bugs below' }),
    doneItems: z.number().int(),
    unestimated: z.number().int().meta({ description: 'Of those, how many have no estimate' }),
    progress: z.number().meta({ description: 'donePoints ÷ points, 0 when nothing is estimated' }),
  })
  .meta({ id: 'Rollup' });

export const TracedItemSchema = z.object({
  id: IdSchema,
  key: z.string(),
  title: z.string(),
  type: z.enum(ITEM_TYPES),
  status: z.string(),
}).meta({ id: 'TracedItem', description: 'An item named by its key, title, type and status' });
export type TracedItem = z.infer<typeof TracedItemSchema>;

export const TraceabilitySchema = z
  .object({
    goals: z.array(
      z.object({
        goal: GoalSchema,
        rollup: RollupSchema,
        initiatives: z.array(
          z.object({
            initiative: InitiativeSchema,
            rollup: RollupSchema,
            items: z.array(TracedItemSchema.extend({ rollup: RollupSchema })).meta({ description: 'The epics and features aligned to it' }),
          }),
        ),
      }),
    ),
    orphans: z
      .object({
        goalsWithoutWork: z.array(IdSchema).meta({ description: 'Goals no initiative with aligned work serves' }),
        initiativesWithoutGoal: z.array(IdSchema),
        unalignedItems: z.array(TracedItemSchema).meta({ description: 'Epics and features (outside the trash, not done or canceled) serving no goal, first 100' }),
        unalignedCount: z.number().int(),
      })
      .meta({ description: 'What the chain misses: work serving no goal, goals no work serves' }),
  })
  .meta({ id: 'Traceability' });
export type Traceability = z.infer<typeof TraceabilitySchema>;

export const ItemTraceSchema = z
  .object({
    path: z.array(TracedItemSchema).meta({ description: 'The item and its ancestors, the item first' }),
    initiatives: z.array(InitiativeSchema),
    goals: z.array(GoalSchema),
  })
  .meta({ id: 'ItemTrace', description: 'Which initiatives and goals an item serves, through its aligned ancestors' });
export type ItemTrace = z.infer<typeof ItemTraceSchema>;
