import { Link } from '@tanstack/react-router';
import { TypeIcon } from '../../ui/badges';
import { STATUS_LABELS, type Decision } from './decision-model';
import { useItemsById } from './queries';
import './decisions.css';

/** A decision's status as a small badge: proposed is open, decided is settled, superseded is history. */
export function DecisionStatusBadge({ status }: { status: Decision['status'] }) {
  return <span className={`badge decision-status decision-status-${status}`}>{STATUS_LABELS[status]}</span>;
}

/** The items a decision concerns, each a link to its page; an item no longer there says so. */
export function LinkedItems({ workspaceId, productId, itemIds }: { workspaceId: string; productId: string; itemIds: readonly string[] }) {
  const items = useItemsById(itemIds);
  if (itemIds.length === 0) return <p className="section-empty">No items linked. Edit the decision to link the items it shapes.</p>;
  return (
    <ul className="child-list" aria-label="Linked items">
      {itemIds.map((id, index) => {
        const query = items[index];
        const item = query?.data;
        return (
          <li key={id}>
            {item ? (
              <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId, itemKey: item.key }} className="child-row">
                <TypeIcon type={item.type} />
                <span className="item-key">{item.key}</span>
                <span className="child-title">{item.title}</span>
                {item.deletedAt && <span className="badge">In the trash</span>}
              </Link>
            ) : (
              <span className="child-row">{query?.isError ? 'An item that is no longer available' : 'Loading…'}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
