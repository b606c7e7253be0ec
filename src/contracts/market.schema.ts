import { z } from 'zod';
import { IdSchema, InstantSchema, patchBodyOf, WebAddressSchema } from './common.schema';
import { ItemRefSchema } from './item.schema';
import { TracedItemSchema } from './strategy.schema';
import { BILLING_PERIODS, CAPABILITY_LEVELS, PLAN_INCLUSIONS } from './vocabulary';

export { BILLING_PERIODS, CAPABILITY_LEVELS, PLAN_INCLUSIONS };

const CapabilityLevelSchema = z.enum(CAPABILITY_LEVELS).meta({ description: '`has`, `partial`, `none`, or `unknown` (not assessed)' });

export const CompetitorSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    name: z.string(),
    website: z.string().nullable(),
    positioning: z.string().meta({ description: 'Markdown: how they sell themselves and to whom' }),
    notes: z.string().meta({ description: 'Markdown' }),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Competitor' });
export type Competitor = z.infer<typeof CompetitorSchema>;

const CompetitorFields = {
  name: z.string().trim().min(1).max(120),
  website: WebAddressSchema.nullable(),
  positioning: z.string().max(20_000),
  notes: z.string().max(50_000),
};

export const CompetitorCreateBodySchema = z.strictObject({
  ...CompetitorFields,
  website: CompetitorFields.website.default(null),
  positioning: CompetitorFields.positioning.default(''),
  notes: CompetitorFields.notes.default(''),
});
export type CompetitorCreate = z.infer<typeof CompetitorCreateBodySchema>;

export const CompetitorUpdateBodySchema = patchBodyOf(z.strictObject(CompetitorFields));
export type CompetitorUpdate = z.infer<typeof CompetitorUpdateBodySchema>;

export const CapabilitySchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    name: z.string(),
    description: z.string(),
    item: TracedItemSchema.nullable().meta({ description: 'Our epic or feature that delivers it' }),
    ourLevel: CapabilityLevelSchema.meta({ description: 'How far we cover it ourselves' }),
    position: z.number().int(),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Capability' });
export type Capability = z.infer<typeof CapabilitySchema>;

const CapabilityFields = {
  name: z.string().trim().min(1).max(160),
  description: z.string().max(5_000),
  itemId: ItemRefSchema.nullable().meta({ description: 'Our epic or feature (id or key) in this product, or null' }),
  ourLevel: CapabilityLevelSchema,
  position: z.number().int().min(0).max(1_000_000),
};

export const CapabilityCreateBodySchema = z.strictObject({
  name: CapabilityFields.name,
  description: CapabilityFields.description.default(''),
  itemId: CapabilityFields.itemId.default(null),
  ourLevel: CapabilityFields.ourLevel.default('unknown'),
  position: CapabilityFields.position.optional().meta({ description: 'Row order; the end of the matrix unless told' }),
});
export type CapabilityCreate = z.infer<typeof CapabilityCreateBodySchema>;

export const CapabilityUpdateBodySchema = patchBodyOf(z.strictObject(CapabilityFields));
export type CapabilityUpdate = z.infer<typeof CapabilityUpdateBodySchema>;

export const AssessmentBodySchema = z.strictObject({
  level: CapabilityLevelSchema,
  note: z.string().max(2_000).default(''),
});
export type AssessmentInput = z.infer<typeof AssessmentBodySchema>;

export const MatrixCellSchema = z
  .object({
    competitorId: IdSchema,
    level: CapabilityLevelSchema,
    note: z.string(),
    assessed: z.boolean().meta({ description: 'False when nobody assessed the cell: it reads as unknown' }),
  })
  .meta({ id: 'MatrixCell' });
export type MatrixCell = z.infer<typeof MatrixCellSchema>;

