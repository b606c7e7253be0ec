import { describe, expect, it } from 'vitest';
import { ITEM_TYPES } from '../../contracts/vocabulary';
import { assertMayScope, assertReleaseTransition, isAtRisk, releaseSeed, summarizeReleaseChanges } from './releases';

describe('release risk', () => {
  it('is at risk when the 85 % date falls after the target, and only then', () => {
    expect(isAtRisk('2027-03-01', '2027-03-04')).toBe(true);
    expect(isAtRisk('2027-03-04', '2027-03-04')).toBe(false);
    expect(isAtRisk(null, '2027-03-04')).toBe(false);
    expect(isAtRisk('2027-03-04', null)).toBe(false);
  });
});

describe('release status', () => {
  it('keeps released and canceled releases as they are', () => {
    expect(() => assertReleaseTransition('planned', 'in_progress')).not.toThrow();
    expect(() => assertReleaseTransition('in_progress', 'released')).not.toThrow();
    expect(() => assertReleaseTransition('released', 'in_progress')).toThrow(/released release cannot become in progress/);
    expect(() => assertReleaseTransition('canceled', 'planned')).toThrow();
  });
});

describe('release change summary', () => {
  it('says what changed in one sentence a stakeholder can read', () => {
    const summary = summarizeReleaseChanges([
      { kind: 'scope_added', before: null, after: { key: 'DEMO-1' } },
      { kind: 'scope_added', before: null, after: { key: 'DEMO-2' } },
      { kind: 'scope_added', before: null, after: { key: 'DEMO-3' } },
      { kind: 'scope_removed', before: { key: 'DEMO-2' }, after: null },
      { kind: 'date_moved', before: { targetDate: '2027-03-01' }, after: { targetDate: '2027-03-08' } },
      { kind: 'date_moved', before: { targetDate: '2027-03-08' }, after: { targetDate: '2027-03-13' } },
      { kind: 'at_risk', before: null, after: { p85: '2027-03-18', targetDate: '2027-03-13' } },
    ]);
    expect(summary).toBe('3 items added, 1 removed; target moved 12 days later (2027-03-01 → 2027-03-13); now at risk: 85 % forecast 2027-03-18 against target 2027-03-13.');
  });

  it('reports the latest risk state, an earlier target, and a quiet release', () => {
    expect(
      summarizeReleaseChanges([
        { kind: 'date_moved', before: { targetDate: '2027-03-10' }, after: { targetDate: '2027-03-09' } },
        { kind: 'at_risk', before: null, after: { p85: '2027-03-12', targetDate: '2027-03-09' } },
        { kind: 'back_on_track', before: null, after: { p85: '2027-03-08', targetDate: '2027-03-09' } },
      ]),
    ).toBe('target moved 1 day earlier (2027-03-10 → 2027-03-09); back on track: 85 % forecast 2027-03-08.');
    expect(summarizeReleaseChanges([])).toBe('No changes yet.');
  });
});

describe('release seed', () => {
  it('is the same for the same release and differs between releases', () => {
    expect(releaseSeed('01a2-release')).toBe(releaseSeed('01a2-release'));
    expect(releaseSeed('01a2-release')).not.toBe(releaseSeed('01a3-release'));
    expect(releaseSeed('x')).toBeGreaterThanOrEqual(0);
  });
});

describe('release scope by level', () => {
  it('lets the PM and the owner scope any item, and the PO stories, tasks and bugs only', () => {
    for (const type of ITEM_TYPES) {
      expect(() => assertMayScope(['product_manager'], type)).not.toThrow();
      expect(() => assertMayScope(['owner'], type)).not.toThrow();
    }
    for (const type of ['story', 'task', 'bug'] as const) expect(() => assertMayScope(['product_owner'], type)).not.toThrow();
    expect(() => assertMayScope(['product_owner', 'contributor'], 'feature')).toThrow(expect.objectContaining({ code: 'forbidden', message: expect.stringContaining('a feature in a release') }));
    expect(() => assertMayScope(['product_owner'], 'epic')).toThrow(expect.objectContaining({ code: 'forbidden', message: expect.stringContaining('an epic in a release') }));
  });
});
