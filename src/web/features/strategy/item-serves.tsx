import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { messageOf } from '../../api/client';
import type { Item } from '../../api/types';
import { Button } from '../../ui/button';
import { EditIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { useAlignItem, useAlignments, useInitiatives, useItemTrace } from './queries';
import { byStatus, INITIATIVE_STATUS_LABELS, percentOf } from './strategy-model';
import { ChoiceList, InitiativeStatusBadge } from './strategy-parts';
import { alignableSteps, servedRows } from './trace-model';
import './strategy.css';

/**
 * The item page's "Serves": the initiatives and goals this item serves, and
 * through which item on its path (itself, its feature or its epic); for
 * epics and features, the place to align them, for those allowed.
 */
export function ServesSection({ workspaceId, item, canAlign }: { workspaceId: string; item: Item; canAlign: boolean }) {
  const trace = useItemTrace(item.productId, item.id);
  const steps = trace.data ? alignableSteps(trace.data.path) : [];
  const alignments = useAlignments(item.productId, trace.data && trace.data.initiatives.length > 0 ? steps.map((step) => step.id) : []);
  const alignable = item.type === 'epic' || item.type === 'feature';
  const [editing, setEditing] = useState(false);
  const rows = trace.data ? servedRows(trace.data, alignments.byItem) : [];
  const strategy = { to: '/w/$workspaceId/p/$productId/strategy', params: { workspaceId, productId: item.productId } } as const;

  return (
    <section className="item-section" aria-labelledby="serves-heading">
      <div className="section-head">
        <h2 id="serves-heading" className="section-title">
          Serves
          {rows.length > 0 && <span className="section-count">{rows.length === 1 ? '1 initiative' : `${rows.length} initiatives`}</span>}
        </h2>
        {alignable && canAlign && !editing && (
          <Button size="sm" variant="ghost" icon={<EditIcon />} onClick={() => setEditing(true)}>
            Align to initiatives
          </Button>
        )}
      </div>
      {editing && <AlignForm item={item} onDone={() => setEditing(false)} />}
      {trace.isPending ? (
        <p className="section-empty">Loading…</p>
      ) : trace.isError ? (
        <Alert>Could not trace this {item.type} to its goals: {messageOf(trace.error)}</Alert>
      ) : rows.length === 0 ? (
        <p className="section-empty">
          {alignable
            ? `This ${item.type} serves no goal yet. Align it, or the epic above it, to an initiative so the work traces back to the goal it moves.`
            : `Nothing above this ${item.type} is aligned to an initiative yet: align its feature or epic to say which goal it serves.`}{' '}
          <Link to="/w/$workspaceId/p/$productId/traceability" params={{ workspaceId, productId: item.productId }}>
            Traceability
          </Link>{' '}
          shows what serves each goal.
        </p>
      ) : (
        <ul className="serves-list" aria-label="Initiatives and goals this item serves">
          {rows.map((row) => (
            <li key={row.initiative.id} className="serves-row">
              <div className="serves-head">
                <Link {...strategy} hash={`initiative-${row.initiative.id}`} className="serves-initiative">
                  {row.initiative.title}
                </Link>
                <InitiativeStatusBadge status={row.initiative.status} />
                {row.via && (
                  <span className="serves-via">
                    {row.via.id === item.id ? (
                      'aligned directly'
                    ) : (
                      <>
                        through{' '}
                        <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId: item.productId, itemKey: row.via.key }}>
                          {row.via.key} {row.via.title}
                        </Link>
                      </>
                    )}
                  </span>
                )}
              </div>
              {row.goals.length === 0 ? (
                <p className="serves-goal serves-goal-missing">This initiative serves no goal yet.</p>
              ) : (
                <ul className="serves-goals" aria-label={`Goals “${row.initiative.title}” serves`}>
                  {row.goals.map((goal) => (
                    <li key={goal.id} className="serves-goal">
                      <span className="serves-goal-label">Goal</span>
                      <Link {...strategy} hash={`goal-${goal.id}`}>
                        {goal.title}
                      </Link>
                      <span className="serves-goal-progress">{goal.keyResults.length === 0 ? 'no key results' : `${percentOf(goal.progress)}% of the way`}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {alignments.isError && <p className="field-error">Could not tell which item carries each alignment: {messageOf(alignments.error)}</p>}
    </section>
  );
}

/** The initiatives an epic or feature is aligned to, chosen from the product's, and saved as a whole. */
function AlignForm({ item, onDone }: { item: Item; onDone: () => void }) {
  const initiatives = useInitiatives(item.productId);
  const current = useAlignments(item.productId, [item.id]);
  const align = useAlignItem(item.productId);
  const toast = useToast();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loaded = current.byItem.get(item.id);
  const value = chosen ?? loaded ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return onDone();
    setError(null);
    align.mutate(
      { itemId: item.id, set: chosen },
      {
        onSuccess: () => {
          toast({ message: chosen.length === 0 ? `${item.key} is no longer aligned` : `${item.key} aligned`, tone: 'success' });
          onDone();
        },
        onError: (failure) => setError(messageOf(failure)),
      },
    );
  };

  if (initiatives.isPending || (!loaded && !current.isError)) return <p className="section-empty">Loading the initiatives…</p>;
  if (initiatives.isError || current.isError) return <Alert>Could not load the initiatives: {messageOf(initiatives.error ?? current.error)}</Alert>;

  return (
    <form className="form align-form" onSubmit={submit}>
      {error && <Alert>{error}</Alert>}
      <ChoiceList
        legend={`Initiatives ${item.key} serves`}
        options={byStatus(initiatives.data).map((initiative) => ({
          value: initiative.id,
          label: initiative.title,
          hint: `${INITIATIVE_STATUS_LABELS[initiative.status]}${initiative.goalIds.length === 0 ? ' · serves no goal yet' : ''}`,
        }))}
        value={value}
        onChange={setChosen}
        empty="No initiatives yet: start one on the strategy page."
        hint="The stories and tasks below it serve the same initiatives."
      />
      <div className="form-actions">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" busy={align.isPending}>
          Save alignment
        </Button>
      </div>
    </form>
  );
}
