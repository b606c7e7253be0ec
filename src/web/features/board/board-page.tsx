import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueries } from '@tanstack/react-query';
import { closestCorners, DndContext, DragOverlay, PointerSensor, pointerWithin, useDroppable, useSensor, useSensors, type CollisionDetection, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { isAllowed } from '../../../domain/access/permissions';
import { SCORED_FRAMEWORKS } from '../../../contracts/vocabulary';
import { ApiError, messageOf, request } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { queryKeys } from '../../api/query-keys';
import type { ScoredFramework, Sprint } from '../../api/sprint-keys';
import type { Item, WorkflowStatus } from '../../api/types';
import { Avatar, ReadinessMark, TypeIcon } from '../../ui/badges';
import { Button, Kbd } from '../../ui/button';
import { SearchIcon } from '../../ui/icons';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useMembers } from '../members/queries';
import { useProducts } from '../shell/queries';
import { useSprints } from '../sprints/queries';
import { formatPoints } from '../sprints/sprint-model';
import {
  adjacentStatus,
  cardAccess,
  cellId,
  groupLanes,
  layoutOf,
  missingAncestors,
  moveFocus,
  planBoardDrop,
  positionOf,
  wipState,
  type BoardLane,
  type Direction,
  type LaneMode,
} from './board-model';
import { BACKLOG_BOARD_LIMIT, useBoardItems, useMoveCard, useRankCard, useWipCounts, type BoardSource } from './queries';
import './board.css';

export interface BoardSearch {
  /** `current` (the running sprint, the default), `backlog`, or a sprint id. */
  sprint?: string;
  /** The backlog's filter, when the board shows the backlog. */
  q?: string;
  lanes?: LaneMode;
  score?: ScoredFramework;
}

const LANE_LABELS: Record<LaneMode, string> = { none: 'No swimlanes', assignee: 'By assignee', epic: 'By epic', priority: 'By priority' };
const SCORE_LABELS: Record<ScoredFramework, string> = { rice: 'RICE', ice: 'ICE', wsjf: 'WSJF', moscow: 'MoSCoW', value_effort: 'Value / effort', weighted: 'Weighted', kano: 'Kano' };

/** A card lands where the pointer is; between cells, at the nearest one. */
const dropTarget: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : closestCorners(args);
};

interface WipRefusal {
  item: Item;
  to: WorkflowStatus;
  message: string;
}

