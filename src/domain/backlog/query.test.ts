import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TandemError } from '../errors';
import { QUERY_FIELD_HELP, QUERY_FIELDS, QUERY_LIMITS, parseQuery, type QueryTerm } from './query';

/** Runs `act` and returns the TandemError it throws. */
function thrown(act: () => unknown): TandemError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(TandemError);
    return error as TandemError;
  }
  throw new Error('expected a TandemError');
}

const only = (query: string): QueryTerm => {
  const terms = parseQuery(query);
  expect(terms).toHaveLength(1);
  return terms[0]!;
};

describe('parseQuery: empty queries', () => {
  it.each(['', ' ', '   ', '\t\n '])('reads %j as no terms', (query) => {
    expect(parseQuery(query)).toEqual([]);
  });
});

describe('parseQuery: fields', () => {
  it('reads type, lower-casing and ORing its values', () => {
    expect(only('type:story')).toEqual({ kind: 'type', values: ['story'], negated: false, column: 1 });
    expect(only('type:Epic,FEATURE,story,task,bug')).toMatchObject({ values: ['epic', 'feature', 'story', 'task', 'bug'] });
  });

  it('reads status keys with the column of each, so an unknown one can be reported in place', () => {
    expect(parseQuery('status:ready,In_Review -status:done')).toEqual([
      {
        kind: 'status',
        values: [
          { key: 'ready', column: 8 },
          { key: 'in_review', column: 14 },
        ],
        negated: false,
        column: 1,
      },
      { kind: 'status', values: [{ key: 'done', column: 32 }], negated: true, column: 24 },
    ]);
    expect(only('status:"ready"')).toMatchObject({ values: [{ key: 'ready', column: 8 }] });
    expect(only(`status:a${'b'.repeat(39)}`)).toMatchObject({ kind: 'status' });
  });

  it('reads categories', () => {
    expect(only('category:todo,In_Progress,done,canceled,backlog')).toMatchObject({
      kind: 'category',
      values: ['todo', 'in_progress', 'done', 'canceled', 'backlog'],
    });
  });

  it('reads labels lower-cased, with . _ / - and letters of any script', () => {
    expect(only('label:Billing,data-export,v2.1,team/web,snake_case,Größe')).toMatchObject({
      kind: 'label',
      values: ['billing', 'data-export', 'v2.1', 'team/web', 'snake_case', 'größe'],
    });
  });

  it('reads assignees: me, none or an email (lower-cased)', () => {
    expect(only('assignee:me,NONE,Ana.Lima+work@Acme.io')).toMatchObject({
      kind: 'assignee',
      values: [{ kind: 'me' }, { kind: 'none' }, { kind: 'email', email: 'ana.lima+work@acme.io' }],
    });
    expect(only('assignee:"ana@acme.io"')).toMatchObject({ values: [{ kind: 'email', email: 'ana@acme.io' }] });
  });

  it('reads sprints: current, next, none, or a name bare or in quotes', () => {
    expect(only('sprint:current,Next,none')).toMatchObject({
      kind: 'sprint',
      values: [{ kind: 'current' }, { kind: 'next' }, { kind: 'none' }],
    });
    expect(only('sprint:"Sprint 14",S15')).toMatchObject({
      values: [
        { kind: 'named', name: 'Sprint 14' },
        { kind: 'named', name: 'S15' },
      ],
    });
  });

  it('reads a quoted "next" as the name of a sprint, so any sprint name can be found', () => {
    expect(only('sprint:"Next"')).toMatchObject({ values: [{ kind: 'named', name: 'Next' }] });
    expect(only('sprint:" Sprint 14 "')).toMatchObject({ values: [{ kind: 'named', name: 'Sprint 14' }] });
  });

  it('reads parent keys upper-cased', () => {
    expect(only('parent:demo-12,APP-7')).toEqual({ kind: 'parent', keys: ['DEMO-12', 'APP-7'], negated: false, column: 1 });
  });

  it.each(['blocked', 'unblocked', 'estimated', 'unestimated', 'ready', 'unready'])('reads is:%s', (flag) => {
    expect(only(`is:${flag}`)).toEqual({ kind: 'is', flag, negated: false, column: 1 });
    expect(only(`IS:${flag.toUpperCase()}`)).toMatchObject({ flag });
  });

  it('reads points with every operator, estimate as its alias, and none', () => {
    const cases: Array<[string, string, number | null]> = [
      ['points:5', 'eq', 5],
      ['points>3', 'gt', 3],
      ['points>=3', 'gte', 3],
      ['points<8', 'lt', 8],
      ['points<=0.5', 'lte', 0.5],
      ['points:0', 'eq', 0],
      ['points:none', 'eq', null],
      ['points:NONE', 'eq', null],
      ['estimate>=13', 'gte', 13],
      ['Estimate:none', 'eq', null],
    ];
    for (const [query, op, value] of cases) {
      expect(only(query), query).toEqual({ kind: 'points', op, value, negated: false, column: 1 });
    }
  });

  it('reads due with every operator, and none', () => {
    const cases: Array<[string, string, string | null]> = [
      ['due:2026-06-30', 'eq', '2026-06-30'],
      ['due>2026-01-01', 'gt', '2026-01-01'],
      ['due>=2026-01-01', 'gte', '2026-01-01'],
      ['due<2026-12-31', 'lt', '2026-12-31'],
      ['due<=2026-12-31', 'lte', '2026-12-31'],
      ['due:none', 'eq', null],
      ['DUE:None', 'eq', null],
    ];
    for (const [query, op, value] of cases) {
      expect(only(query), query).toEqual({ kind: 'due', op, value, negated: false, column: 1 });
    }
  });

  it('knows leap years', () => {
    expect(only('due:2024-02-29')).toMatchObject({ value: '2024-02-29' });
    expect(only('due:2000-02-29')).toMatchObject({ value: '2000-02-29' });
    expect(thrown(() => parseQuery('due:1900-02-29')).message).toBe('1900-02-29 is not a date at column 5; February 1900 has 28 days');
    expect(thrown(() => parseQuery('due:2025-02-29')).details).toEqual({ column: 5 });
  });

  it('takes field names in any case', () => {
    expect(parseQuery('TYPE:story Status:ready CATEGORY:done Label:x Assignee:me SPRINT:current Parent:a1-1 iS:blocked Points>1 Due:none').map((t) => t.kind)).toEqual([
      'type',
      'status',
      'category',
      'label',
      'assignee',
      'sprint',
      'parent',
      'is',
      'points',
      'due',
    ]);
  });
});

