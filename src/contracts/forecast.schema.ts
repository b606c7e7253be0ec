import { z } from 'zod';
import { PlanDateSchema } from './common.schema';

const Count = z.number().int().min(0);

const SimulationFields = {
  throughput: z
    .array(Count)
    .min(1, 'needs at least one day of history')
    .max(3660)
    .meta({ description: 'Items finished per day in the past, one number per day, zero days included' }),
  trials: z.number().int().min(1).max(100_000).optional().meta({ description: 'How many futures to simulate; 10,000 unless told' }),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .meta({ description: 'Makes the forecast reproducible; the answer names the seed it used' }),
};

export const ForecastWhenBodySchema = z.strictObject({
  ...SimulationFields,
  remaining: Count.max(100_000).meta({ description: 'Items still to finish' }),
  start: PlanDateSchema.meta({ description: 'Day 1 of the forecast: items done on the first simulated day are done on this date' }),
});
export type ForecastWhenBody = z.infer<typeof ForecastWhenBodySchema>;

export const ForecastHowManyBodySchema = z.strictObject({
  ...SimulationFields,
  start: PlanDateSchema,
  end: PlanDateSchema.meta({ description: 'The last day counted (the start is counted too)' }),
});
export type ForecastHowManyBody = z.infer<typeof ForecastHowManyBodySchema>;

const ForecastFacts = { trials: z.number().int(), seed: z.number().int() };

export const ForecastWhenSchema = z
  .object({
    p50: PlanDateSchema.meta({ description: 'Done by this date in half of the trials' }),
    p85: PlanDateSchema.meta({ description: 'Done by this date in 85 % of the trials' }),
    p95: PlanDateSchema.meta({ description: 'Done by this date in 95 % of the trials' }),
    ...ForecastFacts,
    distribution: z.array(z.object({ date: PlanDateSchema, trials: z.number().int() })).meta({ description: 'How many trials finished on each date' }),
  })
  .meta({ id: 'ForecastWhen' });

export const ForecastHowManySchema = z
  .object({
    p50: z.number().int().meta({ description: 'Reached or passed in half of the trials' }),
    p85: z.number().int().meta({ description: 'Reached or passed in 85 % of the trials' }),
    p95: z.number().int().meta({ description: 'Reached or passed in 95 % of the trials' }),
    ...ForecastFacts,
    days: z.number().int().meta({ description: 'Days from start to end, both counted' }),
    distribution: z.array(z.object({ count: z.number().int(), trials: z.number().int() })).meta({ description: 'How many trials reached each count' }),
  })
  .meta({ id: 'ForecastHowMany' });
