import { useEffect, useId, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { DECISION_STATUSES } from '../../../contracts/vocabulary';
import { messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { formatDate } from '../../ui/format';
import { PlusIcon, SearchIcon } from '../../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useMembers } from '../members/queries';
import { useProducts } from '../shell/queries';
import { DecisionFormDialog } from './decision-form';
import { emptyDraft, STATUS_LABELS, type Decision, type DecisionSearch, type DecisionStatus } from './decision-model';
import { DecisionStatusBadge } from './decision-parts';
import { useDecisions } from './queries';
import './decisions.css';

/** How long typing pauses before the search runs. */
const SEARCH_DELAY_MS = 250;

/** `/w/:workspaceId/p/:productId/decisions`: the product's decisions, newest first, found by words and status. */
export function DecisionLogPage({ workspaceId, productId, search }: { workspaceId: string; productId: string; search: DecisionSearch }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canWrite = isAllowed(roles, 'decision.write');
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const members = useMembers(workspaceId);
  const nameOf = (userId: string | null) => (userId ? members.data?.find((member) => member.userId === userId)?.name : undefined);
  const decisions = useDecisions(productId, search);
  const navigate = useNavigate();
  const toast = useToast();
  const ids = { search: useId(), status: useId() };
  const [recording, setRecording] = useState(false);

  // The search box follows the address, and the address follows typing once it pauses.
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);
  const setSearch = (next: DecisionSearch) =>
    void navigate({ to: '/w/$workspaceId/p/$productId/decisions', params: { workspaceId, productId }, search: next, replace: true });
  useEffect(() => {
    if (text.trim() === (search.q ?? '')) return;
    const timer = setTimeout(() => setSearch({ ...search, q: text.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const list = decisions.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(search.q || search.status);

  const onSaved = (decision: Decision) => {
    setRecording(false);
    toast({ message: `Decision recorded: ${decision.title}`, tone: 'success' });
    void navigate({ to: '/w/$workspaceId/p/$productId/decisions/$decisionId', params: { workspaceId, productId, decisionId: decision.id } });
  };

  let body;
  if (decisions.isPending) body = <LoadingState label="Loading decisions…" />;
  else if (decisions.isError && list.length === 0) {
    body = <ErrorState title="Could not load the decision log" message={messageOf(decisions.error)} action={<Button onClick={() => void decisions.refetch()}>Try again</Button>} />;
  } else if (list.length === 0 && filtered) {
    body = (
      <EmptyState title="No decisions match" action={<Button onClick={() => setSearch({})}>Clear the search</Button>}>
        {search.q ? `Nothing ${search.status ? `${STATUS_LABELS[search.status].toLowerCase()} ` : ''}mentions “${search.q}” in its title, context, outcome or rationale.` : `No decision is ${STATUS_LABELS[search.status!].toLowerCase()}.`}
      </EmptyState>
    );
  } else if (list.length === 0) {
    body = (
      <EmptyState
        title="No decisions recorded yet"
        action={
          canWrite && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setRecording(true)}>
              Record the first decision
            </Button>
          )
        }
      >
        A decision log keeps the why behind the product: the question, the options weighed, what was decided and the reasoning, linked to the items it shapes. When
        someone asks “why did we do it this way?” months later, the answer is here.
        {!canWrite && ' Product owners and managers record decisions; they will show up here.'}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ul className="decision-list" aria-label="Decisions" aria-busy={decisions.isPlaceholderData || undefined}>
          {list.map((decision) => (
            <li key={decision.id} className="decision-row">
              <div className="decision-row-head">
                <Link to="/w/$workspaceId/p/$productId/decisions/$decisionId" params={{ workspaceId, productId, decisionId: decision.id }} className="decision-title-link">
                  {decision.title}
                </Link>
                <DecisionStatusBadge status={decision.status} />
              </div>
              {decision.outcome ? <p className="decision-outcome">{decision.outcome}</p> : <p className="decision-outcome decision-outcome-missing">No outcome yet</p>}
              <p className="decision-meta">
                {decision.decidedAt ? (
                  <span>
                    Decided <time dateTime={decision.decidedAt}>{formatDate(decision.decidedAt)}</time>
                    {nameOf(decision.decidedBy) && ` by ${nameOf(decision.decidedBy)}`}
                  </span>
                ) : (
                  <span>
                    Recorded <time dateTime={decision.createdAt}>{formatDate(decision.createdAt)}</time>
                    {nameOf(decision.createdBy) && ` by ${nameOf(decision.createdBy)}`}
                  </span>
                )}
                <span>{decision.itemIds.length === 1 ? '1 linked item' : `${decision.itemIds.length} linked items`}</span>
              </p>
            </li>
          ))}
        </ul>
        {decisions.hasNextPage && (
          <Button onClick={() => void decisions.fetchNextPage()} busy={decisions.isFetchingNextPage}>
            Show older decisions
          </Button>
        )}
      </>
    );
  }

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Decision log</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            <span>What was decided, and why</span>
          </p>
        </div>
        <div className="page-actions">
          {canWrite && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setRecording(true)}>
              Record decision
            </Button>
          )}
        </div>
      </div>
      <div className="decisions-content">
        <form className="decision-toolbar" role="search" aria-label="Search the decision log" onSubmit={(event) => {
          event.preventDefault();
          setSearch({ ...search, q: text.trim() || undefined });
        }}>
          <div className="field">
            <label htmlFor={ids.search} className="field-label">
              Search decisions
            </label>
            <input id={ids.search} type="search" className="input" value={text} onChange={(event) => setText(event.target.value)} placeholder="Words in the title, context, outcome or rationale" maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={ids.status} className="field-label">
              Status
            </label>
            <select
              id={ids.status}
              className="input select"
              value={search.status ?? ''}
              onChange={(event) => setSearch({ ...search, status: (event.target.value || undefined) as DecisionStatus | undefined })}
            >
              <option value="">Any status</option>
              {DECISION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" icon={<SearchIcon />}>
            Search
          </Button>
        </form>
        {decisions.isError && list.length > 0 && <p className="field-error" role="alert">Could not refresh the log: {messageOf(decisions.error)}</p>}
        {body}
      </div>
      {canWrite && (
        <DecisionFormDialog
          productId={productId}
          open={recording}
          decision={null}
          initial={emptyDraft()}
          description="Record it while it is fresh: what was the question, what was weighed, what was decided and why."
          onClose={() => setRecording(false)}
          onSaved={onSaved}
        />
      )}
    </div>
  );
}
