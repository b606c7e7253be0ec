import { DEFAULT_VALUE_EFFORT_MIDPOINT, valueEffort, type ValueEffortQuadrant } from '../../../domain/prioritization/value-effort';

/**
 * The prioritisation matrix without React: where a rating sits on the chart,
 * which rating a pointer is over, how the keyboard steps a point, and how
 * points that share a cell are spread so each stays reachable. Scores and
 * quadrants come from the domain's value/effort rule, never from a copy of it.
 */

export const RATING_MIN = 1;
export const RATING_MAX = 10;
const RATING_SPAN = RATING_MAX - RATING_MIN + 1;

/** The page loads every score up to this many points; a bigger product is told the chart is cut short. */
export const MATRIX_POINT_CAP = 2000;

/** Where a new item lands when added to the matrix, until the user picks otherwise. */
export const DEFAULT_RATINGS: Ratings = { value: 5, effort: 5 };

export interface Ratings {
  value: number;
  effort: number;
}

/** One plotted item: its score's inputs and result, and what the chart and table show of the item. */
export interface MatrixPoint extends Ratings {
  itemId: string;
  key: string;
  title: string;
  type: string;
  status: string;
  /** A midpoint stored with the score (rare); re-scoring keeps it. */
  midpoint?: number;
  score: number;
  explanation: string;
}

/** The plot area inside the SVG, in SVG units (one unit is one CSS pixel: the view box follows the element's size). */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface MatrixLayout {
  width: number;
  height: number;
  box: PlotBox;
}

/** Room for the value axis on the left, the effort axis below, and the quadrant names above and below. */
const PADDING = { left: 44, right: 12, top: 26, bottom: 42 } as const;

/**
 * The chart for a container `width` pixels wide: square-ish plot, never
 * taller than a laptop screen wants nor too short to drag in on a phone.
 */
export function matrixLayout(width: number): MatrixLayout {
  const safeWidth = Math.max(240, Math.round(width));
  const plotWidth = safeWidth - PADDING.left - PADDING.right;
  const plotHeight = Math.round(Math.min(Math.max(plotWidth * 0.8, 300), 520));
  return {
    width: safeWidth,
    height: plotHeight + PADDING.top + PADDING.bottom,
    box: { left: PADDING.left, top: PADDING.top, width: plotWidth, height: plotHeight },
  };
}

// Each whole rating owns a band (a cell) of the axis with the rating at its centre,
// so the default midpoint 5.5 falls on the line between cells 5 and 6.
export const effortToX = (effort: number, box: PlotBox): number => box.left + ((effort - (RATING_MIN - 0.5)) / RATING_SPAN) * box.width;
export const valueToY = (value: number, box: PlotBox): number => box.top + ((RATING_MAX + 0.5 - value) / RATING_SPAN) * box.height;
export const xToEffort = (x: number, box: PlotBox): number => RATING_MIN - 0.5 + ((x - box.left) / box.width) * RATING_SPAN;
export const yToValue = (y: number, box: PlotBox): number => RATING_MAX + 0.5 - ((y - box.top) / box.height) * RATING_SPAN;

/** The width of one rating's cell, in SVG units. */
export const cellSize = (box: PlotBox): { width: number; height: number } => ({ width: box.width / RATING_SPAN, height: box.height / RATING_SPAN });

/** A rating snapped to the nearest whole number from 1 to 10; a pointer past the edge holds at the edge. */
export function snapRating(rating: number): number {
  if (Number.isNaN(rating)) return RATING_MIN;
  return Math.min(RATING_MAX, Math.max(RATING_MIN, Math.round(rating)));
}

/** The snapped ratings under a point of the SVG. */
export function ratingsAt(point: { x: number; y: number }, box: PlotBox): Ratings {
  return { value: snapRating(yToValue(point.y, box)), effort: snapRating(xToEffort(point.x, box)) };
}

/**
 * A pointer position in SVG units. The view box is sized to the element, but
 * the element may be scaled (zoom, a CSS transform), so the ratio is applied.
 */
export function toSvgPoint(client: { x: number; y: number }, rect: { left: number; top: number; width: number; height: number }, size: { width: number; height: number }) {
  return {
    x: ((client.x - rect.left) / (rect.width || 1)) * size.width,
    y: ((client.y - rect.top) / (rect.height || 1)) * size.height,
  };
}

/**
 * The ratings an arrow key moves a point to: Up/Down change value, Right/Left
 * effort, by one whole rating and never past 1 or 10. A rating between whole
 * numbers (stored through the API) moves to the next whole one. Any other key: null.
 */
export function stepRatings(ratings: Ratings, key: string): Ratings | null {
  const up = (rating: number) => Math.min(RATING_MAX, Math.floor(rating) + 1);
  const down = (rating: number) => Math.max(RATING_MIN, Math.ceil(rating) - 1);
  const { value, effort } = ratings;
  switch (key) {
    case 'ArrowUp':
      return { value: up(value), effort };
    case 'ArrowDown':
      return { value: down(value), effort };
    case 'ArrowRight':
      return { value, effort: up(effort) };
    case 'ArrowLeft':
      return { value, effort: down(effort) };
    default:
      return null;
  }
}

