import { describe, expect, it } from 'vitest';
import type { RateLimitState, RetryVerdict } from '../core/model.ts';
import { formatCountdown, limitTone, retryLabel } from './format.ts';

const verdict: RetryVerdict = { retryable: true, afterMs: null, retryAt: null, source: null, exact: false, backoff: null, idempotencyWarning: false };

describe('formatCountdown', () => {
  it('shows m:ss, or h:mm:ss past an hour, rounding up', () => {
    expect(formatCountdown(42_000)).toBe('0:42');
    expect(formatCountdown(41_001)).toBe('0:42');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});

describe('retryLabel', () => {
  it('counts down to retryAt, then says ready', () => {
    const retry = { ...verdict, afterMs: 42_000, retryAt: 1_042_000 };
    expect(retryLabel(retry, 1_000_000)).toEqual({ text: 'retry in 0:42', tone: 'wait' });
    expect(retryLabel(retry, 1_042_000)).toEqual({ text: 'ready', tone: 'ready' });
  });

  it('gives the verdict when the server named no time', () => {
    expect(retryLabel(verdict, 0).text).toBe('backoff');
    expect(retryLabel({ ...verdict, retryable: false }, 0).text).toBe("don't retry");
  });
});

describe('limitTone', () => {
  const state: RateLimitState = { bucket: 'x-ratelimit', limit: 100, remaining: 50, resetAt: 2000, windowSeconds: null, dialect: 'x-ratelimit' };
  it('warns at 10 % left, errors at zero, and goes neutral once the window reset', () => {
    expect(limitTone(state, 0)).toBe('ok');
    expect(limitTone({ ...state, remaining: 10 }, 0)).toBe('warn');
    expect(limitTone({ ...state, remaining: 0 }, 0)).toBe('error');
    expect(limitTone({ ...state, remaining: 0 }, 2000)).toBe('reset');
  });
});
