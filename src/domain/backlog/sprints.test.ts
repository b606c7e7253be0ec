import { describe, expect, it } from 'vitest';
import { TandemError } from '../errors';
import { failingFields } from '../prioritization/fields-of.test-helper';
import {
  assertTransition,
  averageVelocity,
  burndown,
  checkSprintDates,
  DEFAULT_POINTS_PER_DAY,
  sprintCapacity,
  sprintDays,
  VELOCITY_WINDOW,
  type SprintEntry,
  type SprintOutcome,
  type SprintState,
} from './sprints';

const outcome = (completedPoints: number, availableDays = 10): SprintOutcome => ({ completedPoints, availableDays });

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

describe('averageVelocity', () => {
  it('is null with no finished sprint', () => {
    expect(averageVelocity([])).toBeNull();
  });

  it('averages the completed points of the finished sprints', () => {
    expect(averageVelocity([outcome(12)])).toBe(12);
    expect(averageVelocity([outcome(10), outcome(15)])).toBe(12.5);
    expect(averageVelocity([outcome(0), outcome(0)])).toBe(0);
  });

  it('looks back only at the last three sprints, newest last', () => {
    expect(VELOCITY_WINDOW).toBe(3);
    expect(averageVelocity([outcome(100), outcome(10), outcome(20), outcome(30)])).toBe(20);
    expect(averageVelocity([outcome(10), outcome(20), outcome(30), outcome(100)])).toBe(50);
  });
});

describe('sprintCapacity', () => {
  const ana = (days: number) => ({ userId: 'ana', days });
  const ben = (days: number) => ({ userId: 'ben', days });
  const cho = (days: number) => ({ userId: 'cho', days });

  it('gives one point per person-day when no sprint has finished, and says so', () => {
    expect(DEFAULT_POINTS_PER_DAY).toBe(1);
    const capacity = sprintCapacity([ana(8), ben(5)], []);
    expect(capacity.points).toBe(13);
    expect(capacity.explanation).toBe('2 people, 13 person-days × 1 point per person-day (no finished sprint yet) = 13 points');
  });

  it('counts only the people who give the sprint some days, and half days', () => {
    const capacity = sprintCapacity([ana(4.5), ben(0)], []);
    expect(capacity.points).toBe(4.5);
    expect(capacity.explanation).toBe('1 person, 4.5 person-days × 1 point per person-day (no finished sprint yet) = 4.5 points');
  });

  it('is zero with nobody available', () => {
    expect(sprintCapacity([], [])).toEqual({ points: 0, explanation: '0 people, 0 person-days × 1 point per person-day (no finished sprint yet) = 0 points' });
    expect(sprintCapacity([], [outcome(20, 10)]).points).toBe(0);
  });

  it('learns the points a person-day yields from recent sprints', () => {
    // 20 + 30 points over 10 + 20 person-days: 5/3 points a person-day.
    const capacity = sprintCapacity([ana(5), ben(3)], [outcome(20, 10), outcome(30, 20)]);
    expect(capacity.points).toBe(13.3);
    expect(capacity.explanation).toBe('2 people, 8 person-days × 1.67 points per person-day over the last 2 sprints = 13.3 points');

    const one = sprintCapacity([ana(10)], [outcome(5, 10)]);
    expect(one).toEqual({ points: 5, explanation: '1 person, 10 person-days × 0.5 points per person-day over the last 1 sprint = 5 points' });
  });

  it('weighs sprints by their person-days, not by averaging their rates', () => {
    // Rates 1 and 3 average to 2, but 40 points over 20 days is 2 and 10 + 90 over 10 + 30 is 2.5.
    expect(sprintCapacity([ana(10)], [outcome(10, 10), outcome(90, 30)]).points).toBe(25);
  });

  it('learns from the last three sprints only', () => {
    const history = [outcome(1000, 10), outcome(10, 10), outcome(20, 10), outcome(30, 10)];
    const capacity = sprintCapacity([ana(5), ben(5), cho(10)], history);
    // 60 points over 30 person-days: 2 points a person-day.
    expect(capacity.points).toBe(40);
    expect(capacity.explanation).toBe('3 people, 20 person-days × 2 points per person-day over the last 3 sprints = 40 points');
  });

  it('ignores finished sprints without recorded availability, falling back to the default', () => {
    expect(sprintCapacity([ana(6)], [outcome(30, 0), outcome(12, 6)]).explanation).toBe(
      '1 person, 6 person-days × 2 points per person-day over the last 1 sprint = 12 points',
    );
    const none = sprintCapacity([ana(6)], [outcome(30, 0)]);
    expect(none.points).toBe(6);
    expect(none.explanation).toContain('no finished sprint yet');
  });

  it('rounds the points to one decimal', () => {
    // 10 points over 3 days: 3.333… a day, times 2 days.
    expect(sprintCapacity([ana(2)], [outcome(10, 3)]).points).toBe(6.7);
  });
});

