import { z } from 'zod';
import { STATUS_CATEGORIES, STATUS_KEY_PATTERN, CUSTOM_FIELD_KINDS } from './vocabulary';

export { STATUS_CATEGORIES, STATUS_KEY_PATTERN, CUSTOM_FIELD_KINDS };

export const StatusCategorySchema = z.enum(STATUS_CATEGORIES);
export type StatusCategory = z.infer<typeof StatusCategorySchema>;

export const StatusKeySchema = z
  .string()
  .regex(STATUS_KEY_PATTERN, 'a status key is 1 to 40 lower-case letters, digits or _, starting with a letter (e.g. `in_review`)')
  .meta({ description: "A status key of the product's workflow, e.g. `in_review`" });

export const WorkflowStatusSchema = z
  .object({
    key: StatusKeySchema,
    name: z.string(),
    category: StatusCategorySchema,
    wipLimit: z.number().int().nullable().meta({ description: 'Most items allowed in this status at once; null for no limit' }),
  })
  .meta({ id: 'WorkflowStatus' });
export type WorkflowStatus = z.infer<typeof WorkflowStatusSchema>;

export const WorkflowStatusInputSchema = z.strictObject({
  key: StatusKeySchema.optional().meta({ description: 'Keep an existing status by naming its key; leave out to add one (the key is made from the name)' }),
  name: z.string().trim().min(1, 'a status needs a name').max(40),
  category: StatusCategorySchema,
  wipLimit: z.number().int().min(1).max(999).nullable().default(null),
});

export const WorkflowReplaceBodySchema = z.strictObject({
  statuses: z
    .array(WorkflowStatusInputSchema)
    .min(1)
    .max(20)
    .meta({ description: 'The whole workflow in board order; a status left out is removed (refused while items use it)' }),
});
export type WorkflowReplace = z.infer<typeof WorkflowReplaceBodySchema>;

export const CustomFieldKindSchema = z.enum(CUSTOM_FIELD_KINDS);
export type CustomFieldKind = z.infer<typeof CustomFieldKindSchema>;

export const CustomFieldSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: CustomFieldKindSchema,
    options: z.array(z.string()).meta({ description: 'The choices of a select field; empty for other kinds' }),
  })
  .meta({ id: 'CustomField' });
export type CustomField = z.infer<typeof CustomFieldSchema>;

export const CustomFieldInputSchema = z.strictObject({
  id: z.string().min(1).max(64).optional().meta({ description: 'Keep an existing field by naming its id; leave out to add one' }),
  name: z.string().trim().min(1, 'a field needs a name').max(60),
  kind: CustomFieldKindSchema,
  options: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
});

export const CustomFieldsReplaceBodySchema = z.strictObject({
  fields: z.array(CustomFieldInputSchema).max(30).meta({ description: "The product's custom fields in display order; a field left out is removed" }),
});
export type CustomFieldsReplace = z.infer<typeof CustomFieldsReplaceBodySchema>;

/** A custom field's value on an item: text or a `YYYY-MM-DD` date or one option, a number, or several options. */
export const CustomFieldValueSchema = z.union([z.string().max(2000), z.number(), z.array(z.string().max(60)).max(50)]);
export type CustomFieldValue = z.infer<typeof CustomFieldValueSchema>;
