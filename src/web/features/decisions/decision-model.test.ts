import { describe, expect, it } from 'vitest';
import { bodyOf, changesOf, checkDraft, draftOf, emptyDraft, formErrorsOf, nextStatuses, parseDecisionSearch, parseItemRefs, type Decision } from './decision-model';

const decision: Decision = {
  id: 'd1',
  productId: 'p1',
  title: 'Snowflake first',
  context: 'Which warehouse?',
  options: [{ title: 'Snowflake', notes: 'most trials' }],
  outcome: '',
  rationale: '',
  status: 'proposed',
  decidedBy: null,
  decidedAt: null,
  supersededBy: null,
  itemIds: ['i4', 'i9'],
  createdBy: 'u1',
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('the decision form', () => {
  it('offers only forward statuses, as the server allows', () => {
    expect(nextStatuses('proposed')).toEqual(['proposed', 'decided', 'superseded']);
    expect(nextStatuses('decided')).toEqual(['decided', 'superseded']);
    expect(nextStatuses('superseded')).toEqual(['superseded']);
  });

  it('reads item keys as typed: any separator, upper-cased, each once', () => {
    expect(parseItemRefs(' demo-4, DEMO-12;DEMO-4\nDEMO-7 ')).toEqual(['DEMO-4', 'DEMO-12', 'DEMO-7']);
    expect(parseItemRefs('')).toEqual([]);
  });

  it('explains the usual mistakes before sending: no title, decided without an outcome, superseded without a successor', () => {
    expect(checkDraft(emptyDraft())).toEqual({ title: 'A decision needs a title.' });
    expect(checkDraft({ ...emptyDraft(), title: 'x', status: 'decided', outcome: '  ' })).toHaveProperty('outcome');
    expect(checkDraft({ ...emptyDraft(), title: 'x', status: 'superseded' })).toHaveProperty('supersededBy');
    expect(checkDraft({ ...emptyDraft(), title: 'x', status: 'superseded', supersededBy: 'd1' }, 'd1')).toEqual({ supersededBy: 'A decision cannot supersede itself.' });
    expect(checkDraft({ ...emptyDraft(), title: 'x', options: [{ title: '', notes: 'why' }] })).toHaveProperty(['options.0.title']);
    expect(checkDraft({ ...emptyDraft(), title: 'x', status: 'decided', outcome: 'Yes' })).toEqual({});
  });

  it('sends a trimmed body: untitled options left out, the successor only when superseded, items by key', () => {
    const body = bodyOf({
      ...emptyDraft(['DEMO-4']),
      title: '  Snowflake first ',
      options: [{ title: ' Snowflake ', notes: ' most trials ' }, { title: '', notes: '' }],
      status: 'decided',
      outcome: ' Snowflake ',
      supersededBy: 'd2',
    });
    expect(body).toMatchObject({ title: 'Snowflake first', options: [{ title: 'Snowflake', notes: 'most trials' }], outcome: 'Snowflake', supersededBy: null, itemIds: ['DEMO-4'] });
  });

  it('starts an edit from the decision, naming linked items by key where known, and sends only what changed', () => {
    const start = draftOf(decision, (id) => (id === 'i4' ? 'DEMO-4' : undefined));
    expect(start.items).toBe('DEMO-4, i9');
    expect(changesOf(start, start)).toEqual({});
    expect(changesOf(start, { ...start, status: 'decided', outcome: 'Snowflake' })).toEqual({ status: 'decided', outcome: 'Snowflake' });
    expect(changesOf(start, { ...start, status: 'superseded', supersededBy: 'd2', items: 'DEMO-4' })).toEqual({ status: 'superseded', supersededBy: 'd2', itemIds: ['DEMO-4'] });
  });

  it('names the typed key a server error is about', () => {
    const draft = { ...emptyDraft(), items: 'DEMO-4, DEMO-999' };
    expect(formErrorsOf({ 'itemIds.1': 'no such item in this product', outcome: 'say what was decided' }, draft)).toEqual({
      items: 'DEMO-999: no such item in this product',
      outcome: 'say what was decided',
    });
  });
});

describe('the decision log address', () => {
  it('keeps known statuses and non-empty words, and drops anything else', () => {
    expect(parseDecisionSearch({ q: 'snowflake', status: 'decided' })).toEqual({ q: 'snowflake', status: 'decided' });
    expect(parseDecisionSearch({ q: '  ', status: 'approved', other: 1 })).toEqual({});
  });
});
