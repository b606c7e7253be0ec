import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { ScoredFramework } from '../../../contracts/prioritization.schema';
import type { Item, WorkflowStatus } from '../../api/types';
import { ReadinessMark, StatusBadge, TYPE_LABELS, TypeIcon } from '../../ui/badges';
import { timeAgo } from '../../ui/format';
import { FRAMEWORK_LABELS } from '../prioritization/frameworks';
import { scoreText } from './backlog-search';
import type { ClickModifiers } from './selection';

const ROW_HEIGHT = 44;

/** Where a drop puts the dragged row: next to the row it was dropped on, on the side it came from. */
export type DropTarget = { beforeId: string } | { afterId: string };

export interface ItemListProps {
  items: Item[];
  /** The product's workflow status for a key (a lookup built once, not a search per row). */
  statusFor: (key: string) => WorkflowStatus;
  activeIndex: number;
  /** Bumped whenever the keyboard moves the selection, so focus follows it. */
  focusRequest: number;
  hasMore: boolean;
  loadingMore: boolean;
  onActivate: (index: number) => void;
  onOpen: (item: Item) => void;
  onNearEnd: () => void;
  /** The framework whose score is shown in its own column (the list's sort), or null. */
  scoreFramework: ScoredFramework | null;
  /** Rows may be dragged into a new rank (the list is in rank order and the user may rank). */
  canDrag: boolean;
  onDrop: (itemId: string, target: DropTarget) => void;
  /** Bulk selection; null when the user may not bulk-edit. */
  selectedIds: ReadonlySet<string> | null;
  onSelect: (itemId: string, modifiers: ClickModifiers) => void;
}

/**
 * The backlog. Only the rows on screen are in the DOM, so a product with ten
 * thousand items paints as fast as one with ten; the row being dragged stays
 * mounted however far the list scrolls under it.
 */