export const sameRatings = (a: Ratings, b: Ratings): boolean => a.value === b.value && a.effort === b.effort;

export interface QuadrantInfo {
  /** The area's heading on the chart. */
  label: string;
  /** One item's place, for the table and announcements. */
  name: string;
  hint: string;
  /** Where it sits: high value is the top half, high effort the right half. */
  highValue: boolean;
  highEffort: boolean;
}

/** In reading order (top-left first), which is also the order the table lists them in. */
export const QUADRANT_ORDER: readonly ValueEffortQuadrant[] = ['quick_win', 'big_bet', 'fill_in', 'time_sink'];

export const QUADRANTS: Readonly<Record<ValueEffortQuadrant, QuadrantInfo>> = {
  quick_win: { label: 'Quick wins', name: 'Quick win', hint: 'High value, low effort: do these first', highValue: true, highEffort: false },
  big_bet: { label: 'Big bets', name: 'Big bet', hint: 'High value, high effort: plan them', highValue: true, highEffort: true },
  fill_in: { label: 'Fill-ins', name: 'Fill-in', hint: 'Low value, low effort: when there is room', highValue: false, highEffort: false },
  time_sink: { label: 'Time sinks', name: 'Time sink', hint: 'Low value, high effort: question them', highValue: false, highEffort: true },
};

/** The quadrant of a rating pair, by the domain's rule (a rating at the midpoint counts as high). */
export function quadrantOf(ratings: Ratings & { midpoint?: number }): ValueEffortQuadrant {
  return valueEffort(ratings).quadrant;
}

/** The shaded rectangle of a quadrant; the chart always splits at the default midpoint. */
export function quadrantRect(quadrant: ValueEffortQuadrant, box: PlotBox): { x: number; y: number; width: number; height: number } {
  const splitX = effortToX(DEFAULT_VALUE_EFFORT_MIDPOINT, box);
  const splitY = valueToY(DEFAULT_VALUE_EFFORT_MIDPOINT, box);
  const { highValue, highEffort } = QUADRANTS[quadrant];
  const x = highEffort ? splitX : box.left;
  const y = highValue ? box.top : splitY;
  return { x, y, width: highEffort ? box.left + box.width - splitX : splitX - box.left, height: highValue ? splitY - box.top : box.top + box.height - splitY };
}

/** A point moved to new ratings, with the score and formula the server will store for them. */
export function rescore(point: MatrixPoint, { value, effort }: Ratings): MatrixPoint {
  const result = valueEffort({ value, effort, midpoint: point.midpoint });
  return { ...point, value, effort, score: result.score, explanation: result.explanation };
}

/** The body of `POST /items/{id}/scores` that stores these ratings, keeping a stored midpoint. */
export function scoreBody(point: Pick<MatrixPoint, 'midpoint'> | null, { value, effort }: Ratings) {
  const inputs = point?.midpoint === undefined ? { value, effort } : { value, effort, midpoint: point.midpoint };
  return { framework: 'value_effort' as const, inputs };
}

/**
 * Points with the moves not yet confirmed by the server laid over them, so a
 * refetch in between cannot undo a drag on screen; an item being added is not
 * loaded yet, so it joins at the end.
 */
export function withPending(points: readonly MatrixPoint[], pending: ReadonlyMap<string, MatrixPoint>): MatrixPoint[] {
  if (pending.size === 0) return [...points];
  const shown = points.map((point) => pending.get(point.itemId) ?? point);
  const loaded = new Set(points.map((point) => point.itemId));
  for (const [itemId, point] of pending) if (!loaded.has(itemId)) shown.push(point);
  return shown;
}

/** The loaded points with one replaced (by item) or added: a confirmed score going into the cache. */
export function upsertPoint(points: readonly MatrixPoint[], point: MatrixPoint): MatrixPoint[] {
  const index = points.findIndex((candidate) => candidate.itemId === point.itemId);
  if (index === -1) return [...points, point];
  return points.map((candidate, at) => (at === index ? point : candidate));
}

/** An item not on the matrix yet, as the point it becomes at these ratings. */
export function pointOfItem(item: { id: string; key: string; title: string; type: string; status: string }, ratings: Ratings): MatrixPoint {
  const base: MatrixPoint = { itemId: item.id, key: item.key, title: item.title, type: item.type, status: item.status, ...ratings, score: 0, explanation: '' };
  return rescore(base, ratings);
}

const isRating = (rating: unknown): rating is number => typeof rating === 'number' && Number.isFinite(rating) && rating >= RATING_MIN && rating <= RATING_MAX;

