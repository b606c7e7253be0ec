import { z } from 'zod';

export const IdSchema = z.string().min(1).max(64);
export const InstantSchema = z.string().meta({ description: 'UTC instant, ISO-8601' });

export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  });
}

/** A calendar date with no time zone (start, target and due dates). */
export const PlanDateSchema = z.iso.date('a date as YYYY-MM-DD').meta({ description: 'Calendar date, `YYYY-MM-DD`' });

/** A web address people can open: http or https only (no javascript:, no file:). */
export const WebAddressSchema = z
  .url({ protocol: /^https?$/, error: 'a web address starting with http:// or https://' })
  .max(2000)
  .meta({ description: 'An http(s) address' });

/** A PATCH body: any of the object's fields, and at least one of them. */
export function patchBodyOf<T extends z.ZodRawShape>(fields: z.ZodObject<T>) {
  return fields.partial().refine((body) => Object.keys(body).length > 0, 'nothing to change');
}
