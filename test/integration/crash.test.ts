import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createItem, findProduct, listAllItems, tokenFor } from './support/api';
import { killAllTandem, makeTempDir, startTandem } from './support/tandem';

const WRITERS = 4;
// Enough acknowledged writes that the kill lands well inside the stream, not at its start.
const KILL_AFTER_ACKS = 150;

describe('[sqlite] crash safety', () => {
  const dir = makeTempDir('crash');
  afterAll(async () => {
    await killAllTandem();
    dir.remove();
  });

  it('[sqlite] keeps every acknowledged write when the server is SIGKILLed mid-stream, and the file passes integrity_check', async () => {
    const databaseUrl = `sqlite:${dir.file('tandem.db')}`;
    const env = { DATABASE_URL: databaseUrl, TANDEM_DEMO: '1' };
    const server = await startTandem(env);
    const token = await tokenFor(server.url, 'pm@demo.test', 'demo-password');
    const product = await findProduct(server.url, token, 'DEMO');

    const acknowledged = new Map<string, string>();
    let inFlight = 0;
    let inFlightAtKill = -1;
    let killed: Promise<void> | null = null;
    let refused = 0;

    const writer = async (writerIndex: number) => {
      for (let n = 0; ; n++) {
        const title = `crash writer ${writerIndex} item ${n}`;
        inFlight += 1;
        try {
          const response = await createItem(server.url, token, product.id, title);
          if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
          acknowledged.set(response.body.id, title);
        } catch (error) {
          // After the kill, a failed request is the expected end of this writer; before it, a real failure.
          if (killed === null) throw error;
          refused += 1;
          return;
        } finally {
          inFlight -= 1;
        }
        if (killed === null && acknowledged.size >= KILL_AFTER_ACKS) {
          inFlightAtKill = inFlight;
          killed = server.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
    await killed;

    expect(server.child.signalCode).toBe('SIGKILL');
    // Other writers still had requests open when the process died: the kill was mid-stream.
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(refused).toBe(WRITERS);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const restarted = await startTandem(env);
    const { items } = await listAllItems(restarted.url, token, product.id);
    const stored = new Map(items.map((item) => [item.id, item.title]));
    const missing = [...acknowledged].filter(([id, title]) => stored.get(id) !== title);
    expect(missing).toEqual([]);
    // Numbers stay unique after recovery: no acknowledged key was handed out twice.
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    await restarted.stop();
    expect(restarted.child.exitCode).toBe(0);

    const db = new Database(dir.file('tandem.db'), { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
