import { describe, expect, it } from 'vitest';
import type { RealtimeMessage } from '../contracts/events.schema';
import { watchReleaseRisk } from './release-risk-watch';

const message = (type: RealtimeMessage['type'], productId: string | null, actor = 'u1'): RealtimeMessage => ({ type, workspaceId: 'w1', productId, ids: [], actor });

function harness() {
  let listener: (message: RealtimeMessage) => void = () => undefined;
  const bus = { subscribe: (next: typeof listener) => ((listener = next), () => (listener = () => undefined)) };
  const passes: Array<{ productId: string; actor: string | null }> = [];
  let release: () => void = () => undefined;
  const releases = {
    reassessOpen: (_workspaceId: string, productId: string, actor: string | null) => {
      passes.push({ productId, actor });
      return new Promise<void>((resolve) => (release = resolve));
    },
  };
  const errors: unknown[] = [];
  const stop = watchReleaseRisk(bus, releases, (error) => errors.push(error));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { send: (m: RealtimeMessage) => listener(m), passes, finish: () => release(), stop, settle, errors };
}

describe('watching releases for risk', () => {
  it('reassesses a product once per change, and once more however many changes arrive during a pass', async () => {
    const watch = harness();
    watch.send(message('item.updated', 'p1'));
    for (const actor of ['u2', 'u3', 'u4']) watch.send(message('item.created', 'p1', actor));
    expect(watch.passes).toEqual([{ productId: 'p1', actor: 'u1' }]);
    watch.finish();
    await watch.settle();
    // The pass after names the last change's actor.
    expect(watch.passes).toEqual([
      { productId: 'p1', actor: 'u1' },
      { productId: 'p1', actor: 'u4' },
    ]);
    watch.finish();
    await watch.stop();
    expect(watch.errors).toEqual([]);
  });

  it('ignores changes that cannot move a forecast, and stops listening when stopped', async () => {
    const watch = harness();
    watch.send(message('release.changed', 'p1'));
    watch.send(message('workspace.updated', null));
    watch.send(message('item.updated', null));
    expect(watch.passes).toEqual([]);
    await watch.stop();
    watch.send(message('item.updated', 'p1'));
    expect(watch.passes).toEqual([]);
  });
});
