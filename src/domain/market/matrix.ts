import type { CAPABILITY_LEVELS } from '../../contracts/vocabulary';

export type CapabilityLevel = (typeof CAPABILITY_LEVELS)[number];

/** One assessed cell: how far a competitor covers a capability. */
export interface Assessment {
  capabilityId: string;
  competitorId: string;
  level: CapabilityLevel;
  note: string;
}

export interface MatrixCell {
  competitorId: string;
  level: CapabilityLevel;
  note: string;
  /** False when nobody assessed the cell: it reads as unknown. */
  assessed: boolean;
}

export interface Coverage {
  /** How far we cover it ourselves. */
  ours: CapabilityLevel;
  has: number;
  partial: number;
  none: number;
  unknown: number;
  /** A competitor covers it further than we do (we lack it and one has it at least partly, or we have part and one has it all). */
  isGap: boolean;
  /** We have it and no competitor fully does: something to position on. */
  isDifferentiator: boolean;
  /** In words: "we have it / 2 of 3 competitors have it". */
  summary: string;
}

export interface MatrixRow<C> {
  capability: C;
  cells: MatrixCell[];
  coverage: Coverage;
}

/**
 * The competitor × capability grid: one row per capability in the order
 * given, one cell per competitor in the order given. A cell nobody assessed
 * reads as unknown with no note; assessments of competitors or capabilities
 * not listed are ignored.
 */
export function assembleMatrix<C extends { id: string; ourLevel: CapabilityLevel }>(
  capabilities: readonly C[],
  competitorIds: readonly string[],
  assessments: readonly Assessment[],
): Array<MatrixRow<C>> {
  const byCell = new Map(assessments.map((assessment) => [`${assessment.capabilityId} ${assessment.competitorId}`, assessment]));
  return capabilities.map((capability) => {
    const cells = competitorIds.map((competitorId): MatrixCell => {
      const found = byCell.get(`${capability.id} ${competitorId}`);
      return found ? { competitorId, level: found.level, note: found.note, assessed: true } : { competitorId, level: 'unknown', note: '', assessed: false };
    });
    return { capability, cells, coverage: coverageOf(capability.ourLevel, cells.map((cell) => cell.level)) };
  });
}

const OURS: Record<CapabilityLevel, string> = {
  has: 'we have it',
  partial: 'we have part of it',
  none: 'we do not have it',
  unknown: 'our own coverage is not assessed',
};

/** How many competitors cover a capability, next to how far we do. */
export function coverageOf(ours: CapabilityLevel, levels: readonly CapabilityLevel[]): Coverage {
  const count = (level: CapabilityLevel) => levels.filter((candidate) => candidate === level).length;
  const has = count('has');
  const partial = count('partial');
  const theirs =
    levels.length === 0
      ? 'no competitors to compare'
      : `${has} of ${levels.length} competitor${levels.length === 1 ? '' : 's'} ${has === 1 ? 'has' : 'have'} it${partial > 0 ? `, ${partial} partly` : ''}`;
  return {
    ours,
    has,
    partial,
    none: count('none'),
    unknown: count('unknown'),
    isGap: (ours === 'none' && has + partial > 0) || (ours === 'partial' && has > 0),
    isDifferentiator: ours === 'has' && levels.length > 0 && has === 0,
    summary: `${OURS[ours]} / ${theirs}`,
  };
}

/** Per competitor, how many capabilities it covers fully and partly, for the column headers. */
export function competitorTotals<C>(rows: ReadonlyArray<MatrixRow<C>>, competitorIds: readonly string[]): Array<{ competitorId: string; has: number; partial: number }> {
  return competitorIds.map((competitorId, index) => ({
    competitorId,
    has: rows.filter((row) => row.cells[index]!.level === 'has').length,
    partial: rows.filter((row) => row.cells[index]!.level === 'partial').length,
  }));
}

/** Capabilities link to, and plans package, our epics and features: what a customer would call a feature. */
export const MARKET_ITEM_TYPES = ['epic', 'feature'] as const;

export function isMarketItemType(type: string): boolean {
  return (MARKET_ITEM_TYPES as readonly string[]).includes(type);
}

/** Names that differ only in case or surrounding spaces name the same competitor, capability or plan. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
}
