import { Link } from '@tanstack/react-router';
import { messageOf } from '../../api/client';
import { Alert } from '../../ui/states';
import { formatRevenueShort, plural } from './evidence-model';
import { useProductEvidence } from './queries';

/** How many of the most demanded items the inbox shows beside it. */
const TOP = 6;

/**
 * The items with the most evidence, by distinct customers and then revenue (as
 * the server ranks them): what the inbox adds up to, a click from each item.
 */
export function DemandRanking({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const ranking = useProductEvidence(productId);
  return (
    <aside className="demand-ranking" aria-labelledby="demand-heading">
      <h2 id="demand-heading" className="section-title">
        Most asked for
      </h2>
      {ranking.isPending && <p className="section-empty">Loading…</p>}
      {ranking.isError && <Alert>Could not rank the items: {messageOf(ranking.error)}</Alert>}
      {ranking.data && ranking.data.length === 0 && <p className="section-empty">Link insights to items and the most requested ones rise here.</p>}
      {ranking.data && ranking.data.length > 0 && (
        <ol className="demand-list">
          {ranking.data.slice(0, TOP).map((entry) => (
            <li key={entry.item.id} className="demand-row">
              <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId, itemKey: entry.item.key }} className="demand-item">
                <span className="evidence-key">{entry.item.key}</span> {entry.item.title}
              </Link>
              <span className="evidence-muted">
                {plural(entry.customers, 'customer')} · {formatRevenueShort(entry.revenue)} · {plural(entry.insights, 'insight')} · reach {entry.suggestedReach}
              </span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
