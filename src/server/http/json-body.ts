import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { TandemError } from '../../domain/errors';

/**
 * Parses JSON bodies, saying exactly what is wrong with a malformed one (the
 * parser's own message, with its position) and refusing prototype-polluting
 * keys, instead of a generic "not valid JSON".
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(new TandemError('malformed_json', 'The body is empty; send a JSON document or omit the content-type'), undefined);
      return;
    }
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      done(new TandemError('malformed_json', `The body is not valid JSON: ${reason}`), undefined);
    }
  });
}
