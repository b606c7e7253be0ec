/**
 * Dependencies between items: `blocker` must be finished before `blocked` can
 * be. They form a directed graph that must stay acyclic, or no schedule could
 * honour it.
 */
export interface Dependency {
  blockerId: string;
  blockedId: string;
}

/**
 * Whether adding `added` would close a cycle; if so, the cycle as ids, starting
 * and ending with the new blocker (a → b → c → a), so the refusal can name it.
 * A cycle appears exactly when the blocker is already reachable from the item
 * it would block.
 */
export function cycleThrough(existing: readonly Dependency[], added: Dependency): string[] | null {
  if (added.blockerId === added.blockedId) return [added.blockerId, added.blockedId];
  const next = successors(existing);
  // Breadth-first from the blocked item, remembering how each item was reached.
  const cameFrom = new Map<string, string>([[added.blockedId, added.blockedId]]);
  const queue = [added.blockedId];
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head]!;
    if (id === added.blockerId) {
      const path = [id];
      for (let at = id; at !== added.blockedId; ) {
        at = cameFrom.get(at)!;
        path.unshift(at);
      }
      return [added.blockerId, ...path];
    }
    for (const following of next.get(id) ?? []) {
      if (!cameFrom.has(following)) {
        cameFrom.set(following, id);
        queue.push(following);
      }
    }
  }
  return null;
}

export interface ScheduledWork {
  id: string;
  /** How long the work takes, in any one unit (days, points); 0 when unknown. */
  duration: number;
}

/**
 * The critical path: the chain of dependent items with the largest total
 * duration, which sets the earliest finish of the whole. Items outside any
 * dependency are chains of one. Ties go to the item listed first, so the answer
 * is stable. Dependencies naming items not in `work` are ignored.
 */
export function criticalPath(work: readonly ScheduledWork[], dependencies: readonly Dependency[]): { ids: string[]; total: number } {
  const known = new Map(work.map((item, index) => [item.id, { ...item, index }]));
  const edges = dependencies.filter((edge) => known.has(edge.blockerId) && known.has(edge.blockedId));
  const order = topologicalOrder(work.map((item) => item.id), edges);
  const before = predecessors(edges);
  const best = new Map<string, { total: number; via: string | null }>();
  for (const id of order) {
    let via: string | null = null;
    for (const blocker of before.get(id) ?? []) {
      const candidate = best.get(blocker)!.total;
      const held = via === null ? -1 : best.get(via)!.total;
      if (candidate > held || (candidate === held && known.get(blocker)!.index < known.get(via!)!.index)) via = blocker;
    }
    best.set(id, { total: (via === null ? 0 : best.get(via)!.total) + known.get(id)!.duration, via });
  }
  let end: string | null = null;
  for (const item of work) {
    if (end === null || best.get(item.id)!.total > best.get(end)!.total) end = item.id;
  }
  if (end === null) return { ids: [], total: 0 };
  const ids: string[] = [];
  for (let at: string | null = end; at !== null; at = best.get(at)!.via) ids.unshift(at);
  return { ids, total: best.get(end)!.total };
}

export interface DatedWork {
  id: string;
  /** `YYYY-MM-DD`, or null when not scheduled. */
  startDate: string | null;
  targetDate: string | null;
}

export interface ScheduleConflict {
  blockedId: string;
  blockerId: string;
  /** The blocked item starts (or, without a start, is due) on or before the day its blocker is due. */
  blockedDate: string;
  blockerDate: string;
}

/** Items scheduled to start before the work blocking them is due to finish. */
export function scheduleConflicts(work: readonly DatedWork[], dependencies: readonly Dependency[]): ScheduleConflict[] {
  const byId = new Map(work.map((item) => [item.id, item]));
  const conflicts: ScheduleConflict[] = [];
  for (const { blockerId, blockedId } of dependencies) {
    const blocker = byId.get(blockerId);
    const blocked = byId.get(blockedId);
    const blockerDate = blocker?.targetDate;
    const blockedDate = blocked?.startDate ?? blocked?.targetDate;
    if (!blockerDate || !blockedDate) continue;
    // Starting on the blocker's due day is too early too: it is due at the end of that day.
    if (blockedDate <= blockerDate) conflicts.push({ blockedId, blockerId, blockedDate, blockerDate });
  }
  return conflicts;
}

function successors(edges: readonly Dependency[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { blockerId, blockedId } of edges) map.set(blockerId, [...(map.get(blockerId) ?? []), blockedId]);
  return map;
}

function predecessors(edges: readonly Dependency[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { blockerId, blockedId } of edges) map.set(blockedId, [...(map.get(blockedId) ?? []), blockerId]);
  return map;
}

/** Kahn's algorithm; the store never holds a cycle (adding one is refused), so every id comes out. */
function topologicalOrder(ids: readonly string[], edges: readonly Dependency[]): string[] {
  const waiting = new Map(ids.map((id) => [id, 0]));
  for (const { blockedId } of edges) waiting.set(blockedId, waiting.get(blockedId)! + 1);
  const next = successors(edges);
  const ready = ids.filter((id) => waiting.get(id) === 0);
  const order: string[] = [];
  for (let head = 0; head < ready.length; head += 1) {
    const id = ready[head]!;
    order.push(id);
    for (const following of next.get(id) ?? []) {
      const left = waiting.get(following)! - 1;
      waiting.set(following, left);
      if (left === 0) ready.push(following);
    }
  }
  if (order.length !== ids.length) throw new Error('the dependencies hold a cycle');
  return order;
}
