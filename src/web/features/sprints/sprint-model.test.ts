import { describe, expect, it } from 'vitest';
import type { Burndown, ScopeChange } from '../../api/sprint-keys';
import {
  burndownSummary,
  capacityState,
  describeScopeChange,
  formatPoints,
  netScopeChange,
  nextSprintDates,
  nextSprintName,
  planDrop,
  progressPercent,
  scopeAccess,
  sprintLength,
  toAvailability,
} from './sprint-model';

describe('the capacity bar', () => {
  it('fills with committed points and says how much of capacity they take', () => {
    expect(capacityState(8, 20)).toMatchObject({ percent: 40, tone: 'under', overBy: 0, label: '8 of 20 points committed' });
  });

  it('says nearly full from 90 %', () => {
    expect(capacityState(18, 20)).toMatchObject({ tone: 'near', label: '18 of 20 points committed, nearly full' });
    expect(capacityState(20, 20).tone).toBe('near');
  });

  it('turns to a warning past capacity, naming the excess, and never overfills', () => {
    expect(capacityState(23, 20)).toMatchObject({ percent: 100, tone: 'over', overBy: 3, label: '23 of 20 points committed, 3 points over capacity' });
  });

  it('with no capacity yet, says so instead of dividing by zero', () => {
    expect(capacityState(5, 0)).toMatchObject({ tone: 'none', label: '5 points committed; no capacity yet' });
    expect(capacityState(0, 0).percent).toBe(0);
  });
});

describe('who may change a sprint’s scope, and what a drop asks for', () => {
  const planned = { name: 'Sprint 1', state: 'planned' as const };
  const running = { name: 'Sprint 1', state: 'active' as const };

  it('before the start, the PM plans too; after it, only the PO or an owner', () => {
    expect(scopeAccess(['product_manager'], planned)).toMatchObject({ allowed: true, isScopeChange: false });
    expect(scopeAccess(['product_manager'], running)).toMatchObject({ allowed: false, isScopeChange: true });
    expect(scopeAccess(['product_manager'], running).reason).toMatch(/only the product owner or an owner/);
    expect(scopeAccess(['product_owner'], running)).toMatchObject({ allowed: true, isScopeChange: true });
    expect(scopeAccess(['contributor'], planned).allowed).toBe(false);
    expect(scopeAccess(['owner'], { name: 'S', state: 'completed' }).allowed).toBe(false);
  });

  it('backlog → sprint commits, sprint → backlog removes, anything else asks nothing', () => {
    const may = scopeAccess(['product_owner'], planned);
    expect(planDrop({ itemId: 'i', from: 'backlog', to: 'sprint' }, may)).toEqual({ kind: 'commit', itemId: 'i' });
    expect(planDrop({ itemId: 'i', from: 'sprint', to: 'backlog' }, may)).toEqual({ kind: 'remove', itemId: 'i' });
    expect(planDrop({ itemId: 'i', from: 'sprint', to: 'sprint' }, may)).toBeNull();
    expect(planDrop({ itemId: 'i', from: 'backlog', to: null }, may)).toBeNull();
    expect(planDrop({ itemId: 'i', from: 'backlog', to: 'sprint' }, scopeAccess(['product_manager'], running))).toBeNull();
  });
});

describe('sprint facts', () => {
  it('points read naturally', () => {
    expect(formatPoints(1)).toBe('1 point');
    expect(formatPoints(0)).toBe('0 points');
    expect(formatPoints(2.5)).toBe('2.5 points');
  });

  it('a new sprint follows the latest one, two weeks long, named after it', () => {
    expect(nextSprintDates('2026-12-01', [])).toEqual({ startDate: '2026-12-01', endDate: '2026-12-14' });
    expect(nextSprintDates('2026-12-01', [{ endDate: '2026-12-10' }])).toEqual({ startDate: '2026-12-11', endDate: '2026-12-24' });
    expect(nextSprintDates('2026-12-01', [{ endDate: '2026-11-10' }]).startDate).toBe('2026-12-01');
    expect(nextSprintName([{ name: 'Sprint 3' }, { name: 'Sprint 4' }])).toBe('Sprint 5');
    expect(nextSprintName([])).toBe('Sprint 1');
    expect(sprintLength('2026-12-01', '2026-12-14')).toBe(14);
  });

  it('availability keeps members with days, and names a bad value', () => {
    const rows = [
      { userId: 'a', name: 'A', days: '8' },
      { userId: 'b', name: 'B', days: '' },
      { userId: 'c', name: 'C', days: 'lots' },
    ];
    expect(toAvailability(rows)).toEqual({ value: [{ userId: 'a', days: 8 }], errors: { c: 'Enter days between 0 and 365' } });
  });

  it('progress is done points over committed', () => {
    expect(progressPercent({ committedPoints: 8, completedPoints: 2 })).toBe(25);
    expect(progressPercent({ committedPoints: 0, completedPoints: 0 })).toBe(0);
  });
});

describe('scope changes and the burndown in words', () => {
  const change: ScopeChange = { itemId: 'i1', key: 'DEMO-12', title: 'Export CSV', change: 'added', points: 3, at: '2026-12-04T10:04:00.000Z', by: 'u1' };
  const names = { person: (id: string) => (id === 'u1' ? 'Pablo Owner' : undefined) };

  it('says who added or took out what, and its points', () => {
    expect(describeScopeChange(change, names)).toMatch(/^Pablo Owner added DEMO-12 “Export CSV” \(3 points\) to the sprint on 4 Dec/);
    expect(describeScopeChange({ ...change, change: 'removed', points: 0, by: null }, names)).toMatch(/^Someone took out DEMO-12 “Export CSV” \(not estimated\) of the sprint/);
    expect(netScopeChange([change, { ...change, change: 'removed', points: 1 }])).toBe(2);
  });

  it('summarises the burndown against the ideal line', () => {
    const burndown: Burndown = {
      sprintId: 's',
      committedAtStart: 10,
      days: [
        { date: '2026-12-01', remaining: 10, ideal: 10 },
        { date: '2026-12-02', remaining: 8, ideal: 5 },
        { date: '2026-12-03', remaining: null, ideal: 0 },
      ],
      scopeChanges: [],
    };
    expect(burndownSummary(burndown)).toBe('10 points committed at the start; 8 points remaining on 2 Dec, 3 points behind the ideal line.');
    expect(burndownSummary({ ...burndown, committedAtStart: null })).toMatch(/has not started/);
  });
});
