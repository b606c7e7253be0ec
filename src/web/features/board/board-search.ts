import { SCORED_FRAMEWORKS } from '../../../contracts/vocabulary';
import type { BoardSearch } from './board-page';
import type { LaneMode } from './board-model';

const LANES: readonly LaneMode[] = ['none', 'assignee', 'epic', 'priority'];

/** The board's address bar: which sprint (or the backlog), its filter, and the swimlanes; anything unknown is dropped. */
export function parseBoardSearch(search: Record<string, unknown>): BoardSearch {
  const out: BoardSearch = {};
  if (typeof search.sprint === 'string' && search.sprint && search.sprint !== 'current') out.sprint = search.sprint;
  if (typeof search.q === 'string' && search.q.trim()) out.q = search.q;
  if (typeof search.lanes === 'string' && (LANES as readonly string[]).includes(search.lanes) && search.lanes !== 'none') out.lanes = search.lanes as LaneMode;
  if (typeof search.score === 'string' && (SCORED_FRAMEWORKS as readonly string[]).includes(search.score)) out.score = search.score as BoardSearch['score'];
  return out;
}
