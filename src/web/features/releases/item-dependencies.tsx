import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import type { TracedItem } from '../../../contracts/strategy.schema';
import { messageOf } from '../../api/client';
import type { Item } from '../../api/types';
import { Button } from '../../ui/button';
import { Alert } from '../../ui/states';
import { useChangeDependency, useDependencies } from './queries';
import './releases.css';

/**
 * The item page's "Dependencies": what this item blocks and what blocks it,
 * with a way to add "blocks…" by key and to remove either side, for those
 * who may change the item. A dependency that would close a cycle is refused
 * by the server, whose message names the cycle.
 */
export function DependenciesSection({ workspaceId, item, canEdit }: { workspaceId: string; item: Item; canEdit: boolean }) {
  const dependencies = useDependencies(item.productId, item.id);
  const change = useChangeDependency(item.productId);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const count = (dependencies.data?.blocks.length ?? 0) + (dependencies.data?.blockedBy.length ?? 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blocksId = key.trim().toUpperCase();
    if (!blocksId) return;
    setError(null);
    change.mutate({ itemId: item.id, blocksId }, { onSuccess: () => setKey(''), onError: (failure) => setError(messageOf(failure)) });
  };
  const removeLink = (blocker: string, blocked: string) => {
    setError(null);
    change.mutate({ itemId: blocker, blocksId: blocked, remove: true }, { onError: (failure) => setError(messageOf(failure)) });
  };

  const list = (items: TracedItem[], side: 'blocks' | 'blockedBy') =>
    items.length === 0 ? (
      <p className="section-empty">{side === 'blocks' ? 'Nothing waits for it.' : 'Nothing blocks it.'}</p>
    ) : (
      <ul className="dependency-list" aria-label={side === 'blocks' ? `Items ${item.key} blocks` : `Items blocking ${item.key}`}>
        {items.map((other) => (
          <li key={other.id} className="dependency-row">
            <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId: item.productId, itemKey: other.key }} className="release-scope-link">
              <span className="release-scope-key">{other.key}</span> {other.title}
            </Link>
            <span className="release-scope-status">{other.status.replaceAll('_', ' ')}</span>
            {canEdit && (
              <Button
                size="sm"
                variant="ghost"
                aria-label={side === 'blocks' ? `${item.key} no longer blocks ${other.key}` : `${other.key} no longer blocks ${item.key}`}
                onClick={() => (side === 'blocks' ? removeLink(item.id, other.id) : removeLink(other.id, item.id))}
              >
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
    );

  return (
    <section className="item-section" aria-labelledby="dependencies-heading">
      <div className="section-head">
        <h2 id="dependencies-heading" className="section-title">
          Dependencies
          {count > 0 && <span className="section-count">{count}</span>}
        </h2>
      </div>
      {dependencies.isPending ? (
        <p className="section-empty">Loading…</p>
      ) : dependencies.isError ? (
        <Alert>Could not load the dependencies: {messageOf(dependencies.error)}</Alert>
      ) : (
        <div className="dependency-columns">
          <div>
            <h3 className="dependency-label">Blocks</h3>
            {list(dependencies.data.blocks, 'blocks')}
          </div>
          <div>
            <h3 className="dependency-label">Blocked by</h3>
            {list(dependencies.data.blockedBy, 'blockedBy')}
          </div>
        </div>
      )}
      {canEdit && (
        <form className="dependency-form" onSubmit={submit}>
          <label htmlFor="dependency-key">{item.key} blocks</label>
          <input id="dependency-key" className="input" value={key} onChange={(event) => setKey(event.target.value)} placeholder="DEMO-12" autoComplete="off" />
          <Button type="submit" size="sm" busy={change.isPending && !change.variables?.remove} disabled={!key.trim()}>
            Add
          </Button>
        </form>
      )}
      {error && <Alert>{error}</Alert>}
    </section>
  );
}
