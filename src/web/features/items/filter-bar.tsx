import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type ReactNode } from 'react';
import type { ItemSort } from '../../../contracts/item.schema';
import { QUERY_FIELD_HELP } from '../../../domain/backlog/query-fields';
import { Kbd } from '../../ui/button';
import { CloseIcon, SearchIcon } from '../../ui/icons';
import { SORT_OPTIONS, type QueryProblem } from './backlog-search';

/** How long typing pauses before the list asks the server. */
export const FILTER_DEBOUNCE_MS = 300;

export interface FilterBarHandle {
  focus: () => void;
}

export interface FilterBarProps {
  /** The filter in the address. */
  query: string;
  sort: ItemSort;
  /** The server's complaint about `query`, if any. */
  problem: QueryProblem | null;
  onQueryChange: (query: string) => void;
  onSortChange: (sort: ItemSort) => void;
  children?: ReactNode;
}

/**
 * The backlog's filter in the query language, with the fields it knows in a
 * help popover. Typing filters after a short pause; a mistake the server finds
 * is shown under the box with the spot marked, and the caret put there.
 */
export const FilterBar = forwardRef<FilterBarHandle, FilterBarProps>(function FilterBar({ query, sort, problem, onQueryChange, onSortChange, children }, ref) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(query);
  const sent = useRef(query);
  const errorId = useId();
  const helpId = useId();
  const [helpOpen, setHelpOpen] = useState(false);
  const helpButton = useRef<HTMLButtonElement>(null);
  const helpPanel = useRef<HTMLDivElement>(null);

  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }), []);

  // The address changed by other means (back button, a saved view): the box follows.
  useEffect(() => {
    if (query === sent.current) return;
    sent.current = query;
    setDraft(query);
  }, [query]);

  useEffect(() => {
    if (draft.trim() === sent.current.trim()) return;
    const timer = setTimeout(() => {
      sent.current = draft;
      onQueryChange(draft);
    }, FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, onQueryChange]);

  // The caret goes where the server says the problem is, if the box has focus (never steal it).
  useEffect(() => {
    const input = inputRef.current;
    if (!problem || !input || document.activeElement !== input || input.value !== query) return;
    input.setSelectionRange(problem.offset, problem.offset);
  }, [problem, query]);

  useEffect(() => {
    if (!helpOpen) return;
    const onDown = (event: MouseEvent) => {
      if (!(event.target instanceof Node)) return;
      if (helpPanel.current?.contains(event.target) || helpButton.current?.contains(event.target)) return;
      setHelpOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [helpOpen]);

  const closeHelp = () => {
    setHelpOpen(false);
    helpButton.current?.focus();
  };

  const addExample = (example: string) => {
    const next = draft.trim() ? `${draft.trim()} ${example}` : example;
    setDraft(next);
    setHelpOpen(false);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(next.length, next.length);
    });
  };

  const shownProblem = problem && draft === query ? problem : null;

  return (
    <div className="filter-bar">
      <div className="filter-row">
        <div className={`filter-box${shownProblem ? ' is-invalid' : ''}`}>
          <SearchIcon aria-hidden="true" />
          <input
            ref={inputRef}
            type="search"
            className="filter-input"
            aria-label="Filter items"
            aria-keyshortcuts="/"
            aria-invalid={shownProblem ? true : undefined}
            aria-describedby={shownProblem ? errorId : undefined}
            placeholder='Filter: type:story label:billing points>=3 "free text"'
            value={draft}
            spellCheck={false}
            autoComplete="off"
            maxLength={500}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                sent.current = draft;
                onQueryChange(draft);
              } else if (event.key === 'Escape') {
                event.preventDefault();
                if (draft) setDraft('');
                else inputRef.current?.blur();
              }
            }}
          />
          {draft && (
            <button type="button" className="icon-btn icon-btn-sm" aria-label="Clear the filter" onClick={() => { setDraft(''); inputRef.current?.focus(); }}>
              <CloseIcon />
            </button>
          )}
          <Kbd>/</Kbd>
        </div>
        <div className="filter-help-anchor">
          <button
            ref={helpButton}
            type="button"
            className="btn btn-ghost btn-sm"
            aria-expanded={helpOpen}
            aria-controls={helpId}
            onClick={() => setHelpOpen((open) => !open)}
          >
            Filter help
          </button>
          {helpOpen && (
            <div
              ref={helpPanel}
              id={helpId}
              className="popover filter-help"
              role="dialog"
              aria-label="Filter fields"
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  closeHelp();
                }
              }}
            >
              <p className="popover-text">
                Terms are separated by spaces and all must hold; commas give alternatives (<code>type:story,bug</code>); a leading <code>-</code> negates. Anything else is free text.
              </p>
              <table className="help-table">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Values</th>
                    <th scope="col">Example</th>
                  </tr>
                </thead>
                <tbody>
                  {QUERY_FIELD_HELP.map((help) => (
                    <tr key={help.field}>
                      <th scope="row">
                        <code>{help.field}</code>
                        {help.aliases.length > 0 && <span className="help-alias"> or {help.aliases.join(', ')}</span>}
                        {help.operators !== ':' && <span className="help-alias"> {help.operators}</span>}
                      </th>
                      <td>{help.values}</td>
                      <td>
                        <button type="button" className="link-btn" onClick={() => addExample(help.example)} aria-label={`Add ${help.example} to the filter`}>
                          <code>{help.example}</code>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <label className="sort-control">
          <span className="sort-label">Sort</span>
          <select className="input select select-sm" value={sort} onChange={(event) => onSortChange(event.target.value as ItemSort)}>
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {children}
      </div>
      {shownProblem && (
        <div id={errorId} className="filter-error" role="alert">
          <code className="filter-marked" aria-hidden="true">
            {query.slice(0, shownProblem.offset)}
            <mark className="filter-mark">{query.slice(shownProblem.offset, shownProblem.offset + 1) || ' '}</mark>
            {query.slice(shownProblem.offset + 1)}
          </code>
          <span>{shownProblem.message}</span>
        </div>
      )}
    </div>
  );
});
