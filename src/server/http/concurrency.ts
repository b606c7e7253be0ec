import type { FastifyReply, FastifyRequest } from 'fastify';
import { TandemError } from '../../domain/errors';

/** Every mutable row has a version; its ETag is the version, so If-Match can name it. */
export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

const MAX_VERSION = 2_147_483_647;

/**
 * The version an If-Match header names, or undefined when the client sent
 * none (last write wins). `*` matches any version; "0" names a row not yet
 * written (a plan before the first one), which matches nothing else.
 */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,10})"\s*$/.exec(header);
  const version = match ? Number(match[1]) : NaN;
  if (!(version >= 0 && version <= MAX_VERSION)) {
    throw new TandemError('validation_failed', 'If-Match must be an ETag this API returned, such as "3"', {
      errors: [{ field: 'headers.if-match', message: 'not an ETag of this API' }],
    });
  }
  return version;
}
