import type { ItemSort } from '../../../contracts/item.schema';
import type { ScoredFramework } from '../../../contracts/prioritization.schema';
import { formatNumber } from '../../../domain/prioritization/format';
import { ApiError } from '../../api/client';
import { DEFAULT_VIEW, isItemSort, sortFramework, type ListView } from '../../api/list-view';
import { FRAMEWORK_LABELS } from '../prioritization/frameworks';

/**
 * The backlog's view lives in the address (`?q=…&sort=…`), so a filtered list
 * can be bookmarked, shared and reloaded. The default view has no parameters.
 */
export interface BacklogSearch {
  q?: string;
  sort?: ItemSort;
}

/** The router's `validateSearch`: anything unknown or default is dropped. */
export function parseBacklogSearch(raw: Record<string, unknown>): BacklogSearch {
  const out: BacklogSearch = {};
  const q = typeof raw.q === 'string' ? raw.q : typeof raw.q === 'number' ? String(raw.q) : '';
  if (q.trim() !== '') out.q = q;
  if (isItemSort(raw.sort) && raw.sort !== 'rank') out.sort = raw.sort;
  return out;
}

export function viewOfSearch(search: BacklogSearch): ListView {
  return { q: (search.q ?? '').trim(), sort: search.sort ?? DEFAULT_VIEW.sort };
}

/** The search parameters of a view (the filter as typed, trailing spaces aside). */
export function searchOfView(view: { q: string; sort: ItemSort }): BacklogSearch {
  return parseBacklogSearch({ q: view.q.trim(), sort: view.sort });
}

export const sortLabel = (sort: ItemSort): string => {
  const framework = sortFramework(sort);
  return framework ? `${FRAMEWORK_LABELS[framework]} score` : 'Rank';
};

export const SORT_OPTIONS: ReadonlyArray<{ value: ItemSort; label: string }> = (
  ['rank', 'score:rice', 'score:ice', 'score:wsjf', 'score:moscow', 'score:value_effort', 'score:weighted', 'score:kano'] as const
).map((value) => ({ value, label: sortLabel(value) }));

/** A score as the list shows it; empty when the item has none in that framework. */
export function scoreText(scores: Partial<Record<ScoredFramework, number>>, framework: ScoredFramework): string {
  const value = scores[framework];
  return value === undefined ? '' : formatNumber(value);
}

export interface QueryProblem {
  message: string;
  /** 0-based offset into the query where the problem is. */
  offset: number;
}

/** The server's `invalid_query` problem as a message and a caret position inside `query`; null for any other error. */
export function queryProblemOf(error: unknown, query: string): QueryProblem | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_query') return null;
  const column = error.problem?.column ?? 1;
  return { message: error.message, offset: Math.min(Math.max(column - 1, 0), query.length) };
}
