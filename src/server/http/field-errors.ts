import { isTandemError, TandemError } from '../../domain/errors';

/**
 * Runs domain code on a request body's values, so that its field errors
 * (`inputs.effort`) are named as the client sent them (`body.inputs.effort`),
 * like the schema's own.
 */
export function fieldsOfBody<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isTandemError(error) || !error.details.errors) throw error;
    const errors = error.details.errors.map((entry) => ({ ...entry, field: `body.${entry.field}` }));
    throw new TandemError(error.code, error.message, { ...error.details, errors });
  }
}