/** A stored score as a point; a score whose inputs are not ratings (written before a rule changed, say) is left off the chart. */
export function toMatrixPoint(score: { itemId: string; key: string; title: string; type: string; status: string; inputs: Record<string, unknown>; score: number; explanation: string }): MatrixPoint | null {
  const { value, effort, midpoint } = score.inputs;
  if (!isRating(value) || !isRating(effort)) return null;
  return {
    itemId: score.itemId,
    key: score.key,
    title: score.title,
    type: score.type,
    status: score.status,
    value,
    effort,
    ...(isRating(midpoint) ? { midpoint } : {}),
    score: score.score,
    explanation: score.explanation,
  };
}

const keyOrder = new Intl.Collator('en', { numeric: true });

/** Table and tab order: by quadrant (quick wins first), then best value for effort, then key. */
export function tableOrder(points: readonly MatrixPoint[]): MatrixPoint[] {
  const rank = (point: MatrixPoint) => QUADRANT_ORDER.indexOf(quadrantOf(point));
  return [...points].sort((a, b) => rank(a) - rank(b) || b.score - a.score || keyOrder.compare(a.key, b.key));
}

export const formatRating = (rating: number): string => (Number.isInteger(rating) ? String(rating) : rating.toFixed(1));

/** A place in words, e.g. `value 7, effort 3 (quick win)`. */
export function describePlace(ratings: Ratings & { midpoint?: number }): string {
  return `value ${formatRating(ratings.value)}, effort ${formatRating(ratings.effort)} (${QUADRANTS[quadrantOf(ratings)].name.toLowerCase()})`;
}

/** What a screen reader hears about a point's place, e.g. `DEMO-12: value 7, effort 3 (quick win)`. */
export const describeRatings = (key: string, ratings: Ratings & { midpoint?: number }): string => `${key}: ${describePlace(ratings)}`;

export interface PlacedPoint {
  point: MatrixPoint;
  x: number;
  y: number;
  /** How many points share its cell (its exact value and effort). */
  groupSize: number;
  showLabel: boolean;
  /**
   * Where its key is written: under a lone dot, where it fits inside the cell;
   * beside a stacked one (left near the right edge, so it stays inside the chart).
   */
  labelSide: 'below' | 'left' | 'right';
}

export interface CellBadge {
  value: number;
  effort: number;
  count: number;
  x: number;
  y: number;
}

/** Up to this many points share a cell in a column, each labelled; more are spread in a disc and the cell shows a count. */
export const MAX_STACKED = 3;
/** Below this cell width (a phone), keys are not written next to the dots: they would cover the neighbours. */
export const MIN_LABEL_CELL = 44;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Where each point is drawn. Points with the same value and effort would sit
 * on one spot, so a few are stacked one above the other and a crowd is spread
 * over a disc inside the cell (a sunflower pattern: even, and the same every
 * time for the same points), with a badge counting them. Within a cell the
 * order is by key, so points do not swap places when data refreshes.
 */
export function placePoints(points: readonly MatrixPoint[], box: PlotBox, dotRadius: number): { placed: PlacedPoint[]; badges: CellBadge[] } {
  const groups = new Map<string, MatrixPoint[]>();
  for (const point of points) {
    const cell = `${point.value}|${point.effort}`;
    const group = groups.get(cell);
    if (group) group.push(point);
    else groups.set(cell, [point]);
  }
  const cell = cellSize(box);
  const canLabel = cell.width >= MIN_LABEL_CELL;
  const placed: PlacedPoint[] = [];
  const badges: CellBadge[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => keyOrder.compare(a.key, b.key));
    const { value, effort } = group[0]!;
    const cx = effortToX(effort, box);
    const cy = valueToY(value, box);
    const n = group.length;
    const labelSide = n === 1 ? 'below' : effort > RATING_MAX - 2 ? 'left' : 'right';
    if (n <= MAX_STACKED) {
      const gap = Math.min(dotRadius * 2.6, cell.height / n);
      group.forEach((point, index) => placed.push({ point, x: cx, y: cy + (index - (n - 1) / 2) * gap, groupSize: n, showLabel: canLabel, labelSide }));
      continue;
    }
    const radius = Math.max(0, Math.min(cell.width, cell.height) / 2 - dotRadius);
    group.forEach((point, index) => {
      const distance = radius * Math.sqrt((index + 0.5) / n);
      const angle = index * GOLDEN_ANGLE;
      placed.push({ point, x: cx + distance * Math.cos(angle), y: cy + distance * Math.sin(angle), groupSize: n, showLabel: false, labelSide });
    });
    badges.push({ value, effort, count: n, x: cx + cell.width / 2 - 2, y: cy - cell.height / 2 + 2 });
  }
  return { placed, badges };
}

/** The whole ratings shown as axis ticks. */
export const RATING_TICKS: readonly number[] = Array.from({ length: RATING_SPAN }, (_, index) => RATING_MIN + index);
