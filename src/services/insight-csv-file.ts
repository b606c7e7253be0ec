import { CsvError, parse } from 'csv-parse/sync';
import type { FieldError } from '../contracts/errors';
import { invalidFields, TandemError } from '../domain/errors';
import { INSIGHT_CSV_COLUMNS, readHeader, readInsightRow, type InsightRow, type RowProblem } from '../domain/evidence/insight-csv';

/** More rows than this is a file to split: one upload is one transaction. */
export const INSIGHT_CSV_MAX_ROWS = 5_000;

/** How many problems a refused file lists; the detail says how many there were. */
const PROBLEMS_SHOWN = 50;

const asFieldError = (problem: RowProblem): FieldError => ({ field: `line ${problem.line}: ${problem.column}`, message: problem.message });

function refuse(problems: RowProblem[]): TandemError {
  const shown = problems.slice(0, PROBLEMS_SHOWN).map(asFieldError);
  const error = invalidFields(shown);
  const more = problems.length > PROBLEMS_SHOWN ? ` (and ${problems.length - PROBLEMS_SHOWN} more)` : '';
  return new TandemError('validation_failed', `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the file${more}. ${error.message}`, error.details);
}

/**
 * An insights CSV read whole: a header naming our columns, then one insight a
 * row. Any bad row refuses the whole file, naming each problem by line and
 * column, so a fixed file can be uploaded again without duplicates.
 */
export function readInsightCsv(text: string, today: string): InsightRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: false }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw new TandemError('validation_failed', `The file is not valid CSV: ${error.message}`, { errors: [{ field: 'body', message: error.message }] });
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new TandemError('validation_failed', `The file is empty; its first line names the columns (${INSIGHT_CSV_COLUMNS.join(', ')})`);
  if (rows.length === 0) throw new TandemError('validation_failed', 'The file has a header but no insights');
  if (rows.length > INSIGHT_CSV_MAX_ROWS) throw new TandemError('validation_failed', `The file has ${rows.length} insights; upload at most ${INSIGHT_CSV_MAX_ROWS} at a time`);
  const { columns, problems } = readHeader(header.record);
  if (problems.length > 0) throw refuse(problems);

  const insights: InsightRow[] = [];
  const rowProblems: RowProblem[] = [];
  for (const { record, info } of rows) {
    // `info.lines` is the line the record ends on; a quoted cell may span lines.
    const line = info.lines - (record.join('').split('\n').length - 1);
    if (record.length > columns.length) {
      rowProblems.push({ line, column: '(row)', message: `has ${record.length} cells where the header names ${columns.length}` });
      continue;
    }
    const values = Object.fromEntries(columns.flatMap((column, index) => (column === null ? [] : [[column, record[index] ?? '']])));
    const result = readInsightRow(values, line, today);
    if ('row' in result) insights.push(result.row);
    else rowProblems.push(...result.problems);
  }
  if (rowProblems.length > 0) throw refuse(rowProblems);
  return insights;
}
