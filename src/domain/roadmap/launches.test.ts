import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAUNCH_TEMPLATE,
  draftReleaseNotes,
  dueDateFor,
  isOverdue,
  launchReadiness,
  normalizeTemplate,
  notesFileName,
  readinessFromCounts,
  summaryOf,
  tasksToAdd,
  type NoteItem,
} from './launches';

describe('launch readiness', () => {
  it('is done over the tasks that count; skipped tasks do not count', () => {
    expect(launchReadiness([{ state: 'done' }, { state: 'todo' }, { state: 'in_progress' }, { state: 'skipped' }])).toEqual({ done: 1, total: 3, percent: 33 });
    expect(launchReadiness([{ state: 'done' }, { state: 'skipped' }])).toEqual({ done: 1, total: 1, percent: 100 });
  });

  it('reaches 100 only when every counted task is done (rounded down)', () => {
    expect(readinessFromCounts({ done: 199, todo: 1 }).percent).toBe(99);
    expect(readinessFromCounts({ done: 6 }).percent).toBe(100);
  });

  it('has no percent when nothing counts', () => {
    expect(launchReadiness([])).toEqual({ done: 0, total: 0, percent: null });
    expect(readinessFromCounts({ skipped: 2 })).toEqual({ done: 0, total: 0, percent: null });
  });
});

describe('launch templates', () => {
  it('starts from the six tasks every launch needs', () => {
    expect(DEFAULT_LAUNCH_TEMPLATE.map((task) => task.title)).toEqual([
      'Engineering QA sign-off',
      'Documentation',
      'Marketing campaign',
      'Support readiness',
      'Pricing and packaging',
      'Announcement',
    ]);
  });

  it('dates a task its offset before the target, or leaves it open', () => {
    expect(dueDateFor('2027-03-10', 5)).toBe('2027-03-05');
    expect(dueDateFor('2027-03-01', 1)).toBe('2027-02-28');
    expect(dueDateFor('2027-03-10', 0)).toBe('2027-03-10');
    expect(dueDateFor(null, 5)).toBeNull();
    expect(dueDateFor('2027-03-10', null)).toBeNull();
  });

  it('adds only the tasks the checklist lacks, matching titles loosely, so applying twice adds nothing', () => {
    const first = tasksToAdd(DEFAULT_LAUNCH_TEMPLATE, ['  documentation ', 'Legal review'], '2027-03-20');
    expect(first.map((task) => task.title)).toEqual(['Engineering QA sign-off', 'Marketing campaign', 'Support readiness', 'Pricing and packaging', 'Announcement']);
    expect(first[0]).toEqual({ title: 'Engineering QA sign-off', dueDate: '2027-03-15' });
    expect(tasksToAdd(DEFAULT_LAUNCH_TEMPLATE, [...first.map((task) => task.title), 'Documentation'], '2027-03-20')).toEqual([]);
  });

  it('refuses a template naming one task twice, naming the field', () => {
    expect(normalizeTemplate([{ title: '  Beta  feedback ', offsetDays: 3 }])).toEqual([{ title: 'Beta feedback', offsetDays: 3 }]);
    expect(() => normalizeTemplate([{ title: 'Docs', offsetDays: 1 }, { title: 'docs', offsetDays: 2 }])).toThrow(/tasks\.1\.title: the same task as tasks\.0/);
  });

  it('calls an open task past its due date overdue, never a done or skipped one', () => {
    expect(isOverdue({ state: 'todo', dueDate: '2027-03-01' }, '2027-03-02')).toBe(true);
    expect(isOverdue({ state: 'in_progress', dueDate: '2027-03-02' }, '2027-03-02')).toBe(false);
    expect(isOverdue({ state: 'done', dueDate: '2027-03-01' }, '2027-03-02')).toBe(false);
    expect(isOverdue({ state: 'skipped', dueDate: '2027-03-01' }, '2027-03-02')).toBe(false);
    expect(isOverdue({ state: 'todo', dueDate: null }, '2027-03-02')).toBe(false);
  });
});

const item = (number: number, type: NoteItem['type'], title: string, parentId: string | null = null, description = ''): NoteItem => ({
  id: `i${number}`,
  number,
  type,
  title,
  description,
  parentId,
});

