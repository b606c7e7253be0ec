import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { TypeIcon } from '../../ui/badges';
import { AlertIcon } from '../../ui/icons';
import { formatPeriod, formatPlanDate } from '../strategy/strategy-model';
import {
  applyDrag,
  axisTicks,
  barOf,
  conflictText,
  daysOfDrag,
  describePlan,
  flagPlacement,
  layoutMarkers,
  planDays,
  samePlan,
  scaleWidth,
  stepPlan,
  xOfDate,
  type DragMode,
  type Plan,
  type RoadmapConflict,
  type RoadmapInitiative,
  type RowGroup,
  type Marker,
  type TimeScale,
  type Zoom,
} from './roadmap-model';

/** Every row is this tall, so dependency arrows can be drawn from row numbers alone. */
export const ROW_HEIGHT = 36;
/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD_PX = 3;
/** A keyboard move is saved once the keys rest this long (or at once with Enter, or on leaving the bar). */
const KEY_COMMIT_DELAY_MS = 900;
/** The header holds up to three lines of marker labels above the axis (as many as the labels need). */
const MARKER_LANES = 3;

export interface BarSubject {
  kind: 'item' | 'initiative';
  id: string;
  /** The key (an item) or the title (an initiative): what messages name it by. */
  label: string;
  plan: Plan;
  canEdit: boolean;
}

export interface TimelineProps {
  workspaceId: string;
  productId: string;
  groups: readonly RowGroup[];
  scale: TimeScale;
  zoom: Zoom;
  today: string;
  markers: readonly Marker[];
  dependencies: ReadonlyArray<{ blockerId: string; blockedId: string }>;
  conflicts: ReadonlyMap<string, RoadmapConflict[]>;
  keyOf: (id: string) => string;
  /** The selected release's critical path, or null when none is selected. */
  critical: ReadonlySet<string> | null;
  canPlan: boolean;
  canPlanInitiatives: boolean;
  savingIds: ReadonlySet<string>;
  onCommit: (subject: BarSubject, plan: Plan) => void;
  onEditDates: (itemId: string) => void;
  announce: (message: string) => void;
}

interface Drag {
  subject: BarSubject;
  mode: DragMode;
  pointerId: number;
  fromX: number;
  active: boolean;
  plan: Plan;
}

type Row = { kind: 'initiative'; initiative: RoadmapInitiative | null; count: number } | { kind: 'item'; row: RowGroup['rows'][number] };

/**
 * The Gantt-style timeline: a time axis with today, release targets and
 * milestones; rows by initiative, epics with their features under them,
 * each a bar from start to target. Bars drag to move, their ends to
 * resize, snapping to days; the arrow keys do the same from the keyboard.
 */
