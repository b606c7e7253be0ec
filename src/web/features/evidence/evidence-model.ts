import type { z } from 'zod';
import type { Customer, Evidence, Insight, Persona, ProductEvidenceSchema, Segment } from '../../../contracts/evidence.schema';
import type { Problem } from '../../../contracts/errors';
import type { ItemScoreBody } from '../../../contracts/prioritization.schema';
import type { INSIGHT_IMPORTANCES, INSIGHT_KINDS, INSIGHT_SOURCES } from '../../../contracts/vocabulary';

export type { Customer, Evidence, Insight, Persona, Segment };
export type ProductEvidence = z.infer<typeof ProductEvidenceSchema>;
export type InsightLink = Insight['links'][number];
export type InsightSource = (typeof INSIGHT_SOURCES)[number];
export type InsightKind = (typeof INSIGHT_KINDS)[number];
export type InsightImportance = (typeof INSIGHT_IMPORTANCES)[number];
export type SegmentDemand = Evidence['bySegment'][number];

export const SOURCE_LABELS: Record<InsightSource, string> = {
  interview: 'Interview',
  support: 'Support',
  sales: 'Sales',
  survey: 'Survey',
  review: 'Review',
  other: 'Other',
};

export const KIND_LABELS: Record<InsightKind, string> = { quote: 'Quote', note: 'Note' };

export const IMPORTANCE_LABELS: Record<InsightImportance, string> = { nice: 'Nice to have', important: 'Important', critical: 'Critical' };

const IMPORTANCE_RANK: Record<InsightImportance, number> = { nice: 0, important: 1, critical: 2 };

/** A run of an insight's text: plain, or highlighted as the passage of one or more links. */
export interface TextPart {
  text: string;
  links: InsightLink[];
  /** The strongest importance of the links covering it; null for plain text. */
  importance: InsightImportance | null;
}

/**
 * The insight's text cut into runs at every passage boundary, so each passage
 * can be drawn as a `<mark>`; overlapping passages share the runs they overlap.
 * A link whose passage is no longer in the text (no `passageStart`) marks nothing.
 */
export function highlightParts(text: string, links: readonly InsightLink[]): TextPart[] {
  const ranges = links
    .filter((link) => link.passage && link.passageStart !== null && text.slice(link.passageStart, link.passageStart + link.passage.length) === link.passage)
    .map((link) => ({ link, start: link.passageStart!, end: link.passageStart! + link.passage!.length }));
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((range) => [range.start, range.end])])].sort((a, b) => a - b);
  const parts: TextPart[] = [];
  for (let index = 0; index < cuts.length - 1; index += 1) {
    const [start, end] = [cuts[index]!, cuts[index + 1]!];
    if (start === end) continue;
    const covering = ranges.filter((range) => range.start <= start && range.end >= end).map((range) => range.link);
    const importance = covering.reduce<InsightImportance | null>((best, link) => (best === null || IMPORTANCE_RANK[link.importance] > IMPORTANCE_RANK[best] ? link.importance : best), null);
    const previous = parts.at(-1);
    // Neighbouring runs under the same links read as one mark.
    if (previous && sameLinks(previous.links, covering)) previous.text += text.slice(start, end);
    else parts.push({ text: text.slice(start, end), links: covering, importance });
  }
  return parts;
}

function sameLinks(a: readonly InsightLink[], b: readonly InsightLink[]): boolean {
  return a.length === b.length && a.every((link, index) => link === b[index]);
}

/**
 * The words selected inside an insight, as a passage the server accepts: the
 * exact words of the text, without the spaces around them. Null when the
 * selection is empty or is not part of the text (it spilled outside the card).
 */
export function passageFromSelection(selected: string, text: string): string | null {
  const passage = selected.trim();
  if (!passage || !text.includes(passage)) return null;
  return passage;
}

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compactNumber = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Annual revenue in whole currency units, grouped (`180,000`); a dash when unknown. */
export function formatRevenue(value: number | null): string {
  return value === null ? '—' : wholeNumber.format(value);
}