describe('parseQuery: negation', () => {
  it('negates field terms, comparisons and free text, and the term starts at its "-"', () => {
    expect(parseQuery('-label:checkout -is:blocked -"legacy" -points>=3 -draft')).toEqual([
      { kind: 'label', values: ['checkout'], negated: true, column: 1 },
      { kind: 'is', flag: 'blocked', negated: true, column: 17 },
      { kind: 'text', text: 'legacy', quoted: true, negated: true, column: 29 },
      { kind: 'points', op: 'gte', value: 3, negated: true, column: 39 },
      { kind: 'text', text: 'draft', quoted: false, negated: true, column: 50 },
    ]);
  });

  it('only reads a leading "-": inside a word it is text', () => {
    expect(only('e-mail')).toEqual({ kind: 'text', text: 'e-mail', quoted: false, negated: false, column: 1 });
  });
});

describe('parseQuery: free text', () => {
  it('reads bare words and quoted phrases as text, in order, with their columns', () => {
    expect(parseQuery('  export  "free text"\tcsv')).toEqual([
      { kind: 'text', text: 'export', quoted: false, negated: false, column: 3 },
      { kind: 'text', text: 'free text', quoted: true, negated: false, column: 11 },
      { kind: 'text', text: 'csv', quoted: false, negated: false, column: 23 },
    ]);
  });

  it('unescapes \\" and \\\\ in quotes and keeps any other backslash', () => {
    expect(only(String.raw`"say \"hi\""`)).toMatchObject({ text: 'say "hi"' });
    expect(only(String.raw`"a\\b"`)).toMatchObject({ text: 'a\\b' });
    expect(only(String.raw`"C:\docs"`)).toMatchObject({ text: 'C:\\docs' });
    expect(only(String.raw`sprint:"The \"big\" one"`)).toMatchObject({ values: [{ kind: 'named', name: 'The "big" one' }] });
  });

  it('keeps field-like text inside quotes as text', () => {
    expect(only('"colour:red"')).toMatchObject({ kind: 'text', text: 'colour:red' });
    expect(only('"http://example.com"')).toMatchObject({ kind: 'text', text: 'http://example.com' });
  });

  it('reads a word with "=" but no field before it as text, and a field name alone as text', () => {
    expect(parseQuery('e=mc2 status')).toMatchObject([
      { kind: 'text', text: 'e=mc2' },
      { kind: 'text', text: 'status' },
    ]);
  });

  it('keeps the case and script of text', () => {
    expect(only('Größe😀')).toMatchObject({ kind: 'text', text: 'Größe😀' });
  });
});