describe('checkSprintDates', () => {
  it('accepts a sprint that ends on or after the day it starts', () => {
    expect(() => checkSprintDates('2026-03-02', '2026-03-13')).not.toThrow();
    expect(() => checkSprintDates('2026-03-02', '2026-03-02')).not.toThrow();
    expect(() => checkSprintDates('2026-12-28', '2027-01-08')).not.toThrow();
  });

  it('refuses a sprint that ends before it starts, naming endDate', () => {
    expect(failingFields(() => checkSprintDates('2026-03-13', '2026-03-02'))).toEqual(['endDate']);
    expect(failingFields(() => checkSprintDates('2027-01-01', '2026-12-31'))).toEqual(['endDate']);
  });
});

describe('assertTransition', () => {
  const states: SprintState[] = ['planned', 'active', 'completed'];

  it('allows planned → active and active → completed', () => {
    expect(() => assertTransition('planned', 'active')).not.toThrow();
    expect(() => assertTransition('active', 'completed')).not.toThrow();
  });

  it('refuses every other change as a conflict', () => {
    const allowed = new Set(['planned→active', 'active→completed']);
    for (const from of states) {
      for (const to of states) {
        if (allowed.has(`${from}→${to}`)) continue;
        const error = thrown(() => assertTransition(from, to));
        expect(error.code, `${from} → ${to}`).toBe('conflict');
        expect(error.message).toContain(from);
      }
    }
  });

  it('says what was refused', () => {
    expect(thrown(() => assertTransition('completed', 'active')).message).toBe('A completed sprint cannot be started');
    expect(thrown(() => assertTransition('planned', 'completed')).message).toBe('A planned sprint cannot be completed');
  });
});

