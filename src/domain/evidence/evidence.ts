import { INSIGHT_IMPORTANCES } from '../../contracts/vocabulary';
import type { FieldError } from '../../contracts/errors';

export type InsightImportance = (typeof INSIGHT_IMPORTANCES)[number];

/** One insight linked to the item, with the customer behind it as far as it is known. */
export interface EvidenceRow {
  insightId: string;
  importance: InsightImportance;
  customerId: string | null;
  segmentId: string | null;
  /** The customer's annual revenue; null when unknown or when there is no customer. */
  revenue: number | null;
}

export interface DemandFigures {
  insights: number;
  /** Distinct customers behind the insights. */
  customers: number;
  /** The annual revenue of those customers, each counted once. */
  revenue: number;
}

export interface SegmentDemand extends DemandFigures {
  /** Null gathers customers without a segment and insights without a customer. */
  segmentId: string | null;
}

export interface EvidenceSummary extends DemandFigures {
  bySegment: SegmentDemand[];
  byImportance: Record<InsightImportance, number>;
  /**
   * The demand offered as RICE reach: the distinct customers asking, plus one
   * for each insight that names no customer (a voice we cannot deduplicate).
   */
  suggestedReach: number;
}

/** Demand counted in the store rather than from rows: the figures plus the insights that name no customer. */
export interface CountedDemand extends DemandFigures {
  anonymous: number;
}

/**
 * The demand offered as RICE reach: the distinct customers asking, plus one for
 * each insight that names no customer.
 */
export function suggestedReach(demand: Pick<CountedDemand, 'customers' | 'anonymous'>): number {
  return demand.customers + demand.anonymous;
}

class Tally {
  private readonly insights = new Set<string>();
  private readonly customers = new Map<string, number>();
  private anonymous = 0;

  add(row: EvidenceRow): void {
    if (this.insights.has(row.insightId)) return;
    this.insights.add(row.insightId);
    if (row.customerId === null) this.anonymous += 1;
    else this.customers.set(row.customerId, row.revenue ?? 0);
  }

  figures(): DemandFigures & { anonymous: number } {
    let revenue = 0;
    for (const value of this.customers.values()) revenue += value;
    return { insights: this.insights.size, customers: this.customers.size, revenue, anonymous: this.anonymous };
  }
}

/**
 * An item's evidence: how many insights ask for it, from how many customers
 * worth how much revenue, by segment. An insight counts once however its rows
 * repeat; a customer's revenue counts once however many insights they gave.
 */
export function rollUpEvidence(rows: Iterable<EvidenceRow>): EvidenceSummary {
  const total = new Tally();
  const segments = new Map<string | null, Tally>();
  const byImportance = Object.fromEntries(INSIGHT_IMPORTANCES.map((importance) => [importance, 0])) as Record<InsightImportance, number>;
  const counted = new Set<string>();
  for (const row of rows) {
    total.add(row);
    let segment = segments.get(row.segmentId);
    if (!segment) segments.set(row.segmentId, (segment = new Tally()));
    segment.add(row);
    if (!counted.has(row.insightId)) {
      counted.add(row.insightId);
      byImportance[row.importance] += 1;
    }
  }
  const { anonymous, ...figures } = total.figures();
  const bySegment = [...segments.entries()]
    .map(([segmentId, tally]) => {
      const { anonymous: _, ...own } = tally.figures();
      return { segmentId, ...own };
    })
    .sort((a, b) => Number(a.segmentId === null) - Number(b.segmentId === null) || b.revenue - a.revenue || b.insights - a.insights || String(a.segmentId).localeCompare(String(b.segmentId)));
  return { ...figures, bySegment, byImportance, suggestedReach: suggestedReach({ customers: figures.customers, anonymous }) };
}

/**
 * Where the highlighted passage sits in the insight's text, or null when the
 * text no longer holds it (the insight was edited after the link was made).
 */
export function locatePassage(text: string, passage: string | null): number | null {
  if (passage === null) return null;
  const at = text.indexOf(passage);
  return at === -1 ? null : at;
}

/** A passage must be words of the insight itself, exactly as written there. */
export function passageProblem(text: string, passage: string | null, field = 'passage'): FieldError | null {
  if (passage === null) return null;
  if (passage.trim() === '') return { field, message: 'is empty; leave it out to link the whole insight' };
  if (!text.includes(passage)) return { field, message: 'is not part of the insight’s text; highlight words exactly as they appear there' };
  return null;
}
