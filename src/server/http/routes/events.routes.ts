import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RealtimeMessage } from '../../../contracts/events.schema';
import { actorOf } from '../auth';
import type { AppServices } from '../services';

const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events of the changes the caller may see: events of the
 * workspaces they belong to, as invalidation hints `{type, ids, actor}`.
 */
export const eventRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  // Streams never end on their own; shutting down must end them, or closing waits for every client.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get(
    '/events',
    {
      schema: {
        operationId: 'streamEvents',
        tags: ['realtime'],
        summary: 'Server-Sent Events of changes in your workspaces (text/event-stream)',
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const workspaceIds = new Set((await services.workspaces.listFor(actor)).map(({ workspace }) => workspace.id));
      const refreshMemberships = async () => {
        const memberships = await services.workspaces.listFor(actor);
        workspaceIds.clear();
        for (const { workspace } of memberships) workspaceIds.add(workspace.id);
      };

      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      stream.write('retry: 3000\n: connected\n\n');

      const send = (message: RealtimeMessage) => {
        stream.write(`event: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`);
      };
      const unsubscribe = services.events.subscribe((message) => {
        const aboutMe = message.type.startsWith('member.') && message.ids.includes(actor.userId);
        if (aboutMe) {
          // Joining or leaving a workspace changes what this stream may carry.
          void refreshMemberships()
            .then(() => {
              if (workspaceIds.has(message.workspaceId) || message.type === 'member.removed') send(message);
            })
            .catch(() => undefined);
          return;
        }
        if (workspaceIds.has(message.workspaceId)) send(message);
      });
      const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(close);
        if (!stream.writableEnded) stream.end();
        // A stream's connection is never reused; keeping it alive would only hold a closing server open.
        stream.socket?.destroy();
      };
      open.add(close);
      stream.on('close', close);
      stream.on('error', close);
    },
  );
};
