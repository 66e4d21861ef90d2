import { describe, expect, it } from 'vitest';
import { headerMap } from '../exchange.ts';
import { advise, type AdviceInput } from './index.ts';
import { BARE_ADVICE_INPUT } from './status-rules.ts';

const T = Date.UTC(2026, 10, 22, 12, 0, 0);

function input(overrides: Partial<AdviceInput>): AdviceInput {
  return { ...BARE_ADVICE_INPUT, status: 500, format: 'simple', message: 'Something failed', receivedAt: T, ...overrides };
}

describe('advise', () => {
  it('follows the server’s own retry header (Stripe-Should-Retry, x-should-retry) and says so', () => {
    const stop = advise(input({ status: 500, format: 'stripe', method: 'POST', serverRetry: { retry: false, header: 'Stripe-Should-Retry' } }));
    expect(stop.retry).toMatchObject({ retryable: false, backoff: null });
    expect(stop.advice).toMatch(/^The server says not to retry this request \(Stripe-Should-Retry: false\): it may already have been applied/);

    const go = advise(input({ status: 400, serverRetry: { retry: true, header: 'x-should-retry' } }));
    expect(go.retry).toMatchObject({ retryable: true, source: 'backoff' });
    expect(go.advice).toMatch(/^The server says to retry this request \(x-should-retry: true\)\. .*full jitter/);

    const agrees = advise(input({ status: 503, serverRetry: { retry: true, header: 'Stripe-Should-Retry' } }));
    expect(agrees.advice).toBe(`The server says to retry this request (Stripe-Should-Retry: true). ${advise(input({ status: 503 })).advice}`);

    const rejected = advise(input({ status: 400, serverRetry: { retry: false, header: 'x-should-retry' } }));
    expect(rejected.advice).toMatch(/^The server says not to retry this request \(x-should-retry: false\)\. /);
    expect(rejected.advice).not.toContain('already have been applied'); // a 400 was refused, not applied
  });

  it('honours the server delay on a 429 and counts from the response', () => {
    const { retry, advice } = advise(input({ status: 429, delay: { afterMs: 12_000, source: 'retry-after', exact: true } }));
    expect(retry).toMatchObject({ retryable: true, afterMs: 12_000, retryAt: T + 12_000, source: 'retry-after', exact: true, backoff: null });
    // The time itself is the countdown's: a duration in the text would be stale a second later.
    expect(advice).toMatch(/^Wait until the retry countdown ends \(Retry-After header\), then retry/);
    expect(advice).not.toMatch(/\d+ s\b/);
  });

  it('plans full-jitter backoff with bounded attempts when no delay is known (Restore Hub: 5xx, max 3 attempts)', () => {
    const { retry, advice } = advise(input({ status: 502 }));
    expect(retry).toMatchObject({ retryable: true, afterMs: null, source: 'backoff', backoff: { strategy: 'full-jitter', maxAttempts: 3 } });
    expect(advice).toContain('full jitter');
  });

  it('warns that a POST without Idempotency-Key may apply twice, and not when it carries one', () => {
    expect(advise(input({ status: 503, method: 'POST' })).retry.idempotencyWarning).toBe(true);
    expect(advise(input({ status: 503, method: 'POST' })).advice).toContain('Idempotency-Key');
    expect(advise(input({ status: 503, method: 'PATCH', requestHeaders: headerMap([{ name: 'Idempotency-Key', value: 'a1' }]) })).retry.idempotencyWarning).toBe(false);
    expect(advise(input({ status: 503, method: 'PUT' })).retry.idempotencyWarning).toBe(false);
    expect(advise(input({ status: 400, method: 'POST' })).retry.idempotencyWarning).toBe(false);
  });

  it('gives status-specific guidance for errors that retrying will not fix', () => {
    const cases: [Partial<AdviceInput>, RegExp][] = [
      [{ status: 401 }, /re-authenticate/i],
      [{ status: 403, missingScope: 'backups:restore' }, /"backups:restore" scope/],
      [{ status: 404 }, /don't crawl/],
      [{ status: 409 }, /re-fetch .* reconcile/],
      [{ status: 412 }, /If-Match/],
      [{ status: 428 }, /If-Match/],
      [{ status: 413 }, /shrink/],
      [{ status: 422, fieldErrors: [{ path: '/name', message: 'Required' }, { path: '/category', message: 'Invalid enum value' }] }, /^Fix the 2 rejected fields listed with this error and resend/],
    ];
    for (const [overrides, pattern] of cases) {
      const { retry, advice } = advise(input(overrides));
      expect(retry.retryable).toBe(false);
      expect(retry.backoff).toBeNull();
      expect(advice).toMatch(pattern);
    }
  });

  it('retries what is transient: 408, 423, 425, 503, Cloudflare 522 and Anthropic 529', () => {
    for (const status of [408, 423, 425, 503, 522, 529]) expect(advise(input({ status })).retry.retryable).toBe(true);
    expect(advise(input({ status: 522 })).retry.backoff?.baseMs).toBeGreaterThan(advise(input({ status: 503 })).retry.backoff?.baseMs ?? Infinity);
  });

  it('retries a 413 only when the server says the condition is temporary', () => {
    expect(advise(input({ status: 413, delay: { afterMs: 60_000, source: 'retry-after', exact: true } })).retry.retryable).toBe(true);
  });

  it('does not auto-retry a non-idempotent request after Cloudflare 524: the origin may still be processing it', () => {
    expect(advise(input({ status: 524, method: 'POST' })).retry.retryable).toBe(false);
    expect(advise(input({ status: 524, method: 'GET' })).retry.retryable).toBe(true);
  });

  it('treats a 409 as "still in flight" when the request carried an Idempotency-Key', () => {
    const { retry, advice } = advise(input({ status: 409, method: 'POST', requestHeaders: headerMap([{ name: 'Idempotency-Key', value: 'k' }]) }));
    expect(retry.retryable).toBe(true);
    expect(advice).toContain('same key');
  });

  it('finds rate limits hidden in 400/403', () => {
    const github = advise(input({ status: 403, rateLimit: { bucket: 'github:core', limit: 60, remaining: 0, resetAt: T + 60_000, windowSeconds: 3600, dialect: 'github' }, delay: { afterMs: 60_000, source: 'reset-header', exact: true } }));
    expect(github.retry.retryable).toBe(true);
    expect(github.advice).toContain('this 403 is a rate limit');
    const aws = advise(input({ status: 400, format: 'aws-json', code: 'ThrottlingException', throttled: true }));
    expect(aws.retry).toMatchObject({ retryable: true, backoff: { maxAttempts: 5 } });
    expect(advise(input({ status: 400, throttled: true })).retry.retryable).toBe(true);
    expect(advise(input({ status: 403, rateLimit: { bucket: 'x', limit: 60, remaining: 3, resetAt: null, windowSeconds: null, dialect: 'x-ratelimit' } })).retry.retryable).toBe(false);
  });

  it('does not suggest waiting when the body says waiting will not help (insufficient_quota)', () => {
    const { retry, advice } = advise(input({ status: 429, notRetryable: true, delay: { afterMs: 20_000, source: 'retry-after', exact: true } }));
    expect(retry).toMatchObject({ retryable: false, backoff: null, idempotencyWarning: false });
    expect(advice).toMatch(/will not help/);
  });

  it('follows the gRPC table: RESOURCE_EXHAUSTED only with a delay, UNAVAILABLE with backoff, INTERNAL not', () => {
    expect(advise(input({ status: 429, format: 'google', code: 'RESOURCE_EXHAUSTED' })).retry.retryable).toBe(false);
    expect(advise(input({ status: 429, format: 'google', code: 'RESOURCE_EXHAUSTED' })).advice).toContain('quota');
    expect(advise(input({ status: 429, format: 'google', code: 'RESOURCE_EXHAUSTED', delay: { afterMs: 13_000, source: 'body', exact: true } })).retry.retryable).toBe(true);
    expect(advise(input({ status: 503, format: 'connect', code: 'unavailable' })).retry.retryable).toBe(true);
    expect(advise(input({ status: 500, format: 'google', code: 'INTERNAL' })).retry.retryable).toBe(false);
    expect(advise(input({ status: 409, format: 'connect', code: 'aborted' })).advice).toContain('transaction');
    expect(advise(input({ status: 499, format: 'connect', code: 'canceled' })).retry.retryable).toBe(false);
  });

  it('tells Discord clients to retry its listed 5xx with backoff and X-Failed-Requests', () => {
    for (const status of [502, 504, 507, 522, 523, 524]) {
      const { retry, advice } = advise(input({ status, format: 'discord', method: 'POST' }));
      expect(retry.retryable).toBe(true);
      expect(advice).toContain('X-Failed-Requests');
    }
  });

  it('marks a quota window (a reset over an hour away) as not worth auto-retrying, with the reset as a clock time', () => {
    const far = advise(input({ status: 429, delay: { afterMs: 3 * 86_400_000, source: 'retry-after', exact: true } }));
    expect(far.retry.retryable).toBe(false);
    expect(far.advice).toMatch(/don't retry automatically, it resets at 2026-11-25 12:00 UTC \(3 d after the response\)/i);
  });

  it('says a delay read from prose is approximate and treats 0 as "now, but back off"', () => {
    expect(advise(input({ status: 429, delay: { afterMs: 20_700, source: 'message-text', exact: false } })).advice).toContain('countdown ends (the error message, estimated)');
    expect(advise(input({ status: 503, delay: { afterMs: 0, source: 'retry-after', exact: true } })).advice).toContain('retrying now');
  });
});
