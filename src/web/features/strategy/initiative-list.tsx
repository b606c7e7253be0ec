import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { ConfirmDialog, useRemoval } from '../../ui/confirm-dialog';
import { EditIcon, PlusIcon, TrashIcon } from '../../ui/icons';
import { MarkdownText } from '../../ui/markdown';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { InitiativeFormDialog } from './initiative-form';
import { useDeleteInitiative } from './queries';
import { emptyInitiativeDraft, initiativeDraftOf } from './strategy-forms';
import { byStatus, initiativeDates, percentOf, type Goal, type Initiative } from './strategy-model';
import { InitiativeStatusBadge } from './strategy-parts';

/** The strategy page's initiatives: the bets, active first, each with its dates and the goals it serves. */
export function InitiativeList({
  workspaceId,
  productId,
  query,
  goals,
  today,
  canWrite,
}: {
  workspaceId: string;
  productId: string;
  query: UseQueryResult<Initiative[]>;
  goals: readonly Goal[];
  today: string;
  canWrite: boolean;
}) {
  const toast = useToast();
  const [form, setForm] = useState<{ initiative: Initiative | null } | null>(null);
  const removal = useRemoval<Initiative>();
  const remove = useDeleteInitiative(productId);
  const initiatives = useMemo(() => byStatus(query.data ?? []), [query.data]);
  const goalById = useMemo(() => new Map(goals.map((goal) => [goal.id, goal])), [goals]);
  const initial = useMemo(() => (form?.initiative ? initiativeDraftOf(form.initiative) : emptyInitiativeDraft(goals.length === 1 ? [goals[0]!.id] : [])), [form, goals]);

  let body;
  if (query.isPending) body = <LoadingState label="Loading initiatives…" />;
  else if (query.isError && !query.data) {
    body = <ErrorState title="Could not load the initiatives" message={messageOf(query.error)} action={<Button onClick={() => void query.refetch()}>Try again</Button>} />;
  } else if (initiatives.length === 0) {
    body = (
      <EmptyState
        title="No initiatives yet"
        action={
          canWrite && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setForm({ initiative: null })}>
              Start the first initiative
            </Button>
          )
        }
      >
        Initiatives are the bets you make to reach your goals: a theme or a project, with dates and a status. Align epics and features to them, and the traceability view
        shows how much of each bet is delivered.
        {!canWrite && ' Product managers start initiatives; they will show up here.'}
      </EmptyState>
    );
  } else {
    body = (
      <ul className="initiative-list" aria-label="Initiatives">
        {initiatives.map((initiative) => {
          const served = initiative.goalIds.flatMap((id) => goalById.get(id) ?? []);
          const dates = initiativeDates(initiative);
          return (
            <li key={initiative.id} id={`initiative-${initiative.id}`} className={`initiative-row initiative-row-${initiative.status}`}>
              <div className="initiative-head">
                <h3 className="initiative-title">{initiative.title}</h3>
                <InitiativeStatusBadge status={initiative.status} />
                {canWrite && (
                  <span className="initiative-actions">
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Edit initiative “${initiative.title}”`} title="Edit initiative" onClick={() => setForm({ initiative })}>
                      <EditIcon />
                    </button>
                    <button
                      type="button"
                      className="icon-btn icon-btn-sm"
                      aria-label={`Delete initiative “${initiative.title}”`}
                      title="Delete initiative"
                      onClick={() => removal.ask(initiative)}
                    >
                      <TrashIcon />
                    </button>
                  </span>
                )}
              </div>
              <p className="initiative-meta">
                <span>{dates ?? 'No dates yet'}</span>
              </p>
              {initiative.description.trim() && <MarkdownText text={initiative.description} />}
              <div className="initiative-goals">
                <span className="initiative-goals-label">Serves</span>
                {served.length === 0 ? (
                  <span className="badge badge-warning">No goal yet</span>
                ) : (
                  <ul className="goal-chips" aria-label={`Goals “${initiative.title}” serves`}>
                    {served.map((goal) => (
                      <li key={goal.id}>
                        <a href={`#goal-${goal.id}`} className="goal-chip">
                          {goal.title}
                          <span className="goal-chip-progress">{percentOf(goal.progress)}%</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <section className="strategy-section" aria-labelledby="initiatives-heading">
      <div className="section-head">
        <h2 id="initiatives-heading" className="section-title">
          Initiatives
          {initiatives.length > 0 && <span className="section-count">{initiatives.length}</span>}
        </h2>
        {canWrite && initiatives.length > 0 && (
          <Button size="sm" variant="ghost" icon={<PlusIcon />} onClick={() => setForm({ initiative: null })}>
            New initiative
          </Button>
        )}
      </div>
      {query.isError && query.data && <p className="field-error" role="alert">Could not refresh the initiatives: {messageOf(query.error)}</p>}
      {body}
      {canWrite && (
        <>
          <InitiativeFormDialog
            productId={productId}
            open={form !== null}
            initiative={form?.initiative ?? null}
            initial={initial}
            goals={goals}
            today={today}
            onClose={() => setForm(null)}
            onSaved={(initiative, created) => {
              setForm(null);
              toast({ message: created ? `Initiative started: ${initiative.title}` : `Initiative saved: ${initiative.title}`, tone: 'success' });
            }}
          />
          <ConfirmDialog
            open={removal.target !== null}
            title={`Delete the initiative “${removal.target?.title ?? ''}”?`}
            confirmLabel="Delete initiative"
            busy={remove.isPending}
            error={removal.error}
            onConfirm={() =>
              removal.confirm(
                (initiative) => remove.mutateAsync(initiative),
                (initiative) => `Initiative deleted: ${initiative.title}`,
              )
            }
            onClose={removal.close}
          >
            The epics and features aligned to it stay in the backlog, unaligned: they will show up as orphans on the traceability view. This cannot be undone.
          </ConfirmDialog>
        </>
      )}
      <p className="strategy-note">
        See how far each bet is delivered on the <Link to="/w/$workspaceId/p/$productId/traceability" params={{ workspaceId, productId }}>
          traceability view
        </Link>.
      </p>
    </section>
  );
}
