import { z } from 'zod';
import { IdSchema, InstantSchema, patchBodyOf } from './common.schema';
import { ItemSortSchema } from './item.schema';

export const SavedViewSchema = z
  .object({
    id: IdSchema,
    productId: IdSchema,
    ownerId: IdSchema,
    name: z.string(),
    query: z.string().meta({ description: 'A filter in the backlog query language' }),
    sort: ItemSortSchema,
    shared: z.boolean().meta({ description: 'Shared with everyone in the product, or the owner’s own' }),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof SavedViewSchema>;

const ViewFieldsSchema = z.strictObject({
  name: z.string().trim().min(1, 'a view needs a name').max(80),
  query: z.string().max(500),
  sort: ItemSortSchema,
  shared: z.boolean(),
});

export const SavedViewCreateBodySchema = ViewFieldsSchema.partial({ sort: true, shared: true });
export type SavedViewCreate = z.infer<typeof SavedViewCreateBodySchema>;
export const SavedViewUpdateBodySchema = patchBodyOf(ViewFieldsSchema);
export type SavedViewUpdate = z.infer<typeof SavedViewUpdateBodySchema>;
