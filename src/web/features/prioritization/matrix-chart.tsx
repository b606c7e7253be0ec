import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { DEFAULT_VALUE_EFFORT_MIDPOINT } from '../../../domain/prioritization/value-effort';
import {
  cellSize,
  describePlace,
  describeRatings,
  effortToX,
  formatRating,
  matrixLayout,
  placePoints,
  QUADRANT_ORDER,
  QUADRANTS,
  quadrantRect,
  RATING_TICKS,
  ratingsAt,
  rescore,
  sameRatings,
  stepRatings,
  toSvgPoint,
  valueToY,
  type MatrixPoint,
  type PlacedPoint,
  type Ratings,
} from './matrix-model';

/** Dots shrink with the cells on a phone, so a crowded cell still shows its points apart. */
const dotRadiusFor = (cell: { width: number; height: number }) => Math.max(4.5, Math.min(7, Math.min(cell.width, cell.height) * 0.2));
/** A finger needs more than the dot; the hit area around it is invisible. */
const HIT_MARGIN = 5;
/** A press that moves less than this is a click, not a drag, so clicking a point never re-scores it. */
const DRAG_THRESHOLD_PX = 4;
/** A keyboard move is saved once the keys rest this long (or at once with Enter, Space or leaving the point). */
const KEY_COMMIT_DELAY_MS = 900;

interface Drag {
  itemId: string;
  pointerId: number;
  from: { x: number; y: number };
  active: boolean;
  ratings: Ratings;
}

const keyOrder = new Intl.Collator('en', { numeric: true });

/** The element's width, following resizes (the view box is sized to it, so text stays its real size on a phone). */
function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || fallback);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width) || fallback);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}

function PointLabel({ side, text, dotRadius }: { side: PlacedPoint['labelSide']; text: string; dotRadius: number }) {
  if (side === 'below') {
    return (
      <text className="matrix-point-label" y={dotRadius + 11} textAnchor="middle">
        {text}
      </text>
    );
  }
  return (
    <text className="matrix-point-label" x={side === 'left' ? -(dotRadius + 4) : dotRadius + 4} dy="0.35em" textAnchor={side === 'left' ? 'end' : 'start'}>
      {text}
    </text>
  );
}

export interface MatrixChartProps {
  points: readonly MatrixPoint[];
  canScore: boolean;
  /** Items whose new place is being saved. */
  savingIds: ReadonlySet<string>;
  onMove: (point: MatrixPoint, ratings: Ratings) => void;
  announce: (message: string) => void;
  /** A point to move focus to once it is drawn (one just added from the keyboard), by key. */
  focusKey?: string | null;
}

/**
 * Value (up) against effort (right), the four quadrants shaded. A point is
 * dragged with the pointer or moved with the arrow keys; either way it snaps
 * to whole ratings and is saved through `onMove` when let go.
 */
