import { sql, type RawBuilder } from 'kysely';

/**
 * A LIKE pattern for "contains this word", the word's own % and _ taken
 * literally, to match against a lower-cased column: the same on both dialects.
 */
export function containsWord(word: string): RawBuilder<string> {
  const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<string>`${pattern} escape '\\'`;
}