export function ItemList(props: ItemListProps) {
  const { items, activeIndex, focusRequest, hasMore, loadingMore, onNearEnd, canDrag, onDrop } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const dragIndex = dragId ? items.findIndex((item) => item.id === dragId) : -1;
  const rowCount = items.length + (hasMore ? 1 : 0);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return dragIndex >= 0 && !indexes.includes(dragIndex) ? [...indexes, dragIndex].sort((a, b) => a - b) : indexes;
    },
    [dragIndex],
  );
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    rangeExtractor,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 10) onNearEnd();
  }, [hasMore, loadingMore, lastIndex, items.length, onNearEnd]);

  useEffect(() => {
    if (focusRequest === 0 || activeIndex < 0) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    // The row may only exist after the virtualizer renders the scrolled window.
    let frame = 0;
    const focusRow = (attempt: number) => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"] .item-row`);
      if (row) row.focus({ preventScroll: true });
      else if (attempt < 5) frame = requestAnimationFrame(() => focusRow(attempt + 1));
    };
    frame = requestAnimationFrame(() => focusRow(0));
    return () => cancelAnimationFrame(frame);
    // Only a new focus request moves focus; a changed index alone (from a click) must not.
  }, [focusRequest]);

  const sensors = useSensors(
    // A few pixels of travel before a press becomes a drag, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const keyOf = useCallback((id: string | number) => items.find((item) => item.id === id)?.key ?? String(id), [items]);
  const positionOf = useCallback((id: string | number) => ids.indexOf(String(id)) + 1, [ids]);
  const announcements: Announcements = useMemo(
    () => ({
      onDragStart: ({ active }) => `Picked up ${keyOf(active.id)} at position ${positionOf(active.id)}. Use the arrow keys to move it, Space to drop it, Escape to cancel.`,
      onDragOver: ({ active, over }) => (over ? `${keyOf(active.id)} is over position ${positionOf(over.id)}.` : `${keyOf(active.id)} is not over the list.`),
      onDragEnd: ({ active, over }) => (over ? `${keyOf(active.id)} dropped at position ${positionOf(over.id)}.` : `${keyOf(active.id)} dropped where it was.`),
      onDragCancel: ({ active }) => `Moving ${keyOf(active.id)} was cancelled; it is back at position ${positionOf(active.id)}.`,
    }),
    [keyOf, positionOf],
  );

  const onDragStart = (event: DragStartEvent) => setDragId(String(event.active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragId(null);
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    onDrop(String(active.id), to > from ? { afterId: String(over.id) } : { beforeId: String(over.id) });
  };

  // Only the rows on screen are in the DOM, so each tells assistive technology
  // where it sits in the whole list; -1 says the size is not known until the last page is in.
  const setSize = hasMore ? -1 : items.length;
  const dragged = dragIndex >= 0 ? items[dragIndex] : undefined;

  return (
    <div ref={scrollRef} className="list-scroll">
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        accessibility={{ announcements }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragId(null)}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={!canDrag}>
          {/* Explicit roles: list-style: none makes Safari drop the native list semantics the counts hang on. */}
          <ul role="list" className="item-list" aria-label="Items" aria-busy={loadingMore} style={{ height: virtualizer.getTotalSize() }}>
            {virtualItems.map((row) => {
              const item = items[row.index];
              if (!item) {
                // The "loading more" row is not an item, so it stays out of the count.
                return (
                  <li key="more" data-index={row.index} style={{ transform: `translateY(${row.start}px)`, height: row.size }} className="item-li" aria-hidden="true">
                    <div className="item-more">{loadingMore ? 'Loading more…' : ''}</div>
                  </li>
                );
              }
              return (
                <SortableRow
                  key={item.id}
                  item={item}
                  index={row.index}
                  start={row.start}
                  size={row.size}
                  setSize={setSize}
                  isActive={row.index === activeIndex}
                  isTabStop={row.index === Math.max(activeIndex, 0)}
                  isSelected={props.selectedIds?.has(item.id) ?? false}
                  selectable={props.selectedIds !== null}
                  canDrag={canDrag}
                  statusFor={props.statusFor}
                  scoreFramework={props.scoreFramework}
                  onActivate={props.onActivate}
                  onOpen={props.onOpen}
                  onSelect={props.onSelect}
                />
              );
            })}
          </ul>
        </SortableContext>
        <DragOverlay>{dragged ? <div className="item-row item-row-overlay"><RowContent item={dragged} statusFor={props.statusFor} scoreFramework={props.scoreFramework} /></div> : null}</DragOverlay>
      </DndContext>
    </div>
  );
}

interface SortableRowProps {
  item: Item;
  index: number;
  start: number;
  size: number;
  setSize: number;
  isActive: boolean;
  isTabStop: boolean;
  isSelected: boolean;
  selectable: boolean;
  canDrag: boolean;
  statusFor: (key: string) => WorkflowStatus;
  scoreFramework: ScoredFramework | null;
  onActivate: (index: number) => void;
  onOpen: (item: Item) => void;
  onSelect: (itemId: string, modifiers: ClickModifiers) => void;
}

const SortableRow = memo(function SortableRow({ item, index, start, size, setSize, isActive, isTabStop, isSelected, selectable, canDrag, statusFor, scoreFramework, onActivate, onOpen, onSelect }: SortableRowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !canDrag });
  // Placed by `top`, not a transform: dnd-kit measures rows without their transforms, and its own transform shifts rows while dragging.
  const style = {
    top: start,
    transform: transform ? `translateY(${transform.y}px)` : undefined,
    transition: transition ?? undefined,
    height: size,
  };
  const onRowClick = (event: ReactMouseEvent<HTMLButtonElement>) => {
    const toggle = event.ctrlKey || event.metaKey;
    if (selectable && (event.shiftKey || toggle)) {
      event.preventDefault();
      onSelect(item.id, { shift: event.shiftKey, toggle });
      return;
    }
    onOpen(item);
  };
  return (
    <li
      ref={setNodeRef}
      data-index={index}
      style={style}
      role="listitem"
      className={`item-li has-tools${isDragging ? ' is-dragging' : ''}${isSelected ? ' is-selected' : ''}`}
      aria-setsize={setSize}
      aria-posinset={index + 1}
    >
      {selectable && (
        <span className="row-tool">
          <input
            type="checkbox"
            className="row-check"
            checked={isSelected}
            tabIndex={isTabStop ? 0 : -1}
            aria-label={`Select ${item.key}`}
            onChange={(event) => {
              const native = event.nativeEvent as MouseEvent;
              onSelect(item.id, { shift: Boolean(native.shiftKey), toggle: true });
            }}
          />
        </span>
      )}
      {canDrag && (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="row-tool drag-handle"
          {...attributes}
          {...listeners}
          tabIndex={isTabStop ? 0 : -1}
          aria-label={`Drag ${item.key} to reorder`}
        >
          <svg width="10" height="16" viewBox="0 0 10 16" aria-hidden="true" fill="currentColor">
            <circle cx="2.5" cy="3" r="1.4" />
            <circle cx="7.5" cy="3" r="1.4" />
            <circle cx="2.5" cy="8" r="1.4" />
            <circle cx="7.5" cy="8" r="1.4" />
            <circle cx="2.5" cy="13" r="1.4" />
            <circle cx="7.5" cy="13" r="1.4" />
          </svg>
        </button>
      )}
      <button
        type="button"
        className={`item-row${isActive ? ' is-active' : ''}`}
        tabIndex={isTabStop ? 0 : -1}
        onFocus={() => onActivate(index)}
        onClick={onRowClick}
      >
        <RowContent item={item} statusFor={statusFor} scoreFramework={scoreFramework} />
      </button>
    </li>
  );
});

