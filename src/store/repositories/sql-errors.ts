import type { TandemError } from '../../domain/errors';

/** Whether a driver error is a unique-constraint violation, on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  // SQLite (better-sqlite3) reports SQLITE_CONSTRAINT_*; PostgreSQL reports SQLSTATE 23505.
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Runs a write; a unique-constraint violation comes out as `refusal()`, the problem the caller names, and anything else as it was. */
export async function refusingDuplicates<T>(write: () => Promise<T>, refusal: () => TandemError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal();
    throw error;
  }
}
