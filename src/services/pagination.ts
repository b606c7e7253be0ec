import { TandemError } from '../domain/errors';

/** Cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
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
  if (typeof decoded !== 'object' || decoded === null) throw invalid();
  const position = decoded as Record<string, unknown>;
  for (const key of keys) if (typeof position[key] !== 'string') throw invalid();
  return position as Record<K, string>;
}

/** Fetch one row more than the page to learn whether another page follows. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Record<string, string>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