export const CoverageSchema = z
  .object({
    ours: CapabilityLevelSchema,
    has: z.number().int(),
    partial: z.number().int(),
    none: z.number().int(),
    unknown: z.number().int(),
    isGap: z.boolean().meta({ description: 'A competitor covers it further than we do' }),
    isDifferentiator: z.boolean().meta({ description: 'We have it and no competitor fully does' }),
    summary: z.string().meta({ description: 'E.g. "we do not have it / 2 of 3 competitors have it"' }),
  })
  .meta({ id: 'Coverage' });

export const CapabilityMatrixSchema = z
  .object({
    competitors: z.array(CompetitorSchema.extend({ has: z.number().int(), partial: z.number().int() })).meta({ description: 'The columns, by name' }),
    rows: z
      .array(z.object({ capability: CapabilitySchema, cells: z.array(MatrixCellSchema).meta({ description: 'One per competitor, in column order' }), coverage: CoverageSchema }))
      .meta({ description: 'The capabilities, in row order' }),
    gaps: z.number().int().meta({ description: 'Capabilities where a competitor is ahead of us' }),
  })
  .meta({ id: 'CapabilityMatrix' });
export type CapabilityMatrix = z.infer<typeof CapabilityMatrixSchema>;

export const PricingPlanSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    name: z.string(),
    description: z.string(),
    price: z.string().nullable().meta({ description: 'Exact decimal in the currency, e.g. "49.00"; null for a price quoted per deal' }),
    priceMinor: z.number().int().nullable().meta({ description: 'The same price in minor units (cents)' }),
    currency: z.string().meta({ description: 'ISO 4217' }),
    billingPeriod: z.enum(BILLING_PERIODS),
    priceLabel: z.string().meta({ description: 'As a heading reads it: "€49.00 / month", "Custom pricing"' }),
    position: z.number().int(),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'PricingPlan' });
export type PricingPlan = z.infer<typeof PricingPlanSchema>;

const PricingPlanFields = {
  name: z.string().trim().min(1).max(80),
  description: z.string().max(5_000),
  price: z
    .string()
    .trim()
    .max(20)
    .nullable()
    .meta({ description: 'A decimal string such as "49" or "49.90", read exactly (no more decimals than the currency has); null for custom pricing' }),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 4217 code such as EUR or USD')
    .transform((code) => code.toUpperCase()),
  billingPeriod: z.enum(BILLING_PERIODS),
  position: z.number().int().min(0).max(1_000_000),
};

export const PricingPlanCreateBodySchema = z.strictObject({
  name: PricingPlanFields.name,
  description: PricingPlanFields.description.default(''),
  price: PricingPlanFields.price.default(null),
  currency: PricingPlanFields.currency.default('USD'),
  billingPeriod: PricingPlanFields.billingPeriod.default('monthly'),
  position: PricingPlanFields.position.optional().meta({ description: 'Column order; after the last plan unless told' }),
});
export type PricingPlanCreate = z.infer<typeof PricingPlanCreateBodySchema>;

export const PricingPlanUpdateBodySchema = patchBodyOf(z.strictObject(PricingPlanFields));
export type PricingPlanUpdate = z.infer<typeof PricingPlanUpdateBodySchema>;

export const PlanFeatureBodySchema = z.strictObject({
  inclusion: z.enum(PLAN_INCLUSIONS).meta({ description: '`included`, `limited` (with a note saying how) or `add_on` (sold separately)' }),
  note: z.string().max(500).default(''),
});
export type PlanFeatureInput = z.infer<typeof PlanFeatureBodySchema>;

export const PackagingSchema = z
  .object({
    plans: z.array(PricingPlanSchema).meta({ description: 'The columns, in order' }),
    rows: z
      .array(
        z.object({
          feature: TracedItemSchema,
          cells: z
            .array(z.object({ planId: IdSchema, inclusion: z.enum(PLAN_INCLUSIONS).nullable().meta({ description: 'Null: not in the plan' }), note: z.string() }))
            .meta({ description: 'One per plan, in column order' }),
        }),
      )
      .meta({ description: 'Every epic or feature packaged in at least one plan, by key' }),
  })
  .meta({ id: 'Packaging' });
export type Packaging = z.infer<typeof PackagingSchema>;
