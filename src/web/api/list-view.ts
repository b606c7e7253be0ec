import { ITEM_SORTS } from '../../contracts/vocabulary';
import type { ItemSort } from '../../contracts/item.schema';
import type { ScoredFramework } from '../../contracts/prioritization.schema';
import type { Item } from './types';

/**
 * What a cached backlog list shows: a filter in the query language and an
 * order. Each view is its own cached list; the patches in item-cache keep every
 * cached view in its own order.
 */
export interface ListView {
  q: string;
  sort: ItemSort;
}

export const DEFAULT_VIEW: ListView = Object.freeze({ q: '', sort: 'rank' });

export const isItemSort = (value: unknown): value is ItemSort => typeof value === 'string' && (ITEM_SORTS as readonly string[]).includes(value);

/** The framework a score sort orders by, or null for rank order. */
export function sortFramework(sort: ItemSort): ScoredFramework | null {
  return sort === 'rank' ? null : (sort.slice('score:'.length) as ScoredFramework);
}

/** Whether the view shows only some items: then a changed item may have started or stopped matching. */
export const isFiltered = (view: ListView): boolean => view.q.trim() !== '';

/** Only rank order can be changed by hand; a score order is the scores'. */
export const isRankOrder = (view: ListView): boolean => view.sort === 'rank';

type Sortable = Pick<Item, 'rank' | 'id'> & Partial<Pick<Item, 'scores'>>;

/** Rank bytewise, then id (JavaScript compares ASCII the same way). */
export function compareByRank(a: Pick<Item, 'rank' | 'id'>, b: Pick<Item, 'rank' | 'id'>): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/**
 * The server's order for a view: rank order, or a framework's score highest
 * first with unscored items last, ties in rank order.
 */
export function comparatorFor(sort: ItemSort): (a: Sortable, b: Sortable) => number {
  const framework = sortFramework(sort);
  if (!framework) return compareByRank;
  return (a, b) => {
    const x = a.scores?.[framework];
    const y = b.scores?.[framework];
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1;
    } else if (x !== y) {
      return y - x;
    }
    return compareByRank(a, b);
  };
}
