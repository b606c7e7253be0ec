import { describe, expect, it } from 'vitest';
import { buildItem } from '../../api/item-fixtures.test-helper';
import type { Item } from '../../api/types';
import { describeActivity, exactTime, joinWords, relativeTime, type ActivityNames } from './activity-model';

const names: ActivityNames = {
  person: (id) => ({ sam: 'Sam Stakeholder', pablo: 'Pablo Owner' })[id],
  status: (key) => ({ ready: 'Ready', in_progress: 'In progress', done: 'Done' })[key],
  customField: (id) => ({ f1: 'Customer tier' })[id],
};

/** An item as the store records it, before and after one change. */
const item = (overrides: Partial<Item> = {}) => buildItem({ id: 'i1', ...overrides });
const updated = (before: Partial<Item>, after: Partial<Item>, actorId: string | null = 'sam') =>
  describeActivity({ actorId, action: 'item.updated', before: item(before), after: item({ ...before, ...after, version: 2, updatedAt: '2026-12-01T10:00:00.000Z' }) }, names);

describe('an item’s activity in words', () => {
  it('a status move names both statuses from the workflow', () => {
    const view = updated({ status: 'ready' }, { status: 'in_progress' });
    expect(view.sentence).toBe('Sam Stakeholder moved it from Ready to In progress');
    expect(view.actor).toBe('Sam Stakeholder');
    // A status the workflow no longer has is shown by its key.
    expect(updated({ status: 'ready' }, { status: 'qa' }).changes).toEqual(['moved it from Ready to qa']);
  });

  it('the estimate: set, changed, removed', () => {
    expect(updated({ estimate: 3 }, { estimate: 5 }).changes).toEqual(['changed the estimate from 3 to 5']);
    expect(updated({ estimate: null }, { estimate: 2.5 }).changes).toEqual(['set the estimate to 2.5']);
    expect(updated({ estimate: 8 }, { estimate: null }).changes).toEqual(['removed the estimate']);
  });

  it('labels added and removed, several at once', () => {
    expect(updated({ labels: ['q3'] }, { labels: ['q3', 'checkout'] }).changes).toEqual(['added label checkout']);
    expect(updated({ labels: ['q3', 'beta'] }, { labels: ['checkout', 'launch'] }).changes).toEqual(['added labels checkout and launch', 'removed labels q3 and beta']);
  });

  it('criteria checked off, unchecked, added, edited, removed and reordered, by their number', () => {
    const c = (id: string, then: string, done = false) => ({ id, given: '', when: '', then, done });
    const two = [c('a', 'first'), c('b', 'second')];
    expect(updated({ acceptanceCriteria: two }, { acceptanceCriteria: [c('a', 'first'), c('b', 'second', true)] }).changes).toEqual(['checked off criterion 2']);
    expect(updated({ acceptanceCriteria: [c('a', 'first', true), c('b', 'second', true)] }, { acceptanceCriteria: two }).changes).toEqual(['unchecked criteria 1 and 2']);
    expect(updated({ acceptanceCriteria: two }, { acceptanceCriteria: [...two, c('c', 'third')] }).changes).toEqual(['added criterion 3']);
    expect(updated({ acceptanceCriteria: two }, { acceptanceCriteria: [c('a', 'first, better'), c('b', 'second')] }).changes).toEqual(['edited criterion 1']);
    expect(updated({ acceptanceCriteria: two }, { acceptanceCriteria: [c('b', 'second')] }).changes).toEqual(['removed criterion 1']);
    expect(updated({ acceptanceCriteria: two }, { acceptanceCriteria: [c('b', 'second'), c('a', 'first')] }).changes).toEqual(['reordered the criteria']);
  });

  it('long text is told, not dumped: the description, the user story; a title is quoted and cut', () => {
    expect(updated({ description: 'Old text' }, { description: 'A much longer text…' }).changes).toEqual(['edited the description']);
    expect(updated({ description: '' }, { description: 'Now there is one' }).changes).toEqual(['wrote a description']);
    expect(updated({ persona: 'admin', want: 'x' }, { persona: 'new admin', want: 'y' }).changes).toEqual(['edited the user story']);
    expect(updated({ persona: '' }, { persona: 'workspace admin' }).changes).toEqual(['changed “As a” to “workspace admin”']);
    expect(updated({ benefit: 'I save time' }, { benefit: '' }).changes).toEqual(['cleared “so that”']);
    expect(updated({ title: 'Export CSV' }, { title: 'Export CSV and XLSX' }).changes).toEqual(['renamed it from “Export CSV” to “Export CSV and XLSX”']);
    const long = 'Let analysts compare conversion between any two customer segments side by side, with significance';
    expect(updated({ title: 'Short' }, { title: long }).changes[0]).toBe('renamed it from “Short” to “Let analysts compare conversion between any two customer…”');
  });

  it('people, the blocked flag, the due date and custom fields', () => {
    expect(updated({ assigneeId: null }, { assigneeId: 'pablo' }).changes).toEqual(['assigned it to Pablo Owner']);
    expect(updated({ assigneeId: 'pablo' }, { assigneeId: 'sam' }).changes).toEqual(['reassigned it from Pablo Owner to Sam Stakeholder']);
    expect(updated({ blocked: false }, { blocked: true, blockedReason: 'Waiting on legal' }).changes).toEqual(['marked it blocked: “Waiting on legal”']);
    expect(updated({ blocked: true, blockedReason: 'Waiting on legal' }, { blocked: false, blockedReason: '' }).changes).toEqual(['unblocked it']);
    expect(updated({ dueDate: null }, { dueDate: '2026-12-07' }).changes).toEqual(['set the due date to 7 Dec 2026']);
    expect(updated({ customFields: {} }, { customFields: { f1: 'Enterprise' } }).changes).toEqual(['set Customer tier to Enterprise']);
    expect(updated({ customFields: { f1: 'Enterprise' } }, { customFields: {} }).changes).toEqual(['cleared Customer tier']);
  });

  it('several changes in one save read as one sentence; bookkeeping alone is "edited it"', () => {
    expect(updated({ status: 'ready', estimate: 3 }, { status: 'done', estimate: 5 }).sentence).toBe('Sam Stakeholder moved it from Ready to Done and changed the estimate from 3 to 5');
    // Version, updatedAt, rank and readiness are bookkeeping; the sprint is told by its own rows.
    expect(updated({}, { rank: 'b0', sprintId: 's1' }).changes).toEqual(['edited it']);
  });

  it('sprint changes name the sprints', () => {
    const sprint = (before: unknown, after: unknown) => describeActivity({ actorId: 'pablo', action: 'item.sprint_changed', before, after }, names).sentence;
    expect(sprint(null, { sprintId: 's14', sprintName: 'Sprint 14' })).toBe('Pablo Owner planned it into Sprint 14');
    expect(sprint({ sprintId: 's14', sprintName: 'Sprint 14' }, null)).toBe('Pablo Owner took it out of Sprint 14');
    expect(sprint({ sprintId: 's14', sprintName: 'Sprint 14' }, { sprintId: 's15', sprintName: 'Sprint 15' })).toBe('Pablo Owner moved it from Sprint 14 to Sprint 15');
  });

  it('scoring: a first score, a changed one, a removed one', () => {
    const score = (action: string, before: unknown, after: unknown) => describeActivity({ actorId: 'pablo', action, before, after }, names).changes;
    expect(score('item.scored', { framework: 'rice', score: null }, { framework: 'rice', score: 12.5, inputs: {}, explanation: '' })).toEqual(['scored RICE 12.5']);
    expect(score('item.scored', { framework: 'wsjf', score: 4 }, { framework: 'wsjf', score: 6.333333 })).toEqual(['changed the WSJF score from 4 to 6.33']);
    expect(score('item.unscored', { framework: 'ice', score: 200 }, null)).toEqual(['removed the ICE score']);
  });

  it('created, reordered, trashed, restored, and purged by the system', () => {
    const line = (action: string, actorId: string | null = 'pablo') => describeActivity({ actorId, action, before: null, after: item() }, names).sentence;
    expect(line('item.created')).toBe('Pablo Owner created it');
    expect(line('item.ranked')).toBe('Pablo Owner reordered it');
    expect(line('item.deleted')).toBe('Pablo Owner trashed it');
    expect(line('item.restored')).toBe('Pablo Owner restored it from the trash');
    expect(line('item.purged', null)).toBe('Tandem deleted it for good');
    // Someone who has since left the workspace.
    expect(line('item.created', 'gone')).toBe('A former member created it');
  });

  it('an action it does not know gets a generic line', () => {
    expect(describeActivity({ actorId: 'sam', action: 'item.dependency_added', before: null, after: { blocks: 'x' } }, names).sentence).toBe('Sam Stakeholder changed it (dependency added)');
  });
});

describe('time and words', () => {
  const now = Date.parse('2026-12-10T12:00:00Z');
  it('relative time, then the day past a week', () => {
    expect(relativeTime('2026-12-10T11:59:40Z', now)).toBe('just now');
    expect(relativeTime('2026-12-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-12-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-12-09T10:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-12-06T12:00:00Z', now)).toBe('4 days ago');
    expect(relativeTime('2026-11-20T12:00:00Z', now)).toBe('20 Nov');
    expect(relativeTime('2025-11-20T12:00:00Z', now)).toBe('20 Nov 2025');
  });

  it('the exact time for the tooltip', () => {
    expect(exactTime('2026-12-07T10:04:12Z', 'UTC')).toBe('7 December 2026 at 10:04:12');
  });

  it('joins clauses as a sentence does', () => {
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
