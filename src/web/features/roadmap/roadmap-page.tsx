import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { messageOf } from '../../api/client';
import { TypeIcon } from '../../ui/badges';
import { Button } from '../../ui/button';
import { ConfirmDialog, useRemoval } from '../../ui/confirm-dialog';
import { AlertIcon, CloseIcon, EditIcon, PlusIcon, TrashIcon } from '../../ui/icons';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useProducts } from '../shell/queries';
import { formatPlanDate, planDateOf } from '../strategy/strategy-model';
import { statusMap } from '../workflow/workflow';
import { useMilestoneWrites, usePlanWrites, useRoadmap } from './queries';
import { MilestoneDialog, PlanDialog } from './roadmap-dialogs';
import { RoadmapIcon } from './roadmap-icons';
import {
  COLUMN_LABELS,
  conflictsByBlocked,
  conflictText,
  criticalPathText,
  DAY_WIDTH,
  groupRows,
  horizonOfColumn,
  markersOf,
  roadmapDates,
  timelineRange,
  unscheduledOf,
  withPending,
  ZOOM_LABELS,
  ZOOMS,
  type Column,
  type Plan,
  type PlanChange,
  type PlanTarget,
  type Roadmap,
  type RoadmapItem,
  type RoadmapMilestone,
  type Zoom,
} from './roadmap-model';
import type { RoadmapSearch } from './roadmap-search';
import { Timeline, type BarSubject } from './timeline';
import './roadmap.css';

// The board brings dnd-kit; it loads when the board is first opened.
const HorizonBoard = lazy(() => import('./horizon-board').then((module) => ({ default: module.HorizonBoard })));

/**
 * `/w/:workspaceId/p/:productId/roadmap`: the timeline of epics and features
 * by initiative, with release targets, milestones, critical paths and the
 * plans that contradict a dependency; and the Now / Next / Later board. The
 * PM and the owner plan (drag, keys, dialogs); everyone else reads.
 */
