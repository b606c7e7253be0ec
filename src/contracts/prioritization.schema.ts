import { z } from 'zod';
import { PageQuerySchema } from './common.schema';
import { ITEM_TYPES, RICE_IMPACTS, KANO_ANSWERS, KANO_CATEGORIES, SCORED_FRAMEWORKS } from './vocabulary';

export { RICE_IMPACTS, KANO_ANSWERS, KANO_CATEGORIES, SCORED_FRAMEWORKS };

const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');
const scale = (min: number, max: number) => finite().min(min).max(max);

export const RiceInputsSchema = z.strictObject({
  reach: finite().min(0).meta({ description: 'People or events per period' }),
  impact: z.literal(RICE_IMPACTS).meta({ description: '3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal' }),
  confidence: scale(0, 1).meta({ description: 'A fraction: 0.8 for 80 %' }),
  effort: finite().positive().meta({ description: 'Person-months, more than 0' }),
});

export const IceInputsSchema = z.strictObject({
  impact: scale(1, 10),
  confidence: scale(1, 10),
  ease: scale(1, 10),
});

export const WsjfInputsSchema = z.strictObject({
  businessValue: finite().min(0),
  timeCriticality: finite().min(0),
  riskReduction: finite().min(0).meta({ description: 'Risk reduction and/or opportunity enablement' }),
  jobSize: finite().positive(),
});

export const MoscowInputsSchema = z.strictObject({ category: z.enum(['must', 'should', 'could', 'wont']) });

export const ValueEffortInputsSchema = z.strictObject({
  value: scale(1, 10),
  effort: scale(1, 10),
  midpoint: scale(1, 10).optional().meta({ description: 'Ratings at or above it count as high; 5.5 unless given' }),
});

export const WeightedInputsSchema = z.strictObject({
  criteria: z
    .array(z.strictObject({ id: z.string().min(1).max(64), name: z.string().min(1).max(120), weight: finite().min(0) }))
    .min(1)
    .max(50),
  values: z.record(z.string().min(1).max(64), finite()),
});

export const EvaluateBodySchema = z.discriminatedUnion('framework', [
  z.strictObject({ framework: z.literal('rice'), inputs: RiceInputsSchema }),
  z.strictObject({ framework: z.literal('ice'), inputs: IceInputsSchema }),
  z.strictObject({ framework: z.literal('wsjf'), inputs: WsjfInputsSchema }),
  z.strictObject({ framework: z.literal('moscow'), inputs: MoscowInputsSchema }),
  z.strictObject({ framework: z.literal('value_effort'), inputs: ValueEffortInputsSchema }),
  z.strictObject({ framework: z.literal('weighted'), inputs: WeightedInputsSchema }),
]);
export type EvaluateBody = z.infer<typeof EvaluateBodySchema>;

export const EvaluateResultSchema = z.object({
  framework: z.string(),
  score: z.number(),
  explanation: z.string().meta({ description: 'The formula with the numbers filled in' }),
  quadrant: z.enum(['quick_win', 'big_bet', 'fill_in', 'time_sink']).optional().meta({ description: 'For value_effort only' }),
});

export const KanoAnswerSchema = z.enum(KANO_ANSWERS);
export const KanoCategorySchema = z.enum(KANO_CATEGORIES);

export const KanoClassifyBodySchema = z.strictObject({
  responses: z
    .array(z.strictObject({ functional: KanoAnswerSchema, dysfunctional: KanoAnswerSchema }))
    .min(1, 'at least one response is required')
    .max(100_000),
});

export const KanoResultSchema = z.object({
  counts: z.record(KanoCategorySchema, z.number().int()),
  category: KanoCategorySchema.meta({ description: 'The dominant category' }),
  better: z.number().meta({ description: "Berger's better coefficient: (A+O)/(A+O+M+I)" }),
  worse: z.number().meta({ description: "Berger's worse coefficient: −(O+M)/(A+O+M+I)" }),
  explanation: z.string(),
});

export const ScoredFrameworkSchema = z.enum(SCORED_FRAMEWORKS);
export type ScoredFramework = z.infer<typeof ScoredFrameworkSchema>;

export const ItemScoreBodySchema = z
  .discriminatedUnion('framework', [
    z.strictObject({ framework: z.literal('rice'), inputs: RiceInputsSchema }),
    z.strictObject({ framework: z.literal('ice'), inputs: IceInputsSchema }),
    z.strictObject({ framework: z.literal('wsjf'), inputs: WsjfInputsSchema }),
    z.strictObject({ framework: z.literal('moscow'), inputs: MoscowInputsSchema }),
    z.strictObject({ framework: z.literal('value_effort'), inputs: ValueEffortInputsSchema }),
    z.strictObject({
      framework: z.literal('weighted'),
      inputs: z.strictObject({
        values: z.record(z.string().min(1).max(64), finite()).meta({ description: "The item's value for each of the product's scoring criteria" }),
      }),
    }),
    z.strictObject({ framework: z.literal('kano'), inputs: KanoClassifyBodySchema }),
  ])
  .meta({ description: 'The framework and its inputs; the weighted score uses the product’s scoring criteria' });
export type ItemScoreBody = z.infer<typeof ItemScoreBodySchema>;

export const ItemScoreSchema = z
  .object({
    itemId: z.string(),
    framework: ScoredFrameworkSchema,
    inputs: z.record(z.string(), z.unknown()),
    score: z.number().meta({ description: 'Kano stores the better coefficient' }),
    explanation: z.string(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ItemScore' });
export type ItemScore = z.infer<typeof ItemScoreSchema>;

export const ProductScoreSchema = ItemScoreSchema.extend({
  key: z.string().meta({ description: 'The item key, e.g. DEMO-12' }),
  title: z.string(),
  type: z.enum(ITEM_TYPES),
  status: z.string(),
}).meta({ id: 'ProductScore', description: "A stored score with its item's key, title, type and status" });
export type ProductScore = z.infer<typeof ProductScoreSchema>;

export const ProductScoresQuerySchema = PageQuerySchema.extend({ framework: ScoredFrameworkSchema });

export const ScoringCriterionSchema = z.object({ id: z.string(), name: z.string(), weight: z.number() }).meta({ id: 'ScoringCriterion' });

export const ScoringCriteriaReplaceBodySchema = z.strictObject({
  criteria: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(64).optional().meta({ description: 'Keep an existing criterion by naming its id; leave out to add one' }),
        name: z.string().trim().min(1).max(120),
        weight: finite().min(0).max(1000),
      }),
    )
    .max(50),
});
export type ScoringCriteriaReplace = z.infer<typeof ScoringCriteriaReplaceBodySchema>;

export const ApplyScoreOrderBodySchema = z.strictObject({
  framework: ScoredFrameworkSchema,
  itemIds: z
    .array(z.string().min(1).max(64))
    .min(2, 'select at least two items')
    .max(500)
    .meta({ description: 'The selection to re-rank; the items swap places among themselves, highest score first, unscored last' }),
});
export type ApplyScoreOrder = z.infer<typeof ApplyScoreOrderBodySchema>;
