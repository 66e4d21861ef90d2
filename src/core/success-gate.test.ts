import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { headerMap } from './exchange.ts';
import { fixtures } from './fixtures/index.ts';
import { fixtureExchange } from './fixtures/render.ts';
import { successFamilies } from './families/index.ts';
import { allSuccessHints, mayCarryErrorInSuccess, mayCarryRateLimit } from './success-gate.ts';

const now = Date.UTC(2026, 10, 22, 12);

describe('the success gate', () => {
  // The gate may say yes too often (the decoder then decides), never no to something the decoder would show.
  it.each(fixtures.map((f) => [f.name, f] as const))('lets through everything the decoder shows for %s', (_name, fixture) => {
    const exchange = fixtureExchange(fixture, now);
    const { error, rateLimit } = analyze(exchange);
    const headers = headerMap(exchange.responseHeaders);
    if (rateLimit !== null) expect(mayCarryRateLimit(headers)).toBe(true);
    if (error !== null && exchange.status < 400) expect(mayCarryErrorInSuccess(exchange.body?.text ?? '', headers)).toBe(true);
  });

  it('skips ordinary payloads and headers', () => {
    const headers = headerMap([{ name: 'Content-Type', value: 'application/json' }, { name: 'ETag', value: '"abc"' }]);
    expect(mayCarryErrorInSuccess('{"orders":[{"id":1,"status":"paid","message":"ok","code":3}],"errors":[]}', headers)).toBe(false);
    expect(mayCarryRateLimit(headers)).toBe(false);
  });
});

describe('the success hints', () => {
  it('come from every family tried on 2xx bodies, so none is silently dropped', () => {
    expect(new Set(allSuccessHints)).toEqual(new Set(successFamilies.map((family) => family.successHints)));
  });
});
