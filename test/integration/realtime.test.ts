import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, findProduct, tokenFor, type Product } from './support/api';
import { createPostgresDatabase, type ScratchPostgres } from './support/scratch-databases';
import { openEventStream, type EventStream } from './support/event-stream';
import { killAllTandem, startTandem, tandemOk, type TandemServer } from './support/tandem';

const OUTSIDER = { email: 'outsider@example.test', password: 'outsider-password' };
const LONER = { email: 'loner@example.test', password: 'loner-password' };
// `tandem seed` makes this account and its Benchmark workspace: a second tenant next to the demo.
const BENCH = { email: 'bench@tandem.local', password: 'bench-password' };

describe('[postgres] realtime across servers', () => {
  let database: ScratchPostgres;
  let serverA: TandemServer;
  let serverB: TandemServer;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    database = await createPostgresDatabase('realtime');
    const env = { DATABASE_URL: database.url, TANDEM_DEMO: '1' };
    // A seeds the demo into the empty database; B then starts on the same, now populated, database.
    serverA = await startTandem(env);
    const [b, seeded] = await Promise.all([startTandem(env), tandemOk(['seed', '--items', '1'], env)]);
    serverB = b;
    const benchWorkspace = /of workspace ([0-9a-f-]{36})/.exec(seeded)?.[1];
    if (!benchWorkspace) throw new Error(`tandem seed did not name its workspace:\n${seeded}`);
    await Promise.all([
      tandemOk(['user', 'add', '--email', OUTSIDER.email, '--password', OUTSIDER.password, '--workspace', benchWorkspace, '--roles', 'viewer'], env),
      tandemOk(['user', 'add', '--email', LONER.email, '--password', LONER.password], env),
    ]);
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await killAllTandem();
    await database?.drop();
  });

  it('[postgres] an item created through server B reaches an SSE stream on server A, and only members of its workspace', async () => {
    expect(serverA.url).not.toBe(serverB.url);
    const [pmToken, benchToken, outsiderToken, lonerToken] = await Promise.all([
      tokenFor(serverA.url, 'pm@demo.test', 'demo-password'),
      tokenFor(serverB.url, BENCH.email, BENCH.password),
      tokenFor(serverA.url, OUTSIDER.email, OUTSIDER.password),
      tokenFor(serverA.url, LONER.email, LONER.password),
    ]);
    const demo: Product = await findProduct(serverB.url, pmToken, 'DEMO');
    const bench: Product = await findProduct(serverB.url, benchToken, 'BENCH');
    expect(bench.workspaceId).not.toBe(demo.workspaceId);

    const pmStream = await openEventStream(serverA.url, pmToken);
    const outsiderStream = await openEventStream(serverA.url, outsiderToken);
    const lonerStream = await openEventStream(serverA.url, lonerToken);
    streams.push(pmStream, outsiderStream, lonerStream);

    const demoItem = await createItem(serverB.url, pmToken, demo.id, 'Created on B, seen on A');
    expect(demoItem.status).toBe(201);
    const seen = await pmStream.waitFor(
      (event) => event.event === 'item.created' && event.data.ids.includes(demoItem.body.id),
      'item.created on server A',
    );
    expect(seen.data).toMatchObject({ type: 'item.created', workspaceId: demo.workspaceId, productId: demo.id, ids: [demoItem.body.id] });
    expect(seen.data.actor).toBe(demoItem.body.createdBy);

    // Each create waits for the previous event to reach A, so server A delivers them in this
    // order and each stream's later event proves the earlier one was not sent to it.
    const benchItem = await createItem(serverB.url, benchToken, bench.id, 'Only for the Benchmark workspace');
    expect(benchItem.status).toBe(201);
    await outsiderStream.waitFor((event) => event.data.ids.includes(benchItem.body.id), 'the outsider sees its own workspace');
    const laterDemoItem = await createItem(serverB.url, pmToken, demo.id, 'A second demo item');
    expect(laterDemoItem.status).toBe(201);
    await pmStream.waitFor((event) => event.data.ids.includes(laterDemoItem.body.id), 'the second demo item on server A');

    const outsiderSaw = outsiderStream.events.map((event) => event.data);
    expect(outsiderSaw.filter((event) => event.workspaceId !== bench.workspaceId)).toEqual([]);
    expect(outsiderSaw.flatMap((event) => event.ids)).not.toContain(demoItem.body.id);
    const pmSaw = pmStream.events.map((event) => event.data);
    expect(pmSaw.filter((event) => event.workspaceId !== demo.workspaceId)).toEqual([]);
    expect(pmSaw.flatMap((event) => event.ids)).not.toContain(benchItem.body.id);
    // A member of no workspace is told nothing at all.
    expect(lonerStream.events).toEqual([]);
  });
});
