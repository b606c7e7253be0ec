import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiTokenSchema,
  LoginBodySchema,
  LoginResponseSchema,
  MeSchema,
  TokenCreateBodySchema,
  TokenCreatedSchema,
} from '../../../contracts/auth.schema';
import { IdSchema } from '../../../contracts/common.schema';
import { primaryRole } from '../../../domain/access/permissions';
import { actorOf, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth';
import type { AppServices } from '../services';
import { toApiToken, toUser } from '../wire';

export const authRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  app.post(
    '/auth/login',
    {
      config: { public: true, csrfExempt: true },
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: LoginBodySchema,
        response: { 200: LoginResponseSchema },
      },
    },
    async (request, reply) => {
      const session = await services.auth.login({ ...request.body, address: request.ip });
      setSessionCookie(request, reply, session.sessionToken, session.maxAgeSeconds);
      return { csrfToken: session.csrfToken, user: toUser(session.user) };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { operationId: 'logout', tags: ['auth'], summary: 'Sign out of this session', response: { 204: z.undefined() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && request.auth?.via === 'session') await services.auth.logout(token);
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );

  app.get(
    '/me',
    { schema: { operationId: 'getMe', tags: ['auth'], summary: 'The signed-in user and their workspaces', response: { 200: MeSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const auth = request.auth!;
      const memberships = await services.workspaces.listFor(actor);
      return {
        user: toUser(auth.user),
        workspaces: memberships.map(({ workspace, roles }) => ({
          id: workspace.id,
          name: workspace.name,
          roles,
          role: primaryRole(roles),
        })),
        csrfToken: auth.csrfToken,
      };
    },
  );

  app.post(
    '/tokens',
    {
      config: { secretResponse: true },
      schema: {
        operationId: 'createToken',
        tags: ['auth'],
        summary: 'Create an API token; the secret is shown only in this answer',
        body: TokenCreateBodySchema,
        response: { 201: TokenCreatedSchema },
      },
    },
    async (request, reply) => {
      const { record, token } = await services.auth.createToken(actorOf(request), request.body.name);
      return reply.code(201).send({ ...toApiToken(record), token });
    },
  );

  app.get(
    '/tokens',
    { schema: { operationId: 'listTokens', tags: ['auth'], summary: 'Your active API tokens', response: { 200: z.object({ items: z.array(ApiTokenSchema) }) } } },
    async (request) => ({ items: (await services.auth.listTokens(actorOf(request))).map(toApiToken) }),
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        operationId: 'revokeToken',
        tags: ['auth'],
        summary: 'Revoke one of your API tokens',
        params: z.strictObject({ id: IdSchema }),
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await services.auth.revokeToken(actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
