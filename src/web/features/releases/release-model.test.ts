import { describe, expect, it } from 'vitest';
import { againstTarget, chanceText, changeLine, daysBetween, distributionChart, forecastRows, progressText, throughputBars } from './release-model';

describe('release model', () => {
  it('counts whole days between plan dates, across months and backwards', () => {
    expect(daysBetween('2027-02-20', '2027-03-04')).toBe(12);
    expect(daysBetween('2027-03-04', '2027-02-20')).toBe(-12);
    expect(daysBetween('2027-03-04', '2027-03-04')).toBe(0);
  });

  it('reads a date against the target', () => {
    expect(againstTarget('2027-03-05', '2027-03-04')).toBe('1 day after the target');
    expect(againstTarget('2027-03-01', '2027-03-04')).toBe('3 days before the target');
    expect(againstTarget('2027-03-04', '2027-03-04')).toBe('on the target');
  });

  it('says delivery in points and items, naming the unestimated', () => {
    expect(progressText({ points: 9, donePoints: 4, items: 4, doneItems: 2, unestimated: 0, progress: 4 / 9 })).toBe('4 of 9 points · 2 of 4 items');
    expect(progressText({ points: 0, donePoints: 0, items: 1, doneItems: 0, unestimated: 1, progress: 0 })).toBe('0 of 0 points · 0 of 1 item · 1 unestimated');
  });

  it('draws the forecast’s trials by finishing date, late ones marked, with the chance of making the target', () => {
    const { bars, chanceByTarget } = distributionChart(
      [
        { date: '2027-03-01', trials: 2_000 },
        { date: '2027-03-02', trials: 5_000 },
        { date: '2027-03-03', trials: 3_000 },
      ],
      '2027-03-02',
    );
    expect(bars.map((bar) => [bar.date, bar.height, bar.late])).toEqual([
      ['2027-03-01', 0.4, false],
      ['2027-03-02', 1, false],
      ['2027-03-03', 0.6, true],
    ]);
    expect(chanceByTarget).toBe(0.7);
    expect(distributionChart([{ date: '2027-03-01', trials: 10 }], null).chanceByTarget).toBeNull();
    expect(distributionChart([], '2027-03-01')).toEqual({ bars: [], chanceByTarget: null });
  });

  it('says the chance of making the target in words that never round a miss away', () => {
    expect(chanceText(0.7)).toBe('70 %');
    expect(chanceText(1)).toBe('100 %');
    expect(chanceText(0.9996)).toBe('over 99 %');
    expect(chanceText(0)).toBe('0 %');
    expect(chanceText(0.0004)).toBe('under 1 %');
  });

  it('marks forecast dates past the target as late', () => {
    const forecast = { remaining: 5, history: { start: '2027-01-01', end: '2027-01-30', daily: [] }, p50: '2027-03-01', p85: '2027-03-06', p95: null, distribution: [], atRisk: true, explanation: '' };
    expect(forecastRows(forecast, '2027-03-04')).toEqual([
      { label: '50 % likely by', date: '2027-03-01', note: '3 days before the target', late: false },
      { label: '85 % likely by', date: '2027-03-06', note: '2 days after the target', late: true },
      { label: '95 % likely by', date: null, note: null, late: false },
    ]);
    expect(forecastRows(forecast, null)[1]).toEqual({ label: '85 % likely by', date: '2027-03-06', note: null, late: false });
  });

  it('puts each kind of change in plain words', () => {
    const item = { itemId: 'x', key: 'DEMO-4', title: 'Invite teammates', type: 'story' };
    expect(changeLine({ kind: 'scope_added', before: null, after: item })).toBe('DEMO-4 Invite teammates added');
    expect(changeLine({ kind: 'scope_removed', before: item, after: null })).toBe('DEMO-4 Invite teammates removed');
    expect(changeLine({ kind: 'date_moved', before: { targetDate: '2027-02-20' }, after: { targetDate: '2027-03-04' } })).toBe('Target moved from 2027-02-20 to 2027-03-04 (12 days later)');
    expect(changeLine({ kind: 'date_moved', before: { targetDate: '2027-03-04' }, after: { targetDate: '2027-03-03' } })).toBe('Target moved from 2027-03-04 to 2027-03-03 (1 day earlier)');
    expect(changeLine({ kind: 'date_moved', before: { targetDate: null }, after: { targetDate: '2027-03-04' } })).toBe('Target set to 2027-03-04');
    expect(changeLine({ kind: 'date_moved', before: { targetDate: '2027-03-04' }, after: { targetDate: null } })).toBe('Target date removed');
    expect(changeLine({ kind: 'status_changed', before: { status: 'planned' }, after: { status: 'in_progress' } })).toBe('Status changed from planned to in progress');
    expect(changeLine({ kind: 'at_risk', before: null, after: { p85: '2027-03-06', targetDate: '2027-03-04' } })).toBe('Turned at risk: 85 % forecast 2027-03-06 against the target 2027-03-04');
    expect(changeLine({ kind: 'back_on_track', before: null, after: { p85: '2027-03-01' } })).toBe('Back on track: 85 % forecast 2027-03-01');
  });

  it('scales throughput bars to the busiest day, even when nothing was done', () => {
    expect(throughputBars([0, 2, 4]).map((bar) => bar.height)).toEqual([0, 0.5, 1]);
    expect(throughputBars([0, 0]).map((bar) => bar.height)).toEqual([0, 0]);
  });
});
