import type { FastifyReply, FastifyRequest } from 'fastify';
import { TandemError } from '../../domain/errors';

/** Every mutable row has a version; its ETag is the version, so If-Match can name it. */
export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/**
 * The version an If-Match header names, or undefined when the client sent
 * none (last write wins). `*` matches any version.
 */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,12})"\s*$/.exec(header);
  if (!match) {
    throw new TandemError('version_mismatch', 'If-Match must be an ETag this API returned, such as "3"');
  }
  return Number(match[1]);
}
