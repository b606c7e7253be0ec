import { describe, expect, it } from 'vitest';
import { keyResultProgress } from '../../../domain/strategy/key-results';
import {
  byStatus,
  byTimeBox,
  confidenceText,
  describeKeyResult,
  formatMeasure,
  formatPeriod,
  initiativeDates,
  isBehind,
  keyResultState,
  percentOf,
  planDateOf,
  quarterOf,
  timeBoxOf,
  withKeyResult,
  type Goal,
  type Initiative,
  type KeyResult,
} from './strategy-model';

/** A key result as the server sends it, its progress computed by the same domain rule. */
function keyResult(fields: Pick<KeyResult, 'baseline' | 'target' | 'current' | 'direction'> & Partial<KeyResult>): KeyResult {
  const unit = fields.unit ?? '';
  return {
    id: 'kr',
    goalId: 'g',
    name: 'Churn',
    unit,
    confidence: null,
    version: 1,
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...keyResultProgress(fields, unit),
    ...fields,
  };
}

describe('key results at a glance', () => {
  it('formats a measure with its unit, percent on the number', () => {
    expect(formatMeasure(20, 'hours')).toBe('20 hours');
    expect(formatMeasure(15.5, '%')).toBe('15.5%');
    expect(formatMeasure(1200, '')).toBe('1,200');
    expect(formatMeasure(1 / 3, 'x')).toBe('0.33 x');
  });

  it('names the state: unmeasured, on the way, achieved, or moved the wrong way, for rising and falling metrics', () => {
    expect(keyResultState(keyResult({ baseline: 8, target: 4, current: null, direction: 'decrease' }))).toBe('unmeasured');
    expect(keyResultState(keyResult({ baseline: 8, target: 4, current: 7, direction: 'decrease' }))).toBe('moving');
    expect(keyResultState(keyResult({ baseline: 8, target: 4, current: 3.5, direction: 'decrease' }))).toBe('achieved');
    expect(keyResultState(keyResult({ baseline: 8, target: 4, current: 9, direction: 'decrease' }))).toBe('regressed');
    expect(keyResultState(keyResult({ baseline: 200, target: 400, current: 150, direction: 'increase' }))).toBe('regressed');
    expect(keyResultState(keyResult({ baseline: 200, target: 400, current: 400, direction: 'increase' }))).toBe('achieved');
  });

  it('reads a key result out in one sentence', () => {
    expect(describeKeyResult(keyResult({ name: 'Churn', unit: '%', baseline: 8, target: 4, current: 7, direction: 'decrease' }))).toBe('Churn should fall from 8% to 4%; now 7%, 25% of the way.');
    expect(describeKeyResult(keyResult({ name: 'Teams', baseline: 200, target: 400, current: null, direction: 'increase' }))).toBe('Teams should rise from 200 to 400; no value recorded yet.');
    expect(describeKeyResult(keyResult({ name: 'Teams', baseline: 200, target: 400, current: 180, direction: 'increase' }))).toBe('Teams should rise from 200 to 400; now 180: moved the wrong way.');
    expect(describeKeyResult(keyResult({ name: 'Deals', unit: 'deals', baseline: 0, target: 3, current: 4, direction: 'increase' }))).toBe('Deals should rise from 0 deals to 3 deals; now 4 deals: achieved.');
  });

  it('keeps percentages within the bar and says confidence as people do', () => {
    expect(percentOf(0.375)).toBe(38);
    expect(percentOf(1.4)).toBe(100);
    expect(percentOf(-0.2)).toBe(0);
    expect(confidenceText(0.6)).toBe('60% confident');
    expect(confidenceText(null)).toBeNull();
  });
});

