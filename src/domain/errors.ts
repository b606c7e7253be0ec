import type { ErrorCode, FieldError } from '../contracts/errors';

/**
 * An expected failure, as a value with a stable code. Only the HTTP edge (or the
 * CLI) turns it into a status code or an exit code.
 */
export class TandemError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'TandemError';
  }
}

export function isTandemError(error: unknown): error is TandemError {
  return error instanceof TandemError;
}

export const notFound = (what: string) => new TandemError('not_found', `${what} was not found`);

/** A write that named a version which is no longer current (optimistic concurrency). */
export function staleVersion(what: string, current: number): TandemError {
  return new TandemError('version_mismatch', `The ${what} was changed by someone else (now at version ${current}); reload and try again`, {
    currentVersion: current,
  });
}

/** Bad input, naming every failing field (`validation_failed`, a 400). */
export function invalidFields(errors: readonly FieldError[]): TandemError {
  return new TandemError('validation_failed', errors.map((error) => `${error.field}: ${error.message}`).join('; '), { errors: [...errors] });
}

export const invalidField = (field: string, message: string) => invalidFields([{ field, message }]);