/** `/w/:workspaceId/p/:productId/board`: the sprint (or backlog) as Kanban columns of the product's workflow. */
export function BoardPage({ workspaceId, productId, search }: { workspaceId: string; productId: string; search: BoardSearch }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const userId = me.data?.user.id ?? null;
  const canOverride = isAllowed(roles, 'item.override_wip');
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const workflow = useMemo(() => product?.workflow ?? [], [product?.workflow]);
  const members = useMembers(workspaceId);
  const sprints = useSprints(productId);
  const navigate = useNavigate();

  const setSearch = useCallback(
    (changes: Partial<BoardSearch>) => void navigate({ to: '/w/$workspaceId/p/$productId/board', params: { workspaceId, productId }, search: (old: BoardSearch) => ({ ...old, ...changes }), replace: true }),
    [navigate, workspaceId, productId],
  );

  const choice = search.sprint ?? 'current';
  const running = sprints.data?.find((sprint) => sprint.state === 'active');
  const chosenSprint: Sprint | undefined = choice === 'current' ? running : sprints.data?.find((sprint) => sprint.id === choice);
  const filter = search.q ?? '';
  const source: BoardSource | null = choice === 'backlog' ? { kind: 'backlog', filter } : chosenSprint ? { kind: 'sprint', sprintId: chosenSprint.id } : null;

  const board = useBoardItems(productId, source);
  const wipCounts = useWipCounts(productId, product?.workflow);
  const items = useMemo(() => board.data?.items ?? [], [board.data]);
  const laneMode = search.lanes ?? 'none';
  const framework = search.score ?? 'rice';

  // Epic lanes walk parent chains; parents not on the board are fetched a level at a time.
  const [ancestorIds, setAncestorIds] = useState<string[]>([]);
  const ancestors = useQueries({
    queries: (laneMode === 'epic' ? ancestorIds : []).map((id) => ({ queryKey: queryKeys.item(id), queryFn: () => request<Item>(`/items/${encodeURIComponent(id)}`), staleTime: 60_000 })),
  });
  const ancestorData = ancestors.map((query) => query.data);
  const lookup = useMemo(() => {
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const item of ancestorData) if (item) byId.set(item.id, item);
    return (id: string) => byId.get(id);
    // The fetched copies change identity only when their data does.
  }, [items, ...ancestorData]);
  useEffect(() => {
    if (laneMode !== 'epic') return;
    const missing = missingAncestors(items, lookup).filter((id) => !ancestorIds.includes(id));
    if (missing.length > 0) setAncestorIds((ids) => [...ids, ...missing]);
  }, [laneMode, items, lookup, ancestorIds]);

  const person = useMemo(() => {
    const byId = new Map((members.data ?? []).map((member) => [member.userId, member.name]));
    return (id: string) => byId.get(id);
  }, [members.data]);
  const lanes = useMemo(() => groupLanes(items, workflow, laneMode, { person, lookup, framework }), [items, workflow, laneMode, person, lookup, framework]);

  const [filterText, setFilterText] = useState(filter);
  useEffect(() => setFilterText(filter), [filter]);
  useEffect(() => {
    if (filterText.trim() === filter) return;
    const timer = window.setTimeout(() => setSearch({ q: filterText.trim() || undefined }), 300);
    return () => window.clearTimeout(timer);
  }, [filterText, filter, setSearch]);

  const sourceSelect = (
    <div className="board-control">
      <label htmlFor="board-source" className="board-control-label">
        Show
      </label>
      <select id="board-source" className="input select" value={choice} onChange={(event) => setSearch({ sprint: event.target.value === 'current' ? undefined : event.target.value })}>
        <option value="current">{running ? `Running sprint (${running.name})` : 'Running sprint (none)'}</option>
        {(sprints.data ?? [])
          .filter((sprint) => sprint.id !== running?.id)
          .map((sprint) => (
            <option key={sprint.id} value={sprint.id}>
              {sprint.name} ({sprint.state === 'planned' ? 'planned' : 'completed'})
            </option>
          ))}
        <option value="backlog">Whole backlog, filtered</option>
      </select>
    </div>
  );

  let body;
  if (products.isPending || sprints.isPending) body = <LoadingState label="Loading the board…" />;
  else if (sprints.isError) body = <ErrorState title="Could not load sprints" message={messageOf(sprints.error)} action={<Button onClick={() => void sprints.refetch()}>Try again</Button>} />;
  else if (!product) body = <ErrorState title="Product not found" message="It does not exist, or you cannot see it." />;
  else if (!source) {
    body = (
      <EmptyState
        title={choice === 'current' ? 'No sprint is running' : 'Sprint not found'}
        action={
          <div className="board-empty-actions">
            <Button variant="primary" onClick={() => setSearch({ sprint: 'backlog' })}>
              Show the whole backlog
            </Button>
            <Link to="/w/$workspaceId/p/$productId/sprints" params={{ workspaceId, productId }} className="btn btn-secondary">
              Go to sprints
            </Link>
          </div>
        }
      >
        {choice === 'current' ? 'Start a sprint to see its items here, or look at the backlog as a board meanwhile.' : 'It may have been in another product. Pick another from “Show”.'}
      </EmptyState>
    );
  } else if (board.isPending) body = <LoadingState label="Loading cards…" />;
  else if (board.isError && !board.data) {
    const invalid = board.error instanceof ApiError && board.error.code === 'invalid_query';
    body = invalid ? (
      <div className="board-note">
        <Alert>{messageOf(board.error)}</Alert>
      </div>
    ) : (
      <ErrorState title="Could not load the board" message={messageOf(board.error)} action={<Button onClick={() => void board.refetch()}>Try again</Button>} />
    );
  } else {
    body = (
      <Board
        key={`${productId}`}
        workspaceId={workspaceId}
        productId={productId}
        items={items}
        lanes={lanes}
        laneMode={laneMode}
        wipCounts={wipCounts.data}
        access={(item) => cardAccess(roles, userId, item, running?.id ?? null)}
        readOnly={!isAllowed(roles, 'item.update') && !isAllowed(roles, 'item.update_own_work')}
        ownWorkOnly={!isAllowed(roles, 'item.update') && isAllowed(roles, 'item.update_own_work')}
        canOverride={canOverride}
        person={person}
        empty={items.length === 0 ? (source.kind === 'sprint' ? `${chosenSprint?.name ?? 'This sprint'} has no items yet.` : 'No item matches this filter.') : null}
        truncated={board.data?.truncated ?? false}
      />
    );
  }

  const points = items.reduce((sum, item) => sum + (item.estimate ?? 0), 0);
  return (
    <div className="page board-page">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Board</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            {board.isSuccess && (
              <span>
                {items.length} {items.length === 1 ? 'card' : 'cards'}, {formatPoints(points)}
              </span>
            )}
            {chosenSprint && source?.kind === 'sprint' && (
              <Link to="/w/$workspaceId/p/$productId/sprints/$sprintId" params={{ workspaceId, productId, sprintId: chosenSprint.id }}>
                {chosenSprint.name} burndown
              </Link>
            )}
          </p>
        </div>
        <div className="page-actions board-controls">
          {sourceSelect}
          {choice === 'backlog' && (
            <div className="board-control board-filter">
              <label htmlFor="board-filter" className="board-control-label">
                Filter
              </label>
              <SearchIcon aria-hidden="true" />
              <input id="board-filter" className="input" type="search" placeholder="e.g. sprint:none type:story" value={filterText} onChange={(event) => setFilterText(event.target.value)} />
            </div>
          )}
          <div className="board-control">
            <label htmlFor="board-lanes" className="board-control-label">
              Swimlanes
            </label>
            <select id="board-lanes" className="input select" value={laneMode} onChange={(event) => setSearch({ lanes: event.target.value === 'none' ? undefined : (event.target.value as LaneMode) })}>
              {(Object.keys(LANE_LABELS) as LaneMode[]).map((mode) => (
                <option key={mode} value={mode}>
                  {LANE_LABELS[mode]}
                </option>
              ))}
            </select>
          </div>
          {laneMode === 'priority' && (
            <div className="board-control">
              <label htmlFor="board-score" className="board-control-label">
                Priority by
              </label>
              <select id="board-score" className="input select" value={framework} onChange={(event) => setSearch({ score: event.target.value as ScoredFramework })}>
                {SCORED_FRAMEWORKS.map((entry) => (
                  <option key={entry} value={entry}>
                    {SCORE_LABELS[entry]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      </div>
      {body}
    </div>
  );
}

interface BoardProps {
  workspaceId: string;
  productId: string;
  items: Item[];
  lanes: BoardLane[];
  laneMode: LaneMode;
  wipCounts: Record<string, number> | undefined;
  access: (item: Item) => { canMove: boolean; canRank: boolean };
  readOnly: boolean;
  ownWorkOnly: boolean;
  canOverride: boolean;
  person: (userId: string) => string | undefined;
  empty: string | null;
  truncated: boolean;
}

function Board({ workspaceId, productId, items, lanes, laneMode, wipCounts, access, readOnly, ownWorkOnly, canOverride, person, empty, truncated }: BoardProps) {
  const moveCard = useMoveCard(productId);
  const rankCard = useRankCard(productId);
  const toast = useToast();
  const navigate = useNavigate();
  const [refusal, setRefusal] = useState<WipRefusal | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [dragging, setDragging] = useState<Item | null>(null);
  const focusAfterRender = useRef<string | null>(null);
  const justDragged = useRef(false);
  const boardRef = useRef<HTMLDivElement>(null);
  const columns = lanes[0]?.columns.map((column) => column.status) ?? [];
  const layout = useMemo(() => layoutOf(lanes), [lanes]);

  const nameOf = useCallback((key: string) => columns.find((status) => status.key === key)?.name ?? key, [columns]);

  const changeStatus = useCallback(
    (item: Item, to: WorkflowStatus, overrideWipLimit = false) => {
      setRefusal(null);
      focusAfterRender.current = item.id;
      setAnnouncement(`${item.key} moved to ${to.name}`);
      moveCard.mutate(
        { item, to: to.key, overrideWipLimit },
        {
          onError: (error) => {
            focusAfterRender.current = item.id;
            if (error instanceof ApiError && error.code === 'wip_limit_reached') {
              setRefusal({ item, to, message: messageOf(error) });
              setAnnouncement(`${item.key} not moved: ${to.name} is at its WIP limit`);
            } else if (isStale(error)) {
              setAnnouncement(`${item.key} not moved`);
              toast({ message: `${item.key} changed meanwhile; the board shows its latest version. Move it again if it still has to go.`, tone: 'danger' });
            } else {
              setAnnouncement(`${item.key} not moved`);
              toast({ message: `Could not move ${item.key}: ${messageOf(error)}`, tone: 'danger' });
            }
          },
        },
      );
    },
    [moveCard, toast],
  );

  const reorder = useCallback(
    (item: Item, target: { beforeId: string } | { afterId: string }) => {
      focusAfterRender.current = item.id;
      rankCard.mutate({ item, target }, { onError: (error) => toast({ message: `Could not reorder ${item.key}: ${messageOf(error)}`, tone: 'danger' }) });
    },
    [rankCard, toast],
  );

  // A moved card is a new element in its new column: focus follows it there.
  useLayoutEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    const card = boardRef.current?.querySelector<HTMLElement>(`[data-card-id="${id}"]`);
    if (card && document.activeElement !== card && boardRef.current?.contains(document.activeElement) !== false) card.focus({ preventScroll: false });
    focusAfterRender.current = null;
  });

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const onDragStart = (event: DragStartEvent) => setDragging(items.find((item) => item.id === event.active.id) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    justDragged.current = true;
    window.setTimeout(() => (justDragged.current = false), 0);
    const drop = planBoardDrop(items, String(event.active.id), event.over ? String(event.over.id) : null);
    if (!drop) return;
    const allowed = access(drop.item);
    if (drop.kind === 'status') {
      const to = columns.find((status) => status.key === drop.to);
      if (to && allowed.canMove) changeStatus(drop.item, to);
      else if (to) toast({ message: `You cannot move ${drop.item.key}: contributors move the items assigned to them.`, tone: 'danger' });
    } else if (allowed.canRank) {
      reorder(drop.item, drop.target);
    } else {
      toast({ message: `${drop.item.key} is in the running sprint; only the product owner (or an owner) reorders it.`, tone: 'danger' });
    }
  };

  const focusCard = (id: string) => {
    setFocusedId(id);
    boardRef.current?.querySelector<HTMLElement>(`[data-card-id="${id}"]`)?.focus();
  };

  const onCardKey = (event: ReactKeyboardEvent, item: Item) => {
    const arrows: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
    const direction = arrows[event.key];
    if (!direction || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (event.shiftKey) {
      const { canMove, canRank } = access(item);
      if (direction === 'left' || direction === 'right') {
        if (!canMove) return;
        const to = adjacentStatus(columns, item.status, direction === 'right' ? 1 : -1);
        if (to) changeStatus(item, to);
      } else if (canRank) {
        const position = positionOf(layout, item.id);
        const neighbourId = position ? layout[position.lane]?.[position.column]?.[position.index + (direction === 'down' ? 1 : -1)] : undefined;
        if (neighbourId) reorder(item, direction === 'down' ? { afterId: neighbourId } : { beforeId: neighbourId });
      }
      return;
    }
    const from = positionOf(layout, item.id);
    const to = from ? moveFocus(layout, from, direction) : null;
    const id = to ? layout[to.lane]?.[to.column]?.[to.index] : undefined;
    if (id) focusCard(id);
  };

  const openCard = (item: Item) => {
    if (justDragged.current) return;
    void navigate({ to: '/w/$workspaceId/p/$productId/items/$itemKey', params: { workspaceId, productId, itemKey: item.key } });
  };

  const tabbableId = focusedId && items.some((item) => item.id === focusedId) ? focusedId : (layout.flat(2)[0] ?? null);
  const showLaneHeads = laneMode !== 'none';

  return (
    <div className="board-wrap">
      <div className="board-notes">
        {refusal && (
          <div className="alert alert-warning wip-alert" role="alert">
            <div>
              <strong>
                {refusal.to.name} is at its WIP limit; {refusal.item.key} stays in {nameOf(refusal.item.status)}.
              </strong>{' '}
              {refusal.message}
              {!canOverride && ' Ask a product owner if it has to move now.'}
            </div>
            <div className="wip-actions">
              {canOverride && (
                <Button size="sm" variant="primary" onClick={() => changeStatus(refusal.item, refusal.to, true)}>
                  Move anyway
                </Button>
              )}
              <Button size="sm" onClick={() => setRefusal(null)}>
                Dismiss
              </Button>
            </div>
          </div>
        )}
        {readOnly && <Alert tone="info">Your role can read the board but not move cards.</Alert>}
        {ownWorkOnly && <Alert tone="info">You can move the cards assigned to you.</Alert>}
        {truncated && <Alert tone="info">The board shows the first {BACKLOG_BOARD_LIMIT} matching items; narrow the filter to see the rest.</Alert>}
        {empty && <p className="section-empty">{empty}</p>}
      </div>
      <p id="board-help" className="visually-hidden">
        Arrow keys move between cards. {readOnly ? '' : 'Shift with left or right arrow moves the card to the previous or next column; Shift with up or down arrow moves it within its column. '}Enter opens the item.
      </p>
      <DndContext sensors={sensors} collisionDetection={dropTarget} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
        <div className="board-scroll" ref={boardRef}>
          <div className="board-grid" style={{ ['--board-columns' as string]: columns.length }}>
            <div className="board-head" role="presentation">
              {columns.map((status) => (
                <ColumnHeader key={status.key} status={status} count={items.filter((item) => item.status === status.key).length} productCount={wipCounts?.[status.key] ?? null} />
              ))}
            </div>
            {lanes.map((lane) => (
              <section key={lane.key} className="board-lane" aria-label={showLaneHeads ? `${lane.title}, ${lane.count} ${lane.count === 1 ? 'card' : 'cards'}` : 'Cards'}>
                {showLaneHeads && (
                  <h2 className="board-lane-title">
                    {lane.title} <span className="section-count">{lane.count}</span>
                  </h2>
                )}
                <div className="board-row">
                  {lane.columns.map((column) => (
                    <Cell
                      key={column.status.key}
                      id={cellId(lane.key, column.status.key)}
                      label={showLaneHeads ? `${column.status.name}, ${lane.title}` : column.status.name}
                      items={column.items}
                      disabled={readOnly}
                      isTarget={dragging !== null && dragging.status !== column.status.key}
                      renderCard={(item) => (
                        <Card
                          item={item}
                          assignee={item.assigneeId ? person(item.assigneeId) : undefined}
                          draggable={access(item).canMove || access(item).canRank}
                          tabbable={item.id === tabbableId}
                          onFocus={() => setFocusedId(item.id)}
                          onKeyDown={(event) => onCardKey(event, item)}
                          onOpen={() => openCard(item)}
                        />
                      )}
                    />
                  ))}
                </div>
              </section>
            ))}
          </div>
        </div>
        <DragOverlay dropAnimation={null}>{dragging && <CardBody item={dragging} assignee={dragging.assigneeId ? person(dragging.assigneeId) : undefined} overlay />}</DragOverlay>
      </DndContext>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <p className="board-hint" aria-hidden="true">
        <Kbd>←</Kbd>
        <Kbd>→</Kbd>
        <Kbd>↑</Kbd>
        <Kbd>↓</Kbd> between cards
        {!readOnly && (
          <>
            {' '}
            · <Kbd>Shift</Kbd>+<Kbd>←</Kbd>
            <Kbd>→</Kbd> to the previous or next column
          </>
        )}
        {' '}
        · <Kbd>↵</Kbd> opens
      </p>
    </div>
  );
}

function ColumnHeader({ status, count, productCount }: { status: WorkflowStatus; count: number; productCount: number | null }) {
  const wip = wipState(status.wipLimit, productCount);
  return (
    <div className={`board-col-head wip-${wip.level}`} data-status={status.key}>
      <span className={`status-dot status-${status.category}`} aria-hidden="true" />
      <span className="board-col-name">{status.name}</span>
      <span className="board-col-count" aria-label={`${count} ${count === 1 ? 'card' : 'cards'}`}>
        {count}
      </span>
      {status.wipLimit !== null && (
        <span className="board-wip" title="Items in this status across the product, against its WIP limit">
          WIP {productCount ?? '…'}/{status.wipLimit}
          {wip.level === 'at' && <span className="board-wip-flag"> full</span>}
          {wip.level === 'over' && <span className="board-wip-flag"> over limit</span>}
        </span>
      )}
    </div>
  );
}

function Cell({ id, label, items, disabled, isTarget, renderCard }: { id: string; label: string; items: Item[]; disabled: boolean; isTarget: boolean; renderCard: (item: Item) => React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id, disabled });
  return (
    <div ref={setNodeRef} className={`board-cell${isTarget ? ' is-target' : ''}${isOver ? ' is-over' : ''}`} data-cell={id}>
      <SortableContext id={id} items={items.map((item) => item.id)} strategy={verticalListSortingStrategy} disabled={disabled}>
        <ul className="board-cards" aria-label={label}>
          {items.map((item) => (
            <li key={item.id} className="board-card-li">
              {renderCard(item)}
            </li>
          ))}
        </ul>
      </SortableContext>
    </div>
  );
}

interface CardProps {
  item: Item;
  assignee: string | undefined;
  draggable: boolean;
  tabbable: boolean;
  onFocus: () => void;
  onKeyDown: (event: ReactKeyboardEvent) => void;
  onOpen: () => void;
}

/** A card drags by pointer; keyboard users move it with Shift and the arrows (its own keys, so no button role is lent by dnd-kit). */
function Card({ item, assignee, draggable, tabbable, onFocus, onKeyDown, onOpen }: CardProps) {
  const { setNodeRef, listeners, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !draggable });
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`board-card${isDragging ? ' is-dragging' : ''}${item.blocked ? ' is-blocked' : ''}`}
      style={style}
      data-card-id={item.id}
      data-item-key={item.key}
      tabIndex={tabbable ? 0 : -1}
      aria-describedby="board-help"
      aria-keyshortcuts={draggable ? 'Shift+ArrowLeft Shift+ArrowRight' : undefined}
      onFocus={onFocus}
      onClick={onOpen}
      {...(draggable ? listeners : {})}
      onKeyDown={onKeyDown}
    >
      <CardBody item={item} assignee={assignee} />
    </button>
  );
}

