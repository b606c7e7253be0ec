import { describe, expect, it } from 'vitest';
import { failingFields, untyped } from './fields-of.test-helper';
import { type MoscowCategory, moscow } from './moscow';

describe('MoSCoW', () => {
  it('gives a sortable score, must highest', () => {
    expect(moscow({ category: 'must' })).toEqual({ score: 4, explanation: 'MoSCoW: Must have = 4 (must 4 > should 3 > could 2 > won\'t 1)' });
    expect(moscow({ category: 'should' }).score).toBe(3);
    expect(moscow({ category: 'could' }).score).toBe(2);
    expect(moscow({ category: 'wont' })).toEqual({ score: 1, explanation: "MoSCoW: Won't have (this time) = 1 (must 4 > should 3 > could 2 > won't 1)" });
  });

  it('sorts a backlog into must, should, could, won’t', () => {
    const backlog: MoscowCategory[] = ['could', 'wont', 'must', 'should', 'must'];
    const sorted = [...backlog].sort((a, b) => moscow({ category: b }).score - moscow({ category: a }).score);
    expect(sorted).toEqual(['must', 'must', 'should', 'could', 'wont']);
  });

  it('explains in one line', () => {
    for (const category of ['must', 'should', 'could', 'wont'] as const) expect(moscow({ category }).explanation).not.toContain('\n');
  });

  it('names an unknown category', () => {
    expect(failingFields(() => moscow({ category: untyped('maybe') }))).toEqual(['inputs.category']);
    expect(failingFields(() => moscow({ category: untyped('Must') }))).toEqual(['inputs.category']);
  });
});
