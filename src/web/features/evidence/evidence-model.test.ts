import { describe, expect, it } from 'vitest';
import { csvProblems, formatRevenue, highlightParts, parseRevenue, passageFromSelection, reachComparison, riceWithReach, segmentBars, type InsightLink, type SegmentDemand } from './evidence-model';

const link = (passage: string | null, passageStart: number | null, importance: InsightLink['importance'] = 'important', key = 'DEMO-1'): InsightLink => ({
  item: { id: key, key, title: key, type: 'feature', status: 'ready', productId: 'p' } as InsightLink['item'],
  passage,
  passageStart,
  importance,
  createdBy: null,
  createdAt: '2026-12-01T00:00:00.000Z',
});

describe('highlightParts', () => {
  const text = 'We need SAML SSO, and we need to enforce it.';

  it('marks each passage where it starts and leaves the rest plain', () => {
    const parts = highlightParts(text, [link('SAML SSO', 8, 'critical')]);
    expect(parts.map((part) => [part.text, part.importance])).toEqual([
      ['We need ', null],
      ['SAML SSO', 'critical'],
      [', and we need to enforce it.', null],
    ]);
  });

  it('splits overlapping passages, the overlap taking the stronger importance', () => {
    const parts = highlightParts(text, [link('SAML SSO, and', 8, 'nice', 'A-1'), link('SSO, and we need', 13, 'critical', 'A-2')]);
    expect(parts.map((part) => [part.text, part.importance, part.links.length])).toEqual([
      ['We need ', null, 0],
      ['SAML ', 'nice', 1],
      ['SSO, and', 'critical', 2],
      [' we need', 'critical', 1],
      [' to enforce it.', null, 0],
    ]);
  });

  it('ignores whole-insight links and passages the text no longer holds', () => {
    expect(highlightParts(text, [link(null, null), link('gone', null), link('SAML', 30)])).toEqual([{ text, links: [], importance: null }]);
  });
});

describe('passageFromSelection', () => {
  it('trims the selection and accepts only the insight’s own words', () => {
    expect(passageFromSelection('  SAML SSO ', 'We need SAML SSO.')).toBe('SAML SSO');
    expect(passageFromSelection('SAML SSO.\nLink', 'We need SAML SSO.')).toBeNull();
    expect(passageFromSelection('   ', 'We need SAML SSO.')).toBeNull();
  });
});

describe('segment bars and reach', () => {
  const demand = (name: string | null, customers: number, revenue: number): SegmentDemand => ({ segment: name ? { id: name, name } : null, insights: customers, customers, revenue });

  it('sizes each bar against the longest, longest first, naming the insights without a segment', () => {
    const bars = segmentBars([demand('Start-up', 1, 5_900), demand(null, 1, 0), demand('Enterprise', 2, 420_000)], 'revenue');
    expect(bars.map((bar) => [bar.name, bar.value, bar.share])).toEqual([
      ['Enterprise', 420_000, 1],
      ['Start-up', 5_900, 5_900 / 420_000],
      ['No segment', 0, 0],
    ]);
    expect(segmentBars([demand(null, 0, 0)], 'customers')[0]!.share).toBe(0);
  });

  it('re-scores RICE with the new reach and the stored impact, confidence and effort', () => {
    expect(riceWithReach({ reach: 40, impact: 2, confidence: 0.8, effort: 3 }, 5)).toEqual({ framework: 'rice', inputs: { reach: 5, impact: 2, confidence: 0.8, effort: 3 } });
    expect(reachComparison({ suggestedReach: 5, riceReach: null }).state).toBe('unscored');
    expect(reachComparison({ suggestedReach: 5, riceReach: 5 }).state).toBe('same');
    expect(reachComparison({ suggestedReach: 5, riceReach: 1200 }).text).toBe('The RICE score uses a reach of 1,200.');
  });
});

describe('forms and uploads', () => {
  it('reads revenue as typed, empty meaning unknown', () => {
    expect(parseRevenue('')).toEqual({ ok: true, value: null });
    expect(parseRevenue(' 180,000 ')).toEqual({ ok: true, value: 180_000 });
    expect(parseRevenue('-3').ok).toBe(false);
    expect(parseRevenue('lots').ok).toBe(false);
    expect(formatRevenue(129_000)).toBe('129,000');
    expect(formatRevenue(null)).toBe('—');
  });

  it('names each refused row by its line and column', () => {
    expect(
      csvProblems({
        errors: [
          { field: 'line 3: text', message: 'is empty' },
          { field: 'body', message: 'not valid CSV' },
        ],
      }),
    ).toEqual([
      { where: 'Line 3, text', message: 'is empty' },
      { where: 'File', message: 'not valid CSV' },
    ]);
    expect(csvProblems(null)).toEqual([]);
  });
});
