import { describe, expect, it } from 'vitest';
import { findingsOf } from './findings.ts';
import { send, T0, timeline } from './test-timeline.ts';
import type { FindingKind } from './types.ts';

function kinds(exchanges: Parameters<typeof timeline>[0]): FindingKind[] {
  return findingsOf(timeline(exchanges)).map((f) => f.kind);
}

function only(kind: FindingKind, exchanges: Parameters<typeof timeline>[0]) {
  const found = findingsOf(timeline(exchanges)).filter((f) => f.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('retry-before-delay', () => {
  it('flags a request sent again before the Retry-After passed (Discord 429, Retry-After: 3)', () => {
    const finding = only('retry-before-delay', [send('discord-rate-limited', { at: 0 }), send('discord-rate-limited', { at: 0.5 }), send('discord-rate-limited', { at: 1 })]);
    expect(finding?.severity).toBe('error');
    expect(finding?.entries).toEqual([0, 1, 2]);
    expect(finding?.message).toBe('POST /api/v10/channels/:id/messages was sent again twice before the server\u2019s delay had passed: 400 ms after a 429 that asked to wait 3 s (Retry-After header).');
    expect(finding?.advice).toContain('Retry-After');
  });

  it('flags a retry before a rate-limit reset header (IETF RateLimit, daily policy used up)', () => {
    expect(kinds([send('rl-ietf-draft10-quota-exceeded', { at: 0 }), send('rl-ietf-draft10-quota-exceeded', { at: 60 })])).toContain('retry-before-delay');
  });

  it('stays silent when the retry waited the delay out', () => {
    expect(kinds([send('discord-rate-limited', { at: 0 }), send('discord-rate-limited', { at: 3.2 })])).not.toContain('retry-before-delay');
  });

  it('stays silent for a retry after a 502, which gave no delay to respect', () => {
    expect(kinds([send('discord-bad-gateway', { at: 0 }), send('discord-bad-gateway', { at: 0.2 })])).not.toContain('retry-before-delay');
  });
});

describe('no-backoff', () => {
  it('flags a failing request repeated in lockstep', () => {
    const storm = [0, 1, 2, 3, 4].map((at) => send('discord-bad-gateway', { at }));
    const finding = only('no-backoff', storm);
    expect(finding?.severity).toBe('warn');
    expect(finding?.entries).toEqual([0, 1, 2, 3, 4]);
    expect(finding?.message).toBe('GET /api/v10/channels/:id/messages failed with 502 (0) and was sent 5 times in a row every 1 s, without backing off.');
  });

  it('flags shrinking intervals', () => {
    const message = only('no-backoff', [0, 2, 3.5, 4.5].map((at) => send('html-502-nginx', { at })))?.message;
    expect(message).toContain('at intervals of 1 s to 2 s that never grew');
  });

  it('stays silent for exponential backoff (1 s, 2 s, 4 s, 8 s)', () => {
    expect(kinds([0, 1, 3, 7, 15].map((at) => send('discord-bad-gateway', { at })))).not.toContain('no-backoff');
  });

  it('stays silent for fewer than three repeats', () => {
    expect(kinds([0, 1, 2].map((at) => send('discord-bad-gateway', { at })))).not.toContain('no-backoff');
  });

  it('stays silent for different resources on one endpoint: a group, not a retry', () => {
    const users = [0, 1, 2, 3, 4].map((at, i) => send('pterodactyl-not-found', { at, path: `/api/client/servers/1a7ce99${i}` }));
    expect(kinds(users)).toEqual([]);
  });
});

describe('retried-non-retryable', () => {
  it('flags a 422 sent again unchanged (Laravel validation)', () => {
    const finding = only('retried-non-retryable', [send('laravel-422-validation', { at: 0 }), send('laravel-422-validation', { at: 5 })]);
    expect(finding?.severity).toBe('warn');
    expect(finding?.entries).toEqual([0, 1]);
    expect(finding?.message).toBe('POST /api/posts got a 422, which fails again unchanged, and was sent again unchanged once.');
    expect(finding?.advice).toContain('fix what the error names');
  });

  it('flags a 404 asked again (Pterodactyl), and says to check the id', () => {
    expect(only('retried-non-retryable', [send('pterodactyl-not-found', { at: 0 }), send('pterodactyl-not-found', { at: 30 })])?.advice).toContain('check the id');
  });

  it('stays silent when the retry carries new credentials (a refreshed token)', () => {
    const first = send('discord-invalid-token', { at: 0, requestHeaders: { Authorization: 'Bot old' } });
    const refreshed = send('discord-invalid-token', { at: 1, requestHeaders: { Authorization: 'Bot new' } });
    expect(kinds([first, refreshed])).not.toContain('retried-non-retryable');
  });

  it('stays silent for different resources on one endpoint', () => {
    expect(kinds([send('pterodactyl-not-found', { at: 0 }), send('pterodactyl-not-found', { at: 1, path: '/api/client/servers/2b8df008' })])).toEqual([]);
  });
});

describe('unsafe-retry', () => {
  it('flags a POST re-sent after a 500 without an Idempotency-Key (Stripe refund)', () => {
    const finding = only('unsafe-retry', [send('stripe-500-should-not-retry', { at: 0 }), send('stripe-500-should-not-retry', { at: 2 })]);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toBe('POST /v1/refunds was sent again once after a 500 without an Idempotency-Key: if the first attempt reached the server, it may have been applied twice.');
    expect(finding?.advice).toContain('Idempotency-Key');
  });

  it('flags a fresh key on each attempt, which the server treats as a new operation', () => {
    const a = send('stripe-500-should-not-retry', { at: 0, requestHeaders: { 'Idempotency-Key': 'k-1' } });
    const b = send('stripe-500-should-not-retry', { at: 2, requestHeaders: { 'Idempotency-Key': 'k-2' } });
    expect(only('unsafe-retry', [a, b])?.message).toContain('with a different Idempotency-Key');
  });

  it('stays silent for a POST retried with the same Idempotency-Key (or PayPal-Request-Id)', () => {
    const keyed = (at: number) => send('stripe-500-should-not-retry', { at, requestHeaders: { 'Idempotency-Key': 'f81d4fae-7dec' } });
    expect(kinds([keyed(0), keyed(2)])).not.toContain('unsafe-retry');
    const paypal = (at: number) => send('stripe-500-should-not-retry', { at, requestHeaders: { 'PayPal-Request-Id': 'order-7781' } });
    expect(kinds([paypal(0), paypal(2)])).not.toContain('unsafe-retry');
  });

  it('stays silent for a POST resent after a 4xx, which the server refused before doing anything', () => {
    expect(kinds([send('laravel-422-validation', { at: 0 }), send('laravel-422-validation', { at: 5 })])).not.toContain('unsafe-retry');
  });

  it('stays silent for a GET retried after a 502: GET is idempotent', () => {
    expect(kinds([send('discord-bad-gateway', { at: 0 }), send('discord-bad-gateway', { at: 2 })])).not.toContain('unsafe-retry');
  });
});

describe('cors-hidden', () => {
  const page = { Origin: 'http://localhost:3000' };

  it('flags a cross-origin 429 without Access-Control-Allow-Origin: the app saw "Failed to fetch"', () => {
    const finding = only('cors-hidden', [send('rl-bodiless-429-http-date', { at: 0, requestHeaders: page })]);
    expect(finding?.severity).toBe('warn');
    expect(finding?.message).toBe('An error response from api.example.test was hidden from the page at http://localhost:3000 (no Access-Control-Allow-Origin): the app saw a network error ("Failed to fetch"), not the 429.');
    expect(finding?.advice).toContain('Access-Control-Allow-Origin: http://localhost:3000');
  });

  it('stays silent when the error carries a matching Access-Control-Allow-Origin', () => {
    const allowed = send('rl-bodiless-429-http-date', { at: 0, requestHeaders: page, responseHeaders: { 'Access-Control-Allow-Origin': 'http://localhost:3000' } });
    expect(kinds([allowed])).not.toContain('cors-hidden');
  });

  it('stays silent for a same-origin error', () => {
    expect(kinds([send('rl-bodiless-429-http-date', { at: 0, requestHeaders: { Origin: 'https://api.example.test' } })])).not.toContain('cors-hidden');
  });
});

describe('quota-burn', () => {
  // GitHub's primary limit, read from successes (x-ratelimit-* on a 200): 5000 an hour.
  const resetAt = String(Math.round(T0 / 1000) + 3000);
  const reading = (at: number, remaining: number) => send('rl-github-200-limits', { at, responseHeaders: { 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': resetAt } });

  it('says when the limit runs out at the current rate, from successes alone', () => {
    const finding = only('quota-burn', [reading(0, 4987), reading(5, 4950), reading(10, 4900)]);
    expect(finding?.severity).toBe('info');
    expect(finding?.entries).toEqual([0, 1, 2]);
    // 87 used in 10 s → 522 a minute; 4900 left last lasts 563 s, the reset is 2990 s after the last response.
    expect(finding?.message).toBe('At the current rate (522 a minute), the github:core limit of api.example.test (4900 of 5000 left) runs out in about 9 min 23 s (17:06:39 UTC), 40 min 27 s before it resets.');
  });

  it('stays silent for slow use that lasts until the reset', () => {
    expect(kinds([reading(0, 4987), reading(300, 4986), reading(600, 4985)])).toEqual([]);
  });

  it('reads only the current window: a reset in between starts the count again', () => {
    expect(kinds([reading(0, 4000), reading(5, 3000), reading(10, 4999), reading(20, 4998)])).toEqual([]);
  });
});

describe('findingsOf', () => {
  it('with a memo, gives the same findings and reruns the rules only for requests that gained an attempt', () => {
    const memo = new Map();
    const storm = [0, 0.3, 0.6, 0.9].map((at) => send('discord-rate-limited', { at }));
    const refund = [send('stripe-500-should-not-retry', { at: 1 }), send('stripe-500-should-not-retry', { at: 2 })];
    const first = findingsOf(timeline([...storm, ...refund]), memo);
    expect(first).toEqual(findingsOf(timeline([...storm, ...refund])));
    const more = timeline([...storm, ...refund, send('discord-rate-limited', { at: 1.2 })]);
    const second = findingsOf(more, memo);
    expect(second).toEqual(findingsOf(more));
    const unsafe = (list: typeof first) => list.find((f) => f.kind === 'unsafe-retry');
    expect(unsafe(second)).toBe(unsafe(first)); // the refund's attempts did not change: its finding is reused
    expect(second.find((f) => f.kind === 'retry-before-delay')?.entries).toEqual([0, 1, 2, 3, 6]);
  });


  it('orders the most severe first and leaves a healthy timeline alone', () => {
    const storm = [0, 0.3, 0.6, 0.9].map((at) => send('discord-rate-limited', { at }));
    expect(kinds(storm)).toEqual(['retry-before-delay', 'no-backoff']);
    expect(kinds([send('rl-github-200-limits', { at: 0 }), send('discord-bad-gateway', { at: 1 })])).toEqual([]);
  });
});
