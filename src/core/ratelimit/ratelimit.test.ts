import { describe, expect, it } from 'vitest';
import { headerMap, type HeaderMap } from '../exchange.ts';
import { readRateLimit, readRateLimitReport, readRetryDelay, type DelayInput } from './index.ts';
import { MAX_DELAY_MS } from './values.ts';

const T = Date.UTC(2026, 10, 22, 12, 0, 0);
const epoch = (secondsFromT: number): string => String((T + secondsFromT * 1000) / 1000);

function headers(record: Record<string, string>): HeaderMap {
  return headerMap(Object.entries(record).map(([name, value]) => ({ name, value })));
}

function delay(record: Record<string, string>, extra: Partial<DelayInput> = {}) {
  const map = headers(record);
  return readRetryDelay({ status: 429, report: readRateLimitReport(map, T), headers: map, receivedAt: T, json: undefined, message: null, familyDelayMs: null, ...extra });
}

describe('Retry-After and its millisecond siblings', () => {
  it('reads delta seconds, fractional seconds and an HTTP-date against the response Date', () => {
    expect(delay({ 'Retry-After': '120' })).toEqual({ afterMs: 120_000, source: 'retry-after', exact: true });
    expect(delay({ 'Retry-After': '2.0' })?.afterMs).toBe(2000);
    const date = new Date(T - 90_000).toUTCString();
    expect(delay({ 'Retry-After': new Date(T - 90_000 + 30_000).toUTCString(), Date: date })?.afterMs).toBe(30_000);
  });

  it('reads RFC 850 and asctime dates', () => {
    expect(delay({ 'Retry-After': 'Sunday, 22-Nov-26 12:01:00 GMT' })?.afterMs).toBe(60_000);
    expect(delay({ 'Retry-After': 'Sun Nov 22 12:01:00 2026' })?.afterMs).toBe(60_000);
  });

  it('treats a negative delay as "now" and caps an absurd one at a year', () => {
    expect(delay({ 'Retry-After': '-5' })?.afterMs).toBe(0);
    expect(delay({ 'Retry-After': '99999999999' })?.afterMs).toBe(MAX_DELAY_MS);
  });

  it('prefers the millisecond header when both forms are present', () => {
    expect(delay({ 'Retry-After': '3', 'retry-after-ms': '2500' })).toEqual({ afterMs: 2500, source: 'retry-after-ms', exact: true });
    expect(delay({ 'x-ms-retry-after-ms': '812' })?.afterMs).toBe(812);
    expect(delay({ 'x-amz-retry-after': '1500' })?.afterMs).toBe(1500);
    expect(delay({ 'grpc-retry-pushback-ms': '250' })?.afterMs).toBe(250);
  });

  it('does not read a negative gRPC pushback ("do not retry") as "retry now"', () => {
    expect(delay({ 'grpc-retry-pushback-ms': '-1' })).toBeNull();
  });

  it('reads NestJS named-throttler Retry-After headers, the longest one governing', () => {
    expect(delay({ 'Retry-After-short': '1', 'Retry-After-long': '58' })?.afterMs).toBe(58_000);
  });

  it('ignores garbage instead of throwing', () => {
    for (const value of ['soon', 'NaN', '1e308', '', 'x'.repeat(100 * 1024)]) expect(delay({ 'Retry-After': value })).toBeNull();
  });
});

