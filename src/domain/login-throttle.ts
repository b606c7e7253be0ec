/**
 * Login throttling: after `maxFailures` failed attempts for one account and
 * address within `windowMs`, further attempts are refused until the window
 * that began with the first failure has passed.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000 };

export interface FailureRecord {
  failures: number;
  windowStartedAt: string;
}

/** Milliseconds until another attempt may be made, or 0 when one may be made now. */
export function retryAfterMs(record: FailureRecord | null, now: Date, policy: ThrottlePolicy = DEFAULT_THROTTLE): number {
  if (!record || record.failures < policy.maxFailures) return 0;
  const reopensAt = Date.parse(record.windowStartedAt) + policy.windowMs;
  return Math.max(0, reopensAt - now.getTime());
}

/** The record after one more failure: a failure after the window starts a new one. */
export function recordFailure(record: FailureRecord | null, now: Date, policy: ThrottlePolicy = DEFAULT_THROTTLE): FailureRecord {
  const windowOpen = record && now.getTime() - Date.parse(record.windowStartedAt) < policy.windowMs;
  if (!record || !windowOpen) return { failures: 1, windowStartedAt: now.toISOString() };
  return { failures: record.failures + 1, windowStartedAt: record.windowStartedAt };
}
