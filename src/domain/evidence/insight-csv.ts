import { INSIGHT_KINDS, INSIGHT_SOURCES } from '../../contracts/vocabulary';
import { isCalendarDate } from '../calendar';

export type InsightSource = (typeof INSIGHT_SOURCES)[number];
export type InsightKind = (typeof INSIGHT_KINDS)[number];

/** The columns an insights CSV may have; only `text` is required. */
export const INSIGHT_CSV_COLUMNS = ['text', 'kind', 'source', 'date', 'customer', 'url'] as const;
type Column = (typeof INSIGHT_CSV_COLUMNS)[number];

export const INSIGHT_TEXT_MAX = 10_000;
export const CUSTOMER_NAME_MAX = 200;

export interface InsightRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  text: string;
  kind: InsightKind;
  source: InsightSource;
  observedOn: string;
  customerName: string | null;
  url: string | null;
}

export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The header's columns by our names: case and surrounding spaces do not matter. */
export function readHeader(header: readonly string[]): { columns: Array<Column | null>; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const seen = new Set<Column>();
  const columns = header.map((raw) => {
    const name = raw.trim().toLowerCase();
    const column = INSIGHT_CSV_COLUMNS.find((known) => known === name) ?? null;
    if (column === null) problems.push({ line: 1, column: raw, message: `is not a column we read; use ${INSIGHT_CSV_COLUMNS.join(', ')}` });
    else if (seen.has(column)) problems.push({ line: 1, column: raw, message: 'appears twice' });
    else seen.add(column);
    return column;
  });
  if (!seen.has('text')) problems.push({ line: 1, column: 'text', message: 'is required: the quote or note itself' });
  return { columns, problems };
}

/**
 * One CSV record as an insight, or what is wrong with it, column by column.
 * Empty optional cells take their defaults: a quote, source `other`, dated today.
 */
export function readInsightRow(values: Partial<Record<Column, string>>, line: number, today: string): { row: InsightRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const cell = (column: Column) => values[column]?.trim() ?? '';
  const problem = (column: Column, message: string) => problems.push({ line, column, message });

  const text = cell('text');
  if (text === '') problem('text', 'is empty');
  else if (text.length > INSIGHT_TEXT_MAX) problem('text', `is longer than ${INSIGHT_TEXT_MAX} characters`);

  const kind = (cell('kind').toLowerCase() || 'quote') as InsightKind;
  if (!INSIGHT_KINDS.includes(kind)) problem('kind', `“${cell('kind')}” is not one of ${INSIGHT_KINDS.join(', ')}`);

  const source = (cell('source').toLowerCase() || 'other') as InsightSource;
  if (!INSIGHT_SOURCES.includes(source)) problem('source', `“${cell('source')}” is not one of ${INSIGHT_SOURCES.join(', ')}`);

  const observedOn = cell('date') || today;
  if (!isCalendarDate(observedOn)) problem('date', `“${observedOn}” is not a date as YYYY-MM-DD`);

  const customerName = cell('customer') || null;
  if (customerName !== null && customerName.length > CUSTOMER_NAME_MAX) problem('customer', `is longer than ${CUSTOMER_NAME_MAX} characters`);

  const url = cell('url') || null;
  if (url !== null && !isWebAddress(url)) problem('url', `“${url}” is not an http(s) address`);

  if (problems.length > 0) return { problems };
  return { row: { line, text, kind, source, observedOn, customerName, url } };
}
