import { describe, expect, it } from 'vitest';
import { assertSchedulable, releaseCriticalPaths, scheduledDays } from './timeline';

describe('a plan on the timeline', () => {
  it('spans its days with both ends counted, and nothing without both dates', () => {
    expect(scheduledDays('2027-01-01', '2027-01-01')).toBe(1);
    expect(scheduledDays('2027-01-30', '2027-02-02')).toBe(4);
    expect(scheduledDays(null, '2027-02-02')).toBe(0);
  });

  it('is for epics and features only', () => {
    expect(() => assertSchedulable('feature')).not.toThrow();
    expect(() => assertSchedulable('story')).toThrow(/planned through sprints/);
  });
});

describe('a release’s critical path', () => {
  const planned = (id: string, releaseId: string | null, startDate: string | null, targetDate: string | null) => ({ id, releaseId, startDate, targetDate });

  it('follows the dependent chain spanning the most days, release by release', () => {
    const work = [
      planned('design', 'r1', '2027-01-01', '2027-01-10'), // 10 days
      planned('build', 'r1', '2027-01-11', '2027-01-31'), // 21 days, blocked by design
      planned('docs', 'r1', '2027-01-01', '2027-01-25'), // 25 days, alone
      planned('other', 'r2', '2027-02-01', '2027-02-03'),
      planned('unreleased', null, '2027-01-01', '2027-12-31'),
    ];
    const paths = releaseCriticalPaths(work, [{ blockerId: 'design', blockedId: 'build' }]);
    expect(paths.get('r1')).toEqual({ ids: ['design', 'build'], days: 31 });
    expect(paths.get('r2')).toEqual({ ids: ['other'], days: 3 });
    expect(paths.has('unreleased')).toBe(false);
  });

  it('is empty when nothing in the release has dates', () => {
    expect(releaseCriticalPaths([planned('a', 'r1', null, null), planned('b', 'r1', '2027-01-01', null)], [{ blockerId: 'a', blockedId: 'b' }]).get('r1')).toEqual({ ids: [], days: 0 });
  });
});
