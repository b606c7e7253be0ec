import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodFastifySchemaValidationError } from 'fastify-type-provider-zod';
import type { FieldError } from '../../contracts/errors';
import { isTandemError } from '../../domain/errors';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';
import type { ErrorCode } from '../../contracts/errors';

/** Names each failing field as `<part>.<path>`, spelling out unknown keys one by one. */
function fieldErrors(context: string, issues: ZodFastifySchemaValidationError[]): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean);
    const base = [context, ...path].join('.');
    const keys = (issue.params as { keys?: unknown }).keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({ field: `${base}.${String(key)}`, message: 'unknown field' }));
    }
    return [{ field: base, message: issue.message ?? 'is not valid' }];
  });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
};

export function sendProblem(reply: FastifyReply, body: ReturnType<typeof problem>): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * Every error becomes RFC 9457 problem details with a stable code. Expected
 * failures carry their own code; anything unknown is a logged, generic 500
 * that reveals nothing of the server.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const base = { instance: request.url, requestId: request.id };

    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrors(error.validationContext ?? 'request', error.validation);
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return sendProblem(reply, problem('validation_failed', detail, { ...base, errors }));
    }

    if (isTandemError(error)) {
      if (error.code === 'too_many_attempts' && typeof error.details.retryAfterSeconds === 'number') {
        reply.header('retry-after', String(error.details.retryAfterSeconds));
      }
      const { errors, column, cycle } = error.details;
      return sendProblem(
        reply,
        problem(error.code, error.message, {
          ...base,
          ...(errors && { errors }),
          ...(typeof column === 'number' && { column }),
          ...(Array.isArray(cycle) && { cycle: cycle.map(String) }),
        }),
      );
    }

    const fastifyCode = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (fastifyCode) return sendProblem(reply, problem(fastifyCode, error.message, base));

    // Body parse errors the JSON parser reports without a Fastify code (e.g. a __proto__ key).
    if (error instanceof SyntaxError || (error.statusCode === 400 && !error.code)) {
      return sendProblem(reply, problem('malformed_json', error.message, base));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problem('validation_failed', error.message, base));
    }

    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem('internal', `Something went wrong on our side; quote request id ${request.id}`, base));
  });
}

/**
 * Errors Fastify's router meets before any route or hook runs (an address
 * with a bad % escape, a path part past the length limit), as problems too.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const base = { instance: request.url, requestId: request.id };
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(reply, problem('validation_failed', 'The address is not valid: every % must be followed by two hexadecimal digits', base));
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, problem('validation_failed', 'A part of the address is too long to be an id or a key', base));
  request.log.error({ err: error }, 'unhandled router error');
  return sendProblem(reply, problem('internal', `Something went wrong on our side; quote request id ${request.id}`, base));
}

export function routeNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0];
  return sendProblem(reply, problem('route_not_found', `No route ${request.method} ${path}`, { instance: request.url, requestId: request.id }));
}