describe('time boxes', () => {
  const quarter = { startDate: '2027-01-01', endDate: '2027-03-31' };

  it('says what is left of a running goal and how much time has gone by', () => {
    expect(timeBoxOf(quarter, '2027-02-14')).toEqual({ phase: 'running', dates: '1 Jan – 31 Mar 2027', remaining: '45 days left', elapsed: 45 / 90 });
    expect(timeBoxOf(quarter, '2027-03-31')).toMatchObject({ remaining: 'Ends today', elapsed: 1 });
    expect(timeBoxOf(quarter, '2027-03-30').remaining).toBe('1 day left');
  });

  it('says when an upcoming goal starts and when a past one ended', () => {
    expect(timeBoxOf(quarter, '2026-12-29')).toMatchObject({ phase: 'upcoming', remaining: 'Starts in 3 days', elapsed: 0 });
    expect(timeBoxOf(quarter, '2027-04-01')).toMatchObject({ phase: 'ended', remaining: 'Ended 1 day ago', elapsed: 1 });
  });

  it('shows the year once when both dates share it', () => {
    expect(formatPeriod('2026-11-15', '2027-02-15')).toBe('15 Nov 2026 – 15 Feb 2027');
    expect(formatPeriod('2027-04-01', '2027-06-30')).toBe('1 Apr – 30 Jun 2027');
  });

  it('flags a goal well behind its calendar, not one in its first days or already met', () => {
    expect(isBehind(0.2, { phase: 'running', elapsed: 0.6 })).toBe(true);
    expect(isBehind(0.5, { phase: 'running', elapsed: 0.6 })).toBe(false);
    expect(isBehind(0, { phase: 'running', elapsed: 0.1 })).toBe(false);
    expect(isBehind(1, { phase: 'ended', elapsed: 1 })).toBe(false);
    expect(isBehind(0, { phase: 'upcoming', elapsed: 0 })).toBe(false);
  });

  it('takes today from the user’s own calendar', () => {
    expect(planDateOf(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });

  it('offers the current quarter as a new goal’s time box', () => {
    expect(quarterOf('2027-02-14')).toEqual({ startDate: '2027-01-01', endDate: '2027-03-31' });
    expect(quarterOf('2027-12-31')).toEqual({ startDate: '2027-10-01', endDate: '2027-12-31' });
    expect(quarterOf('2028-05-01')).toEqual({ startDate: '2028-04-01', endDate: '2028-06-30' });
  });

  it('words an initiative’s dates whichever of them it has', () => {
    expect(initiativeDates({ startDate: '2027-01-10', targetDate: '2027-03-01' })).toBe('10 Jan – 1 Mar 2027');
    expect(initiativeDates({ startDate: '2027-01-10', targetDate: null })).toBe('From 10 Jan 2027');
    expect(initiativeDates({ startDate: null, targetDate: '2027-03-01' })).toBe('Target 1 Mar 2027');
    expect(initiativeDates({ startDate: null, targetDate: null })).toBeNull();
  });
});

describe('ordering', () => {
  it('lists goals by time box and initiatives active first, dropped last, by target date', () => {
    const goal = (id: string, startDate: string, endDate: string) => ({ id, title: id, startDate, endDate }) as Goal;
    expect(byTimeBox([goal('c', '2027-04-01', '2027-06-30'), goal('b', '2027-01-01', '2027-06-30'), goal('a', '2027-01-01', '2027-03-31')]).map((g) => g.id)).toEqual(['a', 'b', 'c']);
    const initiative = (id: string, status: Initiative['status'], targetDate: string | null) => ({ id, title: id, status, targetDate }) as Initiative;
    expect(byStatus([initiative('d', 'dropped', '2027-01-01'), initiative('p', 'proposed', null), initiative('a2', 'active', null), initiative('a1', 'active', '2027-05-01')]).map((i) => i.id)).toEqual(['a1', 'a2', 'p', 'd']);
  });
});

describe('the cached goals after a key result is saved', () => {
  const goal = (id: string, keyResults: KeyResult[]): Goal => ({ id, title: id, keyResults, progress: 0 }) as unknown as Goal;
  const teams = { ...keyResult({ baseline: 200, target: 400, current: 300, direction: 'increase' }), id: 'teams', goalId: 'g1', version: 2 };
  const churn = { ...keyResult({ baseline: 8, target: 4, current: 7, direction: 'decrease' }), id: 'churn', goalId: 'g1' };

  it('replaces the key result and recomputes the goal’s progress as the server does (the mean)', () => {
    const recorded = { ...churn, ...keyResultProgress({ ...churn, current: 5 }), current: 5, version: 2 };
    const [updated, other] = withKeyResult([goal('g1', [teams, churn]), goal('g2', [])], recorded);
    expect(updated!.keyResults.map((kr) => kr.current)).toEqual([300, 5]);
    expect(updated!.progress).toBeCloseTo((0.5 + 0.75) / 2);
    expect(other!.keyResults).toEqual([]);
  });

  it('appends a new key result, and keeps a newer cached version over an older answer', () => {
    expect(withKeyResult([goal('g1', [teams])], churn)[0]!.keyResults.map((kr) => kr.id)).toEqual(['teams', 'churn']);
    const older = { ...teams, current: 250, version: 1 };
    expect(withKeyResult([goal('g1', [teams])], older)[0]!.keyResults[0]!.current).toBe(300);
  });
});
