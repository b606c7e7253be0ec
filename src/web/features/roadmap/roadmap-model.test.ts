import { describe, expect, it } from 'vitest';
import {
  flagPlacement,
  adjacentColumn,
  applyDrag,
  axisTicks,
  barOf,
  boardColumns,
  conflictText,
  criticalPathText,
  dateAtX,
  daysOfDrag,
  describePlan,
  groupRows,
  layoutMarkers,
  markersOf,
  stepPlan,
  timelineRange,
  unscheduledOf,
  withPending,
  xOfDate,
  type Roadmap,
  type RoadmapItem,
  type TimeScale,
} from './roadmap-model';

const scale: TimeScale = { start: '2027-01-01', end: '2027-03-31', dayWidth: 10 };

function entry(key: string, overrides: Partial<RoadmapItem> & { type?: 'epic' | 'feature' } = {}): RoadmapItem {
  const { type = 'feature', ...rest } = overrides;
  return { item: { id: key, key, title: `Title of ${key}`, type, status: 'ready' }, startDate: null, targetDate: null, horizon: null, version: 0, parentId: null, releaseId: null, initiativeIds: [], ...rest };
}

const initiative = (id: string) => ({ id, title: id, status: 'active' as const, startDate: null, targetDate: null, goalIds: [], version: 1 });

describe('the time axis', () => {
  it('puts a date at its day’s left edge and snaps a position to the day under it', () => {
    expect(xOfDate(scale, '2027-01-01')).toBe(0);
    expect(xOfDate(scale, '2027-01-11')).toBe(100);
    expect(dateAtX(scale, 100)).toBe('2027-01-11');
    expect(dateAtX(scale, 109.9)).toBe('2027-01-11');
    expect(dateAtX(scale, -1)).toBe('2026-12-31');
  });

  it('draws a bar from the start of its first day to the end of its last', () => {
    expect(barOf(scale, { startDate: '2027-01-02', targetDate: '2027-01-04' })).toEqual({ left: 10, width: 30 });
    expect(barOf(scale, { startDate: '2027-01-02', targetDate: '2027-01-02' })).toEqual({ left: 10, width: 10 });
  });

  it('cuts a bar to the axis, and shows a plan wholly beyond it as one day at its edge', () => {
    expect(barOf(scale, { startDate: '2026-12-01', targetDate: '2027-01-04' })).toEqual({ left: 0, width: 40 });
    expect(barOf(scale, { startDate: '2207-01-01', targetDate: '2207-02-01' })).toEqual({ left: xOfDate(scale, scale.end), width: 10 });
    expect(barOf(scale, { startDate: '0000-01-01', targetDate: '0000-01-02' })).toEqual({ left: 0, width: 10 });
  });

  it('snaps a drag to whole days', () => {
    expect(daysOfDrag(14, 10)).toBe(1);
    expect(daysOfDrag(16, 10)).toBe(2);
    expect(daysOfDrag(-4, 10)).toBe(0);
    expect(daysOfDrag(-26, 10)).toBe(-3);
  });

  it('spans every date and today with a margin, from the first of a month, at least four months', () => {
    expect(timelineRange(['2027-02-10', null, '2027-05-20'], '2027-03-01')).toEqual({ start: '2027-01-01', end: '2027-06-30' });
    expect(timelineRange([], '2027-03-15')).toEqual({ start: '2027-03-01', end: '2027-06-30' });
  });

  it('reaches ten years from today at most, so a mistyped year leaves the axis usable', () => {
    expect(timelineRange(['2207-05-20', '0000-01-01', '9999-12-31', '2027-05-20'], '2027-03-01')).toEqual({ start: '2027-02-01', end: '2027-06-30' });
    expect(timelineRange(['2036-06-01'], '2027-03-01').end).toBe('2036-07-31');
  });

  it('labels Mondays in weeks, months in months and quarters in quarters', () => {
    const weeks = axisTicks(scale, 'weeks');
    expect(weeks[0]).toMatchObject({ date: '2027-01-04', x: 30, label: '4 Jan 2027', major: true });
    expect(weeks[1]).toMatchObject({ date: '2027-01-11', label: '11 Jan', major: false });
    expect(axisTicks(scale, 'months').map((tick) => tick.label)).toEqual(['Jan 2027', 'Feb', 'Mar']);
    expect(axisTicks({ ...scale, end: '2027-04-30' }, 'quarters').filter((tick) => tick.major).map((tick) => tick.label)).toEqual(['Q1 2027', 'Q2 2027']);
  });
});

