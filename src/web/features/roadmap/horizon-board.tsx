import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { DndContext, DragOverlay, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import type { WorkflowStatus } from '../../api/types';
import { StatusBadge, TypeIcon } from '../../ui/badges';
import { adjacentColumn, boardColumns, COLUMN_LABELS, COLUMNS, HORIZON_HINTS, type Column, type RoadmapItem } from './roadmap-model';

export interface HorizonBoardProps {
  workspaceId: string;
  productId: string;
  items: readonly RoadmapItem[];
  releaseName: (releaseId: string | null) => string | null;
  statusFor: (key: string) => WorkflowStatus;
  canPlan: boolean;
  savingIds: ReadonlySet<string>;
  onMove: (entry: RoadmapItem, to: Column) => void;
}

const columnOf = (entry: RoadmapItem): Column => entry.horizon ?? 'unplaced';

/**
 * The Now / Next / Later board: epics and features by when they are meant
 * to happen, without dates. Cards drag between columns (dnd-kit, which
 * loads with this board); the keyboard way is each card's Move menu, or
 * Shift with ← and → on a card's link or button.
 */
export function HorizonBoard({ workspaceId, productId, items, releaseName, statusFor, canPlan, savingIds, onMove }: HorizonBoardProps) {
  const columns = useMemo(() => boardColumns(items), [items]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const [dragging, setDragging] = useState<RoadmapItem | null>(null);
  const helpId = useId();

  const onDragStart = (event: DragStartEvent) => setDragging((event.active.data.current as { entry: RoadmapItem } | undefined)?.entry ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const entry = (event.active.data.current as { entry: RoadmapItem } | undefined)?.entry;
    const to = event.over?.id as Column | undefined;
    if (entry && to && to !== columnOf(entry)) onMove(entry, to);
  };

  const onCardKey = (event: KeyboardEvent, entry: RoadmapItem) => {
    if (!canPlan || !event.shiftKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    const to = adjacentColumn(columnOf(entry), event.key === 'ArrowLeft' ? -1 : 1);
    event.preventDefault();
    if (to) onMove(entry, to);
  };

  return (
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
      <p id={helpId} className="hb-help">
        {canPlan
          ? 'Drag a card to another column, or use its Move menu (Shift with ← and → on a card does the same).'
          : 'Product managers place work on this board; you can read it.'}
      </p>
      <div className="hb-columns">
        {COLUMNS.map((column) => (
          <BoardColumn key={column} column={column} count={columns[column].length} disabled={!canPlan}>
            {columns[column].length === 0 ? (
              <p className="hb-empty">{column === 'unplaced' ? 'Everything is placed.' : canPlan ? 'Drag work here.' : 'Nothing here yet.'}</p>
            ) : (
              <ul className="hb-cards" aria-label={COLUMN_LABELS[column]}>
                {columns[column].map((entry) => (
                  <li key={entry.item.id}>
                    <Card entry={entry} workspaceId={workspaceId} productId={productId} release={releaseName(entry.releaseId)} status={statusFor(entry.item.status)} canPlan={canPlan} saving={savingIds.has(entry.item.id)} onMove={onMove} onKeyDown={onCardKey} />
                  </li>
                ))}
              </ul>
            )}
          </BoardColumn>
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{dragging && <CardContent entry={dragging} release={releaseName(dragging.releaseId)} status={statusFor(dragging.item.status)} overlay />}</DragOverlay>
    </DndContext>
  );
}

function BoardColumn({ column, count, disabled, children }: { column: Column; count: number; disabled: boolean; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: column, disabled });
  const headingId = useId();
  return (
    <section ref={setNodeRef} className={`hb-column hb-column-${column}${isOver ? ' is-over' : ''}`} aria-labelledby={headingId} data-column={column}>
      <header className="hb-column-head">
        <h2 id={headingId} className="hb-column-title">
          {COLUMN_LABELS[column]}
        </h2>
        <span className="hb-count" aria-label={`${count} ${count === 1 ? 'item' : 'items'}`}>
          {count}
        </span>
      </header>
      <p className="hb-column-hint">{column === 'unplaced' ? 'Epics and features on no column yet' : HORIZON_HINTS[column]}</p>
      {children}
    </section>
  );
}

interface CardProps {
  entry: RoadmapItem;
  workspaceId: string;
  productId: string;
  release: string | null;
  status: WorkflowStatus;
  canPlan: boolean;
  saving: boolean;
  onMove: (entry: RoadmapItem, to: Column) => void;
  onKeyDown: (event: KeyboardEvent, entry: RoadmapItem) => void;
}

/** A card drags by pointer; it takes no role of its own, so its link and its Move button never nest in a control. */
function Card({ entry, workspaceId, productId, release, status, canPlan, saving, onMove, onKeyDown }: CardProps) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: entry.item.id, data: { entry }, disabled: !canPlan });
  return (
    <article
      ref={setNodeRef}
      className={`hb-card${isDragging ? ' is-dragging' : ''}${canPlan ? ' is-draggable' : ''}${saving ? ' is-saving' : ''}`}
      data-item-key={entry.item.key}
      aria-label={`${entry.item.key} ${entry.item.title}`}
      onKeyDown={(event) => onKeyDown(event, entry)}
      {...(canPlan ? listeners : {})}
    >
      <CardContent entry={entry} release={release} status={status} link={{ workspaceId, productId }} />
      {canPlan && <MoveMenu entry={entry} onMove={onMove} />}
    </article>
  );
}

function CardContent({ entry, release, status, link, overlay = false }: { entry: RoadmapItem; release: string | null; status: WorkflowStatus; link?: { workspaceId: string; productId: string }; overlay?: boolean }) {
  const content = (
    <>
      <span className="hb-card-top">
        <TypeIcon type={entry.item.type} />
        {link ? (
          <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ ...link, itemKey: entry.item.key }} className="item-key hb-key">
            {entry.item.key}
          </Link>
        ) : (
          <span className="item-key">{entry.item.key}</span>
        )}
      </span>
      <span className="hb-card-title">{entry.item.title}</span>
      <span className="hb-card-bottom">
        <StatusBadge status={status} />
        {release && <span className="hb-release">⚑ {release}</span>}
      </span>
    </>
  );
  return overlay ? (
    <div className="hb-card hb-card-overlay" aria-hidden="true">
      {content}
    </div>
  ) : (
    content
  );
}

/** The keyboard and menu way to move a card: "Move to Now", "Move to Later", and so on. */
function MoveMenu({ entry, onMove }: { entry: RoadmapItem; onMove: (entry: RoadmapItem, to: Column) => void }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const current = columnOf(entry);
  const targets = COLUMNS.filter((column) => column !== current);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && event.target !== buttonRef.current) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      buttons[(index + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="hb-menu-wrap" onPointerDown={(event) => event.stopPropagation()}>
      <button
        ref={buttonRef}
        type="button"
        className="hb-move"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Move ${entry.item.key}`}
        aria-keyshortcuts="Shift+ArrowLeft Shift+ArrowRight"
        onClick={() => setOpen(!open)}
      >
        Move
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} className="hb-menu" role="menu" aria-label={`Move ${entry.item.key} to`} onKeyDown={onMenuKey}>
          {targets.map((column) => (
            <li key={column} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  close(true);
                  onMove(entry, column);
                }}
              >
                {column === 'unplaced' ? 'Take off the board' : `Move to ${COLUMN_LABELS[column]}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