export function RoadmapPage({ workspaceId, productId, search }: { workspaceId: string; productId: string; search: RoadmapSearch }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canPlan = isAllowed(roles, 'roadmap.manage');
  const canPlanInitiatives = isAllowed(roles, 'strategy.update');
  const product = useProducts(workspaceId).data?.find((candidate) => candidate.id === productId);
  const statusFor = useMemo(() => statusMap(product?.workflow), [product?.workflow]);
  const roadmap = useRoadmap(productId);
  const toast = useToast();
  const today = planDateOf(new Date());
  const view = search.view ?? 'timeline';

  const [announcement, setAnnouncement] = useState('');
  // A fresh message each time, so the same words said twice are still announced.
  const announce = useCallback((message: string) => setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message)), []);
  const [failure, setFailure] = useState<string | null>(null);
  const onFailed = useCallback(
    (target: PlanTarget, error: unknown) => {
      const message = `${target.label} could not be saved, so it is back where it was. ${messageOf(error)}`;
      setFailure(message);
      announce(message);
    },
    [announce],
  );
  const { pending, save } = usePlanWrites(productId, onFailed);
  const data = useMemo(() => (roadmap.data ? withPending(roadmap.data, pending) : undefined), [roadmap.data, pending]);
  const savingIds = useMemo(() => new Set([...pending.keys()].map((key) => key.slice(key.indexOf(':') + 1))), [pending]);

  const [planning, setPlanning] = useState<string | null>(null);
  const [milestoneForm, setMilestoneForm] = useState<{ milestone: RoadmapMilestone | null } | null>(null);

  const saveItem = useCallback(
    (entry: RoadmapItem, change: PlanChange) => {
      setFailure(null);
      save({ kind: 'item', id: entry.item.id, label: entry.item.key }, change);
    },
    [save],
  );
  const commitBar = useCallback(
    (subject: BarSubject, plan: Plan) => {
      setFailure(null);
      save({ kind: subject.kind, id: subject.id, label: subject.label }, plan);
    },
    [save],
  );
  const moveCard = useCallback(
    (entry: RoadmapItem, to: Column) => {
      saveItem(entry, { horizon: horizonOfColumn(to) });
      announce(to === 'unplaced' ? `${entry.item.key} taken off the board` : `${entry.item.key} moved to ${COLUMN_LABELS[to]}`);
    },
    [saveItem, announce],
  );

  let body;
  if (roadmap.isPending) body = <LoadingState label="Loading the roadmap…" />;
  else if (roadmap.isError && !data) {
    body = <ErrorState title="Could not load the roadmap" message={messageOf(roadmap.error)} action={<Button onClick={() => void roadmap.refetch()}>Try again</Button>} />;
  } else if (data && data.items.length === 0) {
    body = (
      <EmptyState
        icon={<RoadmapIcon width={20} height={20} />}
        title="No epics or features to plan yet"
        action={
          <Link to="/w/$workspaceId/p/$productId/items" params={{ workspaceId, productId }} className="btn btn-primary">
            Go to the backlog
          </Link>
        }
      >
        The roadmap plans epics and features: create them in the backlog (stories are planned through sprints), then come back to give each a start and a target
        date on the timeline and a place on the Now / Next / Later board.
      </EmptyState>
    );
  } else if (data) {
    body =
      view === 'board' ? (
        <Suspense fallback={<LoadingState label="Loading the board…" />}>
          <HorizonBoard
            workspaceId={workspaceId}
            productId={productId}
            items={data.items}
            releaseName={(releaseId) => data.releases.find((release) => release.id === releaseId)?.name ?? null}
            statusFor={statusFor}
            canPlan={canPlan}
            savingIds={savingIds}
            onMove={moveCard}
          />
        </Suspense>
      ) : (
        <TimelineView
          workspaceId={workspaceId}
          productId={productId}
          roadmap={data}
          today={today}
          canPlan={canPlan}
          canPlanInitiatives={canPlanInitiatives}
          savingIds={savingIds}
          onCommit={commitBar}
          onPlan={setPlanning}
          onMilestone={(milestone) => setMilestoneForm({ milestone })}
          announce={announce}
        />
      );
  }

  const planned = planning ? data?.items.find((entry) => entry.item.id === planning) : undefined;

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Roadmap</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            <span>{view === 'board' ? 'What happens now, next and later' : 'When epics and features are planned, against releases and milestones'}</span>
          </p>
        </div>
        <div className="page-actions">
          <nav className="rm-views" aria-label="Roadmap views">
            <Link to="/w/$workspaceId/p/$productId/roadmap" params={{ workspaceId, productId }} search={{}} className={`rm-view${view === 'timeline' ? ' is-current' : ''}`} aria-current={view === 'timeline' ? 'page' : undefined}>
              Timeline
            </Link>
            <Link to="/w/$workspaceId/p/$productId/roadmap" params={{ workspaceId, productId }} search={{ view: 'board' }} className={`rm-view${view === 'board' ? ' is-current' : ''}`} aria-current={view === 'board' ? 'page' : undefined}>
              Now / Next / Later
            </Link>
          </nav>
          {canPlan && view === 'timeline' && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setMilestoneForm({ milestone: null })}>
              Add milestone
            </Button>
          )}
        </div>
      </div>
      <div className="rm-content">
        {failure && (
          <div className="rm-failure">
            <Alert>{failure}</Alert>
            <button type="button" className="icon-btn" aria-label="Dismiss the error" onClick={() => setFailure(null)}>
              <CloseIcon />
            </button>
          </div>
        )}
        {roadmap.isError && data && (
          <p className="field-error" role="alert">
            Could not refresh the roadmap: {messageOf(roadmap.error)}
          </p>
        )}
        <p className="visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>
        {body}
      </div>

      {canPlan && planned && (
        <PlanDialog
          entry={planned}
          today={today}
          onClose={() => setPlanning(null)}
          onSave={(change) => {
            setPlanning(null);
            saveItem(planned, change);
            announce(`Planned ${planned.item.key}`);
          }}
        />
      )}
      {canPlan && milestoneForm && (
        <MilestoneDialog
          productId={productId}
          milestone={milestoneForm.milestone}
          today={today}
          onClose={() => setMilestoneForm(null)}
          onSaved={(milestone, created) => {
            setMilestoneForm(null);
            toast({ message: created ? `Milestone added: ${milestone.name}` : `Milestone saved: ${milestone.name}`, tone: 'success' });
          }}
        />
      )}
    </div>
  );
}

interface TimelineViewProps {
  workspaceId: string;
  productId: string;
  roadmap: Roadmap;
  today: string;
  canPlan: boolean;
  canPlanInitiatives: boolean;
  savingIds: ReadonlySet<string>;
  onCommit: (subject: BarSubject, plan: Plan) => void;
  onPlan: (itemId: string) => void;
  onMilestone: (milestone: RoadmapMilestone) => void;
  announce: (message: string) => void;
}

