import { isAllowed } from '../../../domain/access/permissions';
import type { Item, Role, WorkflowStatus } from '../../api/types';
import type { ScoredFramework } from '../../api/sprint-keys';
import { statusMap } from '../workflow/workflow';

export type WipLevel = 'none' | 'under' | 'at' | 'over';

export interface WipState {
  limit: number | null;
  /** Items in the status across the whole product (the limit counts them all), or null before they are counted. */
  count: number | null;
  level: WipLevel;
}

/** A WIP-limited column is `at` its limit when full (the next move is refused) and `over` past it (after a "move anyway"). */
export function wipState(limit: number | null, count: number | null): WipState {
  if (limit === null || count === null) return { limit, count, level: 'none' };
  return { limit, count, level: count > limit ? 'over' : count === limit ? 'at' : 'under' };
}

export interface BoardColumn {
  status: WorkflowStatus;
  items: Item[];
}

/**
 * Items in columns, one per workflow status in board order, each column in
 * the order the items came (rank order). An item on a status the workflow no
 * longer has gets a column of its own at the end, so no card is hidden.
 */
export function groupColumns(items: readonly Item[], workflow: readonly WorkflowStatus[]): BoardColumn[] {
  const lookup = statusMap(workflow);
  const columns = new Map<string, BoardColumn>(workflow.map((status) => [status.key, { status, items: [] }]));
  for (const item of items) {
    let column = columns.get(item.status);
    if (!column) {
      column = { status: lookup(item.status), items: [] };
      columns.set(item.status, column);
    }
    column.items.push(item);
  }
  return [...columns.values()];
}

export type LaneMode = 'none' | 'assignee' | 'epic' | 'priority';

export interface BoardLane {
  key: string;
  title: string;
  columns: BoardColumn[];
  count: number;
}

export interface LaneContext {
  /** A member's name by user id. */
  person: (userId: string) => string | undefined;
  /** An item by id, for walking parent chains (board items and fetched ancestors). */
  lookup: (itemId: string) => Item | undefined;
  framework: ScoredFramework;
}

export const NO_LANE = 'none';

/**
 * The epic an item belongs to, up its parent chain: the item itself when it
 * is an epic; null when the chain ends without one; undefined while a parent
 * on the way is not loaded yet.
 */
export function epicOf(item: Item, lookup: (itemId: string) => Item | undefined): Item | null | undefined {
  const seen = new Set<string>();
  let current: Item | undefined = item;
  while (current) {
    if (current.type === 'epic') return current;
    if (current.parentId === null) return null;
    // A cycle cannot be stored, but a stale mix of copies could show one; stop rather than spin.
    if (seen.has(current.id)) return null;
    seen.add(current.id);
    current = lookup(current.parentId);
  }
  return undefined;
}

/** Parent ids up the chains of the items that are not loaded yet: what to fetch next for epic lanes. */
export function missingAncestors(items: readonly Item[], lookup: (itemId: string) => Item | undefined): string[] {
  const missing = new Set<string>();
  for (const item of items) {
    const seen = new Set<string>();
    let current: Item | undefined = item;
    while (current && current.type !== 'epic' && current.parentId !== null && !seen.has(current.id)) {
      seen.add(current.id);
      const parent = lookup(current.parentId);
      if (!parent) {
        missing.add(current.parentId);
        break;
      }
      current = parent;
    }
  }
  return [...missing];
}

export const MOSCOW_LANES: ReadonlyArray<{ key: string; title: string; score: number }> = [
  { key: 'must', title: 'Must have', score: 4 },
  { key: 'should', title: 'Should have', score: 3 },
  { key: 'could', title: 'Could have', score: 2 },
  { key: 'wont', title: 'Won’t have (this time)', score: 1 },
];

export const PRIORITY_LANES: ReadonlyArray<{ key: string; title: string }> = [
  { key: 'high', title: 'High priority' },
  { key: 'medium', title: 'Medium priority' },
  { key: 'low', title: 'Low priority' },
];

/**
 * Priority lanes by one framework's stored score. MoSCoW has its own four
 * categories; for the others the scored items are split in thirds (highest
 * scores first), as scores only mean something against each other. Unscored
 * items have their own lane at the end.
 */
