import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_KEY_PATTERN } from '../../contracts/vocabulary';
import type { WorkflowReplace, WorkflowStatus } from '../../contracts/workflow.schema';
import { TandemError } from '../errors';
import { failingFields } from '../prioritization/fields-of.test-helper';
import { DEFAULT_WORKFLOW, buildWorkflow, checkWipLimit, findStatus, initialStatus, statusKeyFor } from './workflow';

type StatusInput = WorkflowReplace['statuses'][number];

const status = (overrides: Partial<StatusInput> & Pick<StatusInput, 'name'>): StatusInput => ({
  category: 'todo',
  wipLimit: null,
  ...overrides,
});

/** Runs `act` and returns the TandemError it throws. */
function thrown(act: () => unknown): TandemError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(TandemError);
    return error as TandemError;
  }
  throw new Error('expected a TandemError');
}

describe('the default workflow', () => {
  it('runs backlog → ready → in progress → in review → done, with canceled aside', () => {
    expect(DEFAULT_WORKFLOW.map((s) => [s.key, s.name, s.category])).toEqual([
      ['backlog', 'Backlog', 'backlog'],
      ['ready', 'Ready', 'todo'],
      ['in_progress', 'In progress', 'in_progress'],
      ['in_review', 'In review', 'in_progress'],
      ['done', 'Done', 'done'],
      ['canceled', 'Canceled', 'canceled'],
    ]);
  });

  it('has no WIP limits and only valid, distinct keys', () => {
    expect(DEFAULT_WORKFLOW.every((s) => s.wipLimit === null)).toBe(true);
    expect(DEFAULT_WORKFLOW.every((s) => STATUS_KEY_PATTERN.test(s.key))).toBe(true);
    expect(new Set(DEFAULT_WORKFLOW.map((s) => s.key)).size).toBe(DEFAULT_WORKFLOW.length);
  });

  it('passes its own checks', () => {
    expect(buildWorkflow(DEFAULT_WORKFLOW.map((s) => ({ ...s })))).toEqual(DEFAULT_WORKFLOW);
  });
});

describe('initialStatus', () => {
  it('is the first status of the workflow', () => {
    expect(initialStatus(DEFAULT_WORKFLOW)).toBe('backlog');
    const triage: WorkflowStatus = { key: 'triage', name: 'Triage', category: 'backlog', wipLimit: null };
    expect(initialStatus([triage, ...DEFAULT_WORKFLOW])).toBe('triage');
  });

  it('refuses an empty workflow, which the rules never allow', () => {
    expect(() => initialStatus([])).toThrow('a workflow always has at least one status');
  });
});

describe('findStatus', () => {
  it('finds a status by its key', () => {
    expect(findStatus(DEFAULT_WORKFLOW, 'in_review')).toEqual({ key: 'in_review', name: 'In review', category: 'in_progress', wipLimit: null });
  });

  it('gives undefined for a key the workflow does not hold, and does not match by name', () => {
    expect(findStatus(DEFAULT_WORKFLOW, 'blocked')).toBeUndefined();
    expect(findStatus(DEFAULT_WORKFLOW, 'In review')).toBeUndefined();
    expect(findStatus(DEFAULT_WORKFLOW, 'DONE')).toBeUndefined();
  });
});

