// The ceiling: bare Fastify answering the list route's URL with the bytes of a
// real Tandem list response. No auth, validation, database or serialisation, so
// Tandem's figures divided by these show what Tandem's own work costs on this machine.
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

const [bodyFile] = process.argv.slice(2);
if (!bodyFile) {
  console.error('usage: node dist/bench-ceiling.mjs <response-body-file>  (PORT and HOST from the environment)');
  process.exit(2);
}
const body = readFileSync(bodyFile);

const app = Fastify({ logger: false });
app.get('/readyz', async () => ({ status: 'ok' }));
app.get('/api/v1/products/:productId/items', (_request, reply) => {
  reply.type('application/json; charset=utf-8').send(body);
});

await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) });

const close = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