describe('parseQuery: limits', () => {
  const { maxLength, maxTerms, maxValueLength } = QUERY_LIMITS;

  it('takes a query of up to 500 characters and refuses a longer one at column 501', () => {
    const query = 'label:x '.repeat(30).padEnd(maxLength, ' ');
    expect(query).toHaveLength(500);
    expect(parseQuery(query)).toHaveLength(30);
    const error = thrown(() => parseQuery(`${query} `));
    expect(error.code).toBe('invalid_query');
    expect(error.details).toEqual({ column: 501 });
    expect(error.message).toBe('the query is 501 characters long; the limit is 500 (it goes over at column 501)');
  });

  it('takes 30 terms and refuses the 31st where it starts', () => {
    expect(parseQuery('a '.repeat(maxTerms))).toHaveLength(30);
    const error = thrown(() => parseQuery('a '.repeat(maxTerms + 1)));
    expect(error.details).toEqual({ column: 61 });
    expect(error.message).toBe('too many terms: the one at column 61 is past the limit of 30');
  });

  it('takes values of up to 100 characters and refuses longer ones where they start', () => {
    const long = 'a'.repeat(maxValueLength);
    expect(only(`label:${long}`)).toMatchObject({ values: [long] });
    expect(only(`"${long}"`)).toMatchObject({ text: long });
    expect(only(String.raw`"${'\\"'.repeat(maxValueLength)}"`)).toMatchObject({ text: '"'.repeat(100) });

    const tooLong = `${long}a`;
    expect(thrown(() => parseQuery(`label:${tooLong}`)).message).toBe('the value at column 7 is 101 characters long; the limit is 100');
    expect(thrown(() => parseQuery(`sprint:x,"${tooLong}"`)).details).toEqual({ column: 10 });
    expect(thrown(() => parseQuery(`x -"${tooLong}"`)).message).toBe('the phrase at column 4 is 101 characters long; the limit is 100');
    expect(thrown(() => parseQuery(`-${tooLong}`)).message).toBe('the word at column 2 is 101 characters long; the limit is 100');
  });
});