function RowContent({ item, statusFor, scoreFramework }: { item: Item; statusFor: (key: string) => WorkflowStatus; scoreFramework: ScoredFramework | null }) {
  const score = scoreFramework ? scoreText(item.scores, scoreFramework) : '';
  return (
    <>
      <TypeIcon type={item.type} />
      <span className="item-key">{item.key}</span>
      <span className="item-title">{item.title}</span>
      <RowLabels labels={item.labels} />
      <span className="item-ready-slot">{item.readiness && <ReadinessMark readiness={item.readiness} />}</span>
      <span className="item-estimate" title={item.estimate === null ? 'Not estimated' : `Estimate: ${item.estimate} points`}>
        {item.estimate !== null && (
          <>
            {item.estimate}
            <span className="visually-hidden"> points</span>
          </>
        )}
      </span>
      {scoreFramework && (
        <span className="item-score" title={score ? `${FRAMEWORK_LABELS[scoreFramework]} score ${score}` : `No ${FRAMEWORK_LABELS[scoreFramework]} score`}>
          {score ? (
            <>
              <span className="visually-hidden">{FRAMEWORK_LABELS[scoreFramework]} score </span>
              {score}
            </>
          ) : (
            <span aria-hidden="true">–</span>
          )}
        </span>
      )}
      <span className={`item-type type-${item.type}`} aria-hidden="true">
        {TYPE_LABELS[item.type]}
      </span>
      <StatusBadge status={statusFor(item.status)} />
      <time className="item-time" dateTime={item.updatedAt} title={new Date(item.updatedAt).toLocaleString()}>
        {timeAgo(item.updatedAt)}
      </time>
    </>
  );
}

/** At most two labels fit a row; the rest are counted, and all are in the tooltip. */
const ROW_LABELS = 2;

function RowLabels({ labels }: { labels: string[] }) {
  if (labels.length === 0) return null;
  const shown = labels.slice(0, ROW_LABELS);
  const more = labels.length - shown.length;
  return (
    <span className="item-labels" title={labels.join(', ')}>
      <span className="visually-hidden">Labels: </span>
      {shown.map((label) => (
        <span key={label} className="label-chip">
          {label}
        </span>
      ))}
      {more > 0 && <span className="label-more">+{more}</span>}
    </span>
  );
}
