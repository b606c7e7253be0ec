import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOW } from '../../../domain/backlog/workflow';
import { buildItem } from '../../api/item-fixtures.test-helper';
import type { Item } from '../../api/types';
import {
  adjacentStatus,
  cardAccess,
  cellId,
  epicOf,
  groupColumns,
  groupLanes,
  layoutOf,
  missingAncestors,
  moveFocus,
  planBoardDrop,
  positionOf,
  priorityLane,
  wipState,
  type LaneContext,
} from './board-model';

const workflow = [...DEFAULT_WORKFLOW];
const keysOf = (items: Item[]) => items.map((item) => item.id);

const context = (items: Item[], overrides: Partial<LaneContext> = {}): LaneContext => {
  const byId = new Map(items.map((item) => [item.id, item]));
  return { person: (id) => ({ u1: 'Zoe', u2: 'Adam' })[id], lookup: (id) => byId.get(id), framework: 'rice', ...overrides };
};

describe('board columns', () => {
  it('puts items in workflow order, keeping rank order inside a column, with empty columns kept', () => {
    const items = [buildItem({ id: 'a', status: 'in_progress' }), buildItem({ id: 'b', status: 'ready' }), buildItem({ id: 'c', status: 'in_progress' })];
    const columns = groupColumns(items, workflow);
    expect(columns.map((column) => column.status.key)).toEqual(['backlog', 'ready', 'in_progress', 'in_review', 'done', 'canceled']);
    expect(keysOf(columns[2]!.items)).toEqual(['a', 'c']);
    expect(columns[0]!.items).toEqual([]);
  });

  it('gives an item on a status the workflow lost a column of its own at the end', () => {
    const columns = groupColumns([buildItem({ id: 'a', status: 'qa_signoff' })], workflow);
    expect(columns.at(-1)!.status).toMatchObject({ key: 'qa_signoff', name: 'Qa signoff' });
    expect(keysOf(columns.at(-1)!.items)).toEqual(['a']);
  });
});

describe('WIP state', () => {
  it('is flagged at the limit and over it, and silent without a limit or a count', () => {
    expect(wipState(null, 4).level).toBe('none');
    expect(wipState(3, null).level).toBe('none');
    expect(wipState(3, 2).level).toBe('under');
    expect(wipState(3, 3).level).toBe('at');
    expect(wipState(3, 4).level).toBe('over');
  });
});

describe('swimlanes', () => {
  it('by assignee: people by name, unassigned last, every lane with every column', () => {
    const items = [buildItem({ id: 'a', assigneeId: 'u1' }), buildItem({ id: 'b' }), buildItem({ id: 'c', assigneeId: 'u2', status: 'done' })];
    const lanes = groupLanes(items, workflow, 'assignee', context(items));
    expect(lanes.map((lane) => lane.title)).toEqual(['Adam', 'Zoe', 'Unassigned']);
    expect(lanes.every((lane) => lane.columns.length === workflow.length)).toBe(true);
    expect(keysOf(lanes[0]!.columns.find((column) => column.status.key === 'done')!.items)).toEqual(['c']);
  });

  it('by epic: follows the parent chain to the epic; items without one share a last lane', () => {
    const epic = buildItem({ id: 'e', type: 'epic', key: 'DEMO-1', title: 'Onboarding' });
    const feature = buildItem({ id: 'f', type: 'feature', parentId: 'e' });
    const story = buildItem({ id: 's', type: 'story', parentId: 'f' });
    const loose = buildItem({ id: 'l', type: 'bug' });
    const lanes = groupLanes([story, loose], workflow, 'epic', context([epic, feature, story, loose]));
    expect(lanes.map((lane) => [lane.title, lane.count])).toEqual([
      ['DEMO-1 Onboarding', 1],
      ['No epic', 1],
    ]);
  });

  it('knows which ancestors it still has to load for epic lanes', () => {
    const story = buildItem({ id: 's', type: 'story', parentId: 'f' });
    const feature = buildItem({ id: 'f', type: 'feature', parentId: 'e' });
    expect(epicOf(story, () => undefined)).toBeUndefined();
    expect(missingAncestors([story], () => undefined)).toEqual(['f']);
    expect(missingAncestors([story], (id) => (id === 'f' ? feature : undefined))).toEqual(['e']);
    expect(epicOf(buildItem({ id: 'x', type: 'epic' }), () => undefined)?.id).toBe('x');
  });

  it('by priority: thirds of the chosen score, highest first, unscored last', () => {
    const items = ['1', '2', '3', '4', '5', '6'].map((id) => buildItem({ id, scores: { rice: Number(id) * 10 } }));
    items.push(buildItem({ id: 'u' }));
    const lanes = groupLanes(items, workflow, 'priority', context(items));
    expect(lanes.map((lane) => [lane.title, lane.count])).toEqual([
      ['High priority', 2],
      ['Medium priority', 2],
      ['Low priority', 2],
      ['Not scored', 1],
    ]);
  });

  it('by MoSCoW: its own categories', () => {
    const items = [buildItem({ id: 'a', scores: { moscow: 2 } }), buildItem({ id: 'b', scores: { moscow: 4 } })];
    expect(groupLanes(items, workflow, 'priority', context(items, { framework: 'moscow' })).map((lane) => lane.title)).toEqual(['Must have', 'Could have']);
    expect(priorityLane(items, 'moscow')(buildItem({ id: 'z' })).title).toBe('Not scored');
  });
});

