import { describe, expect, it } from 'vitest';
import type { RateLimitState, RetryVerdict } from '../core/model.ts';
import { formatCountdown, formatDuration, limitTone, retryLabel } from './format.ts';

const verdict: RetryVerdict = { retryable: true, afterMs: null, retryAt: null, source: null, exact: false, backoff: null, idempotencyWarning: false };

describe('one duration format (panel, popup, CLI, advice)', () => {
  it('writes a delay in its two largest units', () => {
    expect(formatDuration(500)).toBe('500 ms');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(198_000)).toBe('3 min 18 s');
    expect(formatDuration(3_725_000)).toBe('1 h 2 min');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
  });

  it('counts down in the same words, rounding up so it reaches 0 s only when the time is up', () => {
    expect(formatCountdown(42_000)).toBe('42 s');
    expect(formatCountdown(41_001)).toBe('42 s');
    expect(formatCountdown(198_000)).toBe(formatDuration(198_000));
    expect(formatCountdown(1)).toBe('1 s');
    expect(formatCountdown(-5)).toBe('0 s');
  });
});

describe('retryLabel', () => {
  it('counts down to retryAt, then says the wait is over, in no tone that reads as success', () => {
    const retry = { ...verdict, afterMs: 42_000, retryAt: 1_042_000 };
    expect(retryLabel(retry, 1_000_000)).toEqual({ text: 'retry in 42 s', tone: 'wait' });
    expect(retryLabel(retry, 1_042_000)).toEqual({ text: 'wait over', tone: 'over' });
  });

  it('gives the verdict when the server named no time', () => {
    expect(retryLabel(verdict, 0).text).toBe('backoff');
    expect(retryLabel({ ...verdict, retryable: false }, 0).text).toBe("don't retry");
  });
});

describe('limitTone', () => {
  const state: RateLimitState = { bucket: 'x-ratelimit', limit: 100, remaining: 50, resetAt: 2000, windowSeconds: null, dialect: 'x-ratelimit' };
  it('warns at 10 % left, errors at zero, and is unknown once the window reset (the count is stale)', () => {
    expect(limitTone(state, 0)).toBe('ok');
    expect(limitTone({ ...state, remaining: 10 }, 0)).toBe('warn');
    expect(limitTone({ ...state, remaining: 0 }, 0)).toBe('error');
    expect(limitTone({ ...state, remaining: 0 }, 2000)).toBe('unknown');
  });
});