export function priorityLane(items: readonly Item[], framework: ScoredFramework): (item: Item) => { key: string; title: string } {
  const unscored = { key: NO_LANE, title: 'Not scored' };
  if (framework === 'moscow') {
    return (item) => {
      const score = item.scores.moscow;
      if (score === undefined) return unscored;
      return MOSCOW_LANES.find((lane) => lane.score === score) ?? MOSCOW_LANES.reduce((best, lane) => (Math.abs(lane.score - score) < Math.abs(best.score - score) ? lane : best));
    };
  }
  const scores = items.map((item) => item.scores[framework]).filter((score): score is number => score !== undefined).sort((a, b) => b - a);
  const high = scores[Math.floor((scores.length - 1) / 3)];
  const medium = scores[Math.floor(((scores.length - 1) * 2) / 3)];
  return (item) => {
    const score = item.scores[framework];
    if (score === undefined || high === undefined || medium === undefined) return unscored;
    return score >= high ? PRIORITY_LANES[0]! : score >= medium ? PRIORITY_LANES[1]! : PRIORITY_LANES[2]!;
  };
}

/**
 * Swimlanes across the columns. Lanes come in a meaningful order (people by
 * name, epics by their first card, priorities highest first) with the lane
 * of items that have no assignee, epic or score last. Every lane has every
 * column, so cells line up and a card can be dropped into any of them.
 */
export function groupLanes(items: readonly Item[], workflow: readonly WorkflowStatus[], mode: LaneMode, context: LaneContext): BoardLane[] {
  const allColumns = groupColumns(items, workflow);
  if (mode === 'none') return [{ key: 'all', title: 'All items', columns: allColumns, count: items.length }];

  let laneOf: (item: Item) => { key: string; title: string };
  let order: string[] = [];
  if (mode === 'assignee') {
    laneOf = (item) => (item.assigneeId === null ? { key: NO_LANE, title: 'Unassigned' } : { key: item.assigneeId, title: context.person(item.assigneeId) ?? 'Former member' });
  } else if (mode === 'epic') {
    laneOf = (item) => {
      const epic = epicOf(item, context.lookup);
      if (epic === undefined) return { key: 'loading', title: 'Finding the epic…' };
      return epic === null ? { key: NO_LANE, title: 'No epic' } : { key: epic.id, title: `${epic.key} ${epic.title}` };
    };
  } else {
    laneOf = priorityLane(items, context.framework);
    order = context.framework === 'moscow' ? MOSCOW_LANES.map((lane) => lane.key) : PRIORITY_LANES.map((lane) => lane.key);
  }

  const lanes = new Map<string, { title: string; items: Item[] }>();
  for (const item of items) {
    const { key, title } = laneOf(item);
    const lane = lanes.get(key) ?? { title, items: [] };
    lane.items.push(item);
    lanes.set(key, lane);
  }
  const keys = [...lanes.keys()];
  const rankOf = (key: string) => (key === NO_LANE ? Number.MAX_SAFE_INTEGER : key === 'loading' ? Number.MAX_SAFE_INTEGER - 1 : order.includes(key) ? order.indexOf(key) : -1);
  keys.sort((a, b) => {
    const byRank = rankOf(a) - rankOf(b);
    if (byRank !== 0) return byRank;
    if (mode === 'assignee') return lanes.get(a)!.title.localeCompare(lanes.get(b)!.title);
    return 0; // Epics keep the order of their first card (insertion order).
  });
  return keys.map((key) => {
    const lane = lanes.get(key)!;
    // Every lane gets every column the board shows, even empty ones.
    const columns = groupColumns(lane.items, workflow);
    const shown = allColumns.map((column) => columns.find((candidate) => candidate.status.key === column.status.key) ?? { status: column.status, items: [] });
    return { key, title: lane.title, columns: shown, count: lane.items.length };
  });
}

/** Droppable ids of board cells: `cell|<lane>|<status>`; sortable cards use the item id. */
export const cellId = (laneKey: string, status: string): string => `cell|${laneKey}|${status}`;

export function parseCellId(id: string): { laneKey: string; status: string } | null {
  const match = /^cell\|([^|]*)\|(.+)$/.exec(id);
  return match ? { laneKey: match[1]!, status: match[2]! } : null;
}

export type MoveTarget = { beforeId: string } | { afterId: string };

export type BoardDrop = { kind: 'status'; item: Item; to: string } | { kind: 'reorder'; item: Item; target: MoveTarget };

/**
 * What a drop on the board asks for. Onto another column (a card in it or its
 * empty space): a status change. Onto another card of the same column: a
 * reorder, before that card when moving up, after it when moving down.
 * Dropped where it was: nothing.
 */
