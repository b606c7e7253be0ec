import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import type { Announcements, DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { ScoredFramework } from '../../../contracts/prioritization.schema';
import type { Item, WorkflowStatus } from '../../api/types';
import { afterPaint, lazyModule } from '../../app/after-paint';
import { ReadinessMark, StatusBadge, TYPE_LABELS, TypeIcon } from '../../ui/badges';
import { timeAgo } from '../../ui/format';
import { FRAMEWORK_LABELS } from '../prioritization/frameworks';
import { scoreText } from './backlog-search';
import type { ClickModifiers } from './selection';

const ROW_HEIGHT = 44;

/**
 * dnd-kit (about 50 kB) is not part of the first paint: the rows paint without
 * it, and it loads right after them, only for someone who may drag. A drag
 * started before it is in (Space or Enter on a handle, or a press on it) is
 * held, and replayed on the same handle once it is.
 */
const dndKit = lazyModule(() => Promise.all([import('@dnd-kit/core'), import('@dnd-kit/sortable')]).then(([core, sortable]) => ({ core, sortable })));
type DndKit = Awaited<ReturnType<typeof dndKit.get>>;

/** A drag asked for on a row painted before dnd-kit arrived. */
type EarlyDrag =
  | { itemId: string; kind: 'key'; key: string; code: string }
  | { itemId: string; kind: 'pointer'; pointerId: number; pointerType: string; x: number; y: number; released: boolean };

/** The keys dnd-kit's keyboard sensor starts a drag with. */
const DRAG_START_CODES = ['Space', 'Enter'];

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
  const { items, activeIndex, focusRequest, hasMore, loadingMore, onNearEnd, canDrag } = props;
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

  // dnd-kit arrives after the first rows are painted; the rows are then drawn again under it.
  const [kit, setKit] = useState<DndKit | null>(dndKit.current);
  const earlyDrag = useRef<EarlyDrag | null>(null);
  const refocus = useRef<string | null>(null);
  const itemsNow = useRef(items);
  itemsNow.current = items;
  const installKit = useCallback(() => {
    dndKit.get().then(
      (loaded) => {
        // The rows are replaced: note the control that has focus, to give it back.
        refocus.current = focusedControl(scrollRef.current);
        setKit(loaded);
      },
      // Without the network there is no dragging; the next press on a handle tries again.
      () => undefined,
    );
  }, []);
  useEffect(() => {
    if (kit || !canDrag) return;
    return afterPaint(installKit);
  }, [kit, canDrag, installKit]);
  const onEarlyDrag = useCallback(
    (drag: EarlyDrag) => {
      earlyDrag.current = drag;
      if (drag.kind === 'pointer') {
        const release = () => {
          drag.released = true;
          window.removeEventListener('pointerup', release, true);
          window.removeEventListener('pointercancel', release, true);
        };
        window.addEventListener('pointerup', release, true);
        window.addEventListener('pointercancel', release, true);
      }
      installKit();
    },
    [installKit],
  );
  useLayoutEffect(() => {
    if (!kit) return;
    const list = scrollRef.current;
    if (refocus.current) list?.querySelector<HTMLElement>(refocus.current)?.focus({ preventScroll: true });
    refocus.current = null;
    if (!earlyDrag.current) return;
    // After dnd-kit's own effects have registered the new rows.
    const timer = setTimeout(() => {
      const drag = earlyDrag.current;
      earlyDrag.current = null;
      const index = drag ? itemsNow.current.findIndex((item) => item.id === drag.itemId) : -1;
      const handle = list?.querySelector<HTMLElement>(`[data-index="${index}"] .drag-handle`);
      if (drag && handle) replayDrag(handle, drag);
    }, 0);
    return () => clearTimeout(timer);
  }, [kit]);

  // Only the rows on screen are in the DOM, so each tells assistive technology
  // where it sits in the whole list; -1 says the size is not known until the last page is in.
  const setSize = hasMore ? -1 : items.length;
  const dragged = dragIndex >= 0 ? items[dragIndex] : undefined;

  const list = (
    // Explicit roles: list-style: none makes Safari drop the native list semantics the counts hang on.
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
        const rowProps: RowProps = {
          item,
          index: row.index,
          start: row.start,
          size: row.size,
          setSize,
          isActive: row.index === activeIndex,
          isTabStop: row.index === Math.max(activeIndex, 0),
          isSelected: props.selectedIds?.has(item.id) ?? false,
          selectable: props.selectedIds !== null,
          canDrag,
          statusFor: props.statusFor,
          scoreFramework: props.scoreFramework,
          onActivate: props.onActivate,
          onOpen: props.onOpen,
          onSelect: props.onSelect,
        };
        return kit ? <SortableRow key={item.id} kit={kit} {...rowProps} /> : <PlainRow key={item.id} onEarlyDrag={onEarlyDrag} {...rowProps} />;
      })}
    </ul>
  );

  return (
    <div ref={scrollRef} className="list-scroll">
      {kit ? (
        <SortableList kit={kit} items={items} canDrag={canDrag} dragged={dragged} onDragId={setDragId} onDrop={props.onDrop} statusFor={props.statusFor} scoreFramework={props.scoreFramework}>
          {list}
        </SortableList>
      ) : (
        list
      )}
    </div>
  );
}

