import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TandemError } from '../../domain/errors';
import type { Authenticated, AuthService } from '../../services/auth.service';
import type { Actor } from '../../services/context';
import { sameSecret } from '../../services/secrets';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Does not act as the session's user (signing in), so needs no CSRF token. */
    csrfExempt?: boolean;
  }
}

export const SESSION_COOKIE = 'tandem_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const unauthenticated = (message: string) => new TandemError('unauthenticated', message);

/**
 * Who is calling: a bearer API token, or the session cookie. Routes are
 * private unless marked public; cookie-authenticated writes must carry the
 * session's CSRF token in X-CSRF-Token (bearer requests need none, as a
 * browser never attaches them on its own).
 */
export function installAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const authenticated = match ? await auth.authenticateToken(match[1]!) : null;
      // A public route does not care about a stray or stale Authorization header.
      if (!authenticated && isPrivate(request)) {
        throw unauthenticated(match ? 'The API token is not valid or has been revoked' : 'The Authorization header must be "Bearer <token>"');
      }
      request.auth = authenticated;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.auth = await auth.authenticateSession(cookie);
    // A session in use slides forward; so must the cookie's own expiry.
    if (cookie && request.auth?.renewedForSeconds) setSessionCookie(request, reply, cookie, request.auth.renewedForSeconds);
  });

  app.addHook('preValidation', async (request) => {
    const { auth: authenticated } = request;
    if (authenticated?.via === 'session' && !SAFE_METHODS.has(request.method) && !request.routeOptions.config.csrfExempt) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !authenticated.csrfToken || !sameSecret(sent, authenticated.csrfToken)) {
        throw new TandemError('csrf_failed', 'Cookie-authenticated writes must send the X-CSRF-Token header from sign-in');
      }
    }
    if (isPrivate(request) && !authenticated) {
      throw unauthenticated('Sign in, or send an API token as "Authorization: Bearer <token>"');
    }
  });
}

/**
 * Judged on the route that matched, never on the raw URL (which may be
 * percent-encoded): API routes are private unless marked public; the web
 * app's own files are public; an unmatched URL falls through to a 404.
 */
function isPrivate(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return route !== undefined && route.startsWith('/api/') && !request.routeOptions.config.public;
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw unauthenticated('Sign in first');
  return request.auth.actor;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}
