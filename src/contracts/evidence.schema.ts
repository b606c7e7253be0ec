import { z } from 'zod';
import { IdSchema, InstantSchema, PageQuerySchema, patchBodyOf, PlanDateSchema, WebAddressSchema } from './common.schema';
import { ItemRefSchema } from './item.schema';
import { TracedItemSchema } from './strategy.schema';
import { INSIGHT_IMPORTANCES, INSIGHT_KINDS, INSIGHT_SOURCES } from './vocabulary';

const Name = z.string().trim().min(1).max(200);
const Markdown = z.string().max(20_000).meta({ description: 'Markdown' });
const Money = z
  .number()
  .min(0)
  .max(1e15)
  .refine(Number.isFinite, 'must be a finite number')
  .meta({ description: 'Whole currency units a year' });

export const SegmentSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    name: z.string(),
    description: z.string(),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Segment', description: 'A group of customers the workspace sells to, e.g. Enterprise' });
export type Segment = z.infer<typeof SegmentSchema>;

const SegmentFields = { name: Name, description: Markdown };
export const SegmentCreateBodySchema = z.strictObject({ ...SegmentFields, description: SegmentFields.description.default('') });
export type SegmentCreate = z.infer<typeof SegmentCreateBodySchema>;
export const SegmentUpdateBodySchema = patchBodyOf(z.strictObject(SegmentFields));
export type SegmentUpdate = z.infer<typeof SegmentUpdateBodySchema>;

export const CustomerSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    name: z.string(),
    segmentId: IdSchema.nullable(),
    plan: z.string().meta({ description: 'The plan they are on, in words' }),
    annualRevenue: z.number().nullable().meta({ description: 'Whole currency units a year; null when unknown' }),
    notes: z.string(),
    insights: z.number().int().meta({ description: 'How many insights they gave, across products' }),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof CustomerSchema>;

const CustomerFields = { name: Name, segmentId: IdSchema.nullable(), plan: z.string().trim().max(100), annualRevenue: Money.nullable(), notes: Markdown };
export const CustomerCreateBodySchema = z.strictObject({
  ...CustomerFields,
  segmentId: CustomerFields.segmentId.default(null),
  plan: CustomerFields.plan.default(''),
  annualRevenue: CustomerFields.annualRevenue.default(null),
  notes: CustomerFields.notes.default(''),
});
export type CustomerCreate = z.infer<typeof CustomerCreateBodySchema>;
export const CustomerUpdateBodySchema = patchBodyOf(z.strictObject(CustomerFields));
export type CustomerUpdate = z.infer<typeof CustomerUpdateBodySchema>;

export const CustomerListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Words the name contains' }),
  segmentId: IdSchema.optional(),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuerySchema>;

export const PersonaSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    name: z.string(),
    description: z.string(),
    goals: z.string().meta({ description: 'Markdown: what they want to achieve' }),
    pains: z.string().meta({ description: 'Markdown: what gets in their way' }),
    items: z.array(TracedItemSchema).meta({ description: 'The stories and features that serve them' }),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Persona' });
export type Persona = z.infer<typeof PersonaSchema>;

const ItemIds = z.array(ItemRefSchema).max(500);
const PersonaFields = { name: Name, description: Markdown, goals: Markdown, pains: Markdown };
export const PersonaCreateBodySchema = z.strictObject({
  name: Name,
  description: Markdown.default(''),
  goals: Markdown.default(''),
  pains: Markdown.default(''),
  itemIds: ItemIds.default([]).meta({ description: 'Ids or keys of the items that serve them' }),
});
export type PersonaCreate = z.infer<typeof PersonaCreateBodySchema>;
export const PersonaUpdateBodySchema = patchBodyOf(z.strictObject(PersonaFields));
export type PersonaUpdate = z.infer<typeof PersonaUpdateBodySchema>;
export const PersonaItemsBodySchema = z.strictObject({ itemIds: ItemIds });

export const InsightLinkSchema = z
  .object({
    item: TracedItemSchema,
    passage: z.string().nullable().meta({ description: 'The exact words of the insight that speak for the item; null for the whole insight' }),
    passageStart: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Where the passage starts in the text (UTF-16 offset); null when there is none or the text no longer holds it' }),
    importance: z.enum(INSIGHT_IMPORTANCES),
    createdBy: IdSchema.nullable(),
    createdAt: InstantSchema,
  })
  .meta({ id: 'InsightLink' });

