import type { RealtimeMessage } from '../../contracts/events.schema';
import type { EventPublisher } from '../../services/ports';

export type Listener = (message: RealtimeMessage) => void;

/** Delivers published events to subscribers, on this node and, where the bus can, on others. */
export interface EventBus extends EventPublisher {
  subscribe(listener: Listener): () => void;
  close(): Promise<void>;
}

/** Fan-out to this process's listeners; a failing listener never stops the others. */
export class Subscribers {
  private readonly listeners = new Set<Listener>();

  add(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(message: RealtimeMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // One broken stream must not starve the rest.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** The single-node bus used with SQLite. */
export class InProcessEventBus implements EventBus {
  private readonly subscribers = new Subscribers();

  publish(message: RealtimeMessage): void {
    // Deliver on the next tick, so a publisher never runs listeners inside its own call.
    queueMicrotask(() => this.subscribers.deliver(message));
  }

  subscribe(listener: Listener): () => void {
    return this.subscribers.add(listener);
  }

  async close(): Promise<void> {
    this.subscribers.clear();
  }
}
