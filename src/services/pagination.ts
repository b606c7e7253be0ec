import { z } from 'zod';
import { TandemError } from '../domain/errors';

/** Cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** What a cursor may hold: rank keys (base-62) and ids, nothing a database could choke on. */
export const RankCursorSchema = z.strictObject({ rank: z.string().regex(/^[0-9A-Za-z]{1,512}$/) });
export const ScoreCursorSchema = z.strictObject({
  score: z.union([z.literal(''), z.string().regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i)]),
  rank: RankCursorSchema.shape.rank,
});
// Instants from 1900 on: both databases hold them (PostgreSQL has no year 0000).
const inStoredYears = (instant: string) => /^(19|[2-9]\d)\d\d-/.test(instant);
export const TrashCursorSchema = z.strictObject({ deletedAt: z.iso.datetime().refine(inStoredYears), id: z.string().regex(/^[\w-]{1,64}$/) });
/** Lists newest first: decisions, insights. */
export const NewestFirstCursorSchema = z.strictObject({ createdAt: z.iso.datetime({ offset: true }).refine(inStoredYears), id: z.string().regex(/^[\w-]{1,64}$/) });
/** Lists by name: customers. Names are text either database holds: no NUL, no half of a surrogate pair. */
export const NameCursorSchema = z.strictObject({
  name: z
    .string()
    .max(200)
    .refine((name) => !name.includes('\u0000') && !/\p{Surrogate}/u.test(name)),
  id: z.string().regex(/^[\w-]{1,64}$/),
});
export const IdCursorSchema = z.strictObject({ id: z.string().regex(/^[\w-]{1,64}$/) });

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  const invalid = () =>
    new TandemError('validation_failed', 'The cursor is not valid; use the nextCursor of a previous page', {
      errors: [{ field: 'querystring.cursor', message: 'not a cursor this API issued' }],
    });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const position = schema.safeParse(decoded);
  if (!position.success) throw invalid();
  return position.data;
}

/** Fetch one row more than the page to learn whether another page follows. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Record<string, string>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
