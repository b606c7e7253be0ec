import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TandemError } from '../../../domain/errors';
import type { AppServices } from '../services';

const Status = z.object({ status: z.literal('ok') });

export const healthRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  app.get(
    '/healthz',
    { config: { public: true }, schema: { operationId: 'getLiveness', tags: ['health'], summary: 'The process is up', response: { 200: Status } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: { operationId: 'getReadiness', tags: ['health'], summary: 'The database answers', response: { 200: Status } },
    },
    async () => {
      try {
        await services.ping();
      } catch {
        throw new TandemError('unavailable', 'The database does not answer');
      }
      return { status: 'ok' as const };
    },
  );
};
