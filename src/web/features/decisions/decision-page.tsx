import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { ApiError, messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { formatDateTime } from '../../ui/format';
import { EditIcon, ListIcon } from '../../ui/icons';
import { MarkdownText } from '../../ui/markdown';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useMembers } from '../members/queries';
import { DecisionFormDialog } from './decision-form';
import { draftOf, STATUS_LABELS, type Decision, type DecisionDraft } from './decision-model';
import { DecisionStatusBadge, LinkedItems } from './decision-parts';
import { useDecision, useItemsById } from './queries';
import './decisions.css';

type Editing = { preset: Partial<DecisionDraft>; description: string } | null;

/** `/w/:workspaceId/p/:productId/decisions/:decisionId`: one decision in full, decided, superseded or relinked in place. */
export function DecisionPage({ workspaceId, productId, decisionId }: { workspaceId: string; productId: string; decisionId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canWrite = isAllowed(roles, 'decision.write');
  const members = useMembers(workspaceId);
  const nameOf = (userId: string | null) => (userId ? (members.data?.find((member) => member.userId === userId)?.name ?? 'a former member') : undefined);
  const query = useDecision(productId, decisionId);
  const successor = useDecision(productId, query.data?.supersededBy ?? '');
  const linked = useItemsById(query.data?.itemIds ?? []);
  const toast = useToast();
  const [editing, setEditing] = useState<Editing>(null);

  const backToLog = (
    <Link to="/w/$workspaceId/p/$productId/decisions" params={{ workspaceId, productId }} className="btn btn-secondary">
      <ListIcon />
      Back to the decision log
    </Link>
  );

  if (query.isPending) return <LoadingState label="Loading the decision…" />;
  if (query.isError && !query.data) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <div className="page">
          <EmptyState title="This decision was not found" action={backToLog}>
            The link may be mistyped, or the decision belongs to a workspace you are not in.
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page">
        <ErrorState title="Could not load the decision" message={messageOf(query.error)} action={<Button onClick={() => void query.refetch()}>Try again</Button>} />
      </div>
    );
  }
  const decision = query.data;
  const keyOf = (itemId: string) => linked[decision.itemIds.indexOf(itemId)]?.data?.key;
  const open = (preset: Partial<DecisionDraft>, description: string) => setEditing({ preset, description });
  const onSaved = (saved: Decision) => {
    setEditing(null);
    toast({ message: saved.status !== decision.status ? `Decision ${STATUS_LABELS[saved.status].toLowerCase()}` : 'Decision saved', tone: 'success' });
  };

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/w/$workspaceId/p/$productId/decisions" params={{ workspaceId, productId }}>
              Decision log
            </Link>
            <span aria-hidden="true">/</span>
            <span aria-current="page">{decision.title}</span>
          </nav>
          <h1 className="page-title">{decision.title}</h1>
          <p className="page-subtitle">
            <DecisionStatusBadge status={decision.status} />
            {decision.decidedAt ? (
              <span>
                Decided <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt)}</time>
                {nameOf(decision.decidedBy) && ` by ${nameOf(decision.decidedBy)}`}
              </span>
            ) : (
              <span>
                Recorded <time dateTime={decision.createdAt}>{formatDateTime(decision.createdAt)}</time>
                {nameOf(decision.createdBy) && ` by ${nameOf(decision.createdBy)}`}
              </span>
            )}
          </p>
        </div>
        {canWrite && (
          <div className="page-actions">
            {decision.status === 'proposed' && (
              <Button variant="primary" onClick={() => open({ status: 'decided' }, 'Say what was decided; a decided decision needs its outcome.')}>
                Decide
              </Button>
            )}
            {decision.status !== 'superseded' && (
              <Button onClick={() => open({ status: 'superseded' }, 'Choose the decision that replaces this one. It stays in the log as history.')}>Supersede</Button>
            )}
            <Button icon={<EditIcon />} onClick={() => open({}, 'Change the record, or relink the items it concerns.')}>
              Edit
            </Button>
          </div>
        )}
      </div>
      <div className="decision-detail">
        {decision.status === 'superseded' && (
          <div className="alert alert-info" role="status">
            <div>
              This decision was superseded
              {decision.supersededBy && successor.data ? (
                <>
                  {' by '}
                  <Link to="/w/$workspaceId/p/$productId/decisions/$decisionId" params={{ workspaceId, productId, decisionId: successor.data.id }}>
                    {successor.data.title}
                  </Link>
                </>
              ) : null}
              . It stays here as history.
            </div>
          </div>
        )}
        <section className="item-section decision-block" aria-labelledby="decision-context-heading">
          <h2 id="decision-context-heading" className="section-title">
            Context
          </h2>
          {decision.context.trim() ? <MarkdownText text={decision.context} /> : <p className="section-empty">No context written.</p>}
        </section>
        <section className="item-section decision-block" aria-labelledby="decision-options-heading">
          <h2 id="decision-options-heading" className="section-title">
            Options considered
          </h2>
          {decision.options.length === 0 ? (
            <p className="section-empty">No options listed.</p>
          ) : (
            <ol className="decision-option-list" aria-label="Options considered">
              {decision.options.map((option, index) => (
                <li key={index}>
                  <strong>{option.title}</strong>
                  {option.notes && <p className="decision-option-notes">{option.notes}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="item-section decision-block" aria-labelledby="decision-outcome-heading">
          <h2 id="decision-outcome-heading" className="section-title">
            Outcome
          </h2>
          {decision.outcome ? <p>{decision.outcome}</p> : <p className="section-empty">Not decided yet.</p>}
        </section>
        <section className="item-section decision-block" aria-labelledby="decision-rationale-heading">
          <h2 id="decision-rationale-heading" className="section-title">
            Rationale
          </h2>
          {decision.rationale ? <p>{decision.rationale}</p> : <p className="section-empty">No rationale written.</p>}
        </section>
        <section className="item-section decision-block" aria-labelledby="decision-items-heading">
          <h2 id="decision-items-heading" className="section-title">
            Linked items
            {decision.itemIds.length > 0 && <span className="section-count">{decision.itemIds.length}</span>}
          </h2>
          <LinkedItems workspaceId={workspaceId} productId={productId} itemIds={decision.itemIds} />
        </section>
      </div>
      {canWrite && (
        <DecisionFormDialog
          productId={productId}
          open={editing !== null}
          decision={decision}
          initial={draftOf(decision, keyOf)}
          preset={editing?.preset}
          description={editing?.description}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      )}
    </div>
  );
}
