import { describe, expect, it } from 'vitest';
import { checklistFacts, dueText, isOverdue, offsetText, readinessText, rowsOf, tasksOf, type LaunchTask } from './launch-model';

const task = (overrides: Partial<LaunchTask>): LaunchTask => ({
  id: 't',
  workspaceId: 'w',
  productId: 'p',
  releaseId: 'r',
  title: 'Docs',
  ownerId: null,
  dueDate: null,
  state: 'todo',
  position: 0,
  version: 1,
  createdAt: '2027-03-01T00:00:00Z',
  updatedAt: '2027-03-01T00:00:00Z',
  ...overrides,
});

describe('launch page model', () => {
  it('reads readiness in words', () => {
    expect(readinessText({ done: 3, total: 6, percent: 50 })).toBe('3 of 6 launch tasks done (50 %)');
    expect(readinessText({ done: 1, total: 1, percent: 100 })).toBe('1 of 1 launch task done (100 %)');
    expect(readinessText({ done: 0, total: 0, percent: null })).toBe('No launch tasks yet');
  });

  it('says how late or how soon an open task is due', () => {
    expect(dueText(task({ dueDate: '2027-03-01' }), '2027-03-04')).toBe('3 days late');
    expect(dueText(task({ dueDate: '2027-03-04' }), '2027-03-04')).toBe('due today');
    expect(dueText(task({ dueDate: '2027-03-05' }), '2027-03-04')).toBe('in 1 day');
    expect(dueText(task({ dueDate: '2027-03-01', state: 'done' }), '2027-03-04')).toBeNull();
    expect(isOverdue(task({ dueDate: '2027-03-01', state: 'in_progress' }), '2027-03-04')).toBe(true);
  });

  it('names what the checklist still needs', () => {
    const tasks = [task({ dueDate: '2027-03-01' }), task({ ownerId: 'u', state: 'in_progress' }), task({ state: 'skipped' }), task({ state: 'done' })];
    expect(checklistFacts(tasks, '2027-03-04')).toEqual(['1 task overdue', '1 open task without an owner', '1 skipped']);
  });

  it('round-trips the template editor, keeping an empty offset open', () => {
    let n = 0;
    const rows = rowsOf({ tasks: [{ title: 'QA', offsetDays: 5 }, { title: 'Announce', offsetDays: null }] }, () => `k${n++}`);
    expect(rows).toEqual([
      { key: 'k0', title: 'QA', offsetDays: '5' },
      { key: 'k1', title: 'Announce', offsetDays: '' },
    ]);
    expect(tasksOf(rows)).toEqual([
      { title: 'QA', offsetDays: 5 },
      { title: 'Announce', offsetDays: null },
    ]);
    expect([offsetText(5), offsetText(0), offsetText(-1), offsetText(null)]).toEqual(['5 days before the target', 'on the target date', '1 day after the target', 'no due date']);
  });
});
