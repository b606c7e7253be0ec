import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../../contracts/errors';
import { TandemError } from '../../domain/errors';

const MAX_DEPTH = 32;

// Half of a UTF-16 pair with no other half: not Unicode text. A database stores it as U+FFFD or refuses it.
const LONE_SURROGATE = /\p{Surrogate}/u;

function findUnstorableText(value: unknown, path: string, found: FieldError[], depth = 0): void {
  if (found.length >= 20 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ field: path, message: 'must not contain the NUL character' });
    else if (LONE_SURROGATE.test(value)) found.push({ field: path, message: 'must be valid Unicode text (it holds half of a surrogate pair)' });
  } else if (Array.isArray(value)) {
    value.forEach((entry, index) => findUnstorableText(entry, `${path}.${index}`, found, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) findUnstorableText(entry, `${path}.${key}`, found, depth + 1);
  }
}

/**
 * PostgreSQL text cannot hold U+0000, SQLite turns a lone surrogate into
 * U+FFFD (so two different names would become one), and no Tandem field needs
 * either: refuse them at the edge, for every route, before either database.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found: FieldError[] = [];
    findUnstorableText(request.params, 'params', found);
    findUnstorableText(request.query, 'querystring', found);
    findUnstorableText(request.body, 'body', found);
    if (found.length > 0) {
      throw new TandemError('validation_failed', found.map((error) => `${error.field}: ${error.message}`).join('; '), { errors: found });
    }
  });
}