/** Revenue short enough for a chart label: `180K`, `1.2M`. */
export function formatRevenueShort(value: number): string {
  return compactNumber.format(value);
}

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

export type DemandMeasure = 'revenue' | 'customers' | 'insights';

export interface SegmentBar {
  key: string;
  name: string;
  value: number;
  /** The bar's length as a share of the longest bar, 0 to 1. */
  share: number;
  demand: SegmentDemand;
}

/** One bar per segment for the chosen measure, longest first; "No segment" covers customers without one and insights without a customer. */
export function segmentBars(bySegment: readonly SegmentDemand[], measure: DemandMeasure): SegmentBar[] {
  const max = Math.max(0, ...bySegment.map((entry) => entry[measure]));
  return bySegment
    .map((entry) => ({
      key: entry.segment?.id ?? 'none',
      name: entry.segment?.name ?? 'No segment',
      value: entry[measure],
      share: max === 0 ? 0 : entry[measure] / max,
      demand: entry,
    }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
}

/** What the RICE reach says next to the suggestion: agreeing, differing, or not scored. */
export function reachComparison(evidence: Pick<Evidence, 'suggestedReach' | 'riceReach'>): { state: 'unscored' | 'same' | 'differs'; text: string } {
  if (evidence.riceReach === null) return { state: 'unscored', text: 'Not scored with RICE yet.' };
  if (evidence.riceReach === evidence.suggestedReach) return { state: 'same', text: `The RICE score already uses this reach.` };
  return { state: 'differs', text: `The RICE score uses a reach of ${wholeNumber.format(evidence.riceReach)}.` };
}

/** A stored RICE score's inputs with the reach replaced: impact, confidence and effort stay as they were. */
export function riceWithReach(inputs: Record<string, unknown>, reach: number): Extract<ItemScoreBody, { framework: 'rice' }> {
  const number = (key: string) => (typeof inputs[key] === 'number' ? (inputs[key] as number) : Number.NaN);
  const impact = number('impact') as Extract<ItemScoreBody, { framework: 'rice' }>['inputs']['impact'];
  return { framework: 'rice', inputs: { reach, impact, confidence: number('confidence'), effort: number('effort') } };
}

export interface CsvProblem {
  where: string;
  message: string;
}

/** A refused upload's problems, one per bad cell, in file order: `line 3: source` reads as "Line 3, source". */
export function csvProblems(problem: Pick<Problem, 'errors'> | null): CsvProblem[] {
  return (problem?.errors ?? []).map((error) => {
    const match = /^line (\d+): (.+)$/.exec(error.field);
    return { where: match ? `Line ${match[1]}, ${match[2]}` : error.field.replace(/^body\.?/, '') || 'File', message: error.message };
  });
}

/** The customer's segment by name, for cards and tables. */
export function segmentName(segments: readonly Segment[] | undefined, segmentId: string | null): string | null {
  if (segmentId === null) return null;
  return segments?.find((segment) => segment.id === segmentId)?.name ?? null;
}

/** Today as a plan date in the user's own calendar. */
export function todayDate(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The annual revenue typed into the customer form: empty is unknown; otherwise a whole, non-negative number (spaces and commas allowed). */
export function parseRevenue(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const cleaned = text.replace(/[\s,_]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  const value = Number(cleaned);
  if (!Number.isFinite(value) || value < 0) return { ok: false, message: 'Enter a number of 0 or more, or leave it empty when unknown.' };
  return { ok: true, value: Math.round(value) };
}

/** An example file for the upload's help, in the columns the server reads. */
export const CSV_EXAMPLE = [
  'text,source,date,customer,url,kind',
  '"We need SSO before we can roll Pulse out to 3,000 people.",sales,2026-11-20,Helios Bank,,quote',
  'Trial users ask how to compare two segments,support,2026-11-28,,,note',
].join('\n');
