import { useId, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { messageOf } from '../../api/client';
import type { WorkflowStatus } from '../../api/types';
import { StatusBadge, TypeIcon } from '../../ui/badges';
import { Button } from '../../ui/button';
import { useToast } from '../../ui/toast';
import { useAlignItem, useSaveInitiative } from './queries';
import { byStatus, byTimeBox, INITIATIVE_STATUS_LABELS, type Goal, type Initiative } from './strategy-model';
import { InitiativeStatusBadge } from './strategy-parts';
import { orphanSummary, unalignedNote, type Orphans, type TracedItem } from './trace-model';

interface Context {
  workspaceId: string;
  productId: string;
  statusFor: (key: string) => WorkflowStatus;
}

/**
 * What the chain misses: goals no work serves, initiatives serving no goal,
 * and open epics and features serving no goal, each with the way to mend it
 * for those allowed.
 */
export function OrphansSection({
  orphans,
  goals,
  initiatives,
  allGoals,
  allInitiatives,
  canWrite,
  canAlign,
  ...context
}: Context & {
  orphans: Orphans;
  /** The goals and initiatives the orphan ids name. */
  goals: readonly Goal[];
  initiatives: readonly Initiative[];
  /** Everything there is to link to. */
  allGoals: readonly Goal[];
  allInitiatives: readonly Initiative[];
  canWrite: boolean;
  canAlign: boolean;
}) {
  const summary = orphanSummary(orphans);
  const note = unalignedNote(orphans);
  const strategyLink = { to: '/w/$workspaceId/p/$productId/strategy', params: { workspaceId: context.workspaceId, productId: context.productId } } as const;
  return (
    <section className="strategy-section orphans" aria-labelledby="orphans-heading">
      <div className="section-head">
        <h2 id="orphans-heading" className="section-title">
          What the chain misses
        </h2>
      </div>
      <p className={summary.clean ? 'orphans-clean' : 'orphans-summary'}>{summary.text}</p>

      {goals.length > 0 && (
        <div className="orphan-group">
          <h3 className="orphan-title">
            Goals without work <span className="section-count">{goals.length}</span>
          </h3>
          <p className="orphan-hint">No initiative with aligned epics or features serves them: nothing in the backlog moves them yet.</p>
          <ul className="orphan-list" aria-label="Goals without work">
            {goals.map((goal) => (
              <li key={goal.id} className="orphan-row">
                <Link {...strategyLink} hash={`goal-${goal.id}`} className="orphan-name">
                  {goal.title}
                </Link>
                {canWrite && (
                  <Link {...strategyLink} hash="initiatives-heading" className="btn btn-ghost btn-sm">
                    Plan an initiative for it
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {initiatives.length > 0 && (
        <div className="orphan-group">
          <h3 className="orphan-title">
            Initiatives without a goal <span className="section-count">{initiatives.length}</span>
          </h3>
          <p className="orphan-hint">A bet that serves no goal cannot say why it matters.</p>
          <ul className="orphan-list" aria-label="Initiatives without a goal">
            {initiatives.map((initiative) => (
              <li key={initiative.id} className="orphan-row">
                <Link {...strategyLink} hash={`initiative-${initiative.id}`} className="orphan-name">
                  {initiative.title}
                </Link>
                <InitiativeStatusBadge status={initiative.status} />
                {canWrite && <LinkGoal productId={context.productId} initiative={initiative} goals={allGoals} />}
              </li>
            ))}
          </ul>
        </div>
      )}

      {orphans.unalignedItems.length > 0 && (
        <div className="orphan-group">
          <h3 className="orphan-title">
            Epics and features serving no goal <span className="section-count">{orphans.unalignedCount.toLocaleString('en')}</span>
          </h3>
          <p className="orphan-hint">
            Open work aligned to no initiative, or only to initiatives without a goal: nobody can say which goal it moves. {note}
          </p>
          <ul className="orphan-list" aria-label="Epics and features serving no goal">
            {orphans.unalignedItems.map((item) => (
              <li key={item.id} className="orphan-row">
                <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId: context.workspaceId, productId: context.productId, itemKey: item.key }} className="orphan-name orphan-item">
                  <TypeIcon type={item.type} />
                  <span className="item-key">{item.key}</span>
                  <span className="orphan-item-title">{item.title}</span>
                </Link>
                <StatusBadge status={context.statusFor(item.status)} compact />
                {canAlign && <AlignItem productId={context.productId} item={item} initiatives={allInitiatives} />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Aligns an unaligned epic or feature to one more initiative, keeping those it already has. */
function AlignItem({ productId, item, initiatives }: { productId: string; item: TracedItem; initiatives: readonly Initiative[] }) {
  const align = useAlignItem(productId);
  const toast = useToast();
  const id = useId();
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const choices = byStatus(initiatives).filter((initiative) => initiative.goalIds.length > 0 && initiative.status !== 'dropped');
  if (choices.length === 0) return <span className="orphan-hint">No initiative serving a goal to align it to yet.</span>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const initiative = initiatives.find((candidate) => candidate.id === choice);
    if (!initiative) return setError('Choose an initiative first.');
    setError(null);
    align.mutate(
      { itemId: item.id, add: [initiative.id] },
      {
        onSuccess: () => toast({ message: `${item.key} aligned to ${initiative.title}`, tone: 'success' }),
        onError: (failure) => setError(messageOf(failure)),
      },
    );
  };

  return (
    <form className="orphan-action" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Initiative for {item.key}
      </label>
      <select id={id} className="input select orphan-select" value={choice} onChange={(event) => setChoice(event.target.value)} aria-invalid={error ? true : undefined}>
        <option value="">Align to an initiative…</option>
        {choices.map((initiative) => (
          <option key={initiative.id} value={initiative.id}>
            {initiative.title} ({INITIATIVE_STATUS_LABELS[initiative.status]})
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" busy={align.isPending} aria-label={`Align ${item.key}`}>
        Align
      </Button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Links an initiative to a goal it will serve, keeping any it already serves. */
function LinkGoal({ productId, initiative, goals }: { productId: string; initiative: Initiative; goals: readonly Goal[] }) {
  const save = useSaveInitiative(productId);
  const toast = useToast();
  const id = useId();
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (goals.length === 0) return <span className="orphan-hint">No goal to link it to yet.</span>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const goal = goals.find((candidate) => candidate.id === choice);
    if (!goal) return setError('Choose a goal first.');
    setError(null);
    save.mutate(
      { initiative, update: { goalIds: [...new Set([...initiative.goalIds, goal.id])] } },
      {
        onSuccess: () => toast({ message: `${initiative.title} now serves ${goal.title}`, tone: 'success' }),
        onError: (failure) => setError(messageOf(failure)),
      },
    );
  };

  return (
    <form className="orphan-action" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Goal for {initiative.title}
      </label>
      <select id={id} className="input select orphan-select" value={choice} onChange={(event) => setChoice(event.target.value)} aria-invalid={error ? true : undefined}>
        <option value="">Serve a goal…</option>
        {byTimeBox(goals).map((goal) => (
          <option key={goal.id} value={goal.id}>
            {goal.title}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" busy={save.isPending} aria-label={`Link ${initiative.title} to the goal`}>
        Link
      </Button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
