import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Item } from '../../api/types';
import { StatusBadge, TYPE_LABELS, TypeIcon } from '../../ui/badges';
import { timeAgo } from '../../ui/format';

const ROW_HEIGHT = 44;

export interface ItemListProps {
  items: Item[];
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
export function ItemList({ items, activeIndex, focusRequest, hasMore, loadingMore, onActivate, onOpen, onNearEnd }: ItemListProps) {
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

  return (
    <div ref={scrollRef} className="list-scroll">
      <ul className="item-list" aria-label="Items" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((row) => {
          const item = items[row.index];
          return (
            <li key={item?.id ?? 'more'} data-index={row.index} className="item-li" style={{ transform: `translateY(${row.start}px)`, height: row.size }}>
              {item ? (
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
                  <span className={`item-type type-${item.type}`} aria-hidden="true">
                    {TYPE_LABELS[item.type]}
                  </span>
                  <StatusBadge status={item.status} />
                  <time className="item-time" dateTime={item.updatedAt} title={new Date(item.updatedAt).toLocaleString()}>
                    {timeAgo(item.updatedAt)}
                  </time>
                </button>
              ) : (
                <div className="item-more">{loadingMore ? 'Loading more…' : ''}</div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
