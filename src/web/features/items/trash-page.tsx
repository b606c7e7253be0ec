import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { TRASH_RETENTION_DAYS } from '../../../domain/items';
import { messageOf } from '../../api/client';
import { daysUntilPurge, purgeTime } from '../../api/trash-cache';
import type { Item } from '../../api/types';
import { TYPE_LABELS } from '../../ui/badges';
import { Button } from '../../ui/button';
import { formatDate, formatDateTime, timeAgo } from '../../ui/format';
import { ListIcon, RestoreIcon, TrashIcon } from '../../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useMembers } from '../members/queries';
import { useProducts } from '../shell/queries';
import { useRestoreItem, useTrash } from './queries';

/** Days left under which the purge countdown is shown as a warning. */
const PURGE_SOON_DAYS = 3;

/** The current time, refreshed every minute, so "trashed 3 days ago" and the countdown do not go stale on an open page. */
function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function purgeLabel(days: number): string {
  // Past its time the row stays, still restorable, until the server's purge runs and says so.
  if (days <= 0) return 'Purge due';
  return `Purged in ${days} ${days === 1 ? 'day' : 'days'}`;
}

export function TrashPage({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const me = useMe();
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const roles = rolesIn(me.data, workspaceId);
  const canRestore = isAllowed(roles, 'item.restore');

  const query = useTrash(productId);
  const now = useNow();
  // Purged rows leave through the item.purged hint; until then the server still lists and restores them.
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const members = useMembers(workspaceId);
  const nameOf = useMemo(() => new Map((members.data ?? []).map((member) => [member.userId, member.name])), [members.data]);
  // Until the members load (or if they cannot), rows say when, not who, rather than wrongly "someone".
  const trashedBy = (item: Item): string | null => (members.isSuccess ? ((item.deletedBy ? nameOf.get(item.deletedBy) : undefined) ?? 'someone') : null);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  /**
   * A restored row leaves the list; if focus was on it, it moves to the next
   * row's Restore button (or the previous one, or the heading) instead of the page body.
   */
  const focusAfterRestore = (item: Item) => {
    const index = items.findIndex((candidate) => candidate.id === item.id);
    const neighbour = items[index + 1] ?? items[index - 1];
    return () => {
      const active = document.activeElement;
      const row = listRef.current?.querySelector(`[data-item-id="${item.id}"]`);
      const hadFocus = active === null || active === document.body || (row?.contains(active) ?? false);
      if (!hadFocus) return;
      requestAnimationFrame(() => {
        const next = neighbour && listRef.current?.querySelector<HTMLElement>(`[data-item-id="${neighbour.id}"] button`);
        (next || headingRef.current)?.focus();
      });
    };
  };

  const restore = useRestoreItem(productId);
  const toast = useToast();
  const navigate = useNavigate();
  // Restores run side by side; each row shows its own progress.
  const [restoring, setRestoring] = useState<ReadonlySet<string>>(() => new Set());
  const setRestoringId = (id: string, on: boolean) =>
    setRestoring((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  // mutateAsync, not mutate: the row unmounts when the cache drops it, and its outcome must still be told.
  const restoreItem = async (item: Item) => {
    const refocus = focusAfterRestore(item);
    setRestoringId(item.id, true);
    try {
      const restored = await restore.mutateAsync(item);
      refocus();
      toast({
        message: `${restored.key} restored`,
        tone: 'success',
        action: { label: 'Show in items', onClick: () => void navigate({ to: '/w/$workspaceId/p/$productId/items', params: { workspaceId, productId } }) },
      });
    } catch (error) {
      toast({ message: `${item.key} was not restored: ${messageOf(error)}`, tone: 'danger' });
    } finally {
      setRestoringId(item.id, false);
    }
  };

  let body;
  if (query.isPending) {
    body = <LoadingState label="Loading the trash…" />;
  } else if (query.isError) {
    body = <ErrorState title="Could not load the trash" message={messageOf(query.error)} action={<Button onClick={() => void query.refetch()}>Try again</Button>} />;
  } else if (items.length === 0 && !query.hasNextPage) {
    body = (
      <EmptyState icon={<TrashIcon width={20} height={20} />} title="Nothing in the trash">
        Deleted items stay here for {TRASH_RETENTION_DAYS} days, then they are purged for good.
      </EmptyState>
    );
  } else {
    body = (
      <div className="page-content trash-content">
        <ul ref={listRef} role="list" className="trash-list" aria-label="Trashed items">
          {items.map((item) => (
            <TrashRow key={item.id} item={item} trashedBy={trashedBy(item)} now={now} canRestore={canRestore} restoring={restoring.has(item.id)} onRestore={(target) => void restoreItem(target)} />
          ))}
        </ul>
        {query.hasNextPage && (
          <div className="trash-more">
            <Button onClick={() => void query.fetchNextPage()} busy={query.isFetchingNextPage}>
              Show older items
            </Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title" ref={headingRef} tabIndex={-1}>
            Trash
          </h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            {product && <span>{product.name}</span>}
            {query.isSuccess && (
              <span>
                · {items.length}
                {query.hasNextPage ? '+' : ''} {items.length === 1 ? 'item' : 'items'}
              </span>
            )}
          </p>
        </div>
        <div className="page-actions">
          <Link to="/w/$workspaceId/p/$productId/items" params={{ workspaceId, productId }} className="btn btn-ghost">
            <ListIcon />
            Back to items
          </Link>
        </div>
      </div>
      {query.isSuccess && items.length > 0 && (
        <p className="trash-note">
          Items are purged {TRASH_RETENTION_DAYS} days after they are trashed.
          {!canRestore && ' Your role can see the trash but not restore from it.'}
        </p>
      )}
      {body}
    </div>
  );
}

interface TrashRowProps {
  item: Item;
  /** The name of who trashed it ("someone" once they are not a member); null while that is not known yet. */
  trashedBy: string | null;
  now: number;
  canRestore: boolean;
  restoring: boolean;
  onRestore: (item: Item) => void;
}

function TrashRow({ item, trashedBy, now, canRestore, restoring, onRestore }: TrashRowProps) {
  const deletedAt = item.deletedAt ?? item.updatedAt;
  const days = daysUntilPurge(item, now);
  const titleId = `trash-title-${item.id}`;

  return (
    <li className="trash-row" data-item-id={item.id}>
      {/* The type is named in the meta line; the mark is only its colour. */}
      <span className={`type-icon type-${item.type}`} aria-hidden="true" />
      <span className="item-key">{item.key}</span>
      <div className="trash-main">
        <span className="trash-title" id={titleId}>
          {item.title}
        </span>
        {/* Narrow screens move the key into this line; whichever copy is hidden is out of the accessibility tree too. */}
        <span className="trash-meta">
          <span className="trash-meta-key">{item.key}</span>
          <span>{TYPE_LABELS[item.type]}</span>
          <span>
            Trashed {trashedBy && `by ${trashedBy} `}
            <time dateTime={deletedAt} title={formatDateTime(deletedAt)}>
              {timeAgo(deletedAt, now, 'long')}
            </time>
          </span>
          <span className={days <= PURGE_SOON_DAYS ? 'trash-purge-soon' : undefined} title={`Purged on ${formatDate(new Date(purgeTime(item)).toISOString())}`}>
            {purgeLabel(days)}
          </span>
        </span>
      </div>
      {canRestore && (
        <Button size="sm" icon={<RestoreIcon />} onClick={() => onRestore(item)} busy={restoring} aria-label={`Restore ${item.key}`} aria-describedby={titleId}>
          Restore
        </Button>
      )}
    </li>
  );
}
