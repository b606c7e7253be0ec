import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TandemError } from '../../domain/errors';
import type { IdempotencyService } from '../../services/idempotency.service';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
  interface FastifyContextConfig {
    /** The answer holds a secret shown once (a new API token, an invite link): it is never stored for replay. */
    secretResponse?: boolean;
  }
}

// A replay repeats what a client needs to find and version what was made.
const REPLAYED_HEADERS = ['etag', 'location'] as const;

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;

function fingerprint(request: FastifyRequest): string {
  const body = JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method} ${request.url}\n${body}`).digest('hex');
}

/**
 * Honours `Idempotency-Key` on authenticated POSTs: the first request runs and
 * its successful answer is kept; a retry gets that answer replayed (with
 * `Idempotent-Replayed: true`) instead of making a second row.
 */
export function installIdempotency(app: FastifyInstance, idempotency: IdempotencyService): void {
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.auth || request.routeOptions.config.secretResponse) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new TandemError('validation_failed', 'Idempotency-Key must be 1 to 200 letters, digits or ._:-', {
        errors: [{ field: 'headers.idempotency-key', message: 'not a valid key' }],
      });
    }
    const claim = await idempotency.claim(request.auth.actor.userId, key, fingerprint(request));
    if (claim.kind === 'replay') {
      return reply.code(claim.statusCode).headers(claim.headers).header('idempotent-replayed', 'true').type('application/json').send(claim.body);
    }
    request.idempotencyKey = key;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.auth) return payload;
    request.idempotencyKey = null;
    const userId = request.auth.actor.userId;
    if (reply.statusCode < 400 && typeof payload === 'string') {
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (typeof value === 'string') headers[name] = value;
      }
      await idempotency.complete(userId, key, reply.statusCode, payload, headers);
    }
    else await idempotency.release(userId, key);
    return payload;
  });

  // A request that died before answering must not hold its key forever.
  app.addHook('onResponse', async (request) => {
    if (request.idempotencyKey && request.auth) await idempotency.release(request.auth.actor.userId, request.idempotencyKey);
  });
}
