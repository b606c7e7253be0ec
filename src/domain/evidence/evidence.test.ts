import { describe, expect, it } from 'vitest';
import { locatePassage, passageProblem, rollUpEvidence, type EvidenceRow } from './evidence';

const row = (insightId: string, customerId: string | null, segmentId: string | null, revenue: number | null, importance: EvidenceRow['importance'] = 'important'): EvidenceRow => ({
  insightId,
  customerId,
  segmentId,
  revenue,
  importance,
});

describe('an item’s evidence', () => {
  it('is empty without insights, suggesting no reach', () => {
    expect(rollUpEvidence([])).toEqual({ insights: 0, customers: 0, revenue: 0, bySegment: [], byImportance: { nice: 0, important: 0, critical: 0 }, suggestedReach: 0 });
  });

  it('counts a customer and their revenue once however many insights they gave', () => {
    const evidence = rollUpEvidence([row('i1', 'acme', 'ent', 120_000), row('i2', 'acme', 'ent', 120_000, 'critical'), row('i3', 'bolt', 'smb', 9_000, 'nice')]);
    expect(evidence).toMatchObject({ insights: 3, customers: 2, revenue: 129_000, suggestedReach: 2, byImportance: { nice: 1, important: 1, critical: 1 } });
  });

  it('breaks the demand down by segment, the largest revenue first and the unsegmented last', () => {
    const evidence = rollUpEvidence([row('i1', 'bolt', 'smb', 9_000), row('i2', 'anon', null, 50_000), row('i3', 'acme', 'ent', 120_000), row('i4', 'core', 'ent', 80_000)]);
    expect(evidence.bySegment).toEqual([
      { segmentId: 'ent', insights: 2, customers: 2, revenue: 200_000 },
      { segmentId: 'smb', insights: 1, customers: 1, revenue: 9_000 },
      { segmentId: null, insights: 1, customers: 1, revenue: 50_000 },
    ]);
  });

  it('counts each insight without a customer as one more voice in the suggested reach', () => {
    const evidence = rollUpEvidence([row('i1', null, null, null), row('i2', null, null, null), row('i3', 'acme', 'ent', null)]);
    expect(evidence).toMatchObject({ insights: 3, customers: 1, revenue: 0, suggestedReach: 3 });
    expect(evidence.bySegment.find((segment) => segment.segmentId === null)).toEqual({ segmentId: null, insights: 2, customers: 0, revenue: 0 });
  });

  it('counts an insight once when its rows repeat', () => {
    expect(rollUpEvidence([row('i1', 'acme', 'ent', 10, 'critical'), row('i1', 'acme', 'ent', 10, 'critical')])).toMatchObject({
      insights: 1,
      customers: 1,
      revenue: 10,
      byImportance: { critical: 1 },
    });
  });
});

describe('a highlighted passage', () => {
  const text = 'We export to CSV every Monday and the SSO login breaks each time.';

  it('must be words of the insight exactly as written', () => {
    expect(passageProblem(text, 'SSO login breaks')).toBeNull();
    expect(passageProblem(text, null)).toBeNull();
    expect(passageProblem(text, 'sso login breaks')).toMatchObject({ field: 'passage' });
    expect(passageProblem(text, '   ')).toMatchObject({ field: 'passage', message: expect.stringContaining('empty') });
  });

  it('is found where it sits, or not at all once the text changed', () => {
    expect(locatePassage(text, 'SSO login')).toBe(text.indexOf('SSO'));
    expect(locatePassage(text, 'SAML')).toBeNull();
    expect(locatePassage(text, null)).toBeNull();
  });
});
