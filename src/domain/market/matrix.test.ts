import { describe, expect, it } from 'vitest';
import { assembleMatrix, competitorTotals, coverageOf, isMarketItemType, sameName, type CapabilityLevel } from './matrix';

const capability = (id: string, ourLevel: CapabilityLevel) => ({ id, name: id, ourLevel });

describe('capability matrix', () => {
  it('puts one cell per competitor in each row, a missing cell reading as unknown', () => {
    const rows = assembleMatrix(
      [capability('sso', 'has'), capability('funnels', 'none')],
      ['amp', 'mix'],
      [
        { capabilityId: 'sso', competitorId: 'mix', level: 'partial', note: 'Enterprise plan only' },
        { capabilityId: 'funnels', competitorId: 'amp', level: 'has', note: '' },
        // A competitor not in the list (removed meanwhile) is ignored.
        { capabilityId: 'sso', competitorId: 'gone', level: 'has', note: '' },
      ],
    );
    expect(rows.map((row) => row.cells.map((cell) => [cell.competitorId, cell.level, cell.assessed]))).toEqual([
      [
        ['amp', 'unknown', false],
        ['mix', 'partial', true],
      ],
      [
        ['amp', 'has', true],
        ['mix', 'unknown', false],
      ],
    ]);
    expect(rows[0]!.cells[1]!.note).toBe('Enterprise plan only');
    expect(competitorTotals(rows, ['amp', 'mix'])).toEqual([
      { competitorId: 'amp', has: 1, partial: 0 },
      { competitorId: 'mix', has: 0, partial: 1 },
    ]);
  });

  it('counts coverage and says it in words, flagging gaps and differentiators', () => {
    const gap = coverageOf('none', ['has', 'has', 'partial', 'unknown']);
    expect(gap).toMatchObject({ has: 2, partial: 1, none: 0, unknown: 1, isGap: true, isDifferentiator: false });
    expect(gap.summary).toBe('we do not have it / 2 of 4 competitors have it, 1 partly');
    const ours = coverageOf('has', ['none', 'partial']);
    expect(ours).toMatchObject({ isGap: false, isDifferentiator: true });
    expect(ours.summary).toBe('we have it / 0 of 2 competitors have it, 1 partly');
    expect(coverageOf('has', ['has']).summary).toBe('we have it / 1 of 1 competitor has it');
    expect(coverageOf('partial', ['partial']).isGap).toBe(false);
    expect(coverageOf('partial', ['has']).isGap).toBe(true);
    expect(coverageOf('unknown', []).summary).toBe('our own coverage is not assessed / no competitors to compare');
  });

  it('links only epics and features, and compares names without case', () => {
    expect(isMarketItemType('feature')).toBe(true);
    expect(isMarketItemType('story')).toBe(false);
    expect(sameName(' Amplitude', 'amplitude ')).toBe(true);
    expect(sameName('Amplitude', 'Mixpanel')).toBe(false);
  });
});
