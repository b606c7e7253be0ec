import { EmailSchema } from '../../contracts/auth.schema';
import { ITEM_TYPES, LABEL_PATTERN, STATUS_KEY_PATTERN, STATUS_CATEGORIES } from '../../contracts/vocabulary';
import { IS_FLAGS, QUERY_FIELD_ALIASES, QUERY_FIELD_HELP, QUERY_FIELDS, QUERY_LIMITS, type IsFlag, type QueryField, type QueryFieldHelp } from './query-fields';
import type { ItemType } from '../../contracts/item.schema';
import type { StatusCategory } from '../../contracts/workflow.schema';
import { TandemError } from '../errors';
import { formatItemKey, parseItemRef } from '../items';

/**
 * The backlog's filter language, e.g.
 *
 *   type:story,bug status:ready -label:legacy points>=3 due<2026-12-31 sprint:"Sprint 14" "export csv"
 *
 * Terms are separated by whitespace and all must hold (AND); the values of one
 * term, separated by commas, are alternatives (OR). A leading `-` negates a
 * term. Anything that is not `field:value` is free text.
 *
 * This module only reads and checks the syntax; whether a status key exists in
 * the product's workflow is for the caller to check (hence the column on each
 * status value), and turning terms into SQL is the store's business.
 *
 * Columns are 1-based positions in the query string as JavaScript counts them
 * (UTF-16 code units), so a client can put the caret where the problem is.
 */

export { IS_FLAGS, QUERY_FIELD_ALIASES, QUERY_FIELD_HELP, QUERY_FIELDS, QUERY_LIMITS, type IsFlag, type QueryField, type QueryFieldHelp };

/** `:` is eq; the others only apply to points and due. */
export type QueryOperator = 'eq' | 'gt' | 'gte' | 'lt' | 'lte';

export type AssigneeValue = { kind: 'me' } | { kind: 'none' } | { kind: 'email'; email: string };
export type SprintValue = { kind: 'current' } | { kind: 'next' } | { kind: 'none' } | { kind: 'named'; name: string };

/** `column` is where the term starts (its `-` when negated). */
type TermBase = { negated: boolean; column: number };

export type QueryTerm =
  | ({ kind: 'type'; values: ItemType[] } & TermBase)
  | ({ kind: 'status'; values: Array<{ key: string; column: number }> } & TermBase)
  | ({ kind: 'category'; values: StatusCategory[] } & TermBase)
  | ({ kind: 'label'; values: string[] } & TermBase)
  | ({ kind: 'assignee'; values: AssigneeValue[] } & TermBase)
  | ({ kind: 'sprint'; values: SprintValue[] } & TermBase)
  | ({ kind: 'parent'; keys: string[] } & TermBase)
  | ({ kind: 'is'; flag: IsFlag } & TermBase)
  /** `value: null` is `points:none` (no estimate). */
  | ({ kind: 'points'; op: QueryOperator; value: number | null } & TermBase)
  /** `value` is a `YYYY-MM-DD` calendar date; `null` is `due:none`. */
  | ({ kind: 'due'; op: QueryOperator; value: string | null } & TermBase)
  /** `quoted` tells a phrase ("free text") from a bare word. */
  | ({ kind: 'text'; text: string; quoted: boolean } & TermBase);


const FIELD_LIST = QUERY_FIELDS.map((field) => (field === 'points' ? 'points (or estimate)' : field)).join(', ');

