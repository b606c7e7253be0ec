import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../../contracts/errors';
import { TandemError } from '../../domain/errors';

const MAX_DEPTH = 32;

function findNulStrings(value: unknown, path: string, found: FieldError[], depth = 0): void {
  if (found.length >= 20 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ field: path, message: 'must not contain the NUL character' });
  } else if (Array.isArray(value)) {
    value.forEach((entry, index) => findNulStrings(entry, `${path}.${index}`, found, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) findNulStrings(entry, `${path}.${key}`, found, depth + 1);
  }
}

/**
 * PostgreSQL text cannot hold U+0000, and no Tandem field needs it: refuse it
 * at the edge, for every route, before it reaches either database.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found: FieldError[] = [];
    findNulStrings(request.params, 'params', found);
    findNulStrings(request.query, 'querystring', found);
    findNulStrings(request.body, 'body', found);
    if (found.length > 0) {
      throw new TandemError('validation_failed', found.map((error) => `${error.field}: ${error.message}`).join('; '), { errors: found });
    }
  });
}