describe('X-RateLimit-* resets', () => {
  it('reads Discord: epoch seconds with ms decimals, Reset-After preferred, bucket named', () => {
    const map = headers({
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': epoch(2.431),
      'X-RateLimit-Reset-After': '2.431',
      'X-RateLimit-Bucket': '80c17d2f203122d936070c88c8d10f33',
      'X-RateLimit-Scope': 'user',
    });
    expect(readRateLimit(map, T)).toEqual({ bucket: 'discord:80c17d2f203122d936070c88c8d10f33', limit: 5, remaining: 0, resetAt: T + 2431, windowSeconds: null, dialect: 'discord' });
    expect(readRetryDelay({ status: 429, report: readRateLimitReport(map, T), headers: map, receivedAt: T, json: undefined, message: null, familyDelayMs: null })).toEqual({ afterMs: 2431, source: 'ratelimit-header', exact: true });
  });

  it('puts Discord global limits in one bucket', () => {
    expect(readRateLimit(headers({ 'X-RateLimit-Global': 'true', 'X-RateLimit-Reset-After': '1.5', 'X-RateLimit-Bucket': 'abc' }), T)?.bucket).toBe('discord:global');
  });

  it('reads GitHub per resource, with limit = used + remaining when the limit is missing', () => {
    const state = readRateLimit(headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '60', 'x-ratelimit-reset': epoch(600), 'x-ratelimit-resource': 'search' }), T);
    expect(state).toMatchObject({ bucket: 'github:search', dialect: 'github', limit: 60, remaining: 0, resetAt: T + 600_000 });
  });

  it('corrects server clock skew: reset − Date, not reset − receivedAt', () => {
    // The server's clock is 90 s behind: its reset instant is 30 s after its own "now".
    const skewed = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(-60), Date: new Date(T - 90_000).toUTCString() };
    expect(delay(skewed)).toEqual({ afterMs: 30_000, source: 'reset-header', exact: true });
    expect(readRateLimit(headers(skewed), T)?.resetAt).toBe(T + 30_000);
  });

  it('adds Age to Date for responses a cache held', () => {
    const cached = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(-60), Date: new Date(T - 90_000).toUTCString(), Age: '30' };
    expect(delay(cached)?.afterMs).toBe(0);
  });

  it('reads epoch milliseconds, ISO (Jira minute precision) and HTTP-date resets', () => {
    expect(delay({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(T + 45_000) })?.afterMs).toBe(45_000);
    expect(delay({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2026-11-22T12:15Z' })?.afterMs).toBe(15 * 60_000);
    expect(delay({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'Sun, 22 Nov 2026 12:00:40 GMT' })?.afterMs).toBe(40_000);
  });

  it('reads a small reset as delta seconds, inexact because the unit was guessed', () => {
    expect(delay({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '42' })).toEqual({ afterMs: 42_000, source: 'reset-header', exact: false });
  });

  it('reads Prisjakt delta milliseconds: as seconds it would exceed a day', () => {
    expect(delay({ 'X-Rate-Limit-Limit': '1000', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': '600000' })).toEqual({ afterMs: 600_000, source: 'reset-header', exact: false });
  });

  it('decides the unit from a companion Retry-After when there is one', () => {
    expect(delay({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30000', 'x-ratelimit-retry-after': '30' })?.afterMs).toBe(30_000);
    const map = headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30000', 'retry-after': '31' });
    expect(readRateLimit(map, T)?.resetAt).toBe(T + 30_000);
  });

  it('uses the policy window of a Whoop-style limit list to decide the unit', () => {
    const state = readRateLimit(headers({ 'X-RateLimit-Limit': '100, 100;window=60, 10000;window=86400', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '3' }), T);
    expect(state).toMatchObject({ limit: 100, windowSeconds: 60, resetAt: T + 3000 });
  });

  it('uses a *-Reset as a retry delay only when the limit is exhausted or the status is 429', () => {
    const notExhausted = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': epoch(600) };
    expect(delay(notExhausted, { status: 503 })).toBeNull();
    expect(delay(notExhausted, { status: 429 })?.afterMs).toBe(600_000);
  });

  it('keeps limits without a reset and drops placeholder limits (Azure OpenAI -1)', () => {
    expect(readRateLimit(headers({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '99' }), T)).toMatchObject({ limit: 100, remaining: 99, resetAt: null });
    expect(readRateLimit(headers({ 'x-ratelimit-limit-requests': '-1', 'x-ratelimit-remaining-requests': '-1' }), T)).toBeNull();
  });
});

describe('IETF RateLimit fields', () => {
  it('reads draft-08+ named lists with their policies', () => {
    const state = readRateLimit(headers({ RateLimit: '"default";r=50;t=30', 'RateLimit-Policy': '"default";q=100;w=60' }), T);
    expect(state).toEqual({ bucket: 'ratelimit-structured:default', limit: 100, remaining: 50, resetAt: T + 30_000, windowSeconds: 60, dialect: 'ratelimit-structured' });
  });

  it('picks the exhausted policy of several, and its t is the retry delay', () => {
    const record = { RateLimit: '"burst";r=9;t=1, "daily";r=0;t=3600', 'RateLimit-Policy': '"burst";q=10;w=1, "daily";q=1000;w=86400' };
    expect(readRateLimit(headers(record), T)?.bucket).toBe('ratelimit-structured:daily');
    expect(delay(record)).toEqual({ afterMs: 3_600_000, source: 'ratelimit-header', exact: true });
  });

  it('shows the policy closest to exhaustion when none is exhausted', () => {
    const state = readRateLimit(headers({ RateLimit: '"a";r=90;t=1, "b";r=5;t=60', 'RateLimit-Policy': '"a";q=100;w=1, "b";q=50;w=60' }), T);
    expect(state?.bucket).toBe('ratelimit-structured:b');
  });

  it('reads the draft-07 dictionary with an unnamed policy', () => {
    const state = readRateLimit(headers({ RateLimit: 'limit=100, remaining=50, reset=5', 'RateLimit-Policy': '100;w=60' }), T);
    expect(state).toMatchObject({ limit: 100, remaining: 50, resetAt: T + 5000, windowSeconds: 60 });
  });

  it('reads Jira Beta-RateLimit as its own bucket', () => {
    const state = readRateLimit(headers({ 'Beta-RateLimit': '"tenant-app-quota";r=17842;t=2107', 'Beta-RateLimit-Policy': '"tenant-app-quota";q=100100;w=3600' }), T);
    expect(state).toMatchObject({ bucket: 'ratelimit-structured:beta:tenant-app-quota', limit: 100100, remaining: 17842 });
  });

  it('lets Retry-After win over t', () => {
    expect(delay({ RateLimit: '"default";r=0;t=30', 'Retry-After': '10' })?.source).toBe('retry-after');
  });

  it('ignores malformed fields', () => {
    for (const value of ['"default";r=', 'limit=abc, remaining=?', '"x";r=-5;t=-1', '(((', ':not-base64:;r=1', 'x'.repeat(100 * 1024)]) {
      expect(() => readRateLimit(headers({ RateLimit: value }), T)).not.toThrow();
    }
    expect(readRateLimit(headers({ RateLimit: '"default";r=' }), T)).toBeNull();
    expect(readRateLimit(headers({ RateLimit: '"x";r=-5;t=-1' }), T)).toBeNull();
  });
});

describe('old-draft RateLimit-* and GitLab', () => {
  it('reads polli policy lists in RateLimit-Limit', () => {
    const state = readRateLimit(headers({ 'RateLimit-Limit': '100, 100;w=10', 'RateLimit-Remaining': '7', 'RateLimit-Reset': '4' }), T);
    expect(state).toEqual({ bucket: 'ratelimit-draft', limit: 100, remaining: 7, resetAt: T + 4000, windowSeconds: 10, dialect: 'ratelimit-draft' });
  });

  it('reads GitLab: Reset is epoch seconds despite the IETF name, bucket from RateLimit-Name', () => {
    const state = readRateLimit(
      headers({ 'RateLimit-Limit': '60', 'RateLimit-Observed': '67', 'RateLimit-Remaining': '0', 'RateLimit-Reset': epoch(45), 'RateLimit-ResetTime': new Date(T + 45_000).toUTCString(), 'RateLimit-Name': 'throttle_authenticated_api' }),
      T,
    );
    expect(state).toMatchObject({ bucket: 'gitlab:throttle_authenticated_api', dialect: 'gitlab', remaining: 0, resetAt: T + 45_000 });
  });
});

describe('named dimensions', () => {
  it('reads OpenAI requests and tokens with Go-duration resets, the exhausted one governing a 429', () => {
    const record = {
      'x-ratelimit-limit-requests': '60',
      'x-ratelimit-remaining-requests': '59',
      'x-ratelimit-reset-requests': '1s',
      'x-ratelimit-limit-tokens': '150000',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '6m0s',
    };
    expect(readRateLimit(headers(record), T)).toMatchObject({ bucket: 'openai:tokens', dialect: 'openai', remaining: 0, resetAt: T + 360_000 });
    expect(delay(record)).toEqual({ afterMs: 360_000, source: 'vendor-duration', exact: true });
  });

  it('waits for the latest reset on a 429 when no dimension says it is exhausted', () => {
    expect(delay({ 'x-ratelimit-remaining-requests': '3', 'x-ratelimit-reset-requests': '12ms', 'x-ratelimit-remaining-tokens': '100', 'x-ratelimit-reset-tokens': '2m59.56s' })?.afterMs).toBe(179_560);
  });

  it('reads NestJS named throttlers as delta seconds and Kong windows from the name', () => {
    expect(readRateLimit(headers({ 'X-RateLimit-Limit-short': '3', 'X-RateLimit-Remaining-short': '0', 'X-RateLimit-Reset-short': '1' }), T)).toMatchObject({
      bucket: 'x-ratelimit-named:short',
      resetAt: T + 1000,
    });
    expect(readRateLimit(headers({ 'X-RateLimit-Limit-Minute': '5', 'X-RateLimit-Remaining-Minute': '4' }), T)?.windowSeconds).toBe(60);
  });

  it('reads Anthropic RFC 3339 resets against the server Date', () => {
    const record = {
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': new Date(T - 10_000 + 20_000).toISOString(),
      'anthropic-ratelimit-input-tokens-limit': '40000',
      'anthropic-ratelimit-input-tokens-remaining': '39000',
      Date: new Date(T - 10_000).toUTCString(),
    };
    expect(readRateLimit(headers(record), T)).toMatchObject({ bucket: 'anthropic:requests', resetAt: T + 20_000 });
    expect(delay(record)?.afterMs).toBe(20_000);
  });

  it('reads the Shopify call limit as used/size', () => {
    expect(readRateLimit(headers({ 'X-Shopify-Shop-Api-Call-Limit': '32/40' }), T)).toMatchObject({ bucket: 'shopify', limit: 40, remaining: 8, resetAt: null });
  });
});

describe('body hints and message text', () => {
  it('reads ad-hoc body keys, unit from the suffix, at the top level or under error/details', () => {
    expect(delay({}, { json: { retryAfterSeconds: 12 } })).toEqual({ afterMs: 12_000, source: 'body', exact: true });
    expect(delay({}, { json: { error: { retry_after_ms: 1500 } } })).toEqual({ afterMs: 1500, source: 'body', exact: true });
    expect(delay({}, { json: { details: { wait_seconds: 7 } } })?.afterMs).toBe(7000);
    expect(delay({}, { json: { retry_after: 2.431 } })).toEqual({ afterMs: 2431, source: 'body', exact: false });
    expect(delay({}, { json: { retryAfter: '20s' } })).toEqual({ afterMs: 20_000, source: 'body', exact: true });
    expect(delay({}, { json: { reset_at: new Date(T + 90_000).toISOString() } })?.afterMs).toBe(90_000);
  });

  it('treats __proto__ and constructor as data and ignores hostile values', () => {
    expect(delay({}, { json: JSON.parse('{"__proto__":{"retry_after":5}}') })).toBeNull();
    expect(delay({}, { json: { retry_after: 'NaN', retryAfter: { valueOf: 5 } } })).toBeNull();
    expect(delay({}, { json: { retry_after: 1e308 } })?.afterMs).toBe(MAX_DELAY_MS);
  });

  it('puts the family delay (Google RetryInfo) after Retry-After but before generic keys', () => {
    expect(delay({}, { familyDelayMs: 13_000, json: { retry_after: 2 } })).toEqual({ afterMs: 13_000, source: 'body', exact: true });
    expect(delay({ 'Retry-After': '5' }, { familyDelayMs: 13_000 })?.afterMs).toBe(5000);
  });

  it('reads delays from messages, inexact', () => {
    const cases: [string, number][] = [
      ['Quota exceeded. Please retry in 20.7s.', 20_700],
      ['Rate limit reached on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000. Please try again in 2.5s.', 2500],
      ['Please try again in 84ms.', 84],
      ['Please try again in 6m0s.', 360_000],
      ["You're doing that too much. Try again in 3 minutes.", 180_000],
      ['Request was throttled. Expected available in 5 seconds.', 5000],
    ];
    for (const [message, ms] of cases) expect(delay({}, { message })).toEqual({ afterMs: ms, source: 'message-text', exact: false });
    expect(delay({}, { message: 'Try again later.' })).toBeNull();
  });

  it('does not hang on a huge message', () => {
    const started = performance.now();
    expect(delay({}, { message: 'retry in '.repeat(400_000) })).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('measured from the moment of the response', () => {
  it('gives the same delay when the same response is decoded a week later', () => {
    const record = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(30), Date: new Date(T).toUTCString() };
    const live = delay(record);
    // Nothing in the reader consults the current clock, so a later "now" cannot change the answer.
    const realNow = Date.now;
    Date.now = () => T + 7 * 24 * 3600 * 1000;
    try {
      expect(delay(record)).toEqual(live);
    } finally {
      Date.now = realNow;
    }
    expect(live?.afterMs).toBe(30_000);
  });

  it('reads limits from successful responses too', () => {
    expect(readRateLimit(headers({ 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': epoch(3600), 'x-ratelimit-resource': 'core' }), T)?.remaining).toBe(4999);
  });

  it('returns null when no dialect is present', () => {
    expect(readRateLimit(headers({ 'content-type': 'application/json', 'Retry-After': '3' }), T)).toBeNull();
  });
});

describe('Meta usage headers (JSON percents)', () => {
  it('reads X-App-Usage as percent left of the counter closest to its limit', () => {
    expect(readRateLimit(headers({ 'X-App-Usage': '{"call_count":28,"total_time":25,"total_cputime":61}' }), T)).toMatchObject({
      bucket: 'meta:app',
      limit: 100,
      remaining: 39,
      resetAt: null,
    });
  });

  it('reads a Business Use Case in wait as exhausted, its minutes to regain access as an estimated reset', () => {
    const buc = { 'X-Business-Use-Case-Usage': '{"1234567890":[{"type":"ads_management","call_count":95,"total_cputime":20,"total_time":20,"estimated_time_to_regain_access":19}]}' };
    expect(readRateLimit(headers(buc), T)).toMatchObject({ bucket: 'meta:ads_management:1234567890', remaining: 0, resetAt: T + 19 * 60_000 });
    expect(delay(buc, { status: 400 })).toEqual({ afterMs: 19 * 60_000, source: 'reset-header', exact: false });
  });

  it('ignores malformed or hostile values instead of throwing', () => {
    for (const value of ['{', 'null', '[]', '{"call_count":"lots"}', `{"call_count":${'9'.repeat(400)}}`, 'x'.repeat(10_000)]) {
      expect(readRateLimit(headers({ 'X-App-Usage': value }), T), value.slice(0, 20)).toBeNull();
    }
    const prototype = headers({ 'X-Business-Use-Case-Usage': '{"__proto__":[{"type":"ads_insights","call_count":50}]}' });
    expect(readRateLimit(prototype, T)).toMatchObject({ remaining: 50 });
    expect(({} as Record<string, unknown>)['type']).toBeUndefined();
  });
});