describe('sprintDays', () => {
  it('lists every day from the first to the last', () => {
    expect(sprintDays('2026-03-02', '2026-03-06')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
  });

  it('crosses month and year ends', () => {
    expect(sprintDays('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(sprintDays('2026-04-29', '2026-05-01')).toEqual(['2026-04-29', '2026-04-30', '2026-05-01']);
    expect(sprintDays('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('knows leap years', () => {
    expect(sprintDays('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(sprintDays('2027-02-28', '2027-03-01')).toEqual(['2027-02-28', '2027-03-01']);
    // Centuries are leap years only when divisible by 400.
    expect(sprintDays('2100-02-28', '2100-03-01')).toEqual(['2100-02-28', '2100-03-01']);
    expect(sprintDays('2000-02-28', '2000-03-01')).toEqual(['2000-02-28', '2000-02-29', '2000-03-01']);
  });

  it('is one day for a one-day sprint, and counts days across the spring clock change as whole days', () => {
    expect(sprintDays('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
    expect(sprintDays('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(sprintDays('2026-01-01', '2026-12-31')).toHaveLength(365);
    expect(sprintDays('2028-01-01', '2028-12-31')).toHaveLength(366);
  });
});

describe('burndown', () => {
  const week = sprintDays('2026-03-02', '2026-03-06');
  const entry = (points: number, addedAt: string, overrides: Partial<SprintEntry> = {}): SprintEntry => ({
    points,
    addedAt,
    removedAt: null,
    doneAt: null,
    ...overrides,
  });
  const remaining = (days: ReturnType<typeof burndown>) => days.map((day) => day.remaining);
  const ideal = (days: ReturnType<typeof burndown>) => days.map((day) => day.ideal);

  it('counts the points still open at the end of each day: done and removed items leave, added ones join', () => {
    const entries = [
      // Planned before the sprint began: in from day one.
      entry(5, '2026-02-27T16:00:00.000Z', { doneAt: '2026-03-03T15:00:00.000Z' }),
      entry(3, '2026-03-02T09:00:00.000Z', { removedAt: '2026-03-04T10:00:00.000Z' }),
      entry(1, '2026-03-02T09:00:00.000Z'),
      // Added on day three.
      entry(2, '2026-03-04T12:00:00.000Z'),
    ];
    const days = burndown(week, entries, 9, '2026-03-06');
    expect(days.map((day) => day.date)).toEqual(week);
    expect(remaining(days)).toEqual([9, 4, 3, 3, 3]);
  });

  it('leaves days still ahead empty', () => {
    const entries = [entry(5, '2026-03-02T09:00:00.000Z', { doneAt: '2026-03-03T15:00:00.000Z' }), entry(3, '2026-03-02T09:00:00.000Z')];
    expect(remaining(burndown(week, entries, 8, '2026-03-04'))).toEqual([8, 3, 3, null, null]);
    expect(remaining(burndown(week, entries, 8, '2026-03-02'))).toEqual([8, null, null, null, null]);
    expect(remaining(burndown(week, entries, 8, '2026-03-01'))).toEqual([null, null, null, null, null]);
    // Ahead or not, every day has its ideal.
    expect(ideal(burndown(week, entries, 8, '2026-03-01'))).toEqual([8, 6, 4, 2, 0]);
  });

  it('counts a change on the day it happened, up to the last millisecond of that day (UTC)', () => {
    const entries = [
      entry(5, '2026-03-02T00:00:00.000Z', { doneAt: '2026-03-03T23:59:59.999Z' }),
      entry(3, '2026-03-02T00:00:00.000Z', { doneAt: '2026-03-04T00:00:00.000Z' }),
      entry(2, '2026-03-02T23:59:59.999Z'),
      entry(7, '2026-03-03T00:00:00.000Z', { removedAt: '2026-03-03T00:00:00.001Z' }),
    ];
    expect(remaining(burndown(week, entries, 10, '2026-03-06'))).toEqual([10, 5, 2, 2, 2]);
  });

  it('draws the ideal line from the committed points to zero on the last day', () => {
    expect(ideal(burndown(week, [], 8, '2026-03-06'))).toEqual([8, 6, 4, 2, 0]);
    // Rounded to two decimals.
    expect(ideal(burndown(sprintDays('2026-03-02', '2026-03-05'), [], 10, '2026-03-06'))).toEqual([10, 6.67, 3.33, 0]);
    expect(ideal(burndown(sprintDays('2026-03-02', '2026-03-03'), [], 4, '2026-03-06'))).toEqual([4, 0]);
    expect(ideal(burndown(week, [], 0, '2026-03-06'))).toEqual([0, 0, 0, 0, 0]);
  });

  it('keeps the ideal line where it started when scope is added later', () => {
    const entries = [entry(4, '2026-03-02T09:00:00.000Z'), entry(6, '2026-03-03T09:00:00.000Z')];
    const days = burndown(week, entries, 4, '2026-03-06');
    expect(remaining(days)).toEqual([4, 10, 10, 10, 10]);
    expect(ideal(days)).toEqual([4, 3, 2, 1, 0]);
  });

  it('burns down a one-day sprint', () => {
    const day = sprintDays('2026-03-02', '2026-03-02');
    const entries = [entry(5, '2026-03-02T08:00:00.000Z', { doneAt: '2026-03-02T17:00:00.000Z' }), entry(3, '2026-03-02T08:00:00.000Z')];
    const days = burndown(day, entries, 8, '2026-03-02');
    expect(days).toHaveLength(1);
    expect(days[0]!.date).toBe('2026-03-02');
    expect(days[0]!.remaining).toBe(3);
    expect(days[0]!.ideal).toBe(0);
    expect(burndown(day, entries, 8, '2026-03-01')[0]!.remaining).toBeNull();
  });

  it('is empty for a sprint with no days', () => {
    expect(burndown([], [entry(3, '2026-03-02T08:00:00.000Z')], 3, '2026-03-06')).toEqual([]);
  });

  it('rounds remaining points to two decimals', () => {
    const entries = [entry(0.1, '2026-03-02T08:00:00.000Z'), entry(0.2, '2026-03-02T08:00:00.000Z')];
    expect(burndown(week, entries, 0.3, '2026-03-02')[0]!.remaining).toBe(0.3);
  });
});