/** Parses a filter query into its terms, or throws `invalid_query` naming the first problem and its column. */
export function parseQuery(query: string): QueryTerm[] {
  // Checked before scanning so a pasted novel costs nothing.
  if (query.length > QUERY_LIMITS.maxLength) {
    throw problem(
      QUERY_LIMITS.maxLength,
      `the query is ${query.length} characters long; the limit is ${QUERY_LIMITS.maxLength} (it goes over at column ${QUERY_LIMITS.maxLength + 1})`,
    );
  }
  const scanner = new Scanner(query);
  const terms: QueryTerm[] = [];
  for (;;) {
    while (isSpace(scanner.peek())) scanner.pos += 1;
    if (scanner.peek() === undefined) return terms;
    if (terms.length === QUERY_LIMITS.maxTerms) {
      throw problem(scanner.pos, `too many terms: the one at column ${scanner.pos + 1} is past the limit of ${QUERY_LIMITS.maxTerms}`);
    }
    terms.push(parseTerm(scanner));
  }
}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  /** A method, not a getter: TypeScript would otherwise keep a narrowed type across moves. */
  peek(): string | undefined {
    return this.text[this.pos];
  }

  /** Terms end at whitespace or at the end of the query; nothing else separates them. */
  atTermEnd(): boolean {
    return this.peek() === undefined || isSpace(this.peek());
  }
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);
const at = (index: number) => `at column ${index + 1}`;
const problem = (index: number, message: string) => new TandemError('invalid_query', message, { column: index + 1 });
const quote = (text: string) => JSON.stringify(text);

function fieldNamed(name: string): QueryField | undefined {
  const lower = name.toLowerCase();
  return QUERY_FIELDS.find((field) => field === lower) ?? QUERY_FIELD_ALIASES.get(lower);
}

function parseTerm(scanner: Scanner): QueryTerm {
  const start = scanner.pos;
  const negated = scanner.peek() === '-';
  if (negated) {
    scanner.pos += 1;
    if (scanner.atTermEnd()) throw problem(start, `"-" ${at(start)} has nothing after it; write the term to exclude right after it, e.g. -label:legacy`);
  }
  const column = start + 1;

  if (scanner.peek() === '"') {
    const open = scanner.pos;
    const text = readQuoted(scanner);
    if (!scanner.atTermEnd()) throw problem(scanner.pos, `expected a space after the closing quote ${at(scanner.pos)}`);
    if (text.trim() === '') throw problem(open, `empty quotes ${at(open)}; put the text to search for between them`);
    checkLength(text, open, 'phrase');
    return { kind: 'text', text, quoted: true, negated, column };
  }

  // The field name runs up to an operator. `=` only ends it after a field name,
  // so that `points=3` gets a helpful error while `e=mc2` stays free text.
  const nameStart = scanner.pos;
  while (!scanner.atTermEnd() && !'":<>'.includes(scanner.peek()!)) {
    if (scanner.peek() === '=' && fieldNamed(scanner.text.slice(nameStart, scanner.pos))) break;
    scanner.pos += 1;
  }
  const name = scanner.text.slice(nameStart, scanner.pos);
  if (scanner.atTermEnd()) {
    checkLength(name, nameStart, 'word');
    return { kind: 'text', text: name, quoted: false, negated, column };
  }
  if (scanner.peek() === '"') throw unexpectedQuote(scanner.pos);

  // An operator follows, so this is a field term: a typo in the field name is
  // reported rather than silently searched for as text.
  if (name === '') {
    throw problem(scanner.pos, `missing field name before "${scanner.peek()}" ${at(scanner.pos)}; e.g. label:billing (to search for the text, put it in quotes)`);
  }
  const field = fieldNamed(name);
  if (!field) {
    throw problem(nameStart, `unknown field ${quote(name)} ${at(nameStart)}; fields are ${FIELD_LIST} (to search for the text, put it in quotes)`);
  }
  const opStart = scanner.pos;
  const op = readOperator(scanner);
  const opText = scanner.text.slice(opStart, scanner.pos);
  if (op !== 'eq' && field !== 'points' && field !== 'due') {
    throw problem(opStart, `"${opText}" ${at(opStart)} only works with points and due; use ":" with ${field}`);
  }
  const values = readValues(scanner, `${name}${opText}`, field);
  return toTerm(field, op, values, { negated, column });
}

function readOperator(scanner: Scanner): QueryOperator {
  const char = scanner.peek();
  scanner.pos += 1;
  if (char === ':') return 'eq';
  if (char === '=') throw problem(scanner.pos - 1, `"=" ${at(scanner.pos - 1)} is not an operator; use ":" for equals, or >, >=, <, <=`);
  const orEqual = scanner.peek() === '=';
  if (orEqual) scanner.pos += 1;
  if (char === '>') return orEqual ? 'gte' : 'gt';
  return orEqual ? 'lte' : 'lt';
}

