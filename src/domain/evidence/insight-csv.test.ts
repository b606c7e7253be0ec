import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../calendar';
import { readHeader, readInsightRow } from './insight-csv';

const today = '2026-12-02';

describe('the header of an insights CSV', () => {
  it('reads our columns whatever their case and spacing', () => {
    expect(readHeader([' Text', 'SOURCE', 'customer '])).toEqual({ columns: ['text', 'source', 'customer'], problems: [] });
  });

  it('names columns it does not know, twice-given columns and a missing text column', () => {
    const { problems } = readHeader(['quote', 'source', 'Source']);
    expect(problems).toEqual([
      { line: 1, column: 'quote', message: expect.stringContaining('use text, kind, source, date, customer, url') },
      { line: 1, column: 'Source', message: 'appears twice' },
      { line: 1, column: 'text', message: expect.stringContaining('required') },
    ]);
  });
});

describe('a row of an insights CSV', () => {
  it('fills empty optional cells with their defaults', () => {
    expect(readInsightRow({ text: '  Exports time out  ', source: '', customer: '' }, 2, today)).toEqual({
      row: { line: 2, text: 'Exports time out', kind: 'quote', source: 'other', observedOn: today, customerName: null, url: null },
    });
  });

  it('takes every column as given, case-insensitive for the word lists', () => {
    expect(readInsightRow({ text: 'Needs SSO', kind: 'Note', source: 'Sales', date: '2026-11-30', customer: 'Acme', url: 'https://crm.example/1' }, 7, today)).toEqual({
      row: { line: 7, text: 'Needs SSO', kind: 'note', source: 'sales', observedOn: '2026-11-30', customerName: 'Acme', url: 'https://crm.example/1' },
    });
  });

  it('names every bad cell of the row with its line', () => {
    const result = readInsightRow({ text: '', kind: 'rumour', source: 'twitter', date: '2026-02-30', url: 'javascript:alert(1)' }, 4, today);
    expect(result).toEqual({
      problems: [
        { line: 4, column: 'text', message: 'is empty' },
        { line: 4, column: 'kind', message: expect.stringContaining('quote, note') },
        { line: 4, column: 'source', message: expect.stringContaining('interview, support') },
        { line: 4, column: 'date', message: expect.stringContaining('YYYY-MM-DD') },
        { line: 4, column: 'url', message: expect.stringContaining('http(s)') },
      ],
    });
  });
});

describe('a calendar date', () => {
  it('is a real day written as YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-2-3')).toBe(false);
  });
});
