import { describe, expect, it } from 'vitest';
import type { Readiness } from '../../contracts/item.schema';
import { DEFAULT_SPRINT_POINTS, assessReadiness, type ReadinessInput } from './readiness';

/** A story that is ready for a sprint; each test spoils one thing. */
const readyStory = (overrides: Partial<ReadinessInput> = {}): ReadinessInput => ({
  type: 'story',
  title: 'Export the roadmap as PDF',
  persona: 'product manager',
  want: 'to export the roadmap as a PDF',
  benefit: 'I can share it with the board',
  acceptanceCriteria: [{ id: 'ac-1', given: 'a roadmap with items', when: 'I export it', then: 'I get a PDF', done: false }],
  estimate: 5,
  blocked: false,
  blockedReason: '',
  ...overrides,
});

const codes = (readiness: Readiness | null) => readiness?.reasons.map((reason) => reason.code);

/** The message of the one reason with `code`. */
function reasonFor(readiness: Readiness | null, code: Readiness['reasons'][number]['code']): string {
  const found = readiness?.reasons.filter((reason) => reason.code === code) ?? [];
  expect(found).toHaveLength(1);
  return found[0]!.message;
}

describe('story readiness', () => {
  it('finds a complete, estimated, small, unblocked story ready, with no reasons', () => {
    expect(assessReadiness(readyStory())).toEqual({ ready: true, reasons: [] });
  });

  it('does not assess other item types', () => {
    for (const type of ['epic', 'feature', 'task', 'bug'] as const) {
      expect(assessReadiness(readyStory({ type }))).toBeNull();
      // Not even one that would fail every check.
      expect(assessReadiness(readyStory({ type, title: 'TBD', acceptanceCriteria: [], estimate: null, persona: '', blocked: true }))).toBeNull();
    }
  });

  it('needs acceptance criteria, so the team knows when it is done', () => {
    const readiness = assessReadiness(readyStory({ acceptanceCriteria: [] }));
    expect(readiness?.ready).toBe(false);
    expect(codes(readiness)).toEqual(['no_acceptance_criteria']);
    expect(reasonFor(readiness, 'no_acceptance_criteria')).toBe('Add acceptance criteria, so the team knows when it is done');
  });

  it('counts criteria that are not checked off yet', () => {
    const unchecked = [{ id: 'ac-1', given: 'a roadmap', when: 'I export it', then: 'I get a PDF', done: false }];
    expect(assessReadiness(readyStory({ acceptanceCriteria: unchecked }))?.ready).toBe(true);
  });

  it('needs an estimate', () => {
    const readiness = assessReadiness(readyStory({ estimate: null }));
    expect(codes(readiness)).toEqual(['no_estimate']);
    expect(reasonFor(readiness, 'no_estimate')).toBe('Estimate it in points');
  });

  it('takes an estimate of zero points as an estimate', () => {
    expect(assessReadiness(readyStory({ estimate: 0 }))).toEqual({ ready: true, reasons: [] });
  });

  describe('size', () => {
    it('defaults the typical sprint to 20 points', () => {
      expect(DEFAULT_SPRINT_POINTS).toBe(20);
    });

    it('finds exactly half of the default sprint small enough', () => {
      expect(assessReadiness(readyStory({ estimate: 10 }))?.ready).toBe(true);
    });

    it('finds just over half of the default sprint too large, naming both numbers', () => {
      const readiness = assessReadiness(readyStory({ estimate: 10.5 }));
      expect(codes(readiness)).toEqual(['too_large']);
      expect(reasonFor(readiness, 'too_large')).toBe('10.5 points is more than half of a typical sprint (20 points); split it');
      expect(codes(assessReadiness(readyStory({ estimate: 11 })))).toEqual(['too_large']);
    });

    it("measures against the team's typical sprint when it is given", () => {
      expect(assessReadiness(readyStory({ estimate: 15 }), 30)?.ready).toBe(true);
      const readiness = assessReadiness(readyStory({ estimate: 16 }), 30);
      expect(reasonFor(readiness, 'too_large')).toBe('16 points is more than half of a typical sprint (30 points); split it');
      // A slower team: what fits the default sprint is too large for theirs.
      expect(reasonFor(assessReadiness(readyStory({ estimate: 8 }), 12), 'too_large')).toBe(
        '8 points is more than half of a typical sprint (12 points); split it',
      );
      expect(assessReadiness(readyStory({ estimate: 6 }), 12)?.ready).toBe(true);
    });

    it('does not call a missing estimate too large', () => {
      expect(codes(assessReadiness(readyStory({ estimate: null }), 1))).toEqual(['no_estimate']);
    });
  });

  describe('title', () => {
    it.each(['TBD: checkout flow', 'Checkout flow (todo)', 'Misc fixes to checkout', 'Payment stuff for checkout', 'xxx xxx xxx', 'WIP export roadmap'])(
      'refuses a placeholder in "%s"',
      (title) => {
        expect(codes(assessReadiness(readyStory({ title })))).toEqual(['vague_title']);
      },
    );

    it('names the placeholder it found, in lower case', () => {
      expect(reasonFor(assessReadiness(readyStory({ title: 'TBD: checkout flow' })), 'vague_title')).toBe(
        'The title holds a placeholder ("tbd"); say what the story delivers',
      );
    });

    it.each(['Checkout', 'Fix login', 'Fix  —  login!', ''])('refuses "%s" as shorter than three words', (title) => {
      const readiness = assessReadiness(readyStory({ title }));
      expect(codes(readiness)).toEqual(['vague_title']);
      expect(reasonFor(readiness, 'vague_title')).toBe('The title is too short to say what the story delivers (at least 3 words)');
    });

    it('counts words in any script and numbers as words', () => {
      expect(assessReadiness(readyStory({ title: 'Fix login 500' }))?.ready).toBe(true);
      expect(assessReadiness(readyStory({ title: 'Exportar hoja de ruta' }))?.ready).toBe(true);
      expect(assessReadiness(readyStory({ title: 'Экспорт дорожной карты' }))?.ready).toBe(true);
    });

    it('names a placeholder rather than the length when a short title has one', () => {
      expect(reasonFor(assessReadiness(readyStory({ title: 'TBD' })), 'vague_title')).toBe(
        'The title holds a placeholder ("tbd"); say what the story delivers',
      );
    });
  });

  describe('the story sentence', () => {
    it('names the one part that is missing', () => {
      expect(reasonFor(assessReadiness(readyStory({ persona: '' })), 'incomplete_story')).toBe(
        'Say who it is for ("As a …, I want …, so that …")',
      );
      expect(reasonFor(assessReadiness(readyStory({ want: '' })), 'incomplete_story')).toBe(
        'Say what they want ("As a …, I want …, so that …")',
      );
      expect(reasonFor(assessReadiness(readyStory({ benefit: '' })), 'incomplete_story')).toBe(
        'Say why they want it ("As a …, I want …, so that …")',
      );
    });

    it('names two missing parts joined with "and"', () => {
      expect(reasonFor(assessReadiness(readyStory({ persona: '', benefit: '' })), 'incomplete_story')).toBe(
        'Say who it is for and why they want it ("As a …, I want …, so that …")',
      );
    });

    it('names all three missing parts as a list', () => {
      expect(reasonFor(assessReadiness(readyStory({ persona: '', want: '', benefit: '' })), 'incomplete_story')).toBe(
        'Say who it is for, what they want and why they want it ("As a …, I want …, so that …")',
      );
    });

    it('counts a part of only spaces as missing', () => {
      expect(codes(assessReadiness(readyStory({ want: '   \n\t' })))).toEqual(['incomplete_story']);
    });
  });

  describe('blocking', () => {
    it('is not ready while blocked, quoting the reason', () => {
      const readiness = assessReadiness(readyStory({ blocked: true, blockedReason: 'waiting for the PDF library licence' }));
      expect(readiness?.ready).toBe(false);
      expect(codes(readiness)).toEqual(['blocked']);
      expect(reasonFor(readiness, 'blocked')).toBe('Blocked: waiting for the PDF library licence');
    });

    it('says it is blocked when no reason is given', () => {
      expect(reasonFor(assessReadiness(readyStory({ blocked: true, blockedReason: '' })), 'blocked')).toBe('It is blocked');
    });

    it('ignores a leftover reason once unblocked', () => {
      expect(assessReadiness(readyStory({ blocked: false, blockedReason: 'waiting for legal' }))?.ready).toBe(true);
    });
  });

  it('lists every reason at once, in a stable order', () => {
    const readiness = assessReadiness(
      readyStory({ title: 'Stuff', acceptanceCriteria: [], estimate: 40, persona: '', blocked: true, blockedReason: 'needs design' }),
    );
    expect(readiness).toEqual({
      ready: false,
      reasons: [
        { code: 'no_acceptance_criteria', message: 'Add acceptance criteria, so the team knows when it is done' },
        { code: 'too_large', message: '40 points is more than half of a typical sprint (20 points); split it' },
        { code: 'vague_title', message: 'The title holds a placeholder ("stuff"); say what the story delivers' },
        { code: 'incomplete_story', message: 'Say who it is for ("As a …, I want …, so that …")' },
        { code: 'blocked', message: 'Blocked: needs design' },
      ],
    });
  });
});