export function MatrixChart({ points, canScore, savingIds, onMove, announce, focusKey }: MatrixChartProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useWidth(wrapRef, 640);
  const layout = matrixLayout(width);
  const { box } = layout;
  const dotRadius = dotRadiusFor(cellSize(box));
  const hintId = useId();
  const [drag, setDrag] = useState<Drag | null>(null);
  // A keyboard move not saved yet; a ref mirrors it for the timer and blur.
  const [keyMove, setKeyMove] = useState<{ itemId: string; ratings: Ratings } | null>(null);
  const keyMoveRef = useRef(keyMove);
  const timer = useRef<number | undefined>(undefined);
  const [focusedId, setFocusedId] = useState<string | null>(null);

  const byId = useMemo(() => new Map(points.map((point) => [point.itemId, point])), [points]);
  const byIdRef = useRef(byId);
  const onMoveRef = useRef(onMove);
  useEffect(() => {
    byIdRef.current = byId;
    onMoveRef.current = onMove;
  }, [byId, onMove]);

  const moving = drag?.active ? { itemId: drag.itemId, ratings: drag.ratings } : keyMove;

  // DOM order by key, whatever the ratings: a point that moves in the DOM loses focus.
  const ordered = useMemo(() => [...points].sort((a, b) => keyOrder.compare(a.key, b.key)), [points]);
  const placement = useMemo(() => {
    const still = moving ? points.filter((point) => point.itemId !== moving.itemId) : points;
    const { placed, badges } = placePoints(still, box, dotRadius);
    const where = new Map<string, PlacedPoint>(placed.map((entry) => [entry.point.itemId, entry]));
    const movingPoint = moving && byId.get(moving.itemId);
    if (moving && movingPoint) {
      const point = rescore(movingPoint, moving.ratings);
      where.set(point.itemId, { point, x: effortToX(point.effort, box), y: valueToY(point.value, box), groupSize: 1, showLabel: true, labelSide: 'below' });
    }
    return { where, badges };
  }, [points, moving, byId, dotRadius, box.left, box.top, box.width, box.height]);

  const commitKeyMove = useCallback((): { point: MatrixPoint; ratings: Ratings } | null => {
    window.clearTimeout(timer.current);
    const current = keyMoveRef.current;
    keyMoveRef.current = null;
    setKeyMove(null);
    const point = current && byIdRef.current.get(current.itemId);
    if (!current || !point || sameRatings(point, current.ratings)) return null;
    onMoveRef.current(point, current.ratings);
    return { point, ratings: current.ratings };
  }, []);

  useEffect(() => {
    if (!focusKey) return;
    svgRef.current?.querySelector<SVGGElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  }, [focusKey]);

  // Leaving the page saves a keyboard move still waiting for its pause.
  useEffect(() => () => void commitKeyMove(), [commitKeyMove]);

  const cancelDrag = () => {
    if (drag && svgRef.current?.hasPointerCapture(drag.pointerId)) svgRef.current.releasePointerCapture(drag.pointerId);
    setDrag(null);
  };

  const onPointerDown = (event: PointerEvent<SVGGElement>, point: MatrixPoint) => {
    if (!canScore || event.button !== 0 || !event.isPrimary) return;
    // No text selection or native drag; focus by hand, so the keyboard can take over.
    event.preventDefault();
    commitKeyMove();
    event.currentTarget.focus({ preventScroll: true });
    svgRef.current?.setPointerCapture(event.pointerId);
    setDrag({ itemId: point.itemId, pointerId: event.pointerId, from: { x: event.clientX, y: event.clientY }, active: false, ratings: { value: point.value, effort: point.effort } });
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!drag || event.pointerId !== drag.pointerId || !svgRef.current) return;
    if (!drag.active && Math.hypot(event.clientX - drag.from.x, event.clientY - drag.from.y) < DRAG_THRESHOLD_PX) return;
    const ratings = ratingsAt(toSvgPoint({ x: event.clientX, y: event.clientY }, svgRef.current.getBoundingClientRect(), layout), box);
    if (!drag.active || !sameRatings(ratings, drag.ratings)) setDrag({ ...drag, active: true, ratings });
  };

  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const point = byId.get(drag.itemId);
    cancelDrag();
    if (!point || !drag.active || sameRatings(point, drag.ratings)) return;
    onMove(point, drag.ratings);
    announce(`Moved ${describeRatings(point.key, { ...drag.ratings, midpoint: point.midpoint })}`);
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, point: MatrixPoint) => {
    if (!canScore) return;
    if (event.key === 'Escape') {
      if (drag) {
        cancelDrag();
        announce(`Move cancelled. ${describeRatings(point.key, point)}`);
      } else if (keyMoveRef.current?.itemId === point.itemId) {
        window.clearTimeout(timer.current);
        keyMoveRef.current = null;
        setKeyMove(null);
        announce(`Move cancelled. ${describeRatings(point.key, point)}`);
      }
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const saved = commitKeyMove();
      if (saved) announce(`Saved ${describeRatings(saved.point.key, { ...saved.ratings, midpoint: saved.point.midpoint })}`);
      return;
    }
    const current = keyMoveRef.current?.itemId === point.itemId ? keyMoveRef.current.ratings : point;
    const next = stepRatings(current, event.key);
    if (!next) return;
    // Arrow keys would scroll the page otherwise.
    event.preventDefault();
    if (drag) return;
    if (sameRatings(next, current)) {
      announce(`${describeRatings(point.key, { ...current, midpoint: point.midpoint })}, at the edge`);
      return;
    }
    keyMoveRef.current = { itemId: point.itemId, ratings: next };
    setKeyMove(keyMoveRef.current);
    announce(describeRatings(point.key, { ...next, midpoint: point.midpoint }));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(commitKeyMove, KEY_COMMIT_DELAY_MS);
  };

  const midX = effortToX(DEFAULT_VALUE_EFFORT_MIDPOINT, box);
  const midY = valueToY(DEFAULT_VALUE_EFFORT_MIDPOINT, box);
  const right = box.left + box.width;
  const bottom = box.top + box.height;
  const readoutId = moving?.itemId ?? focusedId;
  const readout = readoutId ? placement.where.get(readoutId) : undefined;

  return (
    <div ref={wrapRef} className="matrix-chart">
      <p id={hintId} className="visually-hidden">
        {canScore
          ? 'Arrow keys move the item: up and down change its value, left and right its effort. Enter or Space saves at once, Escape cancels; a move is also saved after a short pause.'
          : 'You can read the matrix; product owners and managers move items on it.'}
      </p>
      <svg
        ref={svgRef}
        className={`matrix-svg${drag?.active ? ' matrix-dragging' : ''}`}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label="Value versus effort"
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={cancelDrag}
        onLostPointerCapture={() => setDrag(null)}
      >
        <g aria-hidden="true">
          {QUADRANT_ORDER.map((quadrant) => (
            <rect key={quadrant} className={`matrix-quadrant matrix-quadrant-${quadrant}`} {...quadrantRect(quadrant, box)} />
          ))}
          {/* Names outside the plot, at their quadrant's outer corner, so no point ever hides one. */}
          {QUADRANT_ORDER.map((quadrant) => {
            const { highValue, highEffort, label } = QUADRANTS[quadrant];
            const swatchX = highEffort ? right - 10 : box.left;
            const y = highValue ? box.top - 9 : bottom + 34;
            return (
              <g key={quadrant}>
                <rect className={`matrix-quadrant matrix-quadrant-${quadrant} matrix-swatch`} x={swatchX} y={y - 9} width={10} height={10} rx={2} />
                <text className="matrix-quadrant-label" x={highEffort ? swatchX - 5 : swatchX + 15} y={y} textAnchor={highEffort ? 'end' : 'start'}>
                  {label}
                </text>
              </g>
            );
          })}
          {RATING_TICKS.map((rating) => (
            <g key={rating}>
              <text className="matrix-tick" x={effortToX(rating, box)} y={bottom + 16} textAnchor="middle">
                {rating}
              </text>
              <text className="matrix-tick" x={box.left - 8} y={valueToY(rating, box)} dy="0.35em" textAnchor="end">
                {rating}
              </text>
            </g>
          ))}
          <line className="matrix-midline" x1={midX} x2={midX} y1={box.top} y2={bottom} />
          <line className="matrix-midline" x1={box.left} x2={right} y1={midY} y2={midY} />
          <rect className="matrix-frame" x={box.left} y={box.top} width={box.width} height={box.height} />
          <text className="matrix-axis-title" x={box.left + box.width / 2} y={bottom + 34} textAnchor="middle">
            Effort →
          </text>
          <text className="matrix-axis-title" transform={`translate(12 ${box.top + box.height / 2}) rotate(-90)`} textAnchor="middle">
            Value →
          </text>
        </g>

        {ordered.map((original) => {
          const at = placement.where.get(original.itemId);
          if (!at) return null;
          const { point } = at;
          const label = `${point.key} ${point.title}: ${describePlace(point)}`;
          const classes = ['matrix-point', canScore ? 'matrix-point-movable' : '', savingIds.has(point.itemId) ? 'matrix-point-saving' : '', moving?.itemId === point.itemId ? 'matrix-point-moving' : '']
            .filter(Boolean)
            .join(' ');
          return (
            <g
              key={point.itemId}
              className={classes}
              data-key={point.key}
              transform={`translate(${at.x} ${at.y})`}
              role={canScore ? 'button' : 'img'}
              tabIndex={canScore ? 0 : undefined}
              aria-label={label}
              aria-describedby={hintId}
              onPointerDown={(event) => onPointerDown(event, original)}
              onKeyDown={(event) => onKeyDown(event, original)}
              onFocus={() => setFocusedId(point.itemId)}
              onBlur={() => {
                setFocusedId((current) => (current === point.itemId ? null : current));
                commitKeyMove();
              }}
            >
              <title>{`${point.key} · ${point.title}\n${point.explanation}`}</title>
              <circle className="matrix-hit" r={dotRadius + HIT_MARGIN} />
              <circle className="matrix-dot" r={dotRadius} />
              {at.showLabel && <PointLabel side={at.labelSide} text={point.key} dotRadius={dotRadius} />}
            </g>
          );
        })}

        {/* Counts over crowded cells, above their points; the table lists each one. */}
        <g aria-hidden="true">
          {placement.badges.map((badge) => (
            <g key={`${badge.value}|${badge.effort}`} className="matrix-badge" transform={`translate(${badge.x} ${badge.y})`}>
              <rect x={-22} y={0} width={20} height={14} rx={7} />
              <text x={-12} y={10.5} textAnchor="middle">
                {badge.count}
              </text>
            </g>
          ))}
        </g>

        {readout && (
          <g className="matrix-readout" aria-hidden="true" transform={`translate(${Math.min(Math.max(readout.x, box.left + 60), right - 60)} ${Math.max(readout.y - 26, box.top + 12)})`}>
            <rect x={-58} y={-11} width={116} height={20} rx={5} />
            <text y={3.5} textAnchor="middle">
              {`Value ${formatRating(readout.point.value)} · Effort ${formatRating(readout.point.effort)}`}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
