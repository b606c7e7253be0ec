import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { errorAt } from '../features/items/draft-field';

const invalid = (errors: Array<{ field: string; message: string }>) =>
  new ApiError(400, { type: 'about:blank', title: 'Invalid', status: 400, detail: 'Check the fields', code: 'validation_failed', errors }, 'Invalid');

describe('field errors from a validation problem', () => {
  it('keeps the whole path below the request part, so repeated and keyed fields stay apart', () => {
    const error = invalid([
      { field: 'body.customFields.platform', message: 'not one of the options' },
      { field: 'body.acceptanceCriteria.1.then', message: 'a criterion needs its "then"' },
      { field: 'body.statuses.2.name', message: '"Done" is used twice' },
      { field: 'body.statuses.2.name', message: 'a later message for the same field' },
    ]);
    expect(error.fieldErrorsByPath).toEqual({
      'customFields.platform': 'not one of the options',
      'acceptanceCriteria.1.then': 'a criterion needs its "then"',
      'statuses.2.name': '"Done" is used twice',
    });
    // The short form names only the last segment.
    expect(error.fieldErrors.then).toBe('a criterion needs its "then"');
  });

  it('finds a message for a field or anything beneath it', () => {
    const errors = { 'labels.2': 'no spaces', parentId: 'a story goes under a feature or an epic' };
    expect(errorAt(errors, 'labels')).toBe('no spaces');
    expect(errorAt(errors, 'parentId')).toBe('a story goes under a feature or an epic');
    expect(errorAt(errors, 'label')).toBeUndefined();
  });
});