export const InsightSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    kind: z.enum(INSIGHT_KINDS),
    text: z.string(),
    source: z.enum(INSIGHT_SOURCES),
    observedOn: PlanDateSchema.meta({ description: 'When it was said or seen' }),
    customer: z.object({ id: IdSchema, name: z.string(), segmentId: IdSchema.nullable() }).nullable(),
    url: z.string().nullable(),
    createdBy: IdSchema.nullable(),
    links: z.array(InsightLinkSchema),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Insight', description: 'A piece of customer evidence: a quote or a note, where it came from, and the items it asks for' });
export type Insight = z.infer<typeof InsightSchema>;

const InsightFields = {
  kind: z.enum(INSIGHT_KINDS),
  text: z.string().trim().min(1).max(10_000),
  source: z.enum(INSIGHT_SOURCES),
  observedOn: PlanDateSchema,
  customerId: IdSchema.nullable(),
  url: WebAddressSchema.nullable(),
};
export const InsightCreateBodySchema = z.strictObject({
  ...InsightFields,
  kind: InsightFields.kind.default('quote'),
  source: InsightFields.source.default('other'),
  observedOn: InsightFields.observedOn.optional().meta({ description: 'Defaults to today' }),
  customerId: InsightFields.customerId.default(null),
  url: InsightFields.url.default(null),
});
export type InsightCreate = z.infer<typeof InsightCreateBodySchema>;
export const InsightUpdateBodySchema = patchBodyOf(z.strictObject(InsightFields));
export type InsightUpdate = z.infer<typeof InsightUpdateBodySchema>;

export const InsightListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Words the text contains' }),
  source: z.enum(INSIGHT_SOURCES).optional(),
  customerId: IdSchema.optional(),
  linked: z.enum(['true', 'false']).optional().meta({ description: '`false` lists the insights not yet linked to any item: the inbox to triage' }),
  item: ItemRefSchema.optional().meta({ description: 'Only insights linked to this item (id or key)' }),
});
export type InsightListQuery = z.infer<typeof InsightListQuerySchema>;

export const InsightLinkBodySchema = z.strictObject({
  passage: z.string().max(10_000).nullable().default(null),
  importance: z.enum(INSIGHT_IMPORTANCES).default('important'),
});
export type InsightLinkBody = z.infer<typeof InsightLinkBodySchema>;

export const InsightImportSchema = z
  .object({
    created: z.number().int(),
    customersCreated: z.array(z.string()).meta({ description: 'Customers named in the file that were not known yet, created by name' }),
    insightIds: z.array(IdSchema),
  })
  .meta({ id: 'InsightImport' });

const Demand = {
  insights: z.number().int(),
  customers: z.number().int().meta({ description: 'Distinct customers behind the insights' }),
  revenue: z.number().meta({ description: 'The annual revenue of those customers, each counted once' }),
};

export const EvidenceSchema = z
  .object({
    item: TracedItemSchema,
    ...Demand,
    bySegment: z.array(
      z.object({
        segment: z.object({ id: IdSchema, name: z.string() }).nullable().meta({ description: 'Null: customers without a segment and insights without a customer' }),
        ...Demand,
      }),
    ),
    byImportance: z.object(Object.fromEntries(INSIGHT_IMPORTANCES.map((importance) => [importance, z.number().int()])) as Record<(typeof INSIGHT_IMPORTANCES)[number], z.ZodNumber>),
    suggestedReach: z.number().int().meta({ description: 'Distinct customers asking, plus one per insight that names no customer: offered as the RICE reach' }),
    riceReach: z.number().nullable().meta({ description: 'The reach of the item’s stored RICE score, if it has one' }),
  })
  .meta({ id: 'Evidence', description: 'The demand behind an item, from the insights linked to it' });
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ProductEvidenceSchema = z
  .object({
    items: z.array(z.object({ item: TracedItemSchema, ...Demand, suggestedReach: z.number().int() })),
  })
  .meta({ id: 'ProductEvidence', description: 'Every item with evidence, the most demanded first' });
