import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.ts';
import { bucketLabel, errorView, rateLimitView } from './error-view.ts';
import { T0, hostupRateLimited } from './testing/seed-exchanges.ts';

describe('error view', () => {
  it('names an opaque bucket hash as one, and leaves readable bucket names alone', () => {
    // Discord's shared-bucket id as its X-RateLimit-Bucket header sends it (seed: discord 429).
    expect(bucketLabel('x-ratelimit:80c17d2f203122d936070c88c8d10f33')).toBe('x-ratelimit bucket (hash 80c17d2f…)');
    expect(bucketLabel('github:core')).toBe('github:core');
    expect(bucketLabel('ratelimit-structured:default')).toBe('ratelimit-structured:default');
  });

  it('says a limit is unknown once its window reset, instead of the stale remaining count', () => {
    const state = { bucket: 'x-ratelimit', limit: 100, remaining: 0, resetAt: T0 + 5000, windowSeconds: 60, dialect: 'x-ratelimit' };
    expect(rateLimitView(state, T0).line).toBe('0 of 100 left · resets in 5 s · window 1 min');
    const after = rateLimitView(state, T0 + 5000);
    expect(after.line).toBe('unknown since the reset · window 1 min');
    expect(after.tone).toBe('unknown');
  });

  it('keeps the verdict live and the delay it came from anchored to the response', () => {
    const { error } = analyze(hostupRateLimited(T0));
    if (error === null) throw new Error('expected the HostUp 429 to decode');
    const later = errorView(error, T0 + 10_000);
    expect(later.retry.verdict).toBe('retry in 20 s');
    expect(later.retry.fields[0]?.text).toBe('30 s after the response, from the Retry-After header');
    expect(later.advice).not.toMatch(/\d+ s\b/);
  });
});
