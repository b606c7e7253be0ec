/**
 * Login throttling. Each sign-in attempt is counted before the password is
 * checked, so parallel guesses cannot slip past the limit; a successful sign-in
 * clears the count. Counts run in windows that begin with the first attempt.
 */
export interface ThrottlePolicy {
  maxAttempts: number;
  windowMs: number;
}

const WINDOW_MS = 15 * 60_000;
/** Guessing from one address at one account. */
export const PER_ADDRESS: ThrottlePolicy = { maxAttempts: 5, windowMs: WINDOW_MS };
/** Guessing at one account from many addresses, loose enough that one attacker cannot lock its owner out for long. */
export const PER_ACCOUNT: ThrottlePolicy = { maxAttempts: 50, windowMs: WINDOW_MS };

export interface AttemptCount {
  /** Attempts in the current window, this one included. */
  attempts: number;
  windowStartedAt: string;
}

/** A window that began at or before this instant has ended: the next attempt starts a new one. */
export function windowCutoff(now: Date, policy: ThrottlePolicy): Date {
  return new Date(now.getTime() - policy.windowMs);
}

/** Milliseconds until another attempt may be made, or 0 when this one may go ahead. */
export function retryAfterMs(count: AttemptCount, now: Date, policy: ThrottlePolicy): number {
  if (count.attempts <= policy.maxAttempts) return 0;
  return Math.max(1_000, Date.parse(count.windowStartedAt) + policy.windowMs - now.getTime());
}
