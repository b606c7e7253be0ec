import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { messageOf } from '../../api/client';
import type { Item } from '../../api/types';
import { Button } from '../../ui/button';
import { PlusIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { DecisionFormDialog } from './decision-form';
import { emptyDraft } from './decision-model';
import { DecisionStatusBadge } from './decision-parts';
import { useItemDecisions } from './queries';
import './decisions.css';

/** The item page's decisions: those linked to the item, newest first, and a quick way to record one about it. */
export function DecisionsSection({ workspaceId, item, canWrite }: { workspaceId: string; item: Item; canWrite: boolean }) {
  const query = useItemDecisions(item.productId, item.id);
  const toast = useToast();
  const [recording, setRecording] = useState(false);
  const decisions = query.data ?? [];

  return (
    <section className="item-section" aria-labelledby="decisions-heading">
      <div className="section-head">
        <h2 id="decisions-heading" className="section-title">
          Decisions
          {query.isSuccess && decisions.length > 0 && <span className="section-count">{decisions.length}</span>}
        </h2>
        {canWrite && (
          <Button size="sm" variant="ghost" icon={<PlusIcon />} onClick={() => setRecording(true)}>
            Record a decision about this item
          </Button>
        )}
      </div>
      {query.isPending ? (
        <p className="section-empty">Loading…</p>
      ) : query.isError ? (
        <Alert>Could not load the decisions: {messageOf(query.error)}</Alert>
      ) : decisions.length === 0 ? (
        <p className="section-empty">
          No decisions concern this {item.type} yet.{' '}
          <Link to="/w/$workspaceId/p/$productId/decisions" params={{ workspaceId, productId: item.productId }}>
            The decision log
          </Link>{' '}
          keeps what was decided and why.
        </p>
      ) : (
        <ul className="decision-item-list" aria-label="Decisions about this item">
          {decisions.map((decision) => (
            <li key={decision.id} className="decision-item-row">
              <div className="decision-row-head">
                <Link to="/w/$workspaceId/p/$productId/decisions/$decisionId" params={{ workspaceId, productId: item.productId, decisionId: decision.id }} className="decision-title-link">
                  {decision.title}
                </Link>
                <DecisionStatusBadge status={decision.status} />
              </div>
              {decision.outcome ? <p className="decision-outcome">{decision.outcome}</p> : <p className="decision-outcome decision-outcome-missing">No outcome yet</p>}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <DecisionFormDialog
          productId={item.productId}
          open={recording}
          decision={null}
          initial={emptyDraft([item.key])}
          description={`It is linked to ${item.key}; add other items by key if it shapes them too.`}
          onClose={() => setRecording(false)}
          onSaved={(decision) => {
            setRecording(false);
            toast({ message: `Decision recorded: ${decision.title}`, tone: 'success' });
          }}
        />
      )}
    </section>
  );
}