describe('drops on the board', () => {
  const items = [
    buildItem({ id: 'a', status: 'ready', rank: 'a1' }),
    buildItem({ id: 'b', status: 'ready', rank: 'a2' }),
    buildItem({ id: 'c', status: 'ready', rank: 'a3' }),
    buildItem({ id: 'd', status: 'in_progress', rank: 'a4' }),
  ];

  it('onto another column’s card or empty space is a status change', () => {
    expect(planBoardDrop(items, 'a', 'd')).toMatchObject({ kind: 'status', to: 'in_progress' });
    expect(planBoardDrop(items, 'a', cellId('all', 'done'))).toMatchObject({ kind: 'status', to: 'done' });
  });

  it('onto a card of the same column reorders: after it moving down, before it moving up', () => {
    expect(planBoardDrop(items, 'a', 'c')).toMatchObject({ kind: 'reorder', target: { afterId: 'c' } });
    expect(planBoardDrop(items, 'c', 'a')).toMatchObject({ kind: 'reorder', target: { beforeId: 'a' } });
  });

  it('where the card already is, asks nothing', () => {
    expect(planBoardDrop(items, 'a', 'a')).toBeNull();
    expect(planBoardDrop(items, 'a', null)).toBeNull();
    expect(planBoardDrop(items, 'a', cellId('all', 'ready'))).toBeNull();
  });

  it('the next and previous columns for the keyboard', () => {
    expect(adjacentStatus(workflow, 'ready', 1)?.key).toBe('in_progress');
    expect(adjacentStatus(workflow, 'ready', -1)?.key).toBe('backlog');
    expect(adjacentStatus(workflow, 'canceled', 1)).toBeNull();
  });
});

describe('arrow keys between cards', () => {
  // Two lanes, three columns.
  const layout = [
    [['a', 'b'], [], ['c']],
    [['d'], ['e', 'f', 'g'], []],
  ];

  it('up and down walk a cell, then the same column in the next lane', () => {
    expect(moveFocus(layout, { lane: 0, column: 0, index: 0 }, 'down')).toEqual({ lane: 0, column: 0, index: 1 });
    expect(moveFocus(layout, { lane: 0, column: 0, index: 1 }, 'down')).toEqual({ lane: 1, column: 0, index: 0 });
    expect(moveFocus(layout, { lane: 1, column: 0, index: 0 }, 'up')).toEqual({ lane: 0, column: 0, index: 1 });
    expect(moveFocus(layout, { lane: 1, column: 0, index: 0 }, 'down')).toBeNull();
  });

  it('left and right skip empty cells and keep the row where they can', () => {
    expect(moveFocus(layout, { lane: 0, column: 0, index: 1 }, 'right')).toEqual({ lane: 0, column: 2, index: 0 });
    expect(moveFocus(layout, { lane: 1, column: 1, index: 2 }, 'left')).toEqual({ lane: 1, column: 0, index: 0 });
    expect(moveFocus(layout, { lane: 1, column: 1, index: 0 }, 'right')).toBeNull();
  });

  it('finds a card, and builds the layout from lanes', () => {
    expect(positionOf(layout, 'f')).toEqual({ lane: 1, column: 1, index: 1 });
    expect(positionOf(layout, 'zz')).toBeNull();
    const items = [buildItem({ id: 'a', status: 'ready' })];
    expect(layoutOf(groupLanes(items, workflow, 'none', context(items)))[0]![1]).toEqual(['a']);
  });
});

describe('who may move and reorder a card', () => {
  const mine = { assigneeId: 'me', sprintId: 's1', type: 'story' as const };
  const theirs = { ...mine, assigneeId: 'other' };

  it('the PM, PO and owner move any card; a contributor only the ones assigned to them; a viewer none', () => {
    expect(cardAccess(['product_manager'], 'pm', theirs, 's1').canMove).toBe(true);
    expect(cardAccess(['contributor'], 'me', mine, 's1').canMove).toBe(true);
    expect(cardAccess(['contributor'], 'me', theirs, 's1').canMove).toBe(false);
    expect(cardAccess(['viewer'], 'me', mine, 's1')).toEqual({ canMove: false, canRank: false });
  });

  it('inside the running sprint only the PO or an owner reorders stories, tasks and bugs', () => {
    expect(cardAccess(['product_manager'], 'pm', theirs, 's1').canRank).toBe(false);
    expect(cardAccess(['product_manager'], 'pm', theirs, null).canRank).toBe(true);
    expect(cardAccess(['product_manager'], 'pm', { ...theirs, type: 'feature' }, 's1').canRank).toBe(true);
    expect(cardAccess(['product_owner'], 'po', theirs, 's1').canRank).toBe(true);
  });
});
