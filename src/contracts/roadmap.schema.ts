import { z } from 'zod';
import { PlanDateSchema } from './common.schema';
import { ItemRefSchema } from './item.schema';
import { TracedItemSchema } from './strategy.schema';

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
