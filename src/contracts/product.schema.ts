import { z } from 'zod';
import { IdSchema, InstantSchema, patchBodyOf } from './common.schema';
import { ScoringCriterionSchema } from './prioritization.schema';
import { CustomFieldSchema, WorkflowStatusSchema } from './workflow.schema';

export const PRODUCT_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;

export const ProductSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    key: z.string(),
    name: z.string(),
    description: z.string(),
    vision: z.string().meta({ description: 'Markdown: where the product is going' }),
    strategy: z.string().meta({ description: 'Markdown: how it means to get there' }),
    workflow: z.array(WorkflowStatusSchema).meta({ description: 'The statuses items move through, in board order' }),
    customFields: z.array(CustomFieldSchema),
    scoringCriteria: z.array(ScoringCriterionSchema).meta({ description: 'The criteria and weights of the custom weighted score' }),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof ProductSchema>;

export const ProductCreateBodySchema = z.strictObject({
  key: z
    .string()
    .regex(PRODUCT_KEY_PATTERN, '2 to 10 capital letters or digits, starting with a letter (e.g. `APP`)'),
  name: z.string().trim().min(1).max(120),
  description: z.string().max(20_000).default(''),
});

export const ProductUpdateBodySchema = patchBodyOf(
  z.strictObject({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(20_000),
    vision: z.string().max(20_000),
    strategy: z.string().max(50_000),
  }),
);
