import { expect } from 'vitest';
import { TandemError } from '../errors';

/** Runs `act`, expects `validation_failed`, and returns the failing field names. */
export function failingFields(act: () => unknown): string[] {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(TandemError);
    const tandemError = error as TandemError;
    expect(tandemError.code).toBe('validation_failed');
    const errors = tandemError.details.errors ?? [];
    // The message lists every field too, for logs and the CLI.
    for (const fieldError of errors) expect(tandemError.message).toContain(`${fieldError.field}: ${fieldError.message}`);
    return errors.map((fieldError) => fieldError.field);
  }
  throw new Error('expected a validation_failed error');
}

/** Lets a test pass a value the types forbid, as a JSON body or a script could. */
export const untyped = <T>(value: unknown): T => value as T;
