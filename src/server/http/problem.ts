import type { ErrorCode, FieldError, Problem } from '../../contracts/errors';

/** The one place where error codes become HTTP statuses. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  too_many_attempts: 429,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  key_taken: 409,
  email_taken: 409,
  ambiguous_key: 409,
  version_mismatch: 412,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
  last_owner: 409,
  invite_invalid: 410,
  already_member: 409,
  not_empty: 409,
  wip_limit_reached: 409,
  status_in_use: 409,
  invalid_query: 400,
  dependency_cycle: 409,
  name_taken: 409,
  unavailable: 503,
  internal: 500,
};

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  malformed_json: 'The request body is not valid JSON',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body has an unsupported content type',
  unauthenticated: 'Sign in first',
  invalid_credentials: 'Wrong email or password',
  too_many_attempts: 'Too many attempts',
  csrf_failed: 'Missing or wrong CSRF token',
  forbidden: 'Your role does not allow this',
  not_found: 'Not found',
  route_not_found: 'No such route',
  conflict: 'Conflict',
  key_taken: 'Key already in use',
  email_taken: 'Email already in use',
  ambiguous_key: 'Ambiguous key',
  version_mismatch: 'Changed by someone else',
  idempotency_key_reused: 'Idempotency key reused',
  idempotency_in_progress: 'Request in progress',
  last_owner: 'The workspace needs an owner',
  invite_invalid: 'Invite not valid',
  already_member: 'Already a member',
  not_empty: 'Not empty',
  wip_limit_reached: 'The status is at its WIP limit',
  status_in_use: 'Items still use this status',
  invalid_query: 'The filter query is not valid',
  dependency_cycle: 'The dependency would close a cycle',
  name_taken: 'Name already in use',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  code: ErrorCode,
  detail: string,
  extra: { instance?: string; errors?: FieldError[]; column?: number; cycle?: string[]; requestId?: string } = {},
): Problem {
  return {
    type: `https://tandem.dev/problems/${code.replaceAll('_', '-')}`,
    title: TITLES[code],
    status: STATUS_BY_CODE[code],
    detail,
    code,
    ...extra,
  };
}
