import { z } from 'zod';
import { IdSchema, InstantSchema, patchBodyOf, PlanDateSchema } from './common.schema';

export const SPRINT_STATES = ['planned', 'active', 'completed'] as const;
export const SprintStateSchema = z.enum(SPRINT_STATES);

const AvailabilitySchema = z
  .array(
    z.strictObject({
      userId: IdSchema.meta({ description: 'A member of the workspace' }),
      days: z.number().min(0).max(365).meta({ description: 'Days this member can give the sprint' }),
    }),
  )
  .max(200);

export const SprintSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    name: z.string(),
    goal: z.string(),
    state: SprintStateSchema,
    startDate: PlanDateSchema,
    endDate: PlanDateSchema,
    availability: AvailabilitySchema,
    capacity: z.object({ points: z.number(), explanation: z.string() }).meta({ description: 'Points the team can take on, from its availability and recent velocity' }),
    committedPoints: z.number().meta({ description: 'Points of the items in the sprint now' }),
    committedAtStart: z.number().nullable().meta({ description: 'Points committed when the sprint started' }),
    completedPoints: z.number().meta({ description: 'Points of the items done' }),
    itemCount: z.number().int(),
    startedAt: InstantSchema.nullable(),
    completedAt: InstantSchema.nullable(),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Sprint' });
export type Sprint = z.infer<typeof SprintSchema>;

const SprintFieldsSchema = z.strictObject({
  name: z.string().trim().min(1, 'a sprint needs a name').max(120),
  goal: z.string().trim().max(2000),
  startDate: PlanDateSchema,
  endDate: PlanDateSchema,
  availability: AvailabilitySchema,
});

export const SprintCreateBodySchema = SprintFieldsSchema.partial({ goal: true, availability: true });
export type SprintCreate = z.infer<typeof SprintCreateBodySchema>;

export const SprintUpdateBodySchema = patchBodyOf(SprintFieldsSchema);
export type SprintUpdate = z.infer<typeof SprintUpdateBodySchema>;

export const SprintCompleteBodySchema = z.strictObject({
  carryTo: z
    .enum(['next', 'backlog'])
    .default('next')
    .meta({ description: 'Where unfinished items go: the next planned sprint (or the backlog when there is none), or the backlog' }),
});

export const SprintCommitBodySchema = z.strictObject({ itemId: z.string().min(1).max(64).meta({ description: 'An item id or key' }) });

export const ScopeChangeSchema = z.object({
  itemId: IdSchema,
  key: z.string().meta({ description: 'The item’s human key, e.g. `DEMO-12`' }),
  title: z.string(),
  change: z.enum(['added', 'removed']),
  points: z.number(),
  at: InstantSchema,
  by: IdSchema.nullable(),
});

export const BurndownSchema = z
  .object({
    sprintId: IdSchema,
    committedAtStart: z.number().nullable(),
    days: z.array(
      z.object({
        date: PlanDateSchema,
        remaining: z.number().nullable().meta({ description: 'Null for days still ahead' }),
        ideal: z.number(),
      }),
    ),
    scopeChanges: z.array(ScopeChangeSchema).meta({ description: 'Items added or removed after the sprint started' }),
  })
  .meta({ id: 'Burndown' });

export const VelocitySchema = z
  .object({
    sprints: z.array(z.object({ id: IdSchema, name: z.string(), endDate: PlanDateSchema, committed: z.number(), completed: z.number() })),
    average: z.number().nullable().meta({ description: 'Average completed points over the last three finished sprints' }),
  })
  .meta({ id: 'Velocity' });
