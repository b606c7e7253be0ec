import { describe, expect, it } from 'vitest';
import { retryAfterMs, windowCutoff } from './login-throttle';

const policy = { maxAttempts: 3, windowMs: 60_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 12, 0, seconds));
const count = (attempts: number, startedSecond: number) => ({ attempts, windowStartedAt: at(startedSecond).toISOString() });

describe('login throttling', () => {
  it('lets attempts through up to the limit, counting the current one', () => {
    expect(retryAfterMs(count(1, 0), at(1), policy)).toBe(0);
    expect(retryAfterMs(count(3, 0), at(2), policy)).toBe(0);
  });

  it('refuses past the limit until the window that began with the first attempt ends', () => {
    expect(retryAfterMs(count(4, 0), at(3), policy)).toBe(57_000);
    expect(retryAfterMs(count(9, 0), at(30), policy)).toBe(30_000);
  });

  it('never asks a refused client to retry sooner than a second', () => {
    expect(retryAfterMs(count(4, 0), at(59.9), policy)).toBe(1_000);
  });

  it('ends a window once its length has passed', () => {
    expect(windowCutoff(at(60), policy).toISOString()).toBe(at(0).toISOString());
  });
});