export function Timeline(props: TimelineProps) {
  const { workspaceId, productId, groups, scale, zoom, today, markers, dependencies, conflicts, keyOf, critical, canPlan, canPlanInitiatives, savingIds, onCommit, onEditDates, announce } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [drag, setDrag] = useState<Drag | null>(null);
  const [keyMove, setKeyMove] = useState<{ subject: BarSubject; plan: Plan } | null>(null);
  const keyMoveRef = useRef(keyMove);
  const timer = useRef<number | undefined>(undefined);
  const onCommitRef = useRef(onCommit);
  useEffect(() => {
    onCommitRef.current = onCommit;
  }, [onCommit]);

  const width = scaleWidth(scale);
  const ticks = useMemo(() => axisTicks(scale, zoom), [scale, zoom]);
  const placedMarkers = useMemo(() => layoutMarkers(markers, scale, 6.5, MARKER_LANES), [markers, scale]);
  const rows = useMemo(() => {
    const list: Row[] = [];
    for (const group of groups) {
      list.push({ kind: 'initiative', initiative: group.initiative, count: group.rows.length });
      for (const row of group.rows) list.push({ kind: 'item', row });
    }
    return list;
  }, [groups]);
  const rowIndex = useMemo(() => new Map(rows.flatMap((row, index) => (row.kind === 'item' ? [[row.row.entry.item.id, index] as const] : []))), [rows]);

  // Opened on today, a little in from the left, so the near past and the coming months both show.
  const todayX = xOfDate(scale, today);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element) element.scrollLeft = Math.max(0, todayX - element.clientWidth * 0.3);
  }, [todayX, zoom]);

  const commitKeyMove = useCallback(() => {
    window.clearTimeout(timer.current);
    const current = keyMoveRef.current;
    keyMoveRef.current = null;
    setKeyMove(null);
    if (!current || samePlan(current.plan, current.subject.plan)) return null;
    onCommitRef.current(current.subject, current.plan);
    return current;
  }, []);
  // Leaving the page saves a keyboard move still waiting for its pause.
  useEffect(() => () => void commitKeyMove(), [commitKeyMove]);

  const moving = drag?.active ? { id: drag.subject.id, plan: drag.plan } : keyMove ? { id: keyMove.subject.id, plan: keyMove.plan } : null;
  const planOf = (subject: BarSubject) => (moving?.id === subject.id ? moving.plan : subject.plan);

  const onPointerDown = (event: PointerEvent<HTMLElement>, subject: BarSubject) => {
    if (!subject.canEdit || event.button !== 0 || !event.isPrimary) return;
    event.preventDefault();
    commitKeyMove();
    event.currentTarget.focus({ preventScroll: true });
    event.currentTarget.setPointerCapture(event.pointerId);
    const handle = (event.target as HTMLElement).closest<HTMLElement>('[data-handle]')?.dataset.handle;
    const mode: DragMode = handle === 'start' || handle === 'end' ? handle : 'move';
    setDrag({ subject, mode, pointerId: event.pointerId, fromX: event.clientX, active: false, plan: subject.plan });
  };

  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dx = event.clientX - drag.fromX;
    if (!drag.active && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    const plan = applyDrag(drag.subject.plan, drag.mode, daysOfDrag(dx, scale.dayWidth));
    if (!drag.active || !samePlan(plan, drag.plan)) setDrag({ ...drag, active: true, plan });
  };

  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    setDrag(null);
    if (!drag.active || samePlan(drag.plan, drag.subject.plan)) return;
    onCommit(drag.subject, drag.plan);
    announce(`Moved ${describePlan(drag.subject.label, drag.plan)}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, subject: BarSubject) => {
    if (!subject.canEdit) return;
    const pending = keyMoveRef.current?.subject.id === subject.id ? keyMoveRef.current : null;
    if (event.key === 'Escape') {
      if (drag) {
        setDrag(null);
        announce(`Move cancelled. ${describePlan(subject.label, subject.plan)}`);
      } else if (pending) {
        window.clearTimeout(timer.current);
        keyMoveRef.current = null;
        setKeyMove(null);
        announce(`Move cancelled. ${describePlan(subject.label, subject.plan)}`);
      }
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const saved = commitKeyMove();
      if (saved) announce(`Saved ${describePlan(saved.subject.label, saved.plan)}`);
      else if (subject.kind === 'item') onEditDates(subject.id);
      return;
    }
    const next = stepPlan(pending?.plan ?? subject.plan, event.key, { shift: event.shiftKey, ctrl: event.ctrlKey || event.metaKey });
    if (!next) return;
    // The arrows would scroll the timeline otherwise.
    event.preventDefault();
    if (drag) return;
    keyMoveRef.current = { subject, plan: next };
    setKeyMove(keyMoveRef.current);
    announce(describePlan(subject.label, next));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(commitKeyMove, KEY_COMMIT_DELAY_MS);
  };

  const bar = (subject: BarSubject, className: string, content: ReactNode, label: string) => {
    const plan = planOf(subject);
    const { left, width: barWidth } = barOf(scale, plan);
    const isMoving = moving?.id === subject.id;
    const classes = ['tl-bar', className, subject.canEdit ? 'tl-bar-movable' : '', isMoving ? 'is-moving' : '', savingIds.has(subject.id) ? 'is-saving' : '', critical?.has(subject.id) ? 'is-critical' : ''].filter(Boolean).join(' ');
    return (
      <div
        className={classes}
        style={{ left, width: barWidth }}
        data-bar={subject.label}
        role={subject.canEdit ? 'button' : 'img'}
        tabIndex={subject.canEdit ? 0 : undefined}
        aria-label={`${label}: ${formatPlanDate(plan.startDate)} to ${formatPlanDate(plan.targetDate)}, ${planDays(plan)} days${critical?.has(subject.id) ? ', on the critical path' : ''}`}
        aria-describedby={subject.canEdit ? hintId : undefined}
        title={`${label}\n${formatPeriod(plan.startDate, plan.targetDate)} · ${planDays(plan)} days`}
        onPointerDown={(event) => onPointerDown(event, subject)}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        onKeyDown={(event) => onKeyDown(event, subject)}
        onBlur={() => commitKeyMove()}
      >
        {subject.canEdit && <span className="tl-handle tl-handle-start" data-handle="start" aria-hidden="true" />}
        <span className="tl-bar-text">{content}</span>
        {subject.canEdit && <span className="tl-handle tl-handle-end" data-handle="end" aria-hidden="true" />}
        {isMoving && (
          <span className="tl-readout" aria-hidden="true">
            {formatPeriod(plan.startDate, plan.targetDate)} · {planDays(plan)} d
          </span>
        )}
      </div>
    );
  };

  const bodyHeight = rows.length * ROW_HEIGHT;
  const arrows = dependencies.flatMap((dependency) => {
    const from = rows[rowIndex.get(dependency.blockerId) ?? -1];
    const to = rows[rowIndex.get(dependency.blockedId) ?? -1];
    if (from?.kind !== 'item' || to?.kind !== 'item') return [];
    const fromPlan = moving?.id === dependency.blockerId ? moving.plan : from.row.entry;
    const toPlan = moving?.id === dependency.blockedId ? moving.plan : to.row.entry;
    if (!fromPlan.targetDate || !toPlan.startDate) return [];
    const x1 = xOfDate(scale, fromPlan.targetDate) + scale.dayWidth;
    const y1 = (rowIndex.get(dependency.blockerId) ?? 0) * ROW_HEIGHT + ROW_HEIGHT / 2;
    const x2 = xOfDate(scale, toPlan.startDate);
    const y2 = (rowIndex.get(dependency.blockedId) ?? 0) * ROW_HEIGHT + ROW_HEIGHT / 2;
    const bend = Math.max(x1 + 8, Math.min(x2 - 8, x1 + 24));
    const conflict = (conflicts.get(dependency.blockedId) ?? []).some((candidate) => candidate.blockerId === dependency.blockerId);
    return [{ key: `${dependency.blockerId}>${dependency.blockedId}`, d: `M ${x1} ${y1} H ${bend} V ${y2} H ${x2 - 2}`, conflict }];
  });

  return (
    <div className="tl" style={{ ['--tl-lanes' as string]: placedMarkers.reduce((lanes, marker) => Math.max(lanes, marker.lane + 1), 0) }}>
      <p id={hintId} className="visually-hidden">
        Left and right arrows move the plan a day; with Ctrl, or Page Up and Page Down, a week. With Shift they move the target date, making it shorter or longer.
        Enter saves at once, Escape cancels; a move is also saved after a short pause. Enter on a bar at rest opens its dates.
      </p>
      <div ref={scrollRef} className="tl-scroll" tabIndex={-1}>
        <div className="tl-grid" style={{ width: `calc(var(--tl-label) + ${width}px)` }}>
          <div className="tl-header">
            <div className="tl-corner">
              <span className="tl-corner-text">Epics and features</span>
            </div>
            <div className="tl-axis" style={{ width }} aria-hidden="true">
              {placedMarkers.map((marker) => (
                <span
                  key={marker.id}
                  className={`tl-marker-label tl-marker-${marker.kind}${marker.atRisk ? ' is-at-risk' : ''}`}
                  style={{ left: marker.x, top: marker.lane * 18 + 2 }}
                  title={`${marker.kind === 'release' ? 'Release target' : 'Milestone'}: ${marker.label}, ${formatPlanDate(marker.date)}`}
                >
                  {marker.kind === 'milestone' ? '◆ ' : '⚑ '}
                  {marker.label}
                  {marker.atRisk && ' · at risk'}
                </span>
              ))}
              {ticks.map((tick) =>
                tick.label ? (
                  <span key={tick.date} className={`tl-tick${tick.major ? ' is-major' : ''}`} style={{ left: tick.x }}>
                    {tick.label}
                  </span>
                ) : null,
              )}
              {today >= scale.start && today <= scale.end && (
                <span className="tl-today-label" style={{ left: todayX + scale.dayWidth / 2 }}>
                  Today
                </span>
              )}
            </div>
          </div>
          <div className="tl-body" style={{ height: bodyHeight }}>
            <div className="tl-lines" style={{ width, height: bodyHeight }} aria-hidden="true">
              {ticks.map((tick) => (
                <span key={tick.date} className={`tl-gridline${tick.major ? ' is-major' : ''}`} style={{ left: tick.x }} />
              ))}
              {placedMarkers.map((marker) => (
                <span key={marker.id} className={`tl-marker-line tl-marker-${marker.kind}${marker.atRisk ? ' is-at-risk' : ''}`} style={{ left: marker.x }} />
              ))}
              {today >= scale.start && today <= scale.end && <span className="tl-today" style={{ left: todayX + scale.dayWidth / 2 }} />}
              <svg className="tl-arrows" width={width} height={bodyHeight}>
                <defs>
                  <marker id="tl-arrowhead" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M 0 0 L 8 4 L 0 8 z" className="tl-arrowhead" />
                  </marker>
                </defs>
                {arrows.map((arrow) => (
                  <path key={arrow.key} d={arrow.d} className={`tl-arrow${arrow.conflict ? ' is-conflict' : ''}`} markerEnd="url(#tl-arrowhead)" />
                ))}
              </svg>
            </div>
            {rows.map((row) => {
              if (row.kind === 'initiative') {
                const initiative = row.initiative;
                const subject: BarSubject | null =
                  initiative?.startDate && initiative.targetDate
                    ? { kind: 'initiative', id: initiative.id, label: initiative.title, plan: { startDate: initiative.startDate, targetDate: initiative.targetDate }, canEdit: canPlanInitiatives }
                    : null;
                return (
                  <div key={initiative?.id ?? 'none'} className="tl-row tl-row-group">
                    <div className="tl-label">
                      <span className="tl-group-name">{initiative ? initiative.title : 'No initiative'}</span>
                      <span className="tl-group-count">{row.count}</span>
                    </div>
                    <div className="tl-track" style={{ width }}>
                      {subject && bar(subject, 'tl-bar-initiative', initiative?.title, `Initiative ${initiative?.title}`)}
                    </div>
                  </div>
                );
              }
              const { entry, depth } = row.row;
              if (entry.startDate === null || entry.targetDate === null) return null;
              const subject: BarSubject = { kind: 'item', id: entry.item.id, label: entry.item.key, plan: { startDate: entry.startDate, targetDate: entry.targetDate }, canEdit: canPlan };
              const flags = conflicts.get(entry.item.id) ?? [];
              const plan = planOf(subject);
              const { left, width: barWidth } = barOf(scale, plan);
              const flagText = flags.map((conflict) => conflictText(conflict, keyOf)).join('; ');
              return (
                <div key={entry.item.id} className={`tl-row${depth > 0 ? ' tl-row-child' : ''}`} data-item-key={entry.item.key}>
                  <div className="tl-label">
                    <TypeIcon type={entry.item.type} />
                    <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId, itemKey: entry.item.key }} className="tl-key">
                      {entry.item.key}
                    </Link>
                    <span className="tl-title" title={entry.item.title}>
                      {entry.item.title}
                    </span>
                    {flags.length > 0 && (
                      <span className="tl-label-flag" title={flagText}>
                        <AlertIcon />
                        <span className="visually-hidden">Conflict: {flagText}</span>
                      </span>
                    )}
                  </div>
                  <div className="tl-track" style={{ width }}>
                    {bar(subject, `tl-bar-${entry.item.type}${flags.length > 0 ? ' has-conflict' : ''}`, `${entry.item.key} ${entry.item.title}`, `${entry.item.key} ${entry.item.title}`)}
                    {flags.length > 0 && (
                      <span className="tl-flag" style={flagPlacement({ left, width: barWidth }, width, flagText)} data-conflict={entry.item.key}>
                        <AlertIcon />
                        {flagText}
                      </span>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
