import { z } from 'zod';

/**
 * Every error Tandem returns carries one of these codes. Clients switch on the
 * code, never on the message; a code is never renamed once shipped.
 */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'invalid_credentials',
  'too_many_attempts',
  'csrf_failed',
  'forbidden',
  'not_found',
  'route_not_found',
  'conflict',
  'key_taken',
  'email_taken',
  'ambiguous_key',
  'version_mismatch',
  'idempotency_key_reused',
  'idempotency_in_progress',
  'last_owner',
  'invite_invalid',
  'already_member',
  'not_empty',
  'wip_limit_reached',
  'status_in_use',
  'invalid_query',
  'dependency_cycle',
  'name_taken',
  'unavailable',
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldErrorSchema = z.object({
  field: z.string().meta({ description: 'Dotted path of the failing field, e.g. `body.title`' }),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details, with Tandem's stable `code`. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: ErrorCodeSchema,
    instance: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
    column: z.number().int().optional().meta({ description: 'For `invalid_query`: the 1-based column in `q` where the problem is' }),
    cycle: z.array(z.string()).optional().meta({ description: 'For `dependency_cycle`: the item keys round the cycle, first and last the same' }),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;
