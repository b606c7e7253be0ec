import { isTandemError, TandemError } from '../../domain/errors';

function renameFields(error: unknown): never {
  if (!isTandemError(error) || !error.details.errors) throw error;
  const errors = error.details.errors.map((entry) => ({ ...entry, field: `body.${entry.field}` }));
  throw new TandemError(error.code, error.message, { ...error.details, errors });
}

/**
 * Runs a use case on a request body's values, so that the field errors it
 * names (`inputs.effort`) reach the client as it sent them
 * (`body.inputs.effort`), like the schema's own. Works for sync and async work.
 */
export function fieldsOfBody<T>(work: () => T): T {
  try {
    const result = work();
    return (result instanceof Promise ? result.catch(renameFields) : result) as T;
  } catch (error) {
    return renameFields(error);
  }
}