/** The focused control of a row in `list`, as a selector that finds it again in new rows; null when focus is elsewhere. */
function focusedControl(list: HTMLElement | null): string | null {
  const active = document.activeElement;
  if (!list || !(active instanceof HTMLElement) || !list.contains(active)) return null;
  const row = active.closest<HTMLElement>('[data-index]');
  const control = ['item-row', 'drag-handle', 'row-check'].find((name) => active.classList.contains(name));
  return row && control ? `[data-index="${row.dataset.index}"] .${control}` : null;
}

/** Starts on the handle, now under dnd-kit, the drag that was asked for before it arrived. */
function replayDrag(handle: HTMLElement, drag: EarlyDrag): void {
  if (drag.kind === 'key') {
    handle.focus({ preventScroll: true });
    handle.dispatchEvent(new KeyboardEvent('keydown', { key: drag.key, code: drag.code, bubbles: true, cancelable: true }));
    return;
  }
  // A press already let go of was a click, not the start of a drag.
  if (drag.released) return;
  handle.dispatchEvent(
    new PointerEvent('pointerdown', { bubbles: true, cancelable: true, isPrimary: true, button: 0, buttons: 1, pointerId: drag.pointerId, pointerType: drag.pointerType, clientX: drag.x, clientY: drag.y }),
  );
}

interface SortableListProps {
  kit: DndKit;
  items: Item[];
  canDrag: boolean;
  dragged: Item | undefined;
  onDragId: (id: string | null) => void;
  onDrop: (itemId: string, target: DropTarget) => void;
  statusFor: (key: string) => WorkflowStatus;
  scoreFramework: ScoredFramework | null;
  children: ReactNode;
}

/** The list under dnd-kit: sensors, announcements for screen readers, the drop rule and the overlay of the dragged row. */
function SortableList({ kit, items, canDrag, dragged, onDragId, onDrop, statusFor, scoreFramework, children }: SortableListProps) {
  const { closestCenter, DndContext, DragOverlay, KeyboardSensor, MeasuringStrategy, PointerSensor, useSensor, useSensors } = kit.core;
  const { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } = kit.sortable;
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

  const onDragStart = (event: DragStartEvent) => onDragId(String(event.active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    onDragId(null);
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    onDrop(String(active.id), to > from ? { afterId: String(over.id) } : { beforeId: String(over.id) });
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={{ announcements }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => onDragId(null)}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={!canDrag}>
        {children}
      </SortableContext>
      <DragOverlay>{dragged ? <div className="item-row item-row-overlay"><RowContent item={dragged} statusFor={statusFor} scoreFramework={scoreFramework} /></div> : null}</DragOverlay>
    </DndContext>
  );
}

interface RowProps {
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

type Sortable = ReturnType<DndKit['sortable']['useSortable']>;

const SortableRow = memo(function SortableRow({ kit, ...props }: RowProps & { kit: DndKit }) {
  const sortable = kit.sortable.useSortable({ id: props.item.id, disabled: !props.canDrag });
  return <Row {...props} sortable={sortable} />;
});

/** A row painted before dnd-kit arrived: the same row, whose handle holds a drag until it is in. */
const PlainRow = memo(function PlainRow({ onEarlyDrag, ...props }: RowProps & { onEarlyDrag: (drag: EarlyDrag) => void }) {
  return <Row {...props} sortable={null} onEarlyDrag={onEarlyDrag} />;
});

function Row({ item, index, start, size, setSize, isActive, isTabStop, isSelected, selectable, canDrag, statusFor, scoreFramework, onActivate, onOpen, onSelect, sortable, onEarlyDrag }: RowProps & { sortable: Sortable | null; onEarlyDrag?: (drag: EarlyDrag) => void }) {
  const transform = sortable?.transform;
  // Placed by `top`, not a transform: dnd-kit measures rows without their transforms, and its own transform shifts rows while dragging.
  const style = {
    top: start,
    transform: transform ? `translateY(${transform.y}px)` : undefined,
    transition: sortable?.transition ?? undefined,
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
  const handle = sortable
    ? { ref: sortable.setActivatorNodeRef, ...sortable.attributes, ...sortable.listeners }
    : {
        'aria-roledescription': 'sortable',
        onKeyDown: (event: ReactKeyboardEvent<HTMLButtonElement>) => {
          if (!DRAG_START_CODES.includes(event.code)) return;
          event.preventDefault();
          onEarlyDrag?.({ itemId: item.id, kind: 'key', key: event.key, code: event.code });
        },
        onPointerDown: (event: ReactPointerEvent<HTMLButtonElement>) => {
          if (!event.isPrimary || event.button !== 0) return;
          onEarlyDrag?.({ itemId: item.id, kind: 'pointer', pointerId: event.pointerId, pointerType: event.pointerType, x: event.clientX, y: event.clientY, released: false });
        },
      };
  return (
    <li
      ref={sortable?.setNodeRef}
      data-index={index}
      style={style}
      role="listitem"
      className={`item-li has-tools${sortable?.isDragging ? ' is-dragging' : ''}${isSelected ? ' is-selected' : ''}`}
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
        <button type="button" className="row-tool drag-handle" {...handle} tabIndex={isTabStop ? 0 : -1} aria-label={`Drag ${item.key} to reorder`}>
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
}

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
