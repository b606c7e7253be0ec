import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { messageOf } from '../../api/client';
import type { Sprint } from '../../api/sprint-keys';
import { Button } from '../../ui/button';
import { EditIcon, ListIcon, PlusIcon } from '../../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useMembers } from '../members/queries';
import { useProducts } from '../shell/queries';
import { useSprints, useVelocity } from './queries';
import { CompleteSprintDialog, SprintFormDialog, StartSprintDialog } from './sprint-dialogs';
import { formatPoints, formatSprintDates, sprintLength, totalDays } from './sprint-model';
import { CapacityBar, ProgressBar, SprintStateBadge } from './sprint-parts';
import { VelocityChart } from './velocity-chart';

/** `/w/:workspaceId/p/:productId/sprints`: every sprint of the product, planning and running them, and the team's velocity. */
export function SprintsPage({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canManage = isAllowed(roles, 'sprint.manage');
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const members = useMembers(workspaceId);
  const sprints = useSprints(productId);
  const velocity = useVelocity(productId);
  const toast = useToast();

  const [editing, setEditing] = useState<Sprint | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [starting, setStarting] = useState<Sprint | null>(null);
  const [completing, setCompleting] = useState<Sprint | null>(null);

  const list = useMemo(() => sprints.data ?? [], [sprints.data]);
  const running = list.find((sprint) => sprint.state === 'active');
  const planned = list.filter((sprint) => sprint.state === 'planned');
  const completed = list.filter((sprint) => sprint.state === 'completed').reverse();
  const nextAfter = (sprint: Sprint) => planned.find((candidate) => candidate.id !== sprint.id);

  const openForm = (sprint: Sprint | null) => {
    setEditing(sprint);
    setFormOpen(true);
  };

  const card = (sprint: Sprint) => (
    <SprintCard
      key={sprint.id}
      sprint={sprint}
      workspaceId={workspaceId}
      productId={productId}
      canManage={canManage}
      canStart={running === undefined}
      onEdit={() => openForm(sprint)}
      onStart={() => setStarting(sprint)}
      onComplete={() => setCompleting(sprint)}
    />
  );

  let body;
  if (sprints.isPending) body = <LoadingState label="Loading sprints…" />;
  else if (sprints.isError) body = <ErrorState title="Could not load sprints" message={messageOf(sprints.error)} action={<Button onClick={() => void sprints.refetch()}>Try again</Button>} />;
  else if (list.length === 0) {
    body = (
      <EmptyState
        icon={<ListIcon width={20} height={20} />}
        title="No sprints yet"
        action={
          canManage && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => openForm(null)}>
              Plan the first sprint
            </Button>
          )
        }
      >
        {canManage
          ? 'A sprint is a time box with a goal: plan one, commit ready stories up to its capacity, then start it.'
          : 'The product owner plans sprints here; they will show up as soon as one is created.'}
      </EmptyState>
    );
  } else {
    body = (
      <div className="sprints-content">
        {running && (
          <SprintSection title="Running" count={1}>
            {card(running)}
          </SprintSection>
        )}
        {planned.length > 0 && (
          <SprintSection title="Planned" count={planned.length}>
            {planned.map(card)}
          </SprintSection>
        )}
        <section className="sprint-section" aria-labelledby="velocity-heading">
          <h2 id="velocity-heading" className="section-title">
            Velocity
          </h2>
          {velocity.isPending ? (
            <LoadingState label="Loading velocity…" />
          ) : velocity.isError ? (
            <ErrorState title="Could not load velocity" message={messageOf(velocity.error)} action={<Button onClick={() => void velocity.refetch()}>Try again</Button>} />
          ) : velocity.data.sprints.length === 0 ? (
            <p className="section-empty">Velocity shows here once a sprint is completed: what was committed against what was done.</p>
          ) : (
            <div className="card velocity-card">
              <p className="velocity-average">
                {velocity.data.average !== null ? (
                  <>
                    Recent average: <strong>{formatPoints(velocity.data.average)}</strong> completed per sprint
                  </>
                ) : (
                  'No average yet'
                )}
              </p>
              <VelocityChart velocity={velocity.data} />
            </div>
          )}
        </section>
        {completed.length > 0 && (
          <SprintSection title="Completed" count={completed.length}>
            {completed.map(card)}
          </SprintSection>
        )}
      </div>
    );
  }

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Sprints</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            {sprints.isSuccess && <span>{running ? `${running.name} is running` : 'No sprint running'}</span>}
          </p>
        </div>
        <div className="page-actions">
          <Link to="/w/$workspaceId/p/$productId/board" params={{ workspaceId, productId }} className="btn btn-ghost">
            Board
          </Link>
          {canManage && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => openForm(null)}>
              New sprint
            </Button>
          )}
        </div>
      </div>
      {body}
      <SprintFormDialog
        productId={productId}
        open={formOpen}
        sprint={editing}
        sprints={list}
        members={members.data ?? []}
        onClose={() => setFormOpen(false)}
        onSaved={(sprint, created) => {
          setFormOpen(false);
          toast({ message: created ? `${sprint.name} created` : `${sprint.name} saved`, tone: 'success' });
        }}
      />
      <StartSprintDialog
        productId={productId}
        sprint={starting}
        running={running && running.id !== starting?.id ? running : undefined}
        onClose={() => setStarting(null)}
        onStarted={(sprint) => {
          setStarting(null);
          toast({ message: `${sprint.name} started`, tone: 'success' });
        }}
      />
      <CompleteSprintDialog
        productId={productId}
        sprint={completing}
        next={completing ? nextAfter(completing) : undefined}
        onClose={() => setCompleting(null)}
        onCompleted={(message) => {
          setCompleting(null);
          toast({ message, tone: 'success' });
        }}
      />
    </div>
  );
}

