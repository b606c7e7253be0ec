import type { FastifyReply, FastifyRequest } from 'fastify';
import { TandemError } from '../../domain/errors';

/** Every mutable row has a version; its ETag is the version, so If-Match can name it. */
export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

const MAX_VERSION = 2_147_483_647;

/**
 * The version an If-Match header names, or undefined when the client sent
 * none (last write wins). `*` matches any version. Versions start at 1; where
 * a row may not be written yet (an item's plan before the first one), `"0"`
 * names that state when the route allows `unwritten`.
 */
export function expectedVersion(request: FastifyRequest, options: { unwritten?: boolean } = {}): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,10})"\s*$/.exec(header);
  const version = match ? Number(match[1]) : NaN;
  if (!(version >= (options.unwritten ? 0 : 1) && version <= MAX_VERSION)) {
    throw new TandemError('validation_failed', 'If-Match must be an ETag this API returned, such as "3"', {
      errors: [{ field: 'headers.if-match', message: 'not an ETag of this API' }],
    });
  }
  return version;
}
