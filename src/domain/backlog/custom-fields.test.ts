import { describe, expect, it } from 'vitest';
import type { CustomField, CustomFieldValue, CustomFieldsReplace } from '../../contracts/workflow.schema';
import { TandemError } from '../errors';
import { failingFields, untyped } from '../prioritization/fields-of.test-helper';
import { buildCustomFields, mergeCustomFieldValues } from './custom-fields';

type FieldInput = CustomFieldsReplace['fields'][number];

/** Runs `act`, expects `validation_failed`, and returns its field errors (each named in the message too). */
function fieldErrors(act: () => unknown): Array<{ field: string; message: string }> {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(TandemError);
    const { code, message, details } = error as TandemError;
    expect(code).toBe('validation_failed');
    const errors = details.errors ?? [];
    for (const fieldError of errors) expect(message).toContain(`${fieldError.field}: ${fieldError.message}`);
    return errors;
  }
  throw new Error('expected a validation_failed error');
}

/** An id factory that counts, so a test can tell which fields it named. */
function counter(prefix = 'cf') {
  let n = 0;
  const newId = () => `${prefix}-${(n += 1)}`;
  return { newId, calls: () => n };
}

describe('buildCustomFields', () => {
  const team: CustomField = { id: 'f-team', name: 'Team', kind: 'single_select', options: ['Core', 'Growth'] };
  const due: CustomField = { id: 'f-due', name: 'Due', kind: 'date', options: [] };

  it('gives each new field an id from the factory, in order, and keeps the ids it is given', () => {
    const ids = counter();
    const built = buildCustomFields(
      [
        { name: 'Customer', kind: 'text', options: [] },
        { id: 'f-team', name: 'Squad', kind: 'single_select', options: ['Core', 'Growth', 'Platform'] },
        { name: 'Tags', kind: 'multi_select', options: ['ux', 'api'] },
      ],
      [team, due],
      ids.newId,
    );
    expect(built).toEqual([
      { id: 'cf-1', name: 'Customer', kind: 'text', options: [] },
      { id: 'f-team', name: 'Squad', kind: 'single_select', options: ['Core', 'Growth', 'Platform'] },
      { id: 'cf-2', name: 'Tags', kind: 'multi_select', options: ['ux', 'api'] },
    ]);
    expect(ids.calls()).toBe(2);
  });

  it('accepts an empty list, which removes every field', () => {
    expect(buildCustomFields([], [team, due], counter().newId)).toEqual([]);
  });

  it('accepts every kind', () => {
    const built = buildCustomFields(
      [
        { name: 'Notes', kind: 'text', options: [] },
        { name: 'Revenue', kind: 'number', options: [] },
        { name: 'Launch', kind: 'date', options: [] },
        { name: 'Size', kind: 'single_select', options: ['S', 'M', 'L'] },
        { name: 'Platforms', kind: 'multi_select', options: ['iOS', 'Android'] },
      ],
      [],
      counter().newId,
    );
    expect(built.map((field) => field.kind)).toEqual(['text', 'number', 'date', 'single_select', 'multi_select']);
  });

  it('refuses a name used twice, ignoring case', () => {
    expect(
      fieldErrors(() =>
        buildCustomFields(
          [
            { name: 'Team', kind: 'text', options: [] },
            { name: 'Due', kind: 'date', options: [] },
            { name: 'team', kind: 'number', options: [] },
          ],
          [],
          counter().newId,
        ),
      ),
    ).toEqual([{ field: 'fields.2.name', message: '"team" is used twice' }]);
  });

  it('refuses to keep an id the product does not have', () => {
    expect(fieldErrors(() => buildCustomFields([{ id: 'f-gone', name: 'Gone', kind: 'text', options: [] }], [team], counter().newId))).toEqual([
      { field: 'fields.0.id', message: 'no such custom field in this product' },
    ]);
  });

  it('refuses an id kept twice', () => {
    expect(
      fieldErrors(() =>
        buildCustomFields(
          [
            { id: 'f-due', name: 'Due', kind: 'date', options: [] },
            { id: 'f-due', name: 'Deadline', kind: 'date', options: [] },
          ],
          [due],
          counter().newId,
        ),
      ),
    ).toEqual([{ field: 'fields.1.id', message: 'named twice' }]);
  });

  it('needs at least one option on a select field', () => {
    for (const kind of ['single_select', 'multi_select'] as const) {
      expect(fieldErrors(() => buildCustomFields([{ name: 'Size', kind, options: [] }], [], counter().newId))).toEqual([
        { field: 'fields.0.options', message: 'a select field needs at least one option' },
      ]);
    }
  });

  it('refuses an option listed twice, ignoring case', () => {
    for (const kind of ['single_select', 'multi_select'] as const) {
      expect(fieldErrors(() => buildCustomFields([{ name: 'Size', kind, options: ['S', 'M', 's'] }], [], counter().newId))).toEqual([
        { field: 'fields.0.options', message: 'an option is listed twice' },
      ]);
    }
  });

  it('refuses options on a field that is not a select', () => {
    for (const kind of ['text', 'number', 'date'] as const) {
      expect(fieldErrors(() => buildCustomFields([{ name: 'Size', kind, options: ['S'] }], [], counter().newId))).toEqual([
        { field: 'fields.0.options', message: `a ${kind} field has no options` },
      ]);
    }
  });

  it('lists every problem at once, asking for no ids when it refuses', () => {
    const ids = counter();
    const input: FieldInput[] = [
      { id: 'f-nope', name: 'Size', kind: 'single_select', options: [] },
      { name: 'size', kind: 'text', options: ['x'] },
      { name: 'Tags', kind: 'multi_select', options: ['a', 'A'] },
    ];
    expect(failingFields(() => buildCustomFields(input, [team], ids.newId))).toEqual([
      'fields.0.id',
      'fields.0.options',
      'fields.1.name',
      'fields.1.options',
      'fields.2.options',
    ]);
    expect(ids.calls()).toBe(0);
  });
});

