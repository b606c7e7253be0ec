import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { parseBacklogSearch, queryProblemOf, scoreText, searchOfView, viewOfSearch } from './backlog-search';

describe('backlog search parameters', () => {
  it('keep a filter and a score sort, and drop defaults and unknown values', () => {
    expect(parseBacklogSearch({ q: 'type:story label:funnels', sort: 'score:rice' })).toEqual({ q: 'type:story label:funnels', sort: 'score:rice' });
    expect(parseBacklogSearch({ q: '   ', sort: 'rank' })).toEqual({});
    expect(parseBacklogSearch({ q: 42, sort: 'score:nope', other: 'x' })).toEqual({ q: '42' });
  });

  it('turn into a view and back', () => {
    expect(viewOfSearch({})).toEqual({ q: '', sort: 'rank' });
    expect(viewOfSearch({ q: ' label:a ', sort: 'score:wsjf' })).toEqual({ q: 'label:a', sort: 'score:wsjf' });
    expect(searchOfView({ q: 'label:a ', sort: 'rank' })).toEqual({ q: 'label:a' });
    expect(searchOfView({ q: '', sort: 'score:kano' })).toEqual({ sort: 'score:kano' });
  });
});

describe('an invalid query', () => {
  it('gives the server’s message and a 0-based caret offset inside the query', () => {
    const error = new ApiError(400, { type: 'about:blank', title: 'Bad query', status: 400, detail: 'unknown field "colour" at column 6', code: 'invalid_query', column: 6 }, 'x');
    expect(queryProblemOf(error, 'type:colour:red')).toEqual({ message: 'unknown field "colour" at column 6', offset: 5 });
    // A column past the end (an unclosed quote, say) puts the caret at the end.
    const past = new ApiError(400, { type: 'about:blank', title: 'Bad query', status: 400, detail: 'unclosed quote', code: 'invalid_query', column: 99 }, 'x');
    expect(queryProblemOf(past, '"abc')?.offset).toBe(4);
  });

  it('is not any other error', () => {
    expect(queryProblemOf(new ApiError(500, null, 'boom'), 'a')).toBeNull();
    expect(queryProblemOf(new Error('x'), 'a')).toBeNull();
  });
});

describe('score column', () => {
  it('shows the chosen framework’s score, rounded as formulas are, or nothing', () => {
    expect(scoreText({ rice: 1234.5678 }, 'rice')).toBe('1234.57');
    expect(scoreText({ rice: 12 }, 'ice')).toBe('');
  });
});