describe('parseQuery: errors name the problem and its column', () => {
  const fields = 'type, status, category, label, assignee, sprint, parent, is, points (or estimate), due';
  const cases: Array<[query: string, column: number, message: string]> = [
    ['colour:red', 1, `unknown field "colour" at column 1; fields are ${fields} (to search for the text, put it in quotes)`],
    ['type:story colour:red', 12, `unknown field "colour" at column 12; fields are ${fields} (to search for the text, put it in quotes)`],
    ['http://example.com', 1, `unknown field "http" at column 1; fields are ${fields} (to search for the text, put it in quotes)`],
    ['constructor:x', 1, `unknown field "constructor" at column 1; fields are ${fields} (to search for the text, put it in quotes)`],
    ['points:abc', 8, '"abc" is not a number (points) at column 8; expected a number like 3 or 0.5, or none'],
    ['points<=-1', 9, '"-1" is not a number (points) at column 9; expected a number like 3 or 0.5'],
    ['points>none', 8, 'none at column 8 only works with ":"; write points:none'],
    ['estimate<None', 10, 'none at column 10 only works with ":"; write points:none'],
    ['foo "abc', 5, 'unterminated quote starting at column 5; close it with another " (write \\" for a quote inside)'],
    [String.raw`"ends in \"`, 1, 'unterminated quote starting at column 1; close it with another " (write \\" for a quote inside)'],
    ['sprint:"Sprint 14', 8, 'unterminated quote starting at column 8; close it with another " (write \\" for a quote inside)'],
    ['label>=x', 6, '">=" at column 6 only works with points and due; use ":" with label'],
    ['is<blocked', 3, '"<" at column 3 only works with points and due; use ":" with is'],
    ['due:2026-02-30', 5, '2026-02-30 is not a date at column 5; February 2026 has 28 days'],
    ['due>2026-04-31', 5, '2026-04-31 is not a date at column 5; April 2026 has 30 days'],
    ['due:2026-01-00', 5, '2026-01-00 is not a date at column 5; January 2026 has 31 days'],
    ['due<=2026-13-01', 6, '2026-13-01 is not a date at column 6; months run from 01 to 12'],
    ['due:tomorrow', 5, '"tomorrow" is not a date (due) at column 5; expected YYYY-MM-DD, e.g. 2026-12-31, or none'],
    ['due>2026-1-5', 5, '"2026-1-5" is not a date (due) at column 5; expected YYYY-MM-DD, e.g. 2026-12-31'],
    ['due>none', 5, 'none at column 5 only works with ":"; write due:none'],
    ['label:', 7, 'missing value after "label:" at column 7'],
    ['x Label: billing', 9, 'missing value after "Label:" at column 9'],
    ['points>=', 9, 'missing value after "points>=" at column 9'],
    ['status:ready,', 14, 'missing value after "," at column 14'],
    ['status:ready,,done', 14, 'missing value after "," at column 14'],
    ['type:,story', 6, 'missing value after "type:" at column 6'],
    ['-', 1, '"-" at column 1 has nothing after it; write the term to exclude right after it, e.g. -label:legacy'],
    ['a - b', 3, '"-" at column 3 has nothing after it; write the term to exclude right after it, e.g. -label:legacy'],
    [':foo', 1, 'missing field name before ":" at column 1; e.g. label:billing (to search for the text, put it in quotes)'],
    ['-<3', 2, 'missing field name before "<" at column 2; e.g. label:billing (to search for the text, put it in quotes)'],
    ['points=3', 7, '"=" at column 7 is not an operator; use ":" for equals, or >, >=, <, <='],
    ['label=x', 6, '"=" at column 6 is not an operator; use ":" for equals, or >, >=, <, <='],
    ['foo"bar"', 4, 'unexpected quote at column 4; quote a whole phrase ("like this") or a whole value (sprint:"Sprint 14")'],
    ['sprint:Sprint"14"', 14, 'unexpected quote at column 14; quote a whole phrase ("like this") or a whole value (sprint:"Sprint 14")'],
    ['"a"b', 4, 'expected a space after the closing quote at column 4'],
    ['sprint:"S 1"x', 13, 'expected "," or a space after the closing quote at column 13'],
    ['sprint:""', 8, 'empty quotes at column 8; put the value between them'],
    ['x -"  "', 4, 'empty quotes at column 4; put the text to search for between them'],
    ['type:storyy', 6, '"storyy" is not an item type at column 6; types are epic, feature, story, task, bug'],
    ['category:doing', 10, '"doing" is not a status category at column 10; categories are backlog, todo, in_progress, done, canceled'],
    ['is:open', 4, '"open" is not a flag for is at column 4; flags are blocked, unblocked, estimated, unestimated, ready, unready'],
    ['status:In-Review', 8, '"In-Review" is not a status key at column 8; a key is a letter then letters, digits or _ (e.g. in_review)'],
    ['status:ready,9lives', 14, '"9lives" is not a status key at column 14; a key is a letter then letters, digits or _ (e.g. in_review)'],
    [`status:a${'b'.repeat(40)}`, 8, `"a${'b'.repeat(40)}" is not a status key at column 8; a key is a letter then letters, digits or _ (e.g. in_review)`],
    ['label:a#b', 7, '"a#b" is not a label at column 7; labels are letters, digits, and . _ / -'],
    ['label:"data export"', 7, '"data export" is not a label at column 7; labels are letters, digits, and . _ / -'],
    ['assignee:bob', 10, '"bob" is not an assignee at column 10; use me, none or an email address'],
    ['parent:12', 8, '"12" is not an item key at column 8; write it like DEMO-12'],
    ['parent:DEMO-0', 8, '"DEMO-0" is not an item key at column 8; write it like DEMO-12'],
    ['points:3,5', 9, '"," at column 9: points takes one value; combine terms for a range, e.g. points>=… points<=…'],
    ['due:none,2026-01-01', 9, '"," at column 9: due takes one value; combine terms for a range, e.g. due>=… due<=…'],
    ['is:blocked,estimated', 11, '"," at column 11: is takes one value; write two terms to require both, e.g. is:blocked is:unestimated'],
  ];

  it.each(cases)('%j fails at column %i', (query, column, message) => {
    const error = thrown(() => parseQuery(query));
    expect(error.code).toBe('invalid_query');
    expect(error.details).toEqual({ column });
    expect(error.message).toBe(message);
  });

  it('reports the first problem in the query', () => {
    expect(thrown(() => parseQuery('type:nope colour:red points:abc')).details).toEqual({ column: 6 });
    expect(thrown(() => parseQuery('status:ok,Bad! label:#')).details).toEqual({ column: 11 });
  });
});