describe('mergeCustomFieldValues', () => {
  const fields: CustomField[] = [
    { id: 'f-text', name: 'Customer', kind: 'text', options: [] },
    { id: 'f-number', name: 'Revenue', kind: 'number', options: [] },
    { id: 'f-date', name: 'Launch', kind: 'date', options: [] },
    { id: 'f-single', name: 'Size', kind: 'single_select', options: ['S', 'M', 'L'] },
    { id: 'f-multi', name: 'Platforms', kind: 'multi_select', options: ['iOS', 'Android', 'Web'] },
  ];

  const merge = (patch: Record<string, CustomFieldValue | null>, current: Record<string, CustomFieldValue> = {}) =>
    mergeCustomFieldValues(fields, current, patch);

  /** The message for `id` when `value` is refused. */
  const refusal = (id: string, value: unknown) => {
    const errors = fieldErrors(() => merge({ [id]: untyped<CustomFieldValue>(value) }));
    expect(errors.map((e) => e.field)).toEqual([`customFields.${id}`]);
    return errors[0]!.message;
  };

  describe('text', () => {
    it('accepts any text', () => {
      expect(merge({ 'f-text': 'ACME Corp' })).toEqual({ 'f-text': 'ACME Corp' });
      expect(merge({ 'f-text': '   ' })).toEqual({ 'f-text': '   ' });
    });

    it('refuses numbers and lists', () => {
      expect(refusal('f-text', 42)).toBe('Customer: expected text');
      expect(refusal('f-text', ['ACME'])).toBe('Customer: expected text');
    });
  });

  describe('number', () => {
    it('accepts finite numbers, zero and negatives included', () => {
      expect(merge({ 'f-number': 1250.5 })).toEqual({ 'f-number': 1250.5 });
      expect(merge({ 'f-number': 0 })).toEqual({ 'f-number': 0 });
      expect(merge({ 'f-number': -3 })).toEqual({ 'f-number': -3 });
    });

    it('refuses text, lists and numbers that are not finite', () => {
      expect(refusal('f-number', '1250')).toBe('Revenue: expected a number');
      expect(refusal('f-number', [1])).toBe('Revenue: expected a number');
      expect(refusal('f-number', Number.NaN)).toBe('Revenue: expected a number');
      expect(refusal('f-number', Number.POSITIVE_INFINITY)).toBe('Revenue: expected a number');
    });
  });

  describe('date', () => {
    it('accepts real calendar dates as YYYY-MM-DD', () => {
      expect(merge({ 'f-date': '2026-03-31' })).toEqual({ 'f-date': '2026-03-31' });
      expect(merge({ 'f-date': '2028-02-29' })).toEqual({ 'f-date': '2028-02-29' });
      expect(merge({ 'f-date': '2026-12-31' })).toEqual({ 'f-date': '2026-12-31' });
    });

    it.each(['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-5', '26-01-05', '2026-01-05T10:00:00Z', '05/01/2026', 'soon'])(
      'refuses "%s"',
      (value) => {
        expect(refusal('f-date', value)).toBe('Launch: expected a date as YYYY-MM-DD');
      },
    );

    it('refuses numbers, such as a timestamp', () => {
      expect(refusal('f-date', 1767225600000)).toBe('Launch: expected a date as YYYY-MM-DD');
    });
  });

  describe('single select', () => {
    it('accepts one of its options', () => {
      expect(merge({ 'f-single': 'M' })).toEqual({ 'f-single': 'M' });
    });

    it('refuses anything else, listing the options', () => {
      expect(refusal('f-single', 'XL')).toBe('Size: expected one of: S, M, L');
      expect(refusal('f-single', 'm')).toBe('Size: expected one of: S, M, L');
      expect(refusal('f-single', ['M'])).toBe('Size: expected one of: S, M, L');
    });
  });

  describe('multi select', () => {
    it('accepts any of its options, in any order', () => {
      expect(merge({ 'f-multi': ['Web', 'iOS'] })).toEqual({ 'f-multi': ['Web', 'iOS'] });
      expect(merge({ 'f-multi': ['Android'] })).toEqual({ 'f-multi': ['Android'] });
    });

    it('refuses an option it does not have, listing the options', () => {
      expect(refusal('f-multi', ['iOS', 'Windows'])).toBe('Platforms: expected options from: iOS, Android, Web');
    });

    it('refuses an option chosen twice', () => {
      expect(refusal('f-multi', ['iOS', 'iOS'])).toBe('Platforms: an option is chosen twice');
    });

    it('refuses a single option not in a list', () => {
      expect(refusal('f-multi', 'iOS')).toBe('Platforms: expected a list of options');
    });
  });

  describe('merging', () => {
    const current: Record<string, CustomFieldValue> = { 'f-text': 'ACME', 'f-number': 10, 'f-multi': ['iOS'] };

    it('sets the named fields and keeps the ones not named', () => {
      expect(merge({ 'f-number': 20, 'f-single': 'L' }, current)).toEqual({ 'f-text': 'ACME', 'f-number': 20, 'f-multi': ['iOS'], 'f-single': 'L' });
    });

    it('clears a field given null, empty text or an empty list', () => {
      expect(merge({ 'f-text': null }, current)).toEqual({ 'f-number': 10, 'f-multi': ['iOS'] });
      expect(merge({ 'f-text': '' }, current)).toEqual({ 'f-number': 10, 'f-multi': ['iOS'] });
      expect(merge({ 'f-multi': [] }, current)).toEqual({ 'f-text': 'ACME', 'f-number': 10 });
      expect(merge({ 'f-number': null }, current)).toEqual({ 'f-text': 'ACME', 'f-multi': ['iOS'] });
    });

    it('accepts clearing a field that holds no value', () => {
      expect(merge({ 'f-date': null, 'f-single': '' })).toEqual({});
    });

    it('drops values of fields the product no longer has', () => {
      expect(mergeCustomFieldValues(fields, { 'f-removed': 'old', 'f-text': 'ACME' }, {})).toEqual({ 'f-text': 'ACME' });
    });

    it('leaves the current values as they were', () => {
      const before = structuredClone(current);
      merge({ 'f-text': null, 'f-number': 99 }, current);
      expect(current).toEqual(before);
    });

    it('refuses a field the product does not have, even to clear it', () => {
      expect(fieldErrors(() => merge({ 'f-removed': 'x' }, current))).toEqual([
        { field: 'customFields.f-removed', message: 'no such custom field in this product' },
      ]);
      expect(fieldErrors(() => merge({ 'f-removed': null }, current))).toEqual([
        { field: 'customFields.f-removed', message: 'no such custom field in this product' },
      ]);
    });

    it('refuses the whole patch when any value is wrong, naming each field', () => {
      expect(
        failingFields(() => merge({ 'f-text': 'fine', 'f-number': '12', 'f-date': '2026-02-30', 'f-ghost': 1, 'f-single': 'XL' }, current)),
      ).toEqual(['customFields.f-number', 'customFields.f-date', 'customFields.f-ghost', 'customFields.f-single']);
    });
  });
});

describe('stored values after their field changed', () => {
  const size: CustomField = { id: 'size', name: 'T-shirt size', kind: 'single_select', options: ['S', 'M'] };

  it('drops a stored option the field no longer offers', () => {
    expect(mergeCustomFieldValues([size], { size: 'XL' }, {})).toEqual({});
  });

  it('drops a stored value of a field that changed kind', () => {
    const asNumber: CustomField = { id: 'size', name: 'Size', kind: 'number', options: [] };
    expect(mergeCustomFieldValues([asNumber], { size: 'M' }, {})).toEqual({});
  });

  it('keeps a stored value that still fits', () => {
    expect(mergeCustomFieldValues([size], { size: 'M' }, {})).toEqual({ size: 'M' });
  });
});
