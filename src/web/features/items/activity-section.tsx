import { useEffect, useMemo, useState } from 'react';
import { messageOf } from '../../api/client';
import type { CustomField, Item, Member } from '../../api/types';
import { Button } from '../../ui/button';
import { Alert } from '../../ui/states';
import { describeActivity, exactTime, joinWords, relativeTime, type ActivityNames } from './activity-model';
import { useItemActivity } from './queries';

/** The clock relative times are read against, moved on once a minute so "just now" does not stay. */
function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

export interface ActivitySectionProps {
  item: Item;
  members: readonly Member[] | undefined;
  statusName: (key: string) => string;
  customFields: readonly CustomField[];
}

/** Who changed what on this item and when, newest first, a page at a time. */
export function ActivitySection({ item, members, statusName, customFields }: ActivitySectionProps) {
  const query = useItemActivity(item.id);
  const now = useNow();
  const names = useMemo<ActivityNames>(() => {
    const people = new Map((members ?? []).map((member) => [member.userId, member.name]));
    const fields = new Map(customFields.map((field) => [field.id, field.name]));
    return { person: (id) => people.get(id), status: statusName, customField: (id) => fields.get(id) };
  }, [members, statusName, customFields]);
  const entries = useMemo(
    () => (query.data?.pages.flatMap((page) => page.items) ?? []).map((entry) => ({ entry, view: describeActivity(entry, names) })),
    [query.data, names],
  );

  return (
    <section className="item-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="section-title">
        Activity
      </h2>
      {query.isPending ? (
        <p className="section-empty">Loading the history…</p>
      ) : query.isError && entries.length === 0 ? (
        <Alert>
          Could not load the activity: {messageOf(query.error)}{' '}
          <Button size="sm" onClick={() => void query.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : entries.length === 0 ? (
        <p className="section-empty">No changes recorded yet.</p>
      ) : (
        <ol className="activity-list" aria-label="Activity">
          {entries.map(({ entry, view }) => (
            <li key={entry.id} className="activity-entry">
              <p className="activity-text">
                <strong>{view.actor}</strong> {joinWords(view.changes)}
              </p>
              <time className="activity-time" dateTime={entry.createdAt} title={exactTime(entry.createdAt)}>
                {relativeTime(entry.createdAt, now)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {query.isFetchNextPageError && <Alert>Could not load more: {messageOf(query.error)}</Alert>}
      {query.hasNextPage && (
        <Button size="sm" onClick={() => void query.fetchNextPage()} busy={query.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </section>
  );
}
