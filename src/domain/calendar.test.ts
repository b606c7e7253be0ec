import { describe, expect, it } from 'vitest';
import { addDays, daysFrom, isCalendarDate } from './calendar';

describe('calendar dates', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysFrom('2027-01-01', '2028-01-01')).toBe(365);
  });

  it('refuses to leave the four-digit years instead of writing a date no one can read', () => {
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(expect.objectContaining({ code: 'validation_failed', message: expect.stringContaining('9999-12-31') }));
    expect(() => addDays('0000-01-01', -1)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('knows a real day from a string that looks like one', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-2-28')).toBe(false);
  });
});
