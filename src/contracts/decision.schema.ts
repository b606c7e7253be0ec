import { z } from 'zod';
import { IdSchema, InstantSchema, patchBodyOf } from './common.schema';
import { DECISION_STATUSES } from './vocabulary';

export { DECISION_STATUSES };

export const DecisionStatusSchema = z.enum(DECISION_STATUSES);
export type DecisionStatus = z.infer<typeof DecisionStatusSchema>;

const OptionSchema = z.object({ title: z.string(), notes: z.string() });

export const DecisionSchema = z
  .object({
    id: IdSchema,
    productId: IdSchema,
    title: z.string(),
    context: z.string().meta({ description: 'Markdown: the situation and the question' }),
    options: z.array(OptionSchema).meta({ description: 'The options considered' }),
    outcome: z.string().meta({ description: 'What was decided' }),
    rationale: z.string().meta({ description: 'Why' }),
    status: DecisionStatusSchema,
    decidedBy: IdSchema.nullable(),
    decidedAt: InstantSchema.nullable(),
    supersededBy: IdSchema.nullable().meta({ description: 'The decision that replaced this one' }),
    itemIds: z.array(IdSchema).meta({ description: 'The items it concerns' }),
    createdBy: IdSchema.nullable(),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Decision' });
export type Decision = z.infer<typeof DecisionSchema>;

const DecisionFieldsSchema = z.strictObject({
  title: z.string().trim().min(1, 'a decision needs a title').max(200),
  context: z.string().max(20_000),
  options: z.array(z.strictObject({ title: z.string().trim().min(1).max(200), notes: z.string().max(2000).default('') })).max(20),
  outcome: z.string().max(5000),
  rationale: z.string().max(10_000),
  status: DecisionStatusSchema,
  supersededBy: IdSchema.nullable(),
  itemIds: z
    .array(z.string().min(1).max(64))
    .max(100)
    .meta({ description: 'Item ids or keys; the whole list' }),
});

export const DecisionCreateBodySchema = DecisionFieldsSchema.partial().required({ title: true });
export type DecisionCreate = z.infer<typeof DecisionCreateBodySchema>;
export const DecisionUpdateBodySchema = patchBodyOf(DecisionFieldsSchema);
export type DecisionUpdate = z.infer<typeof DecisionUpdateBodySchema>;

export const DecisionListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
  q: z.string().max(200).optional().meta({ description: 'Words to find in the title, context, outcome or rationale' }),
  status: DecisionStatusSchema.optional(),
});