describe('statusKeyFor', () => {
  const none = new Set<string>();

  it('makes a snake_case key from the name', () => {
    expect(statusKeyFor('In review', none)).toBe('in_review');
    expect(statusKeyFor('Ready for QA', none)).toBe('ready_for_qa');
    expect(statusKeyFor('Done!', none)).toBe('done');
    expect(statusKeyFor('  Waiting -- on   customer  ', none)).toBe('waiting_on_customer');
  });

  it('folds compatibility characters to plain letters', () => {
    expect(statusKeyFor('ﬁnished', none)).toBe('finished');
    expect(statusKeyFor('ＱＡ', none)).toBe('qa');
  });

  it('starts with a letter, dropping leading digits and symbols', () => {
    expect(statusKeyFor('2nd review', none)).toBe('nd_review');
    expect(statusKeyFor('#1 priority', none)).toBe('priority');
  });

  it('falls back to "status" when the name has no letters to use', () => {
    expect(statusKeyFor('123', none)).toBe('status');
    expect(statusKeyFor('🚀', none)).toBe('status');
    expect(statusKeyFor('Готово', none)).toBe('status');
  });

  it('keeps at most 32 characters of the name', () => {
    const key = statusKeyFor('Waiting for the external security review board', none);
    expect(key).toBe('waiting_for_the_external_securit');
    expect(key).toHaveLength(32);
  });

  it('numbers the key from 2 when it is already taken', () => {
    expect(statusKeyFor('Done', new Set(['done']))).toBe('done_2');
    expect(statusKeyFor('Done', new Set(['done', 'done_2', 'done_3']))).toBe('done_4');
    expect(statusKeyFor('Done', new Set(['done_2']))).toBe('done');
    expect(statusKeyFor('123', new Set(['status']))).toBe('status_2');
  });

  it('always gives a valid key that is not taken (property)', () => {
    // A small alphabet makes names collide with taken keys often.
    const nameChar = fc.constantFrom('a', 'B', 'é', '1', '2', '_', ' ', '-', '!', '😀', 'ß', 'İ', 'ﬁ', '\u0000');
    const name = fc.oneof(fc.string({ unit: nameChar, maxLength: 50 }), fc.string({ unit: 'grapheme', maxLength: 60 }));
    const takenKey = fc.oneof(
      fc.constantFrom('status', 'status_2', 'a', 'a_2', 'a_3', 'b', 'ab_2'),
      fc.string({ unit: fc.constantFrom('a', 'b', '_', '2', '3'), minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(name, fc.uniqueArray(takenKey, { maxLength: 30 }), (statusName, takenKeys) => {
        const taken = new Set(takenKeys);
        const key = statusKeyFor(statusName, taken);
        expect(key).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
        expect(taken.has(key)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('buildWorkflow', () => {
  it('keeps named keys and makes keys for new statuses from their names', () => {
    expect(
      buildWorkflow([
        status({ key: 'backlog', name: 'Backlog', category: 'backlog' }),
        status({ name: 'Ready for QA', category: 'in_progress', wipLimit: 3 }),
        status({ key: 'done', name: 'Shipped', category: 'done' }),
      ]),
    ).toEqual([
      { key: 'backlog', name: 'Backlog', category: 'backlog', wipLimit: null },
      { key: 'ready_for_qa', name: 'Ready for QA', category: 'in_progress', wipLimit: 3 },
      { key: 'done', name: 'Shipped', category: 'done', wipLimit: null },
    ]);
  });

  it('keeps the order it is given', () => {
    const keys = buildWorkflow([
      status({ key: 'done', name: 'Done', category: 'done' }),
      status({ key: 'backlog', name: 'Backlog', category: 'backlog' }),
    ]).map((s) => s.key);
    expect(keys).toEqual(['done', 'backlog']);
  });

  it('never gives a new status a key that a kept status holds, even one later in the list', () => {
    const built = buildWorkflow([
      status({ name: 'Done', category: 'done' }),
      status({ key: 'done', name: 'Finished', category: 'done' }),
    ]);
    expect(built.map((s) => s.key)).toEqual(['done_2', 'done']);
  });

  it('gives new statuses whose names make the same key distinct keys', () => {
    const built = buildWorkflow([
      status({ name: 'QA: ready', category: 'todo' }),
      status({ name: 'QA ready', category: 'todo' }),
      status({ name: 'Done', category: 'done' }),
    ]);
    expect(built.map((s) => s.key)).toEqual(['qa_ready', 'qa_ready_2', 'done']);
  });

  it('refuses a name used twice, ignoring case', () => {
    const error = thrown(() =>
      buildWorkflow([
        status({ name: 'Review', category: 'in_progress' }),
        status({ name: 'Done', category: 'done' }),
        status({ name: 'REVIEW', category: 'in_progress' }),
      ]),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details.errors).toEqual([{ field: 'statuses.2.name', message: '"REVIEW" is used twice' }]);
  });

  it('refuses a kept key named twice', () => {
    const error = thrown(() =>
      buildWorkflow([
        status({ key: 'done', name: 'Done', category: 'done' }),
        status({ key: 'done', name: 'Shipped', category: 'done' }),
      ]),
    );
    expect(error.details.errors).toEqual([{ field: 'statuses.1.key', message: '"done" is used twice' }]);
  });

  it('refuses a workflow with no status in the done category', () => {
    const error = thrown(() =>
      buildWorkflow([status({ name: 'Backlog', category: 'backlog' }), status({ name: 'Canceled', category: 'canceled' })]),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details.errors).toEqual([{ field: 'statuses', message: 'the workflow needs at least one status in the done category' }]);
  });

  it('lists every problem at once, each in the message too', () => {
    expect(
      failingFields(() =>
        buildWorkflow([
          status({ key: 'ready', name: 'Ready' }),
          status({ key: 'ready', name: 'ready' }),
          status({ name: 'In progress', category: 'in_progress' }),
        ]),
      ),
    ).toEqual(['statuses.1.name', 'statuses.1.key', 'statuses']);
  });
});

describe('checkWipLimit', () => {
  const review: WorkflowStatus = { key: 'in_review', name: 'In review', category: 'in_progress', wipLimit: 3 };

  it('lets an item in while the status holds fewer items than its limit', () => {
    expect(() => checkWipLimit(review, 0, false)).not.toThrow();
    expect(() => checkWipLimit(review, 2, false)).not.toThrow();
  });

  it('refuses an item once the status holds as many items as its limit, naming the numbers', () => {
    const error = thrown(() => checkWipLimit(review, 3, false));
    expect(error.code).toBe('wip_limit_reached');
    expect(error.message).toBe('"In review" already holds 3 items and its WIP limit is 3; finish something first');
    expect(error.details).toEqual({ status: 'in_review', limit: 3, count: 3 });
  });

  it('refuses an item when the status is already over its limit', () => {
    expect(thrown(() => checkWipLimit(review, 5, false)).details).toEqual({ status: 'in_review', limit: 3, count: 5 });
  });

  it('says "1 item" for a limit of one', () => {
    const solo: WorkflowStatus = { key: 'deploying', name: 'Deploying', category: 'in_progress', wipLimit: 1 };
    expect(() => checkWipLimit(solo, 0, false)).not.toThrow();
    expect(thrown(() => checkWipLimit(solo, 1, false)).message).toBe('"Deploying" already holds 1 item and its WIP limit is 1; finish something first');
  });

  it('lets an override through over the limit', () => {
    expect(() => checkWipLimit(review, 3, true)).not.toThrow();
    expect(() => checkWipLimit(review, 10, true)).not.toThrow();
  });

  it('never limits a status without a WIP limit', () => {
    const open: WorkflowStatus = { ...review, wipLimit: null };
    expect(() => checkWipLimit(open, 0, false)).not.toThrow();
    expect(() => checkWipLimit(open, 10_000, false)).not.toThrow();
  });
});

describe('status keys from names with accents or long names', () => {
  it('folds accents to plain letters', () => {
    expect(statusKeyFor('Prüfung', new Set())).toBe('prufung');
    expect(statusKeyFor('Naïve review', new Set())).toBe('naive_review');
  });

  it('never ends a key with _ after shortening it', () => {
    expect(statusKeyFor('Waiting for the external review team', new Set())).toBe('waiting_for_the_external_review');
    expect(statusKeyFor('Waiting for the external review team', new Set(['waiting_for_the_external_review']))).toBe(
      'waiting_for_the_external_review_2',
    );
  });
});
