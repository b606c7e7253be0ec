import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Item, WorkflowStatus } from '../../api/types';
import { ReadinessMark, StatusBadge, TYPE_LABELS, TypeIcon } from '../../ui/badges';
import { timeAgo } from '../../ui/format';

const ROW_HEIGHT = 44;

export interface ItemListProps {
  items: Item[];
  /** The product's workflow status for a key (a lookup built once, not a search per row). */
  statusFor: (key: string) => WorkflowStatus;
  activeIndex: number;
  /** Bumped whenever the keyboard moves the selection, so focus follows it. */
  focusRequest: number;
  hasMore: boolean;
  loadingMore: boolean;
  onActivate: (index: number) => void;
  onOpen: (item: Item) => void;
  onNearEnd: () => void;
}

/**
 * The backlog in rank order. Only the rows on screen are in the DOM, so a
 * product with ten thousand items paints as fast as one with ten.
 */
export function ItemList({ items, statusFor, activeIndex, focusRequest, hasMore, loadingMore, onActivate, onOpen, onNearEnd }: ItemListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = items.length + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 10) onNearEnd();
  }, [hasMore, loadingMore, lastIndex, items.length, onNearEnd]);

  useEffect(() => {
    if (focusRequest === 0 || activeIndex < 0) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    // The row may only exist after the virtualizer renders the scrolled window.
    let frame = 0;
    const focusRow = (attempt: number) => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"] .item-row`);
      if (row) row.focus({ preventScroll: true });
      else if (attempt < 5) frame = requestAnimationFrame(() => focusRow(attempt + 1));
    };
    frame = requestAnimationFrame(() => focusRow(0));
    return () => cancelAnimationFrame(frame);
    // Only a new focus request moves focus; a changed index alone (from a click) must not.
  }, [focusRequest]);

  // Only the rows on screen are in the DOM, so each tells assistive technology
  // where it sits in the whole list; -1 says the size is not known until the last page is in.
  const setSize = hasMore ? -1 : items.length;

  return (
    <div ref={scrollRef} className="list-scroll">
      {/* Explicit roles: list-style: none makes Safari drop the native list semantics the counts hang on. */}
      <ul role="list" className="item-list" aria-label="Items" aria-busy={loadingMore} style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((row) => {
          const item = items[row.index];
          const rowProps = { 'data-index': row.index, style: { transform: `translateY(${row.start}px)`, height: row.size } };
          if (!item) {
            // The "loading more" row is not an item, so it stays out of the count.
            return (
              <li key="more" {...rowProps} className="item-li" aria-hidden="true">
                <div className="item-more">{loadingMore ? 'Loading more…' : ''}</div>
              </li>
            );
          }
          return (
            <li key={item.id} {...rowProps} role="listitem" className="item-li" aria-setsize={setSize} aria-posinset={row.index + 1}>
              <button
                  type="button"
                  className={`item-row${row.index === activeIndex ? ' is-active' : ''}`}
                  tabIndex={row.index === Math.max(activeIndex, 0) ? 0 : -1}
                  onFocus={() => onActivate(row.index)}
                  onClick={() => onOpen(item)}
                >
                  <TypeIcon type={item.type} />
                  <span className="item-key">{item.key}</span>
                  <span className="item-title">{item.title}</span>
                  <RowLabels labels={item.labels} />
                  <span className="item-ready-slot">{item.readiness && <ReadinessMark readiness={item.readiness} />}</span>
                  <span className="item-estimate" title={item.estimate === null ? 'Not estimated' : `Estimate: ${item.estimate} points`}>
                    {item.estimate !== null && (
                      <>
                        {item.estimate}
                        <span className="visually-hidden"> points</span>
                      </>
                    )}
                  </span>
                  <span className={`item-type type-${item.type}`} aria-hidden="true">
                    {TYPE_LABELS[item.type]}
                  </span>
                  <StatusBadge status={statusFor(item.status)} />
                  <time className="item-time" dateTime={item.updatedAt} title={new Date(item.updatedAt).toLocaleString()}>
                    {timeAgo(item.updatedAt)}
                  </time>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** At most two labels fit a row; the rest are counted, and all are in the tooltip. */
const ROW_LABELS = 2;

function RowLabels({ labels }: { labels: string[] }) {
  if (labels.length === 0) return null;
  const shown = labels.slice(0, ROW_LABELS);
  const more = labels.length - shown.length;
  return (
    <span className="item-labels" title={labels.join(', ')}>
      <span className="visually-hidden">Labels: </span>
      {shown.map((label) => (
        <span key={label} className="label-chip">
          {label}
        </span>
      ))}
      {more > 0 && <span className="label-more">+{more}</span>}
    </span>
  );
}
