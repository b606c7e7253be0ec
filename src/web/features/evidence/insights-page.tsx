import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { INSIGHT_SOURCES } from '../../../contracts/vocabulary';
import { messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { ConfirmDialog, useRemoval } from '../../ui/confirm-dialog';
import { PlusIcon, SearchIcon } from '../../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useProducts } from '../shell/queries';
import { InsightIcon } from './evidence-icons';
import { plural, SOURCE_LABELS, type Insight, type InsightSource } from './evidence-model';
import { DemandRanking } from './demand-ranking';
import { InsightCard } from './insight-card';
import { CsvUploadDialog, InsightFormDialog } from './insight-forms';
import { useDeleteInsight, useInsights, useSegments } from './queries';
import './evidence.css';

type Tab = 'false' | 'all';

/**
 * `/w/:workspaceId/p/:productId/insights`: the evidence inbox. Everyone but
 * viewers adds insights (the form or a CSV file); the PM and the owner triage
 * them, linking each to the items it asks for with the passage that says so.
 */
export function InsightsPage({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canCreate = isAllowed(roles, 'insight.create');
  const canManage = isAllowed(roles, 'evidence.manage');
  const product = useProducts(workspaceId).data?.find((candidate) => candidate.id === productId);
  const [tab, setTab] = useState<Tab>('false');
  const [q, setQ] = useState('');
  const [source, setSource] = useState<InsightSource | ''>('');
  const insights = useInsights(productId, { linked: tab, q, source });
  const segments = useSegments(workspaceId);
  const remove = useDeleteInsight(workspaceId, productId);
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Insight | null>(null);
  const [uploading, setUploading] = useState(false);
  const removal = useRemoval<Insight>();

  const rows = insights.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = q.trim() !== '' || source !== '';

  let list;
  if (insights.isPending) list = <LoadingState label="Loading the insights…" />;
  else if (insights.isError && !insights.data) {
    list = <ErrorState title="Could not load the insights" message={messageOf(insights.error)} action={<Button onClick={() => void insights.refetch()}>Try again</Button>} />;
  } else if (rows.length === 0) {
    list = filtered ? (
      <EmptyState icon={<SearchIcon width={20} height={20} />} title="No insight matches">
        Nothing {tab === 'false' ? 'left to triage ' : ''}matches {q.trim() ? `“${q.trim()}”` : 'this filter'}
        {source ? ` from ${SOURCE_LABELS[source].toLowerCase()}` : ''}. Clear the search or pick another source.
      </EmptyState>
    ) : tab === 'false' ? (
      <EmptyState icon={<InsightIcon width={20} height={20} />} title="Nothing to triage" action={<Button onClick={() => setTab('all')}>Show all insights</Button>}>
        Every insight is linked to the items it asks for. New ones from interviews, support, sales and surveys land here until someone links them.
      </EmptyState>
    ) : (
      <EmptyState
        icon={<InsightIcon width={20} height={20} />}
        title="No insights yet"
        action={
          canCreate && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setAdding(true)}>
              Add the first insight
            </Button>
          )
        }
      >
        An insight is a piece of customer evidence: a quote from an interview, a support ticket, a sales call or a review. Link each one to the features it asks
        for, and every feature shows how many customers want it and what they are worth.
      </EmptyState>
    );
  } else {
    list = (
      <>
        <ul className="insight-list" aria-label="Insights">
          {rows.map((insight) => (
            <li key={insight.id}>
              <InsightCard
                workspaceId={workspaceId}
                productId={productId}
                insight={insight}
                segments={segments.data}
                canManage={canManage}
                onEdit={setEditing}
                onDelete={removal.ask}
              />
            </li>
          ))}
        </ul>
        {insights.hasNextPage && (
          <div className="evidence-more">
            <Button busy={insights.isFetchingNextPage} onClick={() => void insights.fetchNextPage()}>
              Show more
            </Button>
          </div>
        )}
      </>
    );
  }

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Insights</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            <span>What customers told us, and the items it asks for</span>
          </p>
        </div>
        <div className="page-actions evidence-page-actions">
          <Link to="/w/$workspaceId/p/$productId/customers" params={{ workspaceId, productId }} className="btn btn-ghost btn-sm">
            Customers and personas
          </Link>
          {canCreate && <Button onClick={() => setUploading(true)}>Upload CSV</Button>}
          {canCreate && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setAdding(true)}>
              Add insight
            </Button>
          )}
        </div>
      </div>
      <div className="evidence-content">
        <div className="evidence-toolbar">
          <div className="evidence-tabs" role="group" aria-label="Which insights">
            <button type="button" className="evidence-tab" aria-pressed={tab === 'false'} onClick={() => setTab('false')}>
              To triage
            </button>
            <button type="button" className="evidence-tab" aria-pressed={tab === 'all'} onClick={() => setTab('all')}>
              All
            </button>
          </div>
          <label className="visually-hidden" htmlFor="insight-search">
            Search insights
          </label>
          <input id="insight-search" className="input evidence-search" type="search" placeholder="Search the words…" value={q} onChange={(event) => setQ(event.target.value)} />
          <label className="visually-hidden" htmlFor="insight-source">
            Source
          </label>
          <select id="insight-source" className="input select evidence-source" value={source} onChange={(event) => setSource(event.target.value as InsightSource | '')}>
            <option value="">Every source</option>
            {INSIGHT_SOURCES.map((value) => (
              <option key={value} value={value}>
                {SOURCE_LABELS[value]}
              </option>
            ))}
          </select>
          {insights.data && (
            <span className="evidence-muted" aria-live="polite">
              {plural(rows.length, 'insight')}
              {insights.hasNextPage ? ' shown' : ''}
            </span>
          )}
        </div>
        {canManage && rows.length > 0 && <p className="evidence-hint">Select words in an insight to link them to an item as the passage that asks for it.</p>}
        {insights.isError && insights.data && (
          <p className="field-error" role="alert">
            Could not refresh the insights: {messageOf(insights.error)}
          </p>
        )}
        <div className="evidence-layout">
          <div className="evidence-main">{list}</div>
          <DemandRanking workspaceId={workspaceId} productId={productId} />
        </div>
      </div>

      {adding && (
        <InsightFormDialog
          workspaceId={workspaceId}
          productId={productId}
          segments={segments.data}
          onClose={() => setAdding(false)}
          onSaved={(insight) => {
            setAdding(false);
            toast({ message: `Insight added${insight.customer ? ` for ${insight.customer.name}` : ''}`, tone: 'success' });
          }}
        />
      )}
      {canManage && editing && (
        <InsightFormDialog
          workspaceId={workspaceId}
          productId={productId}
          insight={editing}
          segments={segments.data}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            toast({ message: 'Insight saved', tone: 'success' });
          }}
        />
      )}
      {uploading && <CsvUploadDialog workspaceId={workspaceId} productId={productId} onClose={() => setUploading(false)} />}
      {canManage && (
        <ConfirmDialog
          open={removal.target !== null}
          title="Delete this insight?"
          confirmLabel="Delete"
          busy={remove.isPending}
          error={removal.error}
          onClose={removal.close}
          onConfirm={() =>
            removal.confirm(
              (insight) => remove.mutateAsync(insight),
              () => 'Insight deleted',
            )
          }
        >
          Its links go with it, and the items it was linked to lose its evidence. This cannot be undone.
        </ConfirmDialog>
      )}
    </div>
  );
}
