import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { ApiError, messageOf } from '../../api/client';
import type { Item } from '../../api/types';
import { Avatar, ReadinessMark, StatusBadge, TypeIcon } from '../../ui/badges';
import { Button } from '../../ui/button';
import { EmptyState, ErrorState, LoadingState, SkeletonRows } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useMembers } from '../members/queries';
import { useProducts } from '../shell/queries';
import { statusMap } from '../workflow/workflow';
import { BurndownChart } from './burndown-chart';
import { useBurndown, useSprint, useSprintItems, useSprints } from './queries';
import { CompleteSprintDialog, StartSprintDialog } from './sprint-dialogs';
import { describeScopeChange, formatPoints, formatSprintDates, netScopeChange } from './sprint-model';
import { CapacityBar, ProgressBar, SprintStateBadge } from './sprint-parts';

/** `/w/:workspaceId/p/:productId/sprints/:sprintId`: how the sprint is going: burndown, scope changes, its items. */
export function SprintPage({ workspaceId, productId, sprintId }: { workspaceId: string; productId: string; sprintId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canManage = isAllowed(roles, 'sprint.manage');
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const statusFor = useMemo(() => statusMap(product?.workflow), [product?.workflow]);
  const members = useMembers(workspaceId);
  const sprintQuery = useSprint(productId, sprintId);
  const sprints = useSprints(productId);
  const sprint = sprintQuery.data;
  const burndown = useBurndown(productId, sprintId, sprint !== undefined && sprint.state !== 'planned');
  const items = useSprintItems(productId, sprintId);
  const toast = useToast();
  const [starting, setStarting] = useState(false);
  const [completing, setCompleting] = useState(false);

  const person = useMemo(() => {
    const byId = new Map((members.data ?? []).map((member) => [member.userId, member.name]));
    return (id: string) => byId.get(id);
  }, [members.data]);

  if (sprintQuery.isPending) return <LoadingState label="Loading the sprint…" />;
  if (!sprint) {
    const missing = sprintQuery.error instanceof ApiError && sprintQuery.error.status === 404;
    return (
      <div className="page">
        {missing ? (
          <EmptyState
            title="Sprint not found"
            action={
              <Link to="/w/$workspaceId/p/$productId/sprints" params={{ workspaceId, productId }} className="btn btn-secondary">
                Back to sprints
              </Link>
            }
          >
            It may belong to another product, or the link is mistyped.
          </EmptyState>
        ) : (
          <ErrorState title="Could not load the sprint" message={messageOf(sprintQuery.error)} action={<Button onClick={() => void sprintQuery.refetch()}>Try again</Button>} />
        )}
      </div>
    );
  }

  const running = sprints.data?.find((candidate) => candidate.state === 'active' && candidate.id !== sprint.id);
  const next = sprints.data?.find((candidate) => candidate.state === 'planned' && candidate.id !== sprint.id);
  const changes = burndown.data?.scopeChanges ?? [];
  const net = netScopeChange(changes);

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/w/$workspaceId/p/$productId/sprints" params={{ workspaceId, productId }}>
              Sprints
            </Link>
            <span aria-hidden="true">/</span>
            <span aria-current="page">{sprint.name}</span>
          </nav>
          <h1 className="page-title">{sprint.name}</h1>
          <p className="page-subtitle">
            <SprintStateBadge state={sprint.state} />
            <span>{formatSprintDates(sprint)}</span>
          </p>
        </div>
        <div className="page-actions">
          {sprint.state !== 'completed' && (
            <Link to="/w/$workspaceId/p/$productId/sprints/$sprintId/plan" params={{ workspaceId, productId, sprintId }} className="btn btn-secondary">
              {sprint.state === 'planned' ? 'Plan' : 'Scope'}
            </Link>
          )}
          {sprint.state !== 'completed' && (
            <Link to="/w/$workspaceId/p/$productId/board" params={{ workspaceId, productId }} search={{ sprint: sprint.id }} className="btn btn-ghost">
              Board
            </Link>
          )}
          {canManage && sprint.state === 'planned' && (
            <Button variant="primary" onClick={() => setStarting(true)}>
              Start sprint
            </Button>
          )}
          {canManage && sprint.state === 'active' && (
            <Button variant="primary" onClick={() => setCompleting(true)}>
              Complete sprint
            </Button>
          )}
        </div>
      </div>

      <div className="sprint-detail">
        {sprint.goal && (
          <p className="sprint-goal sprint-goal-large">
            <span className="visually-hidden">Goal: </span>
            {sprint.goal}
          </p>
        )}
        <dl className="sprint-facts" aria-label="Sprint numbers">
          <div>
            <dt>Committed at the start</dt>
            <dd data-testid="committed-at-start">{sprint.committedAtStart === null ? 'Not started' : formatPoints(sprint.committedAtStart)}</dd>
          </div>
          <div>
            <dt>Committed now</dt>
            <dd data-testid="committed-now">{formatPoints(sprint.committedPoints)}</dd>
          </div>
          <div>
            <dt>Done</dt>
            <dd>{formatPoints(sprint.completedPoints)}</dd>
          </div>
          <div>
            <dt>Capacity</dt>
            <dd>{formatPoints(sprint.capacity.points)}</dd>
          </div>
        </dl>
        <div className="sprint-bars">
          {sprint.state !== 'completed' && <CapacityBar committed={sprint.committedPoints} capacity={sprint.capacity.points} explanation={sprint.capacity.explanation} />}
          {sprint.state !== 'planned' && <ProgressBar sprint={sprint} />}
        </div>

        <section className="sprint-section" aria-labelledby="burndown-heading">
          <h2 id="burndown-heading" className="section-title">
            Burndown
          </h2>
          {sprint.state === 'planned' ? (
            <p className="section-empty">The burndown starts when the sprint does.</p>
          ) : burndown.isPending ? (
            <LoadingState label="Loading the burndown…" />
          ) : burndown.isError ? (
            <ErrorState title="Could not load the burndown" message={messageOf(burndown.error)} action={<Button onClick={() => void burndown.refetch()}>Try again</Button>} />
          ) : (
            <div className="card">
              <BurndownChart burndown={burndown.data} />
            </div>
          )}
        </section>

        {sprint.state !== 'planned' && (
          <section className="sprint-section" aria-labelledby="scope-heading">
            <h2 id="scope-heading" className="section-title">
              Scope changes <span className="section-count">{changes.length}</span>
            </h2>
            {burndown.isSuccess && changes.length === 0 ? (
              <p className="section-empty">Nothing was added or taken out after the start: the scope is as committed.</p>
            ) : (
              <>
                {changes.length > 0 && (
                  <p className="scope-net">
                    {net === 0 ? 'In all, the changes cancel out.' : net > 0 ? `In all, ${formatPoints(net)} were added after the start.` : `In all, ${formatPoints(-net)} were taken out after the start.`}
                  </p>
                )}
                <ul className="scope-list" aria-labelledby="scope-heading">
                  {changes.map((change) => (
                    <li key={`${change.itemId}-${change.at}-${change.change}`} className={`scope-change scope-${change.change}`}>
                      {describeScopeChange(change, { person })}.
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}

        <section className="sprint-section" aria-labelledby="sprint-items-heading">
          <h2 id="sprint-items-heading" className="section-title">
            Items <span className="section-count">{sprint.itemCount}</span>
          </h2>
          {items.isPending ? (
            <SkeletonRows count={4} />
          ) : items.isError ? (
            <ErrorState title="Could not load the items" message={messageOf(items.error)} action={<Button onClick={() => void items.refetch()}>Try again</Button>} />
          ) : items.data.length === 0 ? (
            <p className="section-empty">No items in this sprint yet.</p>
          ) : (
            <ul className="sprint-items" aria-labelledby="sprint-items-heading">
              {items.data.map((item) => (
                <SprintItemRow key={item.id} item={item} workspaceId={workspaceId} productId={productId} status={statusFor(item.status)} assignee={item.assigneeId ? person(item.assigneeId) : undefined} />
              ))}
            </ul>
          )}
        </section>
      </div>

      <StartSprintDialog
        productId={productId}
        sprint={starting ? sprint : null}
        running={running}
        onClose={() => setStarting(false)}
        onStarted={(started) => {
          setStarting(false);
          toast({ message: `${started.name} started`, tone: 'success' });
        }}
      />
      <CompleteSprintDialog
        productId={productId}
        sprint={completing ? sprint : null}
        next={next}
        onClose={() => setCompleting(false)}
        onCompleted={(message) => {
          setCompleting(false);
          toast({ message, tone: 'success' });
        }}
      />
    </div>
  );
}

function SprintItemRow({ item, workspaceId, productId, status, assignee }: { item: Item; workspaceId: string; productId: string; status: ReturnType<ReturnType<typeof statusMap>>; assignee: string | undefined }) {
  return (
    <li className="sprint-item">
      <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId, itemKey: item.key }} className="sprint-item-link">
        <TypeIcon type={item.type} />
        <span className="item-key">{item.key}</span>
        <span className="item-title">{item.title}</span>
        <span className="item-ready-slot">{item.readiness && <ReadinessMark readiness={item.readiness} />}</span>
        <span className="item-estimate">
          {item.estimate !== null && (
            <>
              {item.estimate}
              <span className="visually-hidden"> points</span>
            </>
          )}
        </span>
        <span className="sprint-item-assignee" title={assignee ?? 'Unassigned'}>
          {assignee ? <Avatar name={assignee} size={20} /> : null}
          <span className="visually-hidden">{assignee ? `Assigned to ${assignee}` : 'Unassigned'}</span>
        </span>
        <StatusBadge status={status} />
      </Link>
    </li>
  );
}
