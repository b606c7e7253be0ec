import type { CustomField, CustomFieldValue, CustomFieldsReplace } from '../../contracts/workflow.schema';
import type { FieldError } from '../../contracts/errors';
import { invalidFields } from '../errors';

const SELECT_KINDS = new Set(['single_select', 'multi_select']);

/**
 * Checks a product's whole replacement list of custom fields: names unique,
 * kept ids known, select fields with distinct options and other kinds with none.
 * New fields get an id from `newId`.
 */
export function buildCustomFields(input: CustomFieldsReplace['fields'], existing: readonly CustomField[], newId: () => string): CustomField[] {
  const errors: FieldError[] = [];
  const known = new Set(existing.map((field) => field.id));
  const names = new Set<string>();
  const ids = new Set<string>();
  input.forEach((field, index) => {
    const at = `fields.${index}`;
    const name = field.name.toLocaleLowerCase();
    if (names.has(name)) errors.push({ field: `${at}.name`, message: `"${field.name}" is used twice` });
    names.add(name);
    if (field.id !== undefined) {
      if (!known.has(field.id)) errors.push({ field: `${at}.id`, message: 'no such custom field in this product' });
      else if (ids.has(field.id)) errors.push({ field: `${at}.id`, message: 'named twice' });
      ids.add(field.id);
    }
    if (SELECT_KINDS.has(field.kind)) {
      if (field.options.length === 0) errors.push({ field: `${at}.options`, message: 'a select field needs at least one option' });
      const options = field.options.map((option) => option.toLocaleLowerCase());
      if (new Set(options).size !== options.length) errors.push({ field: `${at}.options`, message: 'an option is listed twice' });
    } else if (field.options.length > 0) {
      errors.push({ field: `${at}.options`, message: `a ${field.kind} field has no options` });
    }
  });
  if (errors.length > 0) throw invalidFields(errors);
  return input.map((field) => ({
    id: field.id ?? newId(),
    name: field.name,
    kind: field.kind,
    options: SELECT_KINDS.has(field.kind) ? field.options : [],
  }));
}

const PLAN_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isPlanDate(value: string): boolean {
  if (!PLAN_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function valueProblem(field: CustomField, value: CustomFieldValue): string | null {
  switch (field.kind) {
    case 'text':
      return typeof value === 'string' ? null : 'expected text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expected a number';
    case 'date':
      return typeof value === 'string' && isPlanDate(value) ? null : 'expected a date as YYYY-MM-DD';
    case 'single_select':
      return typeof value === 'string' && field.options.includes(value) ? null : `expected one of: ${field.options.join(', ')}`;
    case 'multi_select':
      if (!Array.isArray(value)) return 'expected a list of options';
      if (new Set(value).size !== value.length) return 'an option is chosen twice';
      return value.every((option) => field.options.includes(option)) ? null : `expected options from: ${field.options.join(', ')}`;
  }
}

/**
 * An item's custom-field values after a merge patch: a value sets the field, null
 * clears it, fields not named keep theirs. Every value is checked against the
 * product's field definitions; stored values that no longer fit their field
 * (removed, changed kind, option gone) are dropped.
 */
export function mergeCustomFieldValues(
  fields: readonly CustomField[],
  current: Readonly<Record<string, CustomFieldValue>>,
  patch: Readonly<Record<string, CustomFieldValue | null>>,
): Record<string, CustomFieldValue> {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const errors: FieldError[] = [];
  const merged: Record<string, CustomFieldValue> = {};
  // A stored value whose field has since gone, changed kind or lost the option stops counting.
  for (const [id, value] of Object.entries(current)) {
    const field = byId.get(id);
    if (field && valueProblem(field, value) === null) merged[id] = value;
  }
  for (const [id, value] of Object.entries(patch)) {
    const field = byId.get(id);
    if (!field) {
      errors.push({ field: `customFields.${id}`, message: 'no such custom field in this product' });
      continue;
    }
    if (value === null || (typeof value === 'string' && value === '') || (Array.isArray(value) && value.length === 0)) {
      delete merged[id];
      continue;
    }
    const problem = valueProblem(field, value);
    if (problem) errors.push({ field: `customFields.${id}`, message: `${field.name}: ${problem}` });
    else merged[id] = value;
  }
  if (errors.length > 0) throw invalidFields(errors);
  return merged;
}
