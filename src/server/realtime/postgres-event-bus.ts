import pg from 'pg';
import { RealtimeMessageSchema } from '../../contracts/events.schema';
import type { RealtimeMessage } from '../../contracts/events.schema';
import type { EventBus, Listener } from './event-bus';
import { Subscribers } from './event-bus';

const CHANNEL = 'tandem_events';
const RECONNECT_MS = 1_000;

/**
 * Cross-node events over LISTEN/NOTIFY: every node publishes with NOTIFY and
 * hears every event (its own included) on one listening connection, so two
 * Tandem servers on one database see each other's changes.
 */
export class PostgresEventBus implements EventBus {
  private readonly subscribers = new Subscribers();
  private client: pg.Client | null = null;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  static async start(pool: pg.Pool, connectionString: string, onError: (error: unknown) => void): Promise<PostgresEventBus> {
    const bus = new PostgresEventBus(pool, connectionString, onError);
    await bus.listen();
    return bus;
  }

  publish(message: RealtimeMessage): void {
    this.pool.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]).catch(this.onError);
  }

  subscribe(listener: Listener): () => void {
    return this.subscribers.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.subscribers.clear();
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (notification) => {
      if (notification.channel !== CHANNEL || !notification.payload) return;
      const parsed = RealtimeMessageSchema.safeParse(JSON.parse(notification.payload));
      if (parsed.success) this.subscribers.deliver(parsed.data);
    });
    client.on('error', (error) => {
      this.onError(error);
      this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.client?.end().catch(() => undefined);
    this.client = null;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen().catch((error) => {
        this.onError(error);
        this.scheduleReconnect();
      });
    }, RECONNECT_MS);
  }
}
