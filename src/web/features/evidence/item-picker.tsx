import { useId, useState } from 'react';
import type { Item } from '../../api/types';
import { TypeBadge } from '../../ui/badges';
import { useItemCandidates } from './queries';

export interface PickedItem {
  id: string;
  key: string;
  title: string;
}

/**
 * Finds an item of the product by key or title, as the release scope does:
 * type two letters or more, then pick one of the matches (or press Enter for
 * the first). Items already chosen are shown but cannot be picked again.
 */
export function ItemPicker({ productId, label, taken = [], onPick, autoFocus }: { productId: string; label: string; taken?: readonly string[]; onPick: (item: PickedItem) => void; autoFocus?: boolean }) {
  const [text, setText] = useState('');
  const candidates = useItemCandidates(productId, text);
  const id = useId();
  const searching = text.trim().length > 1;
  const matches: Item[] = searching ? (candidates.data ?? []) : [];
  const pick = (item: Item) => {
    onPick({ id: item.id, key: item.key, title: item.title });
    setText('');
  };

  return (
    <div className="evidence-picker">
      <label className="field-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        className="input"
        value={text}
        autoFocus={autoFocus}
        autoComplete="off"
        placeholder="Search by key or title…"
        aria-controls={searching ? `${id}-list` : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          const first = matches.find((item) => !taken.includes(item.id));
          if (first) pick(first);
        }}
      />
      {searching && (
        <ul id={`${id}-list`} className="evidence-candidates" aria-label="Matching items">
          {candidates.isPending && <li className="section-empty">Searching…</li>}
          {candidates.isError && <li className="field-error">Could not search the items.</li>}
          {candidates.isSuccess && matches.length === 0 && <li className="section-empty">No item matches “{text.trim()}”</li>}
          {matches.map((item) => (
            <li key={item.id}>
              <button type="button" className="evidence-candidate" disabled={taken.includes(item.id)} onClick={() => pick(item)}>
                <TypeBadge type={item.type} />
                <span className="evidence-key">{item.key}</span> {item.title}
                {taken.includes(item.id) && <span className="evidence-muted"> · already linked</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
