import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

/** Reads Server-Sent Events from a live stream, one `event:` block at a time. */
async function openStream(url: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    response,
    async next(): Promise<{ type: string; ids: string[]; workspaceId: string }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) return JSON.parse(data.slice(6));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    },
    close: () => controller.abort(),
  };
}

describe.each(DIALECTS)('server-sent events $name', ({ dialect }) => {
  let t: TestApp;
  let base: string;
  let a: TestWorkspace;
  let b: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp(dialect, { eventHeartbeatMs: 100 });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    a = await buildWorkspace(t.runtime);
    b = await buildWorkspace(t.runtime);
  });
  afterAll(() => t.close());

  it('streams the changes of the caller’s workspaces only', async () => {
    const streamA = await openStream(`${base}/api/v1/events`, a.byRole.viewer.token);
    const streamB = await openStream(`${base}/api/v1/events`, b.byRole.viewer.token);
    expect(streamA.response.headers.get('content-type')).toContain('text/event-stream');

    const post = (ws: TestWorkspace, title: string) =>
      fetch(`${base}/api/v1/products/${ws.product.id}/items`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ws.owner.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'story', title }),
      }).then((response) => response.json());

    const inA = await post(a, 'Seen by A');
    const eventA = await streamA.next();
    expect(eventA).toMatchObject({ type: 'item.created', workspaceId: a.workspace.id, ids: [inA.id] });

    // B's first event is B's own change: A's never reached it.
    const inB = await post(b, 'Seen by B');
    const eventB = await streamB.next();
    expect(eventB).toMatchObject({ type: 'item.created', workspaceId: b.workspace.id, ids: [inB.id] });
    streamA.close();
    streamB.close();
  });

  it('ends a stream once its token is revoked', async () => {
    const ws = await buildWorkspace(t.runtime);
    const stream = await openStream(`${base}/api/v1/events`, ws.byRole.viewer.token);
    const tokenId = (await (await fetch(`${base}/api/v1/tokens`, { headers: { authorization: `Bearer ${ws.byRole.viewer.token}` } })).json()).items[0].id;
    await fetch(`${base}/api/v1/tokens/${tokenId}`, { method: 'DELETE', headers: { authorization: `Bearer ${ws.byRole.viewer.token}` } });
    await expect(stream.next()).rejects.toThrow('stream ended');
  });

  it('refuses a stream without credentials', async () => {
    const response = await fetch(`${base}/api/v1/events`, { headers: { connection: 'close' } });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('unauthenticated');
  });
});