/** A value as written: `index` is 0-based; quotes matter only to sprint names. */
type RawValue = { text: string; quoted: boolean; index: number };

/** Fields whose term holds one value; the AST keeps a single value for them. */
const SINGLE_VALUED: ReadonlySet<QueryField> = new Set(['is', 'points', 'due']);

function readValues(scanner: Scanner, lead: string, field: QueryField): RawValue[] {
  const values: RawValue[] = [];
  let after = quote(lead);
  for (;;) {
    const index = scanner.pos;
    if (scanner.atTermEnd() || scanner.peek() === ',') throw problem(index, `missing value after ${after} ${at(index)}`);
    let text: string;
    const quoted = scanner.peek() === '"';
    if (quoted) {
      text = readQuoted(scanner);
      if (!scanner.atTermEnd() && scanner.peek() !== ',') throw problem(scanner.pos, `expected "," or a space after the closing quote ${at(scanner.pos)}`);
      if (text.trim() === '') throw problem(index, `empty quotes ${at(index)}; put the value between them`);
    } else {
      while (!scanner.atTermEnd() && scanner.peek() !== ',' && scanner.peek() !== '"') scanner.pos += 1;
      if (scanner.peek() === '"') throw unexpectedQuote(scanner.pos);
      text = scanner.text.slice(index, scanner.pos);
    }
    checkLength(text, index, 'value');
    values.push({ text, quoted, index });
    if (scanner.peek() !== ',') return values;
    if (SINGLE_VALUED.has(field)) {
      const hint = field === 'is' ? 'write two terms to require both, e.g. is:blocked is:unestimated' : `combine terms for a range, e.g. ${field}>=… ${field}<=…`;
      throw problem(scanner.pos, `"," ${at(scanner.pos)}: ${field} takes one value; ${hint}`);
    }
    after = '","';
    scanner.pos += 1;
  }
}

/**
 * A double-quoted string; `\"` is a quote and `\\` a backslash inside it. Any
 * other backslash stays as written, so `"C:\docs"` means what it says.
 */
function readQuoted(scanner: Scanner): string {
  const open = scanner.pos;
  const { text } = scanner;
  let result = '';
  for (let i = open + 1; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '"') {
      scanner.pos = i + 1;
      return result;
    }
    const next = text[i + 1];
    if (char === '\\' && (next === '"' || next === '\\')) {
      result += next;
      i += 1;
    } else {
      result += char;
    }
  }
  throw problem(open, `unterminated quote starting ${at(open)}; close it with another " (write \\" for a quote inside)`);
}

function unexpectedQuote(index: number): TandemError {
  return problem(index, `unexpected quote ${at(index)}; quote a whole phrase ("like this") or a whole value (sprint:"Sprint 14")`);
}

function checkLength(text: string, index: number, what: string): void {
  if (text.length > QUERY_LIMITS.maxValueLength) {
    throw problem(index, `the ${what} ${at(index)} is ${text.length} characters long; the limit is ${QUERY_LIMITS.maxValueLength}`);
  }
}

function toTerm(field: QueryField, op: QueryOperator, values: RawValue[], base: TermBase): QueryTerm {
  switch (field) {
    case 'type':
      return { kind: 'type', values: values.map((value) => oneOf(value, ITEM_TYPES, 'an item type', 'types')), ...base };
    case 'category':
      return { kind: 'category', values: values.map((value) => oneOf(value, STATUS_CATEGORIES, 'a status category', 'categories')), ...base };
    case 'status':
      return { kind: 'status', values: values.map(toStatus), ...base };
    case 'label':
      return { kind: 'label', values: values.map(toLabel), ...base };
    case 'assignee':
      return { kind: 'assignee', values: values.map(toAssignee), ...base };
    case 'sprint':
      return { kind: 'sprint', values: values.map(toSprint), ...base };
    case 'parent':
      return { kind: 'parent', keys: values.map(toItemKey), ...base };
    case 'is':
      return { kind: 'is', flag: oneOf(values[0]!, IS_FLAGS, 'a flag for is', 'flags'), ...base };
    case 'points':
      return { kind: 'points', op, value: toPoints(values[0]!, op), ...base };
    case 'due':
      return { kind: 'due', op, value: toDue(values[0]!, op), ...base };
  }
}

