import { describe, expect, it } from 'vitest';
import {
  changesOf,
  checkGoalDraft,
  checkInitiativeDraft,
  checkKeyResultDraft,
  checkRecordedValue,
  emptyGoalDraft,
  emptyInitiativeDraft,
  emptyKeyResultDraft,
  formErrorsOf,
  goalBody,
  initiativeBody,
  keyResultBody,
  keyResultDraftOf,
  parseMeasure,
  type KeyResultDraft,
} from './strategy-forms';
import type { KeyResult } from './strategy-model';

const churn: KeyResultDraft = { name: 'Monthly churn', unit: '%', baseline: '8', target: '4', current: '7', direction: 'decrease', confidence: '60' };

describe('numbers as people type them', () => {
  it('reads decimals, thousands, a decimal comma, negatives and a trailing percent sign', () => {
    expect(parseMeasure('3.5')).toBe(3.5);
    expect(parseMeasure(' 1,200 ')).toBe(1200);
    expect(parseMeasure('1,200,000')).toBe(1_200_000);
    expect(parseMeasure('3,5')).toBe(3.5);
    expect(parseMeasure('-2')).toBe(-2);
    expect(parseMeasure('.5')).toBe(0.5);
    expect(parseMeasure('12 %')).toBe(12);
    expect(parseMeasure('')).toBeUndefined();
    expect(parseMeasure('  ')).toBeUndefined();
    expect(parseMeasure('twelve')).toBeNull();
    expect(parseMeasure('1.2.3')).toBeNull();
    expect(parseMeasure('1e999')).toBeNull();
  });
});

describe('key result form', () => {
  it('accepts a falling metric with its target below the baseline, and sends numbers with confidence as a fraction', () => {
    expect(checkKeyResultDraft(churn)).toEqual({});
    expect(keyResultBody(churn)).toEqual({ name: 'Monthly churn', unit: '%', baseline: 8, target: 4, current: 7, direction: 'decrease', confidence: 0.6 });
    expect(keyResultBody({ ...churn, current: '', confidence: '' })).toMatchObject({ current: null, confidence: null });
  });

  it('refuses a target on the wrong side of the baseline with the domain’s own words', () => {
    const errors = checkKeyResultDraft({ ...churn, direction: 'increase' });
    expect(Object.keys(errors)).toEqual(['target']);
    expect(errors.target).toMatch(/^The target is below the baseline \(8\); for a metric that should fall, use direction "decrease"\.$/);
    expect(checkKeyResultDraft({ ...churn, target: '8' }).target).toMatch(/must differ from the baseline/);
  });

  it('names each missing or malformed field, with the goal form’s prefix', () => {
    const errors = checkKeyResultDraft({ ...emptyKeyResultDraft(), current: 'soon', confidence: '150', unit: 'x'.repeat(41) }, 'keyResults.2.');
    expect(Object.keys(errors).sort()).toEqual(['keyResults.2.baseline', 'keyResults.2.confidence', 'keyResults.2.current', 'keyResults.2.name', 'keyResults.2.target', 'keyResults.2.unit'].sort());
  });

  it('starts an edit from the stored key result, confidence as a percentage', () => {
    const stored = { name: 'NPS', unit: '', baseline: 20, target: 40, current: null, direction: 'increase', confidence: 0.55 } as KeyResult;
    expect(keyResultDraftOf(stored)).toEqual({ name: 'NPS', unit: '', baseline: '20', target: '40', current: '', direction: 'increase', confidence: '55' });
    expect(keyResultBody(keyResultDraftOf(stored))).toMatchObject({ baseline: 20, target: 40, current: null, confidence: 0.55 });
  });

  it('asks for a number when recording the current value', () => {
    expect(checkRecordedValue('17.5')).toEqual({ value: 17.5 });
    expect(checkRecordedValue('')).toEqual({ error: 'Type the value measured now.' });
    expect(checkRecordedValue('n/a')).toEqual({ error: 'A number, e.g. 42 or 3.5.' });
  });
});

describe('goal form', () => {
  const period = { startDate: '2027-01-01', endDate: '2027-03-31' };

  it('starts in the given period with one empty key result, and sends the goal with its key results', () => {
    const draft = { ...emptyGoalDraft(period, 'u1'), title: '  Win mid-market  ', keyResults: [churn] };
    expect(checkGoalDraft(draft)).toEqual({});
    expect(goalBody(draft)).toEqual({ title: 'Win mid-market', description: '', ...period, ownerId: 'u1', keyResults: [keyResultBody(churn)] });
    expect(goalBody({ ...draft, ownerId: '' }).ownerId).toBeNull();
  });

  it('refuses a goal without a title, one that ends before it starts, and a bad key result by its path', () => {
    const errors = checkGoalDraft({ ...emptyGoalDraft({ startDate: '2027-05-01', endDate: '2027-04-01' }, null), keyResults: [churn, { ...churn, direction: 'increase' }] });
    expect(Object.keys(errors).sort()).toEqual(['endDate', 'keyResults.1.target', 'title']);
    expect(errors.endDate).toBe('Ends before it starts.');
    expect(checkGoalDraft({ ...emptyGoalDraft(period, null), title: 'T', keyResults: [], startDate: '' }).startDate).toBe('Choose a date.');
  });
});

describe('initiative form', () => {
  it('sends empty dates as null and each goal once', () => {
    const draft = { ...emptyInitiativeDraft(['g1']), title: 'Enterprise-ready', goalIds: ['g1', 'g2', 'g1'] };
    expect(checkInitiativeDraft(draft)).toEqual({});
    expect(initiativeBody(draft)).toEqual({ title: 'Enterprise-ready', description: '', status: 'proposed', startDate: null, targetDate: null, goalIds: ['g1', 'g2'] });
  });

  it('allows either date alone but not a target before the start', () => {
    expect(checkInitiativeDraft({ ...emptyInitiativeDraft(), title: 'Bet', targetDate: '2027-03-01' })).toEqual({});
    expect(checkInitiativeDraft({ ...emptyInitiativeDraft(), title: 'Bet', startDate: '2027-03-01', targetDate: '2027-02-01' })).toEqual({ targetDate: 'Ends before it starts.' });
    expect(checkInitiativeDraft({ ...emptyInitiativeDraft(), title: 'Bet', startDate: '2027-02-30' })).toEqual({ startDate: 'A date as YYYY-MM-DD.' });
  });
});

describe('edits and server errors', () => {
  it('sends only what changed', () => {
    expect(changesOf({ title: 'A', goalIds: ['g1'], status: 'active' }, { title: 'A', goalIds: ['g1', 'g2'], status: 'active' })).toEqual({ goalIds: ['g1', 'g2'] });
    expect(changesOf({ title: 'A' }, { title: 'A' })).toEqual({});
  });

  it('puts a list entry’s error on the picker as a whole', () => {
    expect(formErrorsOf({ 'goalIds.1': 'no such goal in this product', 'keyResults.0.target': 'bad', title: 'x' })).toEqual({ goalIds: 'no such goal in this product', 'keyResults.0.target': 'bad', title: 'x' });
  });
});
