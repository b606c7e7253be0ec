import type { EventType } from '../contracts/events.schema';
import type { RealtimeMessage } from '../contracts/events.schema';
import type { ReleaseService } from './release.service';

/** Changes to a product's work that can move its releases' forecasts. */
const MOVES_FORECASTS: ReadonlySet<EventType> = new Set<EventType>(['item.created', 'item.updated', 'item.deleted', 'item.restored', 'item.purged']);

interface Subscribable {
  subscribe(listener: (message: RealtimeMessage) => void): () => void;
}

/**
 * Reassesses a product's open releases after its work changes, so a release
 * turning at risk (or back on track) is recorded when it happens, not only
 * when someone edits the release. Runs one pass per product at a time; changes
 * arriving during a pass ask for one more pass, however many they are.
 * Returns a stop that waits for passes under way.
 */
export function watchReleaseRisk(bus: Subscribable, releases: Pick<ReleaseService, 'reassessOpen'>, onError: (error: unknown) => void): () => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const again = new Map<string, RealtimeMessage>();
  let stopped = false;

  const pass = (message: RealtimeMessage & { productId: string }) => {
    if (running.has(message.productId)) {
      again.set(message.productId, message);
      return;
    }
    const run = (async () => {
      let next: RealtimeMessage | undefined = message;
      while (next && !stopped) {
        again.delete(message.productId);
        await releases.reassessOpen(next.workspaceId, message.productId, next.actor);
        next = again.get(message.productId);
      }
    })()
      .catch(onError)
      .finally(() => running.delete(message.productId));
    running.set(message.productId, run);
  };

  const unsubscribe = bus.subscribe((message) => {
    if (!stopped && message.productId !== null && MOVES_FORECASTS.has(message.type)) pass({ ...message, productId: message.productId });
  });
  return async () => {
    stopped = true;
    unsubscribe();
    await Promise.all(running.values());
  };
}
