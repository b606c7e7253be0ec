import { z } from 'zod';
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
