import { z } from 'zod';
import { IdSchema, InstantSchema, patchBodyOf, PlanDateSchema } from './common.schema';
import { RELEASE_CHANGE_KINDS, RELEASE_STATUSES } from './vocabulary';
import { ItemRefSchema } from './item.schema';
import { RollupSchema, TracedItemSchema } from './strategy.schema';
import { LaunchReadinessSchema } from './launch.schema';

export const DependencyCreateBodySchema = z.strictObject({
  blocksId: ItemRefSchema.meta({ description: 'The item this one blocks (id or key), in the same product' }),
});

export const ItemDependenciesSchema = z
  .object({
    blocks: z.array(TracedItemSchema).meta({ description: 'Items that cannot finish before this one' }),
    blockedBy: z.array(TracedItemSchema).meta({ description: 'Items this one waits for' }),
  })
  .meta({ id: 'ItemDependencies' });

export const ThroughputQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(7).max(365).default(30).meta({ description: 'How many whole days before today to read; 30 unless told' }),
});

export const ThroughputSchema = z
  .object({
    start: PlanDateSchema,
    end: PlanDateSchema.meta({ description: 'Yesterday: today is not over yet' }),
    daily: z.array(z.number().int()).meta({ description: 'Items finished on each day from start to end, zero days included' }),
  })
  .meta({ id: 'Throughput', description: "A product's completed-item history, ready for POST /forecast/when and /forecast/how-many" });

export const ReleaseSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    name: z.string(),
    description: z.string().meta({ description: 'Markdown' }),
    targetDate: PlanDateSchema.nullable(),
    status: z.enum(RELEASE_STATUSES),
    releasedAt: InstantSchema.nullable(),
    atRisk: z.boolean().meta({ description: 'Whether the last forecast put the 85 % date past the target' }),
    progress: RollupSchema,
    readiness: LaunchReadinessSchema,
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Release' });
export type Release = z.infer<typeof ReleaseSchema>;

const ReleaseFields = {
  name: z.string().trim().min(1).max(120),
  description: z.string().max(20_000),
  targetDate: PlanDateSchema.nullable(),
  status: z.enum(RELEASE_STATUSES),
};

export const ReleaseCreateBodySchema = z.strictObject({
  ...ReleaseFields,
  description: ReleaseFields.description.default(''),
  targetDate: ReleaseFields.targetDate.default(null),
  status: ReleaseFields.status.default('planned'),
});
export type ReleaseCreate = z.infer<typeof ReleaseCreateBodySchema>;

export const ReleaseUpdateBodySchema = patchBodyOf(z.strictObject(ReleaseFields));
export type ReleaseUpdate = z.infer<typeof ReleaseUpdateBodySchema>;

export const ReleaseScopeBodySchema = z.strictObject({ itemId: ItemRefSchema.meta({ description: 'The item (id or key) to put in the release' }) });

export const ReleaseForecastSchema = z
  .object({
    remaining: z.number().int(),
    history: ThroughputSchema,
    p50: PlanDateSchema.nullable(),
    p85: PlanDateSchema.nullable(),
    p95: PlanDateSchema.nullable(),
    distribution: z
      .array(z.object({ date: PlanDateSchema, trials: z.number().int() }))
      .meta({ description: 'How many of the 10,000 trials finished on each date, in date order; empty without a forecast' }),
    atRisk: z.boolean(),
    explanation: z.string(),
  })
  .meta({ id: 'ReleaseForecast', description: "When the release's remaining work is done, from the product's last 30 days of throughput" });

export const ReleaseChangeSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(RELEASE_CHANGE_KINDS),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    actorId: IdSchema.nullable(),
    createdAt: InstantSchema,
  })
  .meta({ id: 'ReleaseChange' });

export const ReleaseChangesSchema = z.object({
  items: z.array(ReleaseChangeSchema).meta({ description: 'Newest first' }),
  summary: z.string().meta({ description: 'The changes in one plain sentence, e.g. "3 items added, 1 removed; target moved 12 days later"' }),
});
