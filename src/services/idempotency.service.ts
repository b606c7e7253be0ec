import { TandemError } from '../domain/errors';
import type { ServiceContext } from './context';
import type { Repositories, UnitOfWork } from './ports';

// Keys are remembered for a day: long enough for any client's retries.
const RETENTION_MS = 24 * 60 * 60_000;

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; statusCode: number; body: string };

/**
 * `Idempotency-Key` on POST: the first request with a key runs; a retry with
 * the same key and the same request gets the first answer again; the same key
 * with a different request is refused.
 */
export class IdempotencyService {
  private lastPurge = 0;

  constructor(
    private readonly store: UnitOfWork<Pick<Repositories, 'idempotency'>>,
    private readonly ctx: ServiceContext,
  ) {}

  async claim(userId: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const now = this.ctx.clock.now();
    await this.purgeOld(now);
    const existing = await this.store.transaction((repos) =>
      repos.idempotency.claim({ userId, key, fingerprint, statusCode: null, responseBody: null, createdAt: now.toISOString() }),
    );
    if (!existing) return { kind: 'claimed' };
    if (existing.fingerprint !== fingerprint) {
      throw new TandemError('idempotency_key_reused', 'This Idempotency-Key was used for a different request; use a new key');
    }
    if (existing.statusCode === null || existing.responseBody === null) {
      throw new TandemError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly');
    }
    return { kind: 'replay', statusCode: existing.statusCode, body: existing.responseBody };
  }

  async complete(userId: string, key: string, statusCode: number, body: string): Promise<void> {
    await this.store.transaction((repos) => repos.idempotency.complete(userId, key, statusCode, body));
  }

  /** A failed request frees its key, so the client may retry it. */
  async release(userId: string, key: string): Promise<void> {
    await this.store.transaction((repos) => repos.idempotency.release(userId, key));
  }

  private async purgeOld(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < 60 * 60_000) return;
    this.lastPurge = now.getTime();
    await this.store.transaction((repos) => repos.idempotency.purgeBefore(new Date(now.getTime() - RETENTION_MS).toISOString()));
  }
}