describe('release notes draft', () => {
  const release = { name: 'Onboarding 2.0', description: 'Guided setup for every new workspace.', targetDate: '2027-03-12', releasedAt: null };
  const epic = item(1, 'epic', 'Self-serve onboarding');
  const feature = item(2, 'feature', 'Guided setup checklist', 'i1');
  const enterprise = item(10, 'epic', 'Enterprise readiness');

  it('groups done work under its epic, nests stories under a listed feature, and puts fixes last', () => {
    const notes = draftReleaseNotes(
      release,
      [
        item(4, 'story', 'Connect the warehouse in five minutes', 'i2', 'Admins connect **Snowflake** or BigQuery.\n\nTechnical notes follow.'),
        item(3, 'story', 'Setup checklist for new admins.', 'i2', '## Why\n\nNew admins know what to do first.'),
        feature,
        item(6, 'bug', 'Checklist progress resets after switching workspaces', 'i2'),
        item(11, 'story', 'Enforce SSO for every member', 'i10'),
        item(20, 'task', 'Write the launch FAQ for support'),
      ],
      [epic, enterprise],
    );
    expect(notes).toBe(
      [
        '# Onboarding 2.0: release notes',
        '',
        '_Planned for 2027-03-12._',
        '',
        'Guided setup for every new workspace.',
        '',
        '## Self-serve onboarding',
        '',
        '- **Guided setup checklist**',
        '  - **Setup checklist for new admins** — New admins know what to do first.',
        '  - **Connect the warehouse in five minutes** — Admins connect **Snowflake** or BigQuery.',
        '',
        '## Enterprise readiness',
        '',
        '- **Enforce SSO for every member**',
        '',
        '## Other improvements',
        '',
        '- **Write the launch FAQ for support**',
        '',
        '## Fixes',
        '',
        '- **Checklist progress resets after switching workspaces**',
        '',
      ].join('\n'),
    );
  });

  it("calls a release with no epics plainly what's new, and says when it was released", () => {
    const notes = draftReleaseNotes({ ...release, description: '', releasedAt: '2027-03-11T16:00:00.000Z' }, [item(3, 'story', 'Export to CSV')]);
    expect(notes).toBe(['# Onboarding 2.0: release notes', '', '_Released 2027-03-11._', '', "## What's new", '', '- **Export to CSV**', ''].join('\n'));
  });

  it('leaves out the tasks and bugs below a story: they are part of it', () => {
    const story = item(3, 'story', 'Export to CSV');
    const notes = draftReleaseNotes(release, [story, item(4, 'task', 'Add the CSV writer', 'i3'), item(5, 'bug', 'Fix quoting', 'i3'), item(6, 'bug', 'Fix totals')]);
    expect(notes).not.toContain('CSV writer');
    expect(notes).not.toContain('Fix quoting');
    expect(notes).toContain('## Fixes\n\n- **Fix totals**');
  });

  it('says plainly when nothing is done yet', () => {
    expect(draftReleaseNotes({ ...release, targetDate: null }, [])).toContain('Nothing in this release is done yet.');
  });

  it('leaves epics themselves out of the bullets, and survives a parent loop', () => {
    const a = item(5, 'story', 'Loop A', 'i6');
    const b = item(6, 'feature', 'Loop B', 'i5');
    const notes = draftReleaseNotes(release, [epic, a, b]);
    expect(notes).not.toContain('**Self-serve onboarding**');
    expect(notes).toContain('- **Loop B**');
  });

  it('summarises a description to its first paragraph on one line, cut at a word', () => {
    expect(summaryOf('- first point\n- second point\n\nmore')).toBe('first point second point');
    expect(summaryOf('```\ncode\n```\n\n> Quoted customer ask')).toBe('Quoted customer ask');
    const long = summaryOf(`${'word '.repeat(100)}end`);
    expect(long.length).toBeLessThanOrEqual(281);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('names the export after the release', () => {
    expect(notesFileName('Onboarding 2.0 – Café')).toBe('onboarding-2-0-cafe-release-notes.md');
    expect(notesFileName('***')).toBe('release-release-notes.md');
  });
});
