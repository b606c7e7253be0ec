import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ForecastHowManyBodySchema, ForecastHowManySchema, ForecastWhenBodySchema, ForecastWhenSchema } from '../../../contracts/forecast.schema';
import { actorOf } from '../auth';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';

/** Like the prioritisation calculator, forecasts read nothing of any workspace: any signed-in account may run them. */
export const forecastRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  app.post(
    '/forecast/when',
    {
      schema: {
        operationId: 'forecastWhen',
        tags: ['forecast'],
        summary: 'When will N items be done? Dates at 50, 85 and 95 % likelihood, by Monte Carlo over a daily throughput history',
        body: ForecastWhenBodySchema,
        response: { 200: ForecastWhenSchema },
      },
    },
    async (request) => {
      actorOf(request);
      return fieldsOfBody(() => services.forecast.when(request.body));
    },
  );

  app.post(
    '/forecast/how-many',
    {
      schema: {
        operationId: 'forecastHowMany',
        tags: ['forecast'],
        summary: 'How many items will be done from start to end (both counted)? Counts reached with 50, 85 and 95 % likelihood',
        body: ForecastHowManyBodySchema,
        response: { 200: ForecastHowManySchema },
      },
    },
    async (request) => {
      actorOf(request);
      return fieldsOfBody(() => services.forecast.howMany(request.body));
    },
  );
};
