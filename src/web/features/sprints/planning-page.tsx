import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { DndContext, DragOverlay, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ApiError, messageOf } from '../../api/client';
import type { Sprint } from '../../api/sprint-keys';
import type { Item } from '../../api/types';
import { ReadinessMark, TypeIcon } from '../../ui/badges';
import { Button } from '../../ui/button';
import { CloseIcon, PlusIcon, SearchIcon } from '../../ui/icons';
import { Alert, EmptyState, ErrorState, LoadingState, SkeletonRows } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useProducts } from '../shell/queries';
import { useBurndown, usePlanItem, useSprint, useSprintItems, useUnplannedItems } from './queries';
import { formatPoints, formatSprintDates, planDrop, scopeAccess, type Zone } from './sprint-model';
import { CapacityBar, SprintStateBadge } from './sprint-parts';

const ROW_HEIGHT = 44;

/** `/w/:workspaceId/p/:productId/sprints/:sprintId/plan`: the backlog beside the sprint; drag (or press a button) to commit and take out. */
export function PlanningPage({ workspaceId, productId, sprintId }: { workspaceId: string; productId: string; sprintId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const sprintQuery = useSprint(productId, sprintId);
  const sprint = sprintQuery.data;

  if (sprintQuery.isPending) return <LoadingState label="Loading the sprint…" />;
  if (!sprint) {
    const missing = sprintQuery.error instanceof ApiError && sprintQuery.error.status === 404;
    return (
      <div className="page">
        {missing ? (
          <EmptyState title="Sprint not found" action={<SprintsLink workspaceId={workspaceId} productId={productId} />}>
            It may belong to another product, or the link is mistyped.
          </EmptyState>
        ) : (
          <ErrorState title="Could not load the sprint" message={messageOf(sprintQuery.error)} action={<Button onClick={() => void sprintQuery.refetch()}>Try again</Button>} />
        )}
      </div>
    );
  }
  return <Planner workspaceId={workspaceId} productId={productId} sprint={sprint} productName={product?.name} roles={roles} />;
}

function SprintsLink({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  return (
    <Link to="/w/$workspaceId/p/$productId/sprints" params={{ workspaceId, productId }} className="btn btn-secondary">
      Back to sprints
    </Link>
  );
}

interface PlannerProps {
  workspaceId: string;
  productId: string;
  sprint: Sprint;
  productName: string | undefined;
  roles: Parameters<typeof scopeAccess>[0];
}

function Planner({ workspaceId, productId, sprint, productName, roles }: PlannerProps) {
  const access = scopeAccess(roles, sprint);
  const [filterText, setFilterText] = useState('');
  const [filter, setFilter] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setFilter(filterText.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [filterText]);

  const backlog = useUnplannedItems(productId, filter);
  const sprintItems = useSprintItems(productId, sprint.id);
  const burndown = useBurndown(productId, sprint.id, sprint.state !== 'planned');
  const plan = usePlanItem(productId, sprint.id);
  const toast = useToast();
  const [announcement, setAnnouncement] = useState('');

  const backlogItems = useMemo(() => backlog.data?.pages.flatMap((page) => page.items) ?? [], [backlog.data]);
  const committed = sprintItems.data ?? [];
  const addedAfterStart = useMemo(() => {
    // The latest change per item says whether it is in the sprint because of a scope change.
    const latest = new Map<string, 'added' | 'removed'>();
    for (const change of burndown.data?.scopeChanges ?? []) latest.set(change.itemId, change.change);
    return new Set([...latest].filter(([, change]) => change === 'added').map(([id]) => id));
  }, [burndown.data]);

  const run = useCallback(
    (kind: 'commit' | 'remove', item: Item) => {
      plan.mutate(
        { kind, item },
        {
          onSuccess: () => setAnnouncement(kind === 'commit' ? `${item.key} committed to ${sprint.name}` : `${item.key} taken out of ${sprint.name}`),
          onError: (error) => toast({ message: `${kind === 'commit' ? 'Could not commit' : 'Could not take out'} ${item.key}: ${messageOf(error)}`, tone: 'danger' }),
        },
      );
    },
    [plan, sprint.name, toast],
  );

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const [dragging, setDragging] = useState<{ item: Item; from: Zone } | null>(null);
  const onDragStart = (event: DragStartEvent) => {
    const data = event.active.data.current as { item: Item; from: Zone } | undefined;
    if (data) setDragging(data);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const data = event.active.data.current as { item: Item; from: Zone } | undefined;
    if (!data) return;
    const to = event.over ? (event.over.id as Zone) : null;
    const request = planDrop({ itemId: data.item.id, from: data.from, to }, access);
    if (request) run(request.kind, data.item);
  };

  return (
    <div className="page planning-page">
      <div className="page-header">
        <div className="page-heading">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/w/$workspaceId/p/$productId/sprints" params={{ workspaceId, productId }}>
              Sprints
            </Link>
            <span aria-hidden="true">/</span>
            <Link to="/w/$workspaceId/p/$productId/sprints/$sprintId" params={{ workspaceId, productId, sprintId: sprint.id }}>
              {sprint.name}
            </Link>
          </nav>
          <h1 className="page-title">Plan {sprint.name}</h1>
          <p className="page-subtitle">
            <SprintStateBadge state={sprint.state} />
            <span>{formatSprintDates(sprint)}</span>
            {productName && <span>{productName}</span>}
          </p>
        </div>
        <div className="page-actions">
          {access.allowed && (
            <span className="keyboard-hint" aria-hidden="true">
              Drag items across, or use + and × on a row
            </span>
          )}
          <Link to="/w/$workspaceId/p/$productId/board" params={{ workspaceId, productId }} search={{ sprint: sprint.id }} className="btn btn-ghost">
            Board
          </Link>
        </div>
      </div>
      <div className="planning-notes">
        {!access.allowed && access.reason && (
          <Alert tone="info">
            {access.reason} {sprint.state === 'active' ? 'Dragging is turned off.' : ''}
          </Alert>
        )}
        {access.allowed && access.isScopeChange && (
          <Alert tone="warning">{sprint.name} is running: whatever you add or take out now is a scope change, recorded and shown on the burndown.</Alert>
        )}
      </div>
      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
        <div className="planning-layout">
          <DropZone id="backlog" title="Backlog" subtitle="Open items in no sprint, by rank" disabled={!access.allowed} active={dragging?.from === 'sprint'}>
            <div className="planning-filter">
              <label htmlFor="planning-filter" className="visually-hidden">
                Filter the backlog
              </label>
              <SearchIcon aria-hidden="true" />
              <input
                id="planning-filter"
                className="input"
                type="search"
                placeholder="Filter, e.g. type:story label:onboarding"
                value={filterText}
                onChange={(event) => setFilterText(event.target.value)}
                aria-describedby={backlog.isError ? 'planning-filter-error' : undefined}
              />
            </div>
            {backlog.isPending ? (
              <SkeletonRows count={6} />
            ) : backlog.isError ? (
              <div id="planning-filter-error">
                <Alert>{messageOf(backlog.error)}</Alert>
              </div>
            ) : backlogItems.length === 0 ? (
              <p className="section-empty planning-empty">{filter ? 'No unplanned item matches this filter.' : 'Every open item is in a sprint. Nothing left to plan.'}</p>
            ) : (
              <BacklogList
                items={backlogItems}
                hasMore={backlog.hasNextPage}
                loadingMore={backlog.isFetchingNextPage}
                onNearEnd={() => void backlog.fetchNextPage()}
                renderRow={(item) => (
                  <PlanRow item={item} from="backlog" draggable={access.allowed}>
                    {access.allowed && (
                      <button type="button" className="icon-btn icon-btn-sm plan-action" aria-label={`Commit ${item.key} to ${sprint.name}`} title={`Commit to ${sprint.name}`} onClick={() => run('commit', item)}>
                        <PlusIcon />
                      </button>
                    )}
                  </PlanRow>
                )}
              />
            )}
          </DropZone>
          <DropZone id="sprint" title={sprint.name} subtitle={sprint.goal || 'No goal written yet'} disabled={!access.allowed} active={dragging?.from === 'backlog'}>
            <CapacityBar committed={sprint.committedPoints} capacity={sprint.capacity.points} explanation={sprint.capacity.explanation} />
            {sprintItems.isPending ? (
              <SkeletonRows count={4} />
            ) : sprintItems.isError ? (
              <Alert>{messageOf(sprintItems.error)}</Alert>
            ) : committed.length === 0 ? (
              <p className="section-empty planning-empty planning-drop-hint">{access.allowed ? 'Drag ready items here, or press + on a backlog row.' : 'Nothing is committed yet.'}</p>
            ) : (
              <ul className="plan-list" aria-label={`Items in ${sprint.name}`}>
                {committed.map((item) => (
                  <li key={item.id} className="plan-li">
                    <PlanRow item={item} from="sprint" draggable={access.allowed} marked={addedAfterStart.has(item.id)}>
                      {access.allowed && (
                        <button type="button" className="icon-btn icon-btn-sm plan-action" aria-label={`Take ${item.key} out of ${sprint.name}`} title="Take out, back to the backlog" onClick={() => run('remove', item)}>
                          <CloseIcon />
                        </button>
                      )}
                    </PlanRow>
                  </li>
                ))}
              </ul>
            )}
            <p className="plan-total">
              {sprint.itemCount} {sprint.itemCount === 1 ? 'item' : 'items'}, {formatPoints(sprint.committedPoints)}
              {sprint.committedAtStart !== null && ` (${formatPoints(sprint.committedAtStart)} at the start)`}
            </p>
          </DropZone>
        </div>
        <DragOverlay dropAnimation={null}>{dragging && <RowContent item={dragging.item} />}</DragOverlay>
      </DndContext>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}

function DropZone({ id, title, subtitle, disabled, active, children }: { id: Zone; title: string; subtitle: string; disabled: boolean; active: boolean; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id, disabled });
  const headingId = `plan-zone-${id}`;
  return (
    <section ref={setNodeRef} className={`plan-zone${active ? ' is-target' : ''}${isOver && active ? ' is-over' : ''}`} aria-labelledby={headingId} data-zone={id}>
      <header className="plan-zone-head">
        <h2 id={headingId} className="section-title">
          {title}
        </h2>
        <p className="plan-zone-subtitle">{subtitle}</p>
      </header>
      {children}
    </section>
  );
}

function RowContent({ item, marked = false }: { item: Item; marked?: boolean }) {
  return (
    <div className="plan-row-content">
      <TypeIcon type={item.type} />
      <span className="item-key">{item.key}</span>
      <span className="item-title">{item.title}</span>
      {marked && <span className="badge scope-mark">Added after start</span>}
      <span className="item-ready-slot">{item.readiness && <ReadinessMark readiness={item.readiness} />}</span>
      <span className="item-estimate" title={item.estimate === null ? 'Not estimated' : `Estimate: ${item.estimate} points`}>
        {item.estimate !== null && (
          <>
            {item.estimate}
            <span className="visually-hidden"> points</span>
          </>
        )}
      </span>
    </div>
  );
}

/**
 * A row that drags by pointer. It takes no button role of its own: the
 * keyboard way is the row's explicit button, so controls never nest.
 */
function PlanRow({ item, from, draggable, marked = false, children }: { item: Item; from: Zone; draggable: boolean; marked?: boolean; children?: ReactNode }) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: `${from}:${item.id}`, data: { item, from }, disabled: !draggable });
  return (
    <div ref={setNodeRef} className={`plan-row${isDragging ? ' is-dragging' : ''}${draggable ? ' is-draggable' : ''}`} data-item-key={item.key} {...(draggable ? listeners : {})}>
      <RowContent item={item} marked={marked} />
      {children}
    </div>
  );
}

function BacklogList({ items, hasMore, loadingMore, onNearEnd, renderRow }: { items: Item[]; hasMore: boolean; loadingMore: boolean; onNearEnd: () => void; renderRow: (item: Item) => ReactNode }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length + (hasMore ? 1 : 0), getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 10) onNearEnd();
  }, [hasMore, loadingMore, lastIndex, items.length, onNearEnd]);
  const setSize = hasMore ? -1 : items.length;
  return (
    <div ref={scrollRef} className="plan-scroll">
      <ul role="list" className="plan-list plan-virtual" aria-label="Unplanned items" aria-busy={loadingMore} style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = items[row.index];
          const style = { transform: `translateY(${row.start}px)`, height: row.size };
          if (!item) {
            return (
              <li key="more" className="plan-li plan-li-virtual" style={style} aria-hidden="true">
                <div className="item-more">{loadingMore ? 'Loading more…' : ''}</div>
              </li>
            );
          }
          return (
            <li key={item.id} role="listitem" className="plan-li plan-li-virtual" style={style} aria-setsize={setSize} aria-posinset={row.index + 1}>
              {renderRow(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