function CardBody({ item, assignee, overlay = false }: { item: Item; assignee: string | undefined; overlay?: boolean }) {
  const content = (
    <>
      <span className="board-card-top">
        <TypeIcon type={item.type} />
        <span className="item-key">{item.key}</span>
        {item.readiness && <ReadinessMark readiness={item.readiness} />}
        {item.blocked && <span className="badge board-blocked">Blocked</span>}
      </span>
      <span className="board-card-title">{item.title}</span>
      <span className="board-card-bottom">
        <span className="board-card-labels">
          {item.labels.slice(0, 3).map((label) => (
            <span key={label} className="label-chip">
              {label}
            </span>
          ))}
          {item.labels.length > 3 && <span className="label-more">+{item.labels.length - 3}</span>}
        </span>
        {item.estimate !== null && (
          <span className="board-card-estimate" title={`Estimate: ${item.estimate} points`}>
            {item.estimate}
            <span className="visually-hidden"> points</span>
          </span>
        )}
        <span className="board-card-assignee" title={assignee ?? 'Unassigned'}>
          {assignee && <Avatar name={assignee} size={20} />}
          <span className="visually-hidden">{assignee ? `, assigned to ${assignee}` : ', unassigned'}</span>
        </span>
      </span>
    </>
  );
  return overlay ? (
    <div className="board-card board-card-overlay" aria-hidden="true">
      {content}
    </div>
  ) : (
    content
  );
}