function oneOf<T extends string>(value: RawValue, allowed: readonly T[], what: string, plural: string): T {
  const lower = value.text.toLowerCase();
  const found = allowed.find((candidate) => candidate === lower);
  if (found) return found;
  throw problem(value.index, `${quote(value.text)} is not ${what} ${at(value.index)}; ${plural} are ${allowed.join(', ')}`);
}

function toStatus(value: RawValue): { key: string; column: number } {
  const key = value.text.toLowerCase();
  if (!STATUS_KEY_PATTERN.test(key)) {
    throw problem(value.index, `${quote(value.text)} is not a status key ${at(value.index)}; a key is a letter then letters, digits or _ (e.g. in_review)`);
  }
  return { key, column: value.index + 1 };
}

function toLabel(value: RawValue): string {
  // Same rule as when a label is set on an item, so every label can be found.
  if (!LABEL_PATTERN.test(value.text)) {
    throw problem(value.index, `${quote(value.text)} is not a label ${at(value.index)}; labels are letters, digits, and . _ / -`);
  }
  return value.text.toLowerCase();
}

function toAssignee(value: RawValue): AssigneeValue {
  const lower = value.text.toLowerCase();
  if (lower === 'me' || lower === 'none') return { kind: lower };
  // The same email rule as sign-up, so every member's address is accepted.
  const email = EmailSchema.safeParse(value.text);
  if (email.success) return { kind: 'email', email: email.data };
  throw problem(value.index, `${quote(value.text)} is not an assignee ${at(value.index)}; use me, none or an email address`);
}

function toSprint(value: RawValue): SprintValue {
  // Quotes make a name, so a sprint that is really called "Next" can be found.
  const lower = value.text.toLowerCase();
  if (!value.quoted && (lower === 'current' || lower === 'next' || lower === 'none')) return { kind: lower };
  return { kind: 'named', name: value.text.trim() };
}

function toItemKey(value: RawValue): string {
  const ref = parseItemRef(value.text);
  if (ref.kind === 'key') return formatItemKey(ref.productKey, ref.number);
  throw problem(value.index, `${quote(value.text)} is not an item key ${at(value.index)}; write it like DEMO-12`);
}

const NUMBER = /^\d+(\.\d+)?$/;

function toPoints(value: RawValue, op: QueryOperator): number | null {
  if (value.text.toLowerCase() === 'none') return noneWith(value, op, 'points');
  if (!NUMBER.test(value.text)) {
    const orNone = op === 'eq' ? ', or none' : '';
    throw problem(value.index, `${quote(value.text)} is not a number (points) ${at(value.index)}; expected a number like 3 or 0.5${orNone}`);
  }
  return Number(value.text);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function toDue(value: RawValue, op: QueryOperator): string | null {
  if (value.text.toLowerCase() === 'none') return noneWith(value, op, 'due');
  const match = DATE.exec(value.text);
  if (!match) {
    const orNone = op === 'eq' ? ', or none' : '';
    throw problem(value.index, `${quote(value.text)} is not a date (due) ${at(value.index)}; expected YYYY-MM-DD, e.g. 2026-12-31${orNone}`);
  }
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) throw problem(value.index, `${value.text} is not a date ${at(value.index)}; months run from 01 to 12`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) throw problem(value.index, `${value.text} is not a date ${at(value.index)}; ${MONTHS[month - 1]} ${year} has ${days} days`);
  return value.text;
}

/** `none` means "not set", which has no order: only `:` makes sense with it. */
function noneWith(value: RawValue, op: QueryOperator, field: 'points' | 'due'): null {
  if (op !== 'eq') throw problem(value.index, `none ${at(value.index)} only works with ":"; write ${field}:none`);
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
