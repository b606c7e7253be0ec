import { describe, expect, it } from 'vitest';
import type { WorkflowStatus } from '../../api/types';
import { humaniseKey, moveEntry, parseOptions, statusMap, statusOf, statusOptions, toStatusRows, toWorkflowInput } from './workflow';

const workflow: WorkflowStatus[] = [
  { key: 'backlog', name: 'Backlog', category: 'backlog', wipLimit: null },
  { key: 'in_review', name: 'Code review', category: 'in_progress', wipLimit: 3 },
  { key: 'shipped', name: 'Shipped', category: 'done', wipLimit: null },
];

describe('workflow statuses on the web', () => {
  it('names a status from the workflow, not from its key', () => {
    expect(statusOf(workflow, 'in_review')).toEqual(workflow[1]);
    expect(statusMap(workflow)('shipped').name).toBe('Shipped');
  });

  it('keeps an unknown key readable, using the key as its category when it is one', () => {
    expect(humaniseKey('in_progress')).toBe('In progress');
    expect(statusOf(undefined, 'in_progress')).toEqual({ key: 'in_progress', name: 'In progress', category: 'in_progress', wipLimit: null });
    expect(statusOf(workflow, 'waiting_on_legal').category).toBe('backlog');
    const lookup = statusMap(undefined);
    expect(lookup('done')).toBe(lookup('done'));
  });

  it('offers the statuses in board order, naming WIP limits, and keeps a removed current status', () => {
    expect(statusOptions(workflow, 'backlog')).toEqual([
      { value: 'backlog', label: 'Backlog' },
      { value: 'in_review', label: 'Code review (WIP limit 3)' },
      { value: 'shipped', label: 'Shipped' },
    ]);
    expect(statusOptions(workflow, 'qa')[0]).toEqual({ value: 'qa', label: 'Qa' });
  });
});

describe('the workflow settings form', () => {
  it('sends kept statuses with their key, new ones without, and an empty WIP limit as none', () => {
    const rows = toStatusRows(workflow);
    expect(rows[1]).toEqual({ rowId: 'in_review', key: 'in_review', name: 'Code review', category: 'in_progress', wipLimit: '3' });
    const edited = [...rows, { rowId: 'new-1', name: ' QA ', category: 'in_progress' as const, wipLimit: ' ' }];
    expect(toWorkflowInput(edited)).toEqual([
      { key: 'backlog', name: 'Backlog', category: 'backlog', wipLimit: null },
      { key: 'in_review', name: 'Code review', category: 'in_progress', wipLimit: 3 },
      { key: 'shipped', name: 'Shipped', category: 'done', wipLimit: null },
      { name: 'QA', category: 'in_progress', wipLimit: null },
    ]);
  });

  it('reads options from one comma-separated line and reorders entries within bounds', () => {
    expect(parseOptions(' Web, iOS,, Android , Web ')).toEqual(['Web', 'iOS', 'Android']);
    expect(moveEntry(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
