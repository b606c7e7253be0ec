import { describe, expect, it } from 'vitest';
import type { Goal, Initiative, ItemTrace, Traceability } from './strategy-model';
import { alignableSteps, branchIds, nodeId, orphanSummary, resolveOrphans, rollupText, rollupValueText, servedRows, unalignedNote, type Rollup } from './trace-model';

const rollup = (fields: Partial<Rollup>): Rollup => ({ points: 0, donePoints: 0, items: 0, doneItems: 0, unestimated: 0, progress: 0, ...fields });
const goal = (id: string, title = id) => ({ id, title }) as Goal;
const initiative = (id: string, goalIds: string[], title = id) => ({ id, title, goalIds }) as Initiative;
const step = (id: string, type: ItemTrace['path'][number]['type']) => ({ id, key: `DEMO-${id}`, title: id, type, status: 'backlog' });

describe('rollups in words', () => {
  it('leads with points, counts items and names unestimated work', () => {
    expect(rollupText(rollup({ points: 9, donePoints: 4, items: 4, doneItems: 2, unestimated: 1, progress: 4 / 9 }))).toBe('4 of 9 points done · 2 of 4 items done · 1 unestimated');
    expect(rollupText(rollup({ points: 1, donePoints: 0, items: 1, doneItems: 0 }))).toBe('0 of 1 point done · 0 of 1 item done');
    expect(rollupText(rollup({ points: 2.5, donePoints: 1.25, items: 2, doneItems: 1 }))).toBe('1.3 of 2.5 points done · 1 of 2 items done');
    expect(rollupText(rollup({}))).toBe('No delivery work yet');
  });

  it('reads the bar out, saying so when nothing is estimated', () => {
    expect(rollupValueText(rollup({ points: 9, donePoints: 4, items: 4, progress: 4 / 9 }))).toBe('44% of the points done');
    expect(rollupValueText(rollup({ items: 3, doneItems: 1, unestimated: 3 }))).toBe('Nothing estimated yet; 1 of 3 items done');
    expect(rollupValueText(rollup({}))).toBe('No delivery work yet');
  });
});

describe('orphans', () => {
  const orphans: Traceability['orphans'] = {
    goalsWithoutWork: ['g3'],
    initiativesWithoutGoal: ['i9', 'gone'],
    unalignedItems: [step('5', 'epic'), step('6', 'feature')],
    unalignedCount: 2,
  };

  it('sums up what the chain misses, or says it misses nothing', () => {
    expect(orphanSummary(orphans)).toEqual({ clean: false, text: '1 goal without work · 2 initiatives without a goal · 2 unaligned epics and features' });
    expect(orphanSummary({ goalsWithoutWork: [], initiativesWithoutGoal: [], unalignedItems: [], unalignedCount: 0 }).clean).toBe(true);
    expect(orphanSummary({ goalsWithoutWork: [], initiativesWithoutGoal: [], unalignedItems: [step('5', 'epic')], unalignedCount: 1 }).text).toBe('1 unaligned epic or feature');
  });

  it('notes when the list of unaligned items is cut short', () => {
    expect(unalignedNote(orphans)).toBeNull();
    expect(unalignedNote({ ...orphans, unalignedCount: 240 })).toBe('Showing 2 of 240.');
  });

  it('resolves ids to goals and initiatives, leaving out those gone meanwhile', () => {
    const resolved = resolveOrphans(orphans, [goal('g1'), goal('g3')], [initiative('i9', [])]);
    expect(resolved.goals.map((g) => g.id)).toEqual(['g3']);
    expect(resolved.initiatives.map((i) => i.id)).toEqual(['i9']);
  });
});

describe('the tree', () => {
  it('names every goal and initiative node, an initiative once under each goal it serves', () => {
    const tree = {
      goals: [
        { goal: goal('g1'), rollup: rollup({}), initiatives: [{ initiative: initiative('i1', ['g1', 'g2']), rollup: rollup({}), items: [] }] },
        { goal: goal('g2'), rollup: rollup({}), initiatives: [{ initiative: initiative('i1', ['g1', 'g2']), rollup: rollup({}), items: [] }] },
      ],
    } as unknown as Traceability;
    expect(branchIds(tree).sort()).toEqual(['g:g1', 'g:g1/i:i1', 'g:g2', 'g:g2/i:i1']);
    expect(nodeId.item(nodeId.initiative('g1', 'i1'), 't1')).toBe('g:g1/i:i1/t:t1');
  });
});

describe('which goals an item serves', () => {
  const trace: ItemTrace = {
    path: [step('story', 'story'), step('feature', 'feature'), step('epic', 'epic')],
    initiatives: [initiative('onboarding', ['g1']), initiative('enterprise', ['g1', 'g2'])],
    goals: [goal('g1', 'Activation'), goal('g2', 'Enterprise deals')],
  };

  it('names each initiative with its goals and the nearest step on the path aligned to it', () => {
    const alignments = new Map([
      ['feature', ['enterprise']],
      ['epic', ['onboarding', 'enterprise']],
    ]);
    const rows = servedRows(trace, alignments);
    expect(rows.map((row) => [row.initiative.id, row.goals.map((g) => g.title), row.via?.id])).toEqual([
      ['enterprise', ['Activation', 'Enterprise deals'], 'feature'],
      ['onboarding', ['Activation'], 'epic'],
    ]);
  });

  it('leaves the step unknown until the alignments are loaded', () => {
    expect(servedRows(trace, new Map()).every((row) => row.via === null)).toBe(true);
  });

  it('asks only the epics and features on the path for their alignment', () => {
    expect(alignableSteps(trace.path).map((s) => s.id)).toEqual(['feature', 'epic']);
  });
});