function TimelineView({ workspaceId, productId, roadmap, today, canPlan, canPlanInitiatives, savingIds, onCommit, onPlan, onMilestone, announce }: TimelineViewProps) {
  const [zoom, setZoom] = useState<Zoom>('months');
  const [releaseId, setReleaseId] = useState('');
  const range = useMemo(() => timelineRange(roadmapDates(roadmap), today), [roadmap, today]);
  const scale = useMemo(() => ({ ...range, dayWidth: DAY_WIDTH[zoom] }), [range, zoom]);
  const groups = useMemo(() => groupRows(roadmap), [roadmap]);
  const unscheduled = useMemo(() => unscheduledOf(roadmap), [roadmap]);
  const markers = useMemo(() => markersOf(roadmap), [roadmap]);
  const conflicts = useMemo(() => conflictsByBlocked(roadmap.conflicts), [roadmap.conflicts]);
  const byId = useMemo(() => new Map(roadmap.items.map((entry) => [entry.item.id, entry])), [roadmap.items]);
  const keyOf = useCallback((id: string) => byId.get(id)?.item.key ?? 'an item', [byId]);
  const release = roadmap.releases.find((candidate) => candidate.id === releaseId);
  const critical = useMemo(() => (release ? new Set(release.criticalPath) : null), [release]);

  return (
    <>
      <div className="rm-toolbar">
        <div className="rm-zoom" role="group" aria-label="Zoom">
          {ZOOMS.map((option) => (
            <button key={option} type="button" className={`rm-zoom-btn${zoom === option ? ' is-current' : ''}`} aria-pressed={zoom === option} onClick={() => setZoom(option)}>
              {ZOOM_LABELS[option]}
            </button>
          ))}
        </div>
        {roadmap.releases.length > 0 && (
          <label className="rm-release-pick">
            <span>Critical path of</span>
            <select className="input select select-sm" value={releaseId} onChange={(event) => setReleaseId(event.target.value)}>
              <option value="">no release</option>
              {roadmap.releases.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                  {candidate.atRisk ? ' (at risk)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <ul className="rm-legend" aria-label="Legend">
          <li>
            <span className="rm-swatch rm-swatch-today" aria-hidden="true" /> Today
          </li>
          <li>
            <span className="rm-swatch rm-swatch-release" aria-hidden="true" /> Release target
          </li>
          <li>
            <span className="rm-swatch rm-swatch-milestone" aria-hidden="true" /> Milestone
          </li>
        </ul>
      </div>
      {release && (
        <p className={`rm-critical${release.atRisk ? ' is-at-risk' : ''}`} role="status">
          <strong>{release.name}</strong>
          {release.targetDate && ` · target ${formatPlanDate(release.targetDate)}`}
          {release.atRisk && ' · at risk'} · {criticalPathText(release, keyOf)}
        </p>
      )}

      {groups.length === 0 ? (
        <div className="rm-card">
          <EmptyState icon={<RoadmapIcon width={20} height={20} />} title="Nothing on the timeline yet">
            {canPlan
              ? 'Give an epic or a feature a start and a target date with “Plan dates” in the list below; its bar then shows here, to drag later or earlier, and its ends to make it shorter or longer.'
              : 'Once a product manager gives epics and features their dates, they show here as bars against release targets and milestones.'}
          </EmptyState>
        </div>
      ) : (
        <section className="rm-card rm-timeline-card" aria-label="Timeline">
          <Timeline
            workspaceId={workspaceId}
            productId={productId}
            groups={groups}
            scale={scale}
            zoom={zoom}
            today={today}
            markers={markers}
            dependencies={roadmap.dependencies}
            conflicts={conflicts}
            keyOf={keyOf}
            critical={critical}
            canPlan={canPlan}
            canPlanInitiatives={canPlanInitiatives}
            savingIds={savingIds}
            onCommit={onCommit}
            onEditDates={onPlan}
            announce={announce}
          />
          <p className="rm-note">
            {canPlan
              ? 'Drag a bar to move it, or its ends to change its dates; each day snaps. From the keyboard, focus a bar and use the arrows.'
              : 'Product managers plan the timeline; you can read it.'}
          </p>
        </section>
      )}

      <div className="rm-sections">
        <section className="rm-card rm-section" aria-labelledby="rm-unscheduled">
          <h2 id="rm-unscheduled" className="rm-section-title">
            Not scheduled <span className="rm-count">{unscheduled.length}</span>
          </h2>
          {unscheduled.length === 0 ? (
            <p className="rm-empty">Every epic and feature has its dates.</p>
          ) : (
            <ul className="rm-list">
              {unscheduled.map((entry) => (
                <li key={entry.item.id} className="rm-list-row" data-item-key={entry.item.key}>
                  <TypeIcon type={entry.item.type} />
                  <ItemLink workspaceId={workspaceId} productId={productId} itemKey={entry.item.key} />
                  <span className="rm-list-title">{entry.item.title}</span>
                  <span className="rm-list-meta">{entry.targetDate ? `due ${formatPlanDate(entry.targetDate)}` : entry.startDate ? `from ${formatPlanDate(entry.startDate)}` : 'no dates'}</span>
                  {canPlan && (
                    <Button size="sm" onClick={() => onPlan(entry.item.id)} aria-label={`Plan dates for ${entry.item.key}`}>
                      Plan dates
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="rm-card rm-section" aria-labelledby="rm-dependencies">
          <h2 id="rm-dependencies" className="rm-section-title">
            Dependencies <span className="rm-count">{roadmap.dependencies.length}</span>
          </h2>
          {roadmap.dependencies.length === 0 ? (
            <p className="rm-empty">No epic or feature waits on another. Add “blocks” links on an item’s page, and plans that start too early are flagged here.</p>
          ) : (
            <ul className="rm-list">
              {roadmap.dependencies.map((dependency) => {
                const conflict = roadmap.conflicts.find((candidate) => candidate.blockerId === dependency.blockerId && candidate.blockedId === dependency.blockedId);
                return (
                  <li key={`${dependency.blockerId}>${dependency.blockedId}`} className={`rm-list-row${conflict ? ' is-conflict' : ''}`}>
                    <ItemLink workspaceId={workspaceId} productId={productId} itemKey={keyOf(dependency.blockerId)} />
                    <span className="rm-list-title">
                      {byId.get(dependency.blockerId)?.item.title} <span className="rm-blocks">blocks</span> <ItemLink workspaceId={workspaceId} productId={productId} itemKey={keyOf(dependency.blockedId)} />{' '}
                      {byId.get(dependency.blockedId)?.item.title}
                    </span>
                    {conflict && (
                      <span className="rm-conflict-text">
                        <AlertIcon /> {keyOf(conflict.blockedId)} {conflictText(conflict, keyOf)}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <MilestoneSection productId={productId} milestones={roadmap.milestones} canPlan={canPlan} onEdit={onMilestone} />
      </div>
    </>
  );
}

function MilestoneSection({ productId, milestones, canPlan, onEdit }: { productId: string; milestones: readonly RoadmapMilestone[]; canPlan: boolean; onEdit: (milestone: RoadmapMilestone) => void }) {
  const { remove } = useMilestoneWrites(productId);
  const removal = useRemoval<RoadmapMilestone>();
  return (
    <section className="rm-card rm-section" aria-labelledby="rm-milestones">
      <h2 id="rm-milestones" className="rm-section-title">
        Milestones <span className="rm-count">{milestones.length}</span>
      </h2>
      {milestones.length === 0 ? (
        <p className="rm-empty">
          {canPlan ? 'A milestone is a date the plan must meet: a conference, a contract, a beta opening. Add one with “Add milestone”; it shows as a line on the timeline.' : 'No milestones yet.'}
        </p>
      ) : (
        <ul className="rm-list">
          {milestones.map((milestone) => (
            <li key={milestone.id} className="rm-list-row">
              <span className="rm-milestone-mark" aria-hidden="true">
                ◆
              </span>
              <span className="rm-list-title">
                <strong>{milestone.name}</strong>
                {milestone.description && <span className="rm-list-description"> · {milestone.description}</span>}
              </span>
              <span className="rm-list-meta">{formatPlanDate(milestone.date)}</span>
              {canPlan && (
                <span className="rm-row-actions">
                  <button type="button" className="icon-btn icon-btn-sm" aria-label={`Edit the milestone ${milestone.name}`} onClick={() => onEdit(milestone)}>
                    <EditIcon />
                  </button>
                  <button
                    type="button"
                    className="icon-btn icon-btn-sm"
                    aria-label={`Delete the milestone ${milestone.name}`}
                    onClick={() => removal.ask(milestone)}
                  >
                    <TrashIcon />
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canPlan && (
        <ConfirmDialog
          open={removal.target !== null}
          title={removal.target ? `Delete the milestone “${removal.target.name}”?` : ''}
          confirmLabel="Delete milestone"
          busy={remove.isPending}
          error={removal.error}
          onConfirm={() =>
            removal.confirm(
              (milestone) => remove.mutateAsync(milestone),
              (milestone) => `Milestone deleted: ${milestone.name}`,
            )
          }
          onClose={removal.close}
        >
          It leaves the timeline for everyone. Epics and features keep their dates.
        </ConfirmDialog>
      )}
    </section>
  );
}

function ItemLink({ workspaceId, productId, itemKey }: { workspaceId: string; productId: string; itemKey: string }) {
  return (
    <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId, itemKey }} className="item-key rm-key">
      {itemKey}
    </Link>
  );
}