describe('QUERY_FIELD_HELP', () => {
  it('describes every field once, with an example that parses to that field', () => {
    expect(QUERY_FIELD_HELP.map((help) => help.field)).toEqual([...QUERY_FIELDS]);
    for (const help of QUERY_FIELD_HELP) expect(only(help.example).kind).toBe(help.field);
  });
});

describe('parseQuery: properties', () => {
  /** The only way parseQuery may fail: invalid_query, with a column inside the query or just past its end. */
  function expectParsesOrExplains(query: string): void {
    try {
      parseQuery(query);
    } catch (error) {
      expect(error).toBeInstanceOf(TandemError);
      const { code, details } = error as TandemError;
      expect(code).toBe('invalid_query');
      expect(details.column).toBeGreaterThanOrEqual(1);
      expect(details.column).toBeLessThanOrEqual(query.length + 1);
    }
  }

  it('either parses any printable string of up to 200 characters or throws invalid_query with a column in range', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), expectParsesOrExplains), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), expectParsesOrExplains), { numRuns: 500 });
  });

  it('does the same for strings made of the language’s own pieces, which reach deeper', () => {
    const piece = fc.constantFrom(
      ...QUERY_FIELDS,
      'estimate',
      'constructor',
      ':',
      '>',
      '>=',
      '<',
      '<=',
      '=',
      ',',
      '"',
      '\\',
      '\\"',
      '-',
      ' ',
      '\t',
      'none',
      'me',
      'current',
      'story',
      'ready',
      'DEMO-12',
      'ana@acme.io',
      '3',
      '0.5',
      '2026-02-29',
      '2024-02-29',
      'é',
      '😀',
    );
    const query = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('').slice(0, 200));
    fc.assert(fc.property(query, expectParsesOrExplains), { numRuns: 3000 });
  });

  it('gives each term of a valid query the column where it starts', () => {
    const term = fc.constantFrom(
      'type:bug',
      '-status:ready,done',
      'label:x',
      'assignee:me',
      'sprint:"Sprint 14"',
      'parent:demo-1',
      '-is:blocked',
      'points>=3',
      'due<2026-12-31',
      '"free text"',
      'word',
      '-"not this"',
    );
    const gap = fc.constantFrom(' ', '  ', '\t', '\n');
    const query = fc.array(fc.tuple(gap, term), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(query, (parts) => {
        let text = '';
        const columns: number[] = [];
        for (const [space, written] of parts) {
          text += space;
          columns.push(text.length + 1);
          text += written;
        }
        expect(parseQuery(text).map((t) => t.column)).toEqual(columns);
      }),
    );
  });
});