describe('markers', () => {
  it('lists release targets and milestones by date, leaving out canceled and undated releases', () => {
    const markers = markersOf({
      releases: [
        { id: 'r1', name: 'GA', status: 'planned', targetDate: '2027-02-01', atRisk: true, criticalPath: [], criticalPathDays: 0 },
        { id: 'r2', name: 'Old', status: 'canceled', targetDate: '2027-01-10', atRisk: false, criticalPath: [], criticalPathDays: 0 },
        { id: 'r3', name: 'Someday', status: 'planned', targetDate: null, atRisk: false, criticalPath: [], criticalPathDays: 0 },
      ],
      milestones: [{ id: 'm1', workspaceId: 'w', productId: 'p', name: 'Keynote', date: '2027-01-20', description: '', version: 1, createdAt: '', updatedAt: '' }],
    });
    expect(markers.map((marker) => [marker.kind, marker.label, marker.atRisk])).toEqual([
      ['milestone', 'Keynote', false],
      ['release', 'GA', true],
    ]);
  });

  it('stacks labels that would overlap and reuses a lane once it is free', () => {
    const placed = layoutMarkers(
      [
        { id: 'a', kind: 'milestone', date: '2027-01-05', label: 'Security review', atRisk: false },
        { id: 'b', kind: 'release', date: '2027-01-07', label: 'GA', atRisk: false },
        { id: 'c', kind: 'release', date: '2027-03-01', label: 'Later', atRisk: false },
      ],
      scale,
    );
    expect(placed.map((marker) => [marker.id, marker.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ]);
    expect(placed[0]!.x).toBe(45);
  });

  it('leaves out a marker beyond the axis', () => {
    const far = { id: 'far', kind: 'release' as const, date: '2207-01-01', label: 'Typo', atRisk: false };
    expect(layoutMarkers([far, { ...far, id: 'near', date: '2027-02-01' }], scale).map((marker) => marker.id)).toEqual(['near']);
  });
});

describe('rows', () => {
  const roadmap: Pick<Roadmap, 'items' | 'initiatives'> = {
    initiatives: [initiative('enterprise'), initiative('growth')],
    items: [
      entry('E1', { type: 'epic', startDate: '2027-01-10', targetDate: '2027-02-10', initiativeIds: ['enterprise'] }),
      entry('F2', { parentId: 'E1', startDate: '2027-01-20', targetDate: '2027-01-30' }),
      entry('F1', { parentId: 'E1', startDate: '2027-01-12', targetDate: '2027-01-25' }),
      entry('F3', { startDate: '2027-01-05', targetDate: '2027-01-08' }),
      entry('F4', { parentId: 'E9', startDate: '2027-01-02', targetDate: '2027-01-03', initiativeIds: ['growth'] }),
      entry('F5', { parentId: 'E1' }),
      entry('E9', { type: 'epic', targetDate: '2027-03-01', initiativeIds: ['enterprise'] }),
    ],
  };

  it('groups scheduled work by initiative, each epic followed by its features in plan order, then the unaligned', () => {
    const groups = groupRows(roadmap);
    expect(groups.map((group) => [group.initiative?.id ?? null, group.rows.map((row) => `${'-'.repeat(row.depth)}${row.entry.item.key}`)])).toEqual([
      ['enterprise', ['E1', '-F1', '-F2']],
      ['growth', ['F4']],
      [null, ['F3']],
    ]);
  });

  it('lists work without both dates as not scheduled', () => {
    expect(unscheduledOf(roadmap).map((candidate) => candidate.item.key)).toEqual(['E9', 'F5']);
  });
});

describe('moving and resizing a plan', () => {
  const plan = { startDate: '2027-01-10', targetDate: '2027-01-20' };

  it('moves both ends, or one end without passing the other', () => {
    expect(applyDrag(plan, 'move', 3)).toEqual({ startDate: '2027-01-13', targetDate: '2027-01-23' });
    expect(applyDrag(plan, 'start', -2)).toEqual({ startDate: '2027-01-08', targetDate: '2027-01-20' });
    expect(applyDrag(plan, 'start', 30)).toEqual({ startDate: '2027-01-20', targetDate: '2027-01-20' });
    expect(applyDrag(plan, 'end', -30)).toEqual({ startDate: '2027-01-10', targetDate: '2027-01-10' });
  });

  it('steps by a day or a week from the keyboard, Shift changing the target date only', () => {
    expect(stepPlan(plan, 'ArrowRight', { shift: false, ctrl: false })).toEqual({ startDate: '2027-01-11', targetDate: '2027-01-21' });
    expect(stepPlan(plan, 'ArrowLeft', { shift: false, ctrl: true })).toEqual({ startDate: '2027-01-03', targetDate: '2027-01-13' });
    expect(stepPlan(plan, 'PageDown', { shift: false, ctrl: false })).toEqual({ startDate: '2027-01-17', targetDate: '2027-01-27' });
    expect(stepPlan(plan, 'ArrowLeft', { shift: true, ctrl: false })).toEqual({ startDate: '2027-01-10', targetDate: '2027-01-19' });
    expect(stepPlan(plan, 'ArrowUp', { shift: false, ctrl: false })).toBeNull();
  });

  it('describes a plan in words', () => {
    expect(describePlan('DEMO-25', plan)).toBe('DEMO-25: 10 Jan 2027 to 20 Jan 2027, 11 days');
  });
});

describe('conflicts and critical paths', () => {
  const keyOf = (id: string) => ({ a: 'DEMO-22', b: 'DEMO-25' })[id] ?? id;

  it('says what the blocked item starts before', () => {
    expect(conflictText({ blockerId: 'a', blockedId: 'b', blockerDate: '2026-12-27', blockedDate: '2026-12-17' }, keyOf)).toBe('starts before DEMO-22 is due (27 Dec 2026)');
  });

  it('names the path and its length, or what it lacks', () => {
    const release = { id: 'r', name: 'Enterprise GA', status: 'planned' as const, targetDate: null, atRisk: false, criticalPath: ['a', 'b'], criticalPathDays: 72 };
    expect(criticalPathText(release, keyOf)).toBe('Critical path: 72 days, DEMO-22 → DEMO-25');
    expect(criticalPathText({ ...release, criticalPath: [], criticalPathDays: 0 }, keyOf)).toMatch(/^Enterprise GA has no critical path yet/);
  });
});

describe('the Now / Next / Later board', () => {
  it('sorts cards into columns, epics first, and knows the neighbouring columns', () => {
    const columns = boardColumns([entry('F2', { horizon: 'now' }), entry('E1', { type: 'epic', horizon: 'now' }), entry('F10', { horizon: 'later' }), entry('F3')]);
    expect(Object.fromEntries(Object.entries(columns).map(([column, cards]) => [column, cards.map((card) => card.item.key)]))).toEqual({ now: ['E1', 'F2'], next: [], later: ['F10'], unplaced: ['F3'] });
    expect(adjacentColumn('now', -1)).toBeNull();
    expect(adjacentColumn('next', -1)).toBe('now');
    expect(adjacentColumn('later', 1)).toBe('unplaced');
  });
});

describe('changes being saved', () => {
  it('lays pending plans over the loaded roadmap, items by id and initiatives by id, leaving the rest as loaded', () => {
    const roadmap: Roadmap = {
      items: [entry('F1', { startDate: '2027-01-01', targetDate: '2027-01-10', horizon: 'next', version: 3 }), entry('F2', { horizon: 'later' })],
      initiatives: [{ ...initiative('enterprise'), startDate: '2027-01-01', targetDate: '2027-03-31' }],
      releases: [],
      milestones: [],
      dependencies: [],
      conflicts: [],
    };
    const laid = withPending(
      roadmap,
      new Map([
        ['item:F1', { startDate: '2027-01-05', targetDate: '2027-01-14' }],
        ['initiative:enterprise', { startDate: '2027-02-01', targetDate: '2027-04-30' }],
      ]),
    );
    expect(laid.items.map((candidate) => [candidate.item.key, candidate.startDate, candidate.targetDate, candidate.horizon, candidate.version])).toEqual([
      ['F1', '2027-01-05', '2027-01-14', 'next', 3],
      ['F2', null, null, 'later', 0],
    ]);
    expect(laid.initiatives[0]).toMatchObject({ startDate: '2027-02-01', targetDate: '2027-04-30' });
    expect(withPending(roadmap, new Map())).toBe(roadmap);
  });
});

describe('conflict flag placement', () => {
  const text = 'starts before DEMO-22 is due (12 Jan 2027)';
  it('sits after the bar while it fits on the timeline', () => {
    expect(flagPlacement({ left: 100, width: 200 }, 2000, text)).toEqual({ left: 306 });
  });
  it('moves before the bar when it would run past the end of the timeline', () => {
    expect(flagPlacement({ left: 1500, width: 400 }, 2000, text)).toEqual({ right: 506 });
  });
  it('stays after the bar when there is no room before it either', () => {
    expect(flagPlacement({ left: 40, width: 1900 }, 2000, text)).toEqual({ left: 1946 });
  });
});
