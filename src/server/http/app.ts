import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
// Imported for its registration: the OpenAPI document lists every schema of the zod registry.
import '../../contracts/errors';
import { installAuth } from './auth';
import { frameworkProblem, installErrorHandler, routeNotFound } from './error-handler';
import { installIdempotency } from './idempotency';
import { installJsonBodyParser } from './json-body';
import { installTextGuard } from './text-guard';
import { authRoutes } from './routes/auth.routes';
import { eventRoutes } from './routes/events.routes';
import { healthRoutes } from './routes/health.routes';
import { itemRoutes } from './routes/item.routes';
import { prioritizationRoutes } from './routes/prioritization.routes';
import { forecastRoutes } from './routes/forecast.routes';
import { strategyRoutes } from './routes/strategy.routes';
import { roadmapRoutes } from './routes/roadmap.routes';
import { evidenceRoutes } from './routes/evidence.routes';
import { timelineRoutes } from './routes/timeline.routes';
import { marketRoutes } from './routes/market.routes';
import { launchRoutes } from './routes/launch.routes';
import { scoreRoutes } from './routes/score.routes';
import { sprintRoutes } from './routes/sprint.routes';
import { viewRoutes } from './routes/view.routes';
import { decisionRoutes } from './routes/decision.routes';
import { productRoutes } from './routes/product.routes';
import { workspaceRoutes } from './routes/workspace.routes';
import type { AppServices } from './services';

export const API_PREFIX = '/api/v1';
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppOptions {
  services: AppServices;
  logLevel?: string;
  trustProxy?: boolean;
  /** Directory of the built web app; null or missing serves the API only. */
  webRoot?: string | null;
  /** Event-stream heartbeat (and credential re-check) interval; tests shorten it. */
  eventHeartbeatMs?: number;
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** Every operation can answer with problem details; say so once for all of them. */
function documentProblems(input: TransformInput) {
  const transformed = jsonSchemaTransform(input);
  const schema = transformed.schema as { response?: Record<string, unknown> };
  schema.response = {
    ...schema.response,
    default: {
      description: 'An RFC 9457 problem: the `code` says what went wrong, `errors` names each failing field',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    },
  };
  return transformed;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { services } = options;
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Per-request lines only when debugging: at load they cost more than the request.
    logController: new LogController({ disableRequestLogging: options.logLevel !== 'debug' && options.logLevel !== 'trace' }),
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkProblem,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installJsonBodyParser(app);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '1.0.0',
        description:
          'Tandem: one traceable system for the Product Manager and the Product Owner. Errors are RFC 9457 problem details with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/v1/tokens' },
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: documentProblems,
    transformObject: jsonSchemaTransformObject,
  });
  // The API docs page is for anyone who can reach the server, like the spec it renders.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } });

  installAuth(app, services.auth);
  installTextGuard(app);
  installIdempotency(app, services.idempotency);

  await app.register(healthRoutes, { services });
  await app.register(
    async (api) => {
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
      await api.register(authRoutes, { services });
      await api.register(workspaceRoutes, { services });
      await api.register(productRoutes, { services });
      await api.register(itemRoutes, { services });
      await api.register(prioritizationRoutes, { services });
      await api.register(forecastRoutes, { services });
      await api.register(scoreRoutes, { services });
      await api.register(sprintRoutes, { services });
      await api.register(viewRoutes, { services });
      await api.register(decisionRoutes, { services });
      await api.register(strategyRoutes, { services });
      await api.register(evidenceRoutes, { services });
      await api.register(timelineRoutes, { services });
      await api.register(roadmapRoutes, { services });
      await api.register(marketRoutes, { services });
      await api.register(launchRoutes, { services });
      await api.register(eventRoutes, { services, ...(options.eventHeartbeatMs ? { heartbeatMs: options.eventHeartbeatMs } : {}) });
    },
    { prefix: API_PREFIX },
  );

  const webRoot = options.webRoot;
  const hasWeb = Boolean(webRoot && existsSync(join(webRoot, 'index.html')));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot!,
      wildcard: false,
      index: false,
      // Vite names every built asset by its content hash, so a browser may keep one for good; the page itself is always revalidated.
      setHeaders: (reply, path) => {
        if (/[\\/]assets[\\/]/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    app.get('/', { config: { public: true }, schema: { hide: true } }, (_request, reply) => reply.type('text/html').sendFile('index.html'));
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any other page path gets its shell.
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.split('?')[0]!.includes('.');
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return routeNotFound(request, reply);
  });

  return app;
}
