import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalPath, cycleThrough, scheduleConflicts, type Dependency } from './dependencies';

const edge = (blockerId: string, blockedId: string): Dependency => ({ blockerId, blockedId });

describe('cycle detection', () => {
  it('finds nothing when the new dependency keeps the graph acyclic', () => {
    expect(cycleThrough([edge('a', 'b'), edge('b', 'c')], edge('a', 'c'))).toBeNull();
    expect(cycleThrough([], edge('a', 'b'))).toBeNull();
  });

  it('names the cycle a new dependency would close, from the new blocker round to it again', () => {
    expect(cycleThrough([edge('a', 'b'), edge('b', 'c')], edge('c', 'a'))).toEqual(['c', 'a', 'b', 'c']);
    expect(cycleThrough([edge('a', 'b')], edge('b', 'a'))).toEqual(['b', 'a', 'b']);
  });

  it('refuses an item blocking itself', () => {
    expect(cycleThrough([], edge('a', 'a'))).toEqual(['a', 'a']);
  });

  it('gives the shortest way round when several exist', () => {
    const existing = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('a', 'd')];
    expect(cycleThrough(existing, edge('d', 'a'))).toEqual(['d', 'a', 'd']);
  });

  it('agrees with a brute-force reachability check on random graphs', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const anEdge = fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)).map(([from, to]) => edge(from, to));
    fc.assert(
      fc.property(fc.array(anEdge, { maxLength: 12 }), anEdge, (candidates, added) => {
        // Build an acyclic graph by keeping only edges that do not close a cycle.
        const graph: Dependency[] = [];
        for (const candidate of candidates) if (!cycleThrough(graph, candidate)) graph.push(candidate);
        const reachable = new Set([added.blockedId]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const { blockerId, blockedId } of graph) {
            if (reachable.has(blockerId) && !reachable.has(blockedId)) {
              reachable.add(blockedId);
              grew = true;
            }
          }
        }
        const cycle = cycleThrough(graph, added);
        expect(cycle !== null).toBe(reachable.has(added.blockerId));
        if (cycle) {
          // Every step of the named cycle is a real dependency, or the new one.
          const all = [...graph, added];
          for (let step = 0; step < cycle.length - 1; step += 1) {
            expect(all.some((dependency) => dependency.blockerId === cycle[step] && dependency.blockedId === cycle[step + 1])).toBe(true);
          }
          expect(cycle[0]).toBe(cycle.at(-1));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('critical path', () => {
  it('is the chain with the largest total duration', () => {
    const work = [
      { id: 'design', duration: 3 },
      { id: 'api', duration: 5 },
      { id: 'web', duration: 4 },
      { id: 'docs', duration: 1 },
      { id: 'launch', duration: 1 },
    ];
    const dependencies = [edge('design', 'api'), edge('design', 'web'), edge('api', 'launch'), edge('web', 'launch'), edge('docs', 'launch')];
    expect(criticalPath(work, dependencies)).toEqual({ ids: ['design', 'api', 'launch'], total: 9 });
  });

  it('is a single item when nothing depends on anything, and breaks ties by listing order', () => {
    expect(criticalPath([{ id: 'a', duration: 2 }, { id: 'b', duration: 5 }], [])).toEqual({ ids: ['b'], total: 5 });
    expect(criticalPath([{ id: 'a', duration: 2 }, { id: 'b', duration: 2 }], [])).toEqual({ ids: ['a'], total: 2 });
    expect(criticalPath([], [])).toEqual({ ids: [], total: 0 });
  });

  it('keeps zero-duration blockers on the path, and ignores dependencies on items outside the set', () => {
    const work = [
      { id: 'sign-off', duration: 0 },
      { id: 'ship', duration: 2 },
    ];
    expect(criticalPath(work, [edge('sign-off', 'ship'), edge('elsewhere', 'ship')])).toEqual({ ids: ['sign-off', 'ship'], total: 2 });
  });
});

describe('schedule conflicts', () => {
  const dated = (id: string, startDate: string | null, targetDate: string | null) => ({ id, startDate, targetDate });

  it('flags a blocked item starting on or before its blocker is due', () => {
    const work = [dated('api', '2027-01-04', '2027-01-15'), dated('web', '2027-01-11', '2027-01-29'), dated('docs', '2027-01-18', '2027-01-22')];
    expect(scheduleConflicts(work, [edge('api', 'web'), edge('api', 'docs')])).toEqual([
      { blockedId: 'web', blockerId: 'api', blockedDate: '2027-01-11', blockerDate: '2027-01-15' },
    ]);
    expect(scheduleConflicts([dated('a', null, '2027-01-15'), dated('b', '2027-01-15', null)], [edge('a', 'b')])).toHaveLength(1);
  });

  it('uses the target date of an item without a start, and skips what is not scheduled', () => {
    const work = [dated('a', null, '2027-02-01'), dated('b', null, '2027-01-20'), dated('c', null, null)];
    expect(scheduleConflicts(work, [edge('a', 'b'), edge('a', 'c'), edge('c', 'a')]).map((conflict) => conflict.blockedId)).toEqual(['b']);
  });
});
