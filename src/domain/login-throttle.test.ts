import { describe, expect, it } from 'vitest';
import { recordFailure, retryAfterMs } from './login-throttle';

const policy = { maxFailures: 3, windowMs: 60_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 12, 0, seconds));

describe('login throttling', () => {
  it('allows attempts until the failures reach the limit', () => {
    let record = recordFailure(null, at(0), policy);
    record = recordFailure(record, at(1), policy);
    expect(retryAfterMs(record, at(2), policy)).toBe(0);
    record = recordFailure(record, at(2), policy);
    expect(record.failures).toBe(3);
    expect(retryAfterMs(record, at(3), policy)).toBe(57_000);
  });

  it('reopens when the window that began with the first failure has passed', () => {
    let record = recordFailure(null, at(0), policy);
    record = recordFailure(record, at(1), policy);
    record = recordFailure(record, at(2), policy);
    expect(retryAfterMs(record, at(60), policy)).toBe(0);
    expect(recordFailure(record, at(61), policy)).toEqual({ failures: 1, windowStartedAt: at(61).toISOString() });
  });
});