export function planBoardDrop(items: readonly Item[], activeId: string, overId: string | null): BoardDrop | null {
  if (overId === null || overId === activeId) return null;
  const item = items.find((candidate) => candidate.id === activeId);
  if (!item) return null;
  const cell = parseCellId(overId);
  const over = cell ? undefined : items.find((candidate) => candidate.id === overId);
  const toStatus = cell?.status ?? over?.status;
  if (toStatus === undefined) return null;
  if (toStatus !== item.status) return { kind: 'status', item, to: toStatus };
  if (!over) return null;
  const column = items.filter((candidate) => candidate.status === item.status);
  const from = column.indexOf(item);
  const to = column.indexOf(over);
  return { kind: 'reorder', item, target: from < to ? { afterId: over.id } : { beforeId: over.id } };
}

/** The status before or after this one in board order, or null at either end. */
export function adjacentStatus(workflow: readonly WorkflowStatus[], status: string, delta: -1 | 1): WorkflowStatus | null {
  const index = workflow.findIndex((entry) => entry.key === status);
  if (index < 0) return null;
  return workflow[index + delta] ?? null;
}

/** Where a card is on screen: lane, column, place in the cell. */
export interface CardPosition {
  lane: number;
  column: number;
  index: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * Arrow-key movement between cards. Up and down walk the cell, then carry on
 * into the same column of the lane above or below; left and right go to the
 * nearest column (skipping empty cells) in the same lane, keeping the row as
 * far as that column is long. Null when there is nowhere to go.
 */
export function moveFocus(layout: ReadonlyArray<ReadonlyArray<readonly string[]>>, from: CardPosition, direction: Direction): CardPosition | null {
  const cell = (lane: number, column: number) => layout[lane]?.[column] ?? [];
  if (direction === 'up' || direction === 'down') {
    const step = direction === 'down' ? 1 : -1;
    const next = from.index + step;
    if (next >= 0 && next < cell(from.lane, from.column).length) return { ...from, index: next };
    for (let lane = from.lane + step; lane >= 0 && lane < layout.length; lane += step) {
      const cards = cell(lane, from.column);
      if (cards.length > 0) return { lane, column: from.column, index: step === 1 ? 0 : cards.length - 1 };
    }
    return null;
  }
  const step = direction === 'right' ? 1 : -1;
  const columns = layout[from.lane]?.length ?? 0;
  for (let column = from.column + step; column >= 0 && column < columns; column += step) {
    const cards = cell(from.lane, column);
    if (cards.length > 0) return { lane: from.lane, column, index: Math.min(from.index, cards.length - 1) };
  }
  return null;
}

/** Finds a card in the layout. */
export function positionOf(layout: ReadonlyArray<ReadonlyArray<readonly string[]>>, itemId: string): CardPosition | null {
  for (const [lane, columns] of layout.entries()) {
    for (const [column, cards] of columns.entries()) {
      const index = cards.indexOf(itemId);
      if (index >= 0) return { lane, column, index };
    }
  }
  return null;
}

export const layoutOf = (lanes: readonly BoardLane[]): string[][][] => lanes.map((lane) => lane.columns.map((column) => column.items.map((item) => item.id)));

/** Items re-sorted by rank then id, the order every board source delivers. */
export function sortByRank(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => (a.rank !== b.rank ? (a.rank < b.rank ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * What this person may do with a card: move it between columns (anyone who
 * edits items, or a contributor on the items assigned to them) and reorder it
 * (backlog rankers; inside the running sprint only the PO or an owner orders
 * stories, tasks and bugs).
 */
export function cardAccess(
  roles: readonly Role[],
  userId: string | null,
  item: Pick<Item, 'assigneeId' | 'sprintId' | 'type'>,
  runningSprintId: string | null,
): { canMove: boolean; canRank: boolean } {
  const canMove = isAllowed(roles, 'item.update') || (isAllowed(roles, 'item.update_own_work') && userId !== null && item.assigneeId === userId);
  const inRunningSprint = runningSprintId !== null && item.sprintId === runningSprintId;
  const canRank = isAllowed(roles, 'item.rank') && (!inRunningSprint || item.type === 'epic' || item.type === 'feature' || isAllowed(roles, 'item.rank_in_sprint'));
  return { canMove, canRank };
}
