import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RealtimeMessage } from '../../../contracts/events.schema';
import { actorOf } from '../auth';
import type { AppServices } from '../services';

/** How often a stream proves it is alive and re-checks its credentials. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events of the changes the caller may see: events of the
 * workspaces they belong to, as invalidation hints `{type, ids, actor}`.
 */
export const eventRoutes: FastifyPluginAsyncZod<{ services: AppServices; heartbeatMs?: number }> = async (app, { services, heartbeatMs = HEARTBEAT_MS }) => {
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
      const auth = request.auth!;
      const workspaceIds = new Set<string>();
      const refreshMemberships = async () => {
        const memberships = await services.workspaces.listFor(actor);
        workspaceIds.clear();
        for (const { workspace } of memberships) workspaceIds.add(workspace.id);
      };

      reply.hijack();
      const stream = reply.raw;
      let closed = false;
      let unsubscribe = () => {};
      // Attached before anything is awaited, so a client that leaves early leaks nothing.
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(close);
        if (!stream.writableEnded) stream.end();
        // A stream's connection is never reused; keeping it alive would only hold a closing server open.
        stream.socket?.destroy();
      };
      // Each heartbeat also checks the session or token still stands: signing out or revoking ends the stream.
      const heartbeat = setInterval(() => {
        services.auth
          .isStillValid(auth)
          .then((valid) => (valid && !closed ? stream.write(': heartbeat\n\n') : close()))
          .catch(close);
      }, heartbeatMs);
      open.add(close);
      stream.on('close', close);
      stream.on('error', close);

      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      try {
        await refreshMemberships();
      } catch (error) {
        request.log.error({ err: error }, 'event stream could not read memberships');
        close();
        return;
      }
      if (closed) return;
      stream.write('retry: 3000\n: connected\n\n');

      const send = (message: RealtimeMessage) => {
        if (!closed) stream.write(`event: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`);
      };
      unsubscribe = services.events.subscribe((message) => {
        const aboutMe = message.type.startsWith('member.') && message.ids.includes(actor.userId);
        if (aboutMe) {
          // Joining or leaving a workspace changes what this stream may carry.
          void refreshMemberships()
            .then(() => {
              if (workspaceIds.has(message.workspaceId) || message.type === 'member.removed') send(message);
            })
            .catch(close);
          return;
        }
        if (workspaceIds.has(message.workspaceId)) send(message);
      });
    },
  );
};
