import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EvaluateBodySchema,
  EvaluateResultSchema,
  KanoClassifyBodySchema,
  KanoResultSchema,
} from '../../../contracts/prioritization.schema';
import { actorOf } from '../auth';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';

/**
 * The calculator is pure: it reads and writes nothing of any workspace, so
 * any signed-in account may use it.
 */
export const prioritizationRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  app.post(
    '/prioritization/evaluate',
    {
      schema: {
        operationId: 'evaluatePriority',
        tags: ['prioritization'],
        summary: 'Score inputs with a framework (rice, ice, wsjf, moscow, value_effort, weighted) and explain the result',
        body: EvaluateBodySchema,
        response: { 200: EvaluateResultSchema },
      },
    },
    async (request) => {
      actorOf(request);
      return fieldsOfBody(() => services.prioritization.evaluate(request.body));
    },
  );

  app.post(
    '/prioritization/kano/classify',
    {
      schema: {
        operationId: 'classifyKano',
        tags: ['prioritization'],
        summary: "Classify Kano survey answer pairs: counts per category, the dominant one, Berger's better/worse",
        body: KanoClassifyBodySchema,
        response: { 200: KanoResultSchema },
      },
    },
    async (request) => {
      actorOf(request);
      return fieldsOfBody(() => services.prioritization.classifyKano(request.body.responses));
    },
  );
};
