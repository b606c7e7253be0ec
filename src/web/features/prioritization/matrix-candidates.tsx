import { useEffect, useId, useState } from 'react';
import { messageOf } from '../../api/client';
import type { Item } from '../../api/types';
import { TypeIcon } from '../../ui/badges';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/field';
import { PlusIcon } from '../../ui/icons';
import { Spinner } from '../../ui/states';
import { DEFAULT_RATINGS, RATING_TICKS, type Ratings } from './matrix-model';
import { isScored, useMatrixCandidates } from './matrix-queries';

/** How long typing pauses before the search runs. */
const SEARCH_DELAY_MS = 250;
/** Pages fetched on their own while too few unscored items show (a product scored almost all through). */
const AUTO_PAGES = 4;
const FEW = 10;

const RATING_OPTIONS = RATING_TICKS.map((rating) => ({ value: String(rating), label: String(rating) }));

/**
 * Open items without a value/effort score, found by words or the filter
 * language, each one click from the matrix at the chosen place. This is what
 * makes the matrix usable from an empty start.
 */
export function MatrixCandidates({ productId, plottedIds, onAdd }: { productId: string; plottedIds: ReadonlySet<string>; onAdd: (item: Item, ratings: Ratings, fromKeyboard: boolean) => void }) {
  const headingId = useId();
  const searchId = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [ratings, setRatings] = useState<Ratings>(DEFAULT_RATINGS);
  const candidates = useMatrixCandidates(productId, query);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const loaded = candidates.data?.pages.flatMap((page) => page.items) ?? [];
  const shown = loaded.filter((item) => !isScored(item) && !plottedIds.has(item.id));
  const pageCount = candidates.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = candidates;

  // A page of items that are all scored already would leave the list empty while more exist.
  useEffect(() => {
    if (shown.length < FEW && hasNextPage && !isFetchingNextPage && !isError && pageCount < AUTO_PAGES) void fetchNextPage();
  }, [shown.length, hasNextPage, isFetchingNextPage, isError, pageCount, fetchNextPage]);

  let body;
  if (candidates.isPending) {
    body = (
      <p className="matrix-side-note">
        <Spinner label="Loading items" /> Loading items…
      </p>
    );
  } else if (candidates.isError && loaded.length === 0) {
    body = (
      <p className="field-error" role="alert">
        {messageOf(candidates.error)}
      </p>
    );
  } else if (shown.length === 0 && !hasNextPage) {
    body = <p className="matrix-side-note">{query ? 'No open item without a score matches.' : 'Every open item is on the matrix.'}</p>;
  } else if (shown.length === 0) {
    body = <p className="matrix-side-note">{isFetchingNextPage ? 'Looking further…' : `The first ${loaded.length} items are all on the matrix.`}</p>;
  } else {
    body = (
      <ul className="matrix-candidates" aria-labelledby={headingId} aria-busy={candidates.isPlaceholderData || undefined}>
        {shown.map((item) => (
          <li key={item.id} className="matrix-candidate">
            <TypeIcon type={item.type} />
            <span className="item-key">{item.key}</span>
            <span className="matrix-candidate-title">{item.title}</span>
            <Button size="sm" icon={<PlusIcon />} aria-label={`Add ${item.key} to the matrix`} title={`Add at value ${ratings.value}, effort ${ratings.effort}`} onClick={(event) => onAdd(item, ratings, event.detail === 0)}>
              Add
            </Button>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="matrix-side" aria-labelledby={headingId}>
      <h2 id={headingId} className="matrix-side-title">
        Not on the matrix yet
      </h2>
      <p className="matrix-side-note">Open items without a value/effort score. Add one, then drag it where it belongs.</p>
      <div className="field">
        <label htmlFor={searchId} className="field-label">
          Search items
        </label>
        <input id={searchId} type="search" className="input" value={text} onChange={(event) => setText(event.target.value)} placeholder="Words, or a filter like type:story" maxLength={200} />
      </div>
      <fieldset className="matrix-start">
        <legend className="field-label">New items start at</legend>
        <SelectField label="Value" value={String(ratings.value)} options={RATING_OPTIONS} onChange={(event) => setRatings({ ...ratings, value: Number(event.target.value) })} />
        <SelectField label="Effort" value={String(ratings.effort)} options={RATING_OPTIONS} onChange={(event) => setRatings({ ...ratings, effort: Number(event.target.value) })} />
      </fieldset>
      {candidates.isError && loaded.length > 0 && (
        <p className="field-error" role="alert">
          {messageOf(candidates.error)}
        </p>
      )}
      {body}
      {hasNextPage && (
        <Button size="sm" onClick={() => void fetchNextPage()} busy={isFetchingNextPage}>
          Show more items
        </Button>
      )}
    </section>
  );
}
