import { TandemError } from '../domain/errors';
import type { ServiceContext } from './context';
import type { Repositories, UnitOfWork } from './ports';

// Keys are remembered for a day: long enough for any client's retries.
const RETENTION_MS = 24 * 60 * 60_000;
// A claim still unanswered after this long belongs to a request that died (a
// crash between commit and answer); a retry may take it over.
const STALE_CLAIM_MS = 60_000;

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; statusCode: number; body: string; headers: Record<string, string> };

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
    const record = { userId, key, fingerprint, statusCode: null, responseBody: null, responseHeaders: null, createdAt: now.toISOString() };
    let existing = await this.store.transaction((repos) => repos.idempotency.claim(record));
    if (existing && existing.statusCode === null && now.getTime() - Date.parse(existing.createdAt) > STALE_CLAIM_MS) {
      existing = await this.store.transaction(async (repos) => {
        await repos.idempotency.release(userId, key);
        return repos.idempotency.claim(record);
      });
    }
    if (!existing) return { kind: 'claimed' };
    if (existing.fingerprint !== fingerprint) {
      throw new TandemError('idempotency_key_reused', 'This Idempotency-Key was used for a different request; use a new key');
    }
    if (existing.statusCode === null || existing.responseBody === null) {
      throw new TandemError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly');
    }
    const headers = existing.responseHeaders ? (JSON.parse(existing.responseHeaders) as Record<string, string>) : {};
    return { kind: 'replay', statusCode: existing.statusCode, body: existing.responseBody, headers };
  }

  async complete(userId: string, key: string, statusCode: number, body: string, headers: Record<string, string>): Promise<void> {
    await this.store.transaction((repos) => repos.idempotency.complete(userId, key, statusCode, body, JSON.stringify(headers)));
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
