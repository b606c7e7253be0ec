import { z } from 'zod';
import { IdSchema, InstantSchema, PageQuerySchema, patchBodyOf, PlanDateSchema } from './common.schema';
import { CustomFieldValueSchema, StatusKeySchema } from './workflow.schema';
import { ScoredFrameworkSchema } from './prioritization.schema';
import { ITEM_TYPES, LABEL_PATTERN, ITEM_SORTS } from './vocabulary';

export { ITEM_TYPES, LABEL_PATTERN, ITEM_SORTS };

export const ItemTypeSchema = z.enum(ITEM_TYPES);
export type ItemType = z.infer<typeof ItemTypeSchema>;

export const AcceptanceCriterionSchema = z
  .object({
    id: z.string(),
    given: z.string(),
    when: z.string(),
    then: z.string(),
    done: z.boolean().meta({ description: 'Checked off' }),
  })
  .meta({ id: 'AcceptanceCriterion' });
export type AcceptanceCriterion = z.infer<typeof AcceptanceCriterionSchema>;

export const READINESS_REASONS = ['no_acceptance_criteria', 'no_estimate', 'too_large', 'vague_title', 'incomplete_story', 'blocked'] as const;
export const ReadinessSchema = z
  .object({
    ready: z.boolean(),
    reasons: z.array(z.object({ code: z.enum(READINESS_REASONS), message: z.string() })),
  })
  .meta({ id: 'Readiness', description: 'Whether a story is ready for a sprint (INVEST-style), and why not' });
export type Readiness = z.infer<typeof ReadinessSchema>;

export const ItemSchema = z
  .object({
    id: IdSchema,
    key: z.string().meta({ description: 'Human key, e.g. `DEMO-12`' }),
    workspaceId: IdSchema,
    productId: IdSchema,
    number: z.number().int(),
    type: ItemTypeSchema,
    title: z.string(),
    description: z.string().meta({ description: 'Markdown' }),
    status: StatusKeySchema,
    parentId: IdSchema.nullable(),
    persona: z.string().meta({ description: 'As a …' }),
    want: z.string().meta({ description: 'I want …' }),
    benefit: z.string().meta({ description: 'so that …' }),
    acceptanceCriteria: z.array(AcceptanceCriterionSchema),
    estimate: z.number().nullable().meta({ description: 'Story points' }),
    labels: z.array(z.string()),
    assigneeId: IdSchema.nullable(),
    dueDate: PlanDateSchema.nullable(),
    blocked: z.boolean(),
    blockedReason: z.string(),
    customFields: z.record(z.string(), CustomFieldValueSchema).meta({ description: 'Values by custom field id' }),
    readiness: ReadinessSchema.nullable().meta({ description: 'Stories only; null for other types' }),
    sprintId: IdSchema.nullable().meta({ description: 'The sprint it is planned into or being worked in' }),
    scores: z.partialRecord(ScoredFrameworkSchema, z.number()).meta({ description: 'Stored scores by framework (rice, wsjf, …)' }),
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
const StoryPartSchema = z.string().trim().max(500);

export const AcceptanceCriterionInputSchema = z.strictObject({
  id: z.string().min(1).max(64).optional().meta({ description: 'Keep an existing criterion by naming its id; leave out to add one' }),
  given: z.string().trim().max(1000).default(''),
  when: z.string().trim().max(1000).default(''),
  then: z.string().trim().min(1, 'a criterion needs its "then"').max(1000),
  done: z.boolean().default(false),
});

const LabelSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(LABEL_PATTERN, 'a label is letters, digits, and . _ / - (no spaces), starting with a letter or digit')
  .transform((label) => label.toLowerCase());

/** The fields a person writes on an item; create and update share them. */
const ItemFieldsSchema = z.strictObject({
  type: ItemTypeSchema,
  title: TitleSchema,
  description: DescriptionSchema,
  status: StatusKeySchema,
  parentId: IdSchema.nullable().meta({ description: 'The epic, feature or story this item sits under' }),
  persona: StoryPartSchema,
  want: StoryPartSchema,
  benefit: StoryPartSchema,
  acceptanceCriteria: z.array(AcceptanceCriterionInputSchema).max(50).meta({ description: 'The whole ordered list; a criterion left out is removed' }),
  estimate: z.number().min(0).max(1000).nullable().meta({ description: 'Story points' }),
  labels: z
    .array(LabelSchema)
    .max(20)
    .transform((labels) => [...new Set(labels)]),
  assigneeId: IdSchema.nullable().meta({ description: 'A member of the workspace' }),
  dueDate: PlanDateSchema.nullable(),
  blocked: z.boolean(),
  blockedReason: z.string().trim().max(500),
  customFields: z
    .record(z.string().min(1).max(64), CustomFieldValueSchema.nullable())
    .meta({ description: 'Values by custom field id; null clears a value, fields not named keep theirs' }),
});

export const ItemCreateBodySchema = ItemFieldsSchema.partial().required({ type: true, title: true }).meta({
  description: "Only type and title are required; status defaults to the workflow's first status",
});
export type ItemCreate = z.infer<typeof ItemCreateBodySchema>;

export const ItemUpdateBodySchema = patchBodyOf(ItemFieldsSchema);
export type ItemUpdate = z.infer<typeof ItemUpdateBodySchema>;

export const ItemSortSchema = z.enum(ITEM_SORTS);
export type ItemSort = z.infer<typeof ItemSortSchema>;

export const ItemListQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .max(2000)
    .optional()
    .meta({
      description:
        'Filter, e.g. `type:story status:ready label:checkout points>=3 assignee:me sprint:current "free text"`; see docs/backlog.md. Bad syntax answers 400 `invalid_query` with the `column` of the problem',
    }),
  sort: ItemSortSchema.default('rank').meta({ description: 'Rank order, or one framework’s stored score (highest first, unscored items last)' }),
});

export const WipOverrideQuerySchema = z.strictObject({
  overrideWipLimit: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: "Move into a status past its WIP limit (product owners and owners only)" }),
});

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
