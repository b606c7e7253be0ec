import { useEffect, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { ConfirmDialog, useRemoval } from '../../ui/confirm-dialog';
import { PlusIcon } from '../../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useMembers } from '../members/queries';
import { useProducts } from '../shell/queries';
import { GoalCard, type GoalActions } from './goal-card';
import { GoalFormDialog, KeyResultFormDialog } from './goal-form';
import { InitiativeList } from './initiative-list';
import { useDeleteGoal, useDeleteKeyResult, useGoals, useInitiatives } from './queries';
import { emptyGoalDraft, goalDraftOf } from './strategy-forms';
import { byTimeBox, planDateOf, quarterOf, type Goal, type KeyResult } from './strategy-model';
import { TraceIcon } from './strategy-icons';
import { VisionSection } from './vision-section';
import './strategy.css';

type Removal = { kind: 'goal'; goal: Goal } | { kind: 'keyResult'; goal: Goal; keyResult: KeyResult };

/**
 * `/w/:workspaceId/p/:productId/strategy`: the product's vision and strategy,
 * its goals with key results read at a glance, and the initiatives that
 * serve them. The PM and the owner change them; everyone else reads.
 */
export function StrategyPage({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canWrite = isAllowed(roles, 'strategy.update');
  const canEditVision = isAllowed(roles, 'product.update');
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const members = useMembers(workspaceId);
  const goals = useGoals(productId);
  const initiatives = useInitiatives(productId);
  const toast = useToast();
  const today = planDateOf(new Date());

  const [goalForm, setGoalForm] = useState<{ goal: Goal | null } | null>(null);
  const [keyResultForm, setKeyResultForm] = useState<{ goal: Goal; keyResult: KeyResult | null } | null>(null);
  const removal = useRemoval<Removal>();
  const deleteGoal = useDeleteGoal(productId);
  const deleteKeyResult = useDeleteKeyResult(productId);

  // A link to one goal or initiative (#goal-…) lands before its card exists; once the lists are in, show it.
  const loaded = goals.isSuccess && initiatives.isSuccess;
  useEffect(() => {
    if (loaded && window.location.hash.length > 1) document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [loaded]);

  const sortedGoals = useMemo(() => byTimeBox(goals.data ?? []), [goals.data]);
  const nameOf = (userId: string | null) => (userId ? members.data?.find((member) => member.userId === userId)?.name : undefined);
  const goalInitial = useMemo(
    () => (goalForm?.goal ? goalDraftOf(goalForm.goal) : emptyGoalDraft(quarterOf(today), canWrite ? (me.data?.user.id ?? null) : null)),
    [goalForm, today, canWrite, me.data?.user.id],
  );

  const actions: GoalActions = {
    onEdit: (goal) => setGoalForm({ goal }),
    onDelete: (goal) => removal.ask({ kind: 'goal', goal }),
    onAddKeyResult: (goal) => setKeyResultForm({ goal, keyResult: null }),
    onEditKeyResult: (goal, keyResult) => setKeyResultForm({ goal, keyResult }),
    onDeleteKeyResult: (goal, keyResult) => removal.ask({ kind: 'keyResult', goal, keyResult }),
  };

  const remove = () =>
    removal.confirm(
      (target) => (target.kind === 'goal' ? deleteGoal.mutateAsync(target.goal) : deleteKeyResult.mutateAsync(target.keyResult)),
      (target) => (target.kind === 'goal' ? `Goal deleted: ${target.goal.title}` : `Key result deleted: ${target.keyResult.name}`),
    );

  let goalsBody;
  if (goals.isPending) goalsBody = <LoadingState label="Loading goals…" />;
  else if (goals.isError && !goals.data) {
    goalsBody = <ErrorState title="Could not load the goals" message={messageOf(goals.error)} action={<Button onClick={() => void goals.refetch()}>Try again</Button>} />;
  } else if (sortedGoals.length === 0) {
    goalsBody = (
      <EmptyState
        title="No goals yet"
        action={
          canWrite && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setGoalForm({ goal: null })}>
              Set the first goal
            </Button>
          )
        }
      >
        Goals say what winning looks like this quarter: an outcome, time-boxed, measured by two or three key results, numbers that move when it works. Initiatives then
        name the bets that should move them, and epics and features line up behind those bets, so every story can answer “why are we building this?”
        {!canWrite && ' Product managers set goals; they will show up here.'}
      </EmptyState>
    );
  } else {
    goalsBody = (
      <div className="goal-grid">
        {sortedGoals.map((goal) => (
          <GoalCard key={goal.id} productId={productId} goal={goal} today={today} ownerName={nameOf(goal.ownerId)} canWrite={canWrite} actions={actions} />
        ))}
      </div>
    );
  }

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Strategy</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            <span>Where the product is going, how winning is measured, and the bets that serve it</span>
          </p>
        </div>
        <div className="page-actions">
          <Link to="/w/$workspaceId/p/$productId/traceability" params={{ workspaceId, productId }} className="btn btn-secondary">
            <TraceIcon />
            Traceability
          </Link>
          {canWrite && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setGoalForm({ goal: null })}>
              New goal
            </Button>
          )}
        </div>
      </div>
      <div className="strategy-content">
        {product ? (
          <VisionSection workspaceId={workspaceId} product={product} canEdit={canEditVision} />
        ) : products.isError ? (
          <ErrorState title="Could not load the product" message={messageOf(products.error)} action={<Button onClick={() => void products.refetch()}>Try again</Button>} />
        ) : null}

        <section className="strategy-section" aria-labelledby="goals-heading">
          <div className="section-head">
            <h2 id="goals-heading" className="section-title">
              Goals
              {sortedGoals.length > 0 && <span className="section-count">{sortedGoals.length}</span>}
            </h2>
          </div>
          {goals.isError && goals.data && <p className="field-error" role="alert">Could not refresh the goals: {messageOf(goals.error)}</p>}
          {goalsBody}
        </section>

        <InitiativeList workspaceId={workspaceId} productId={productId} query={initiatives} goals={sortedGoals} today={today} canWrite={canWrite} />
      </div>

      {canWrite && (
        <>
          <GoalFormDialog
            productId={productId}
            open={goalForm !== null}
            goal={goalForm?.goal ?? null}
            initial={goalInitial}
            members={members.data ?? []}
            onClose={() => setGoalForm(null)}
            onSaved={(goal, created) => {
              setGoalForm(null);
              toast({ message: created ? `Goal set: ${goal.title}` : `Goal saved: ${goal.title}`, tone: 'success' });
            }}
          />
          {keyResultForm && (
            <KeyResultFormDialog
              productId={productId}
              open
              goal={keyResultForm.goal}
              keyResult={keyResultForm.keyResult}
              onClose={() => setKeyResultForm(null)}
              onSaved={(keyResult, created) => {
                setKeyResultForm(null);
                toast({ message: created ? `Key result added: ${keyResult.name}` : `Key result saved: ${keyResult.name}`, tone: 'success' });
              }}
            />
          )}
          <ConfirmDialog
            open={removal.target !== null}
            title={removal.target?.kind === 'goal' ? `Delete the goal “${removal.target.goal.title}”?` : removal.target ? `Delete the key result “${removal.target.keyResult.name}”?` : ''}
            confirmLabel={removal.target?.kind === 'goal' ? 'Delete goal' : 'Delete key result'}
            busy={deleteGoal.isPending || deleteKeyResult.isPending}
            error={removal.error}
            onConfirm={remove}
            onClose={removal.close}
          >
            {removal.target?.kind === 'goal'
              ? `Its ${removal.target.goal.keyResults.length === 1 ? 'key result goes' : `${removal.target.goal.keyResults.length} key results go`} with it. Initiatives serving it stay, without it. This cannot be undone.`
              : `“${removal.target?.goal.title}” will be measured by its other key results. This cannot be undone.`}
          </ConfirmDialog>
        </>
      )}
    </div>
  );
}