function SprintSection({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  const id = `sprints-${title.toLowerCase()}`;
  return (
    <section className="sprint-section" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title} <span className="section-count">{count}</span>
      </h2>
      <ul className="sprint-list" aria-labelledby={id}>
        {children}
      </ul>
    </section>
  );
}

interface SprintCardProps {
  sprint: Sprint;
  workspaceId: string;
  productId: string;
  canManage: boolean;
  canStart: boolean;
  onEdit: () => void;
  onStart: () => void;
  onComplete: () => void;
}

function SprintCard({ sprint, workspaceId, productId, canManage, canStart, onEdit, onStart, onComplete }: SprintCardProps) {
  const days = totalDays(sprint.availability);
  return (
    <li className={`sprint-card sprint-card-${sprint.state}`} aria-label={sprint.name}>
      <div className="sprint-card-head">
        <div className="sprint-card-title">
          <Link to="/w/$workspaceId/p/$productId/sprints/$sprintId" params={{ workspaceId, productId, sprintId: sprint.id }} className="sprint-name">
            {sprint.name}
          </Link>
          <SprintStateBadge state={sprint.state} />
        </div>
        <div className="sprint-card-actions">
          {sprint.state !== 'completed' && (
            <Link to="/w/$workspaceId/p/$productId/sprints/$sprintId/plan" params={{ workspaceId, productId, sprintId: sprint.id }} className="btn btn-secondary btn-sm">
              {sprint.state === 'planned' ? 'Plan' : 'Scope'}
              <span className="visually-hidden"> {sprint.name}</span>
            </Link>
          )}
          {canManage && sprint.state !== 'completed' && (
            <Button size="sm" variant="ghost" icon={<EditIcon />} onClick={onEdit} aria-label={`Edit ${sprint.name}`}>
              Edit
            </Button>
          )}
          {canManage && sprint.state === 'planned' && (
            <Button size="sm" variant="primary" onClick={onStart} disabled={!canStart} title={canStart ? undefined : 'Another sprint is running'} aria-label={`Start ${sprint.name}`}>
              Start
            </Button>
          )}
          {canManage && sprint.state === 'active' && (
            <Button size="sm" variant="primary" onClick={onComplete} aria-label={`Complete ${sprint.name}`}>
              Complete
            </Button>
          )}
        </div>
      </div>
      <p className="sprint-meta">
        <span>
          {formatSprintDates(sprint)} · {sprintLength(sprint.startDate, sprint.endDate)} {sprintLength(sprint.startDate, sprint.endDate) === 1 ? 'day' : 'days'}
        </span>
        <span>
          {sprint.itemCount} {sprint.itemCount === 1 ? 'item' : 'items'}
        </span>
        <span>
          {days} person-{days === 1 ? 'day' : 'days'}
        </span>
      </p>
      {sprint.goal && <p className="sprint-goal">{sprint.goal}</p>}
      <div className="sprint-bars">
        {sprint.state === 'completed' ? (
          <p className="sprint-outcome">
            Committed {formatPoints(sprint.committedAtStart ?? 0)} at the start, completed {formatPoints(sprint.completedPoints)}.
          </p>
        ) : (
          <CapacityBar committed={sprint.committedPoints} capacity={sprint.capacity.points} explanation={sprint.capacity.explanation} />
        )}
        {sprint.state !== 'planned' && <ProgressBar sprint={sprint} />}
      </div>
    </li>
  );
}
