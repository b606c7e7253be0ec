import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.schema';

export const ITEM_TYPES = ['epic', 'feature', 'story', 'task', 'bug'] as const;
export const ItemTypeSchema = z.enum(ITEM_TYPES);
export type ItemType = z.infer<typeof ItemTypeSchema>;

export const ITEM_STATUSES = ['backlog', 'todo', 'in_progress', 'done', 'canceled'] as const;
export const ItemStatusSchema = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

export const ItemSchema = z
  .object({
    id: IdSchema,
    key: z.string().meta({ description: 'Human key, e.g. `DEMO-12`' }),
    workspaceId: IdSchema,
    productId: IdSchema,
    number: z.number().int(),
    type: ItemTypeSchema,
    title: z.string(),
    description: z.string(),
    status: ItemStatusSchema,
    rank: z.string(),
    version: z.number().int(),
    createdBy: IdSchema.nullable(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    deletedAt: InstantSchema.nullable().meta({ description: 'When the item was moved to the trash; null when it is not there' }),
    deletedBy: IdSchema.nullable().meta({ description: 'Who moved it to the trash' }),
  })
  .meta({ id: 'Item' });
export type Item = z.infer<typeof ItemSchema>;

const TitleSchema = z.string().trim().min(1, 'a title is required').max(300);
const DescriptionSchema = z.string().max(100_000);

export const ItemCreateBodySchema = z.strictObject({
  type: ItemTypeSchema,
  title: TitleSchema,
  description: DescriptionSchema.default(''),
  status: ItemStatusSchema.default('backlog'),
});
export type ItemCreate = z.infer<typeof ItemCreateBodySchema>;

export const ItemUpdateBodySchema = z
  .strictObject({
    type: ItemTypeSchema,
    title: TitleSchema,
    description: DescriptionSchema,
    status: ItemStatusSchema,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type ItemUpdate = z.infer<typeof ItemUpdateBodySchema>;

export const ItemMoveBodySchema = z
  .union([
    z.strictObject({ beforeId: z.string().min(1).max(64).meta({ description: 'Place the item just before this one' }) }),
    z.strictObject({ afterId: z.string().min(1).max(64).meta({ description: 'Place the item just after this one' }) }),
    z.strictObject({ position: z.enum(['top', 'bottom']) }),
  ])
  .meta({ description: 'Exactly one of beforeId, afterId or position' });
export type ItemMove = z.infer<typeof ItemMoveBodySchema>;

export const ItemRefSchema = z
  .string()
  .min(1)
  .max(64)
  .meta({ description: 'An item id, or its human key such as `DEMO-12`' });
