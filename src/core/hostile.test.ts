import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { Exchange } from './exchange.ts';
import { fixtures } from './fixtures/index.ts';
import { fixtureExchange } from './fixtures/render.ts';

const receivedAt = Date.UTC(2026, 10, 22, 12);

function exchange(status: number, body: string | null, mimeType = 'application/json', encoding?: 'base64'): Exchange {
  return {
    method: 'POST',
    url: 'https://api.example.test/v1/orders?id=1',
    requestHeaders: [],
    status,
    responseHeaders: [{ name: 'Content-Type', value: mimeType }],
    body: body === null ? null : { text: body, encoding },
    mimeType,
    receivedAt,
  };
}

/** Runs analyze and returns how long it took; analyze must never throw. */
function timed(input: Exchange): { ms: number; result: ReturnType<typeof analyze> } {
  const start = performance.now();
  const result = analyze(input);
  return { ms: performance.now() - start, result };
}

describe('decoding hostile bodies', () => {
  it('decodes JSON nested 100 000 deep in bounded time', () => {
    for (const open of ['[', '{"errors":', '{"error":', '{"code":50035,"message":"Invalid Form Body","errors":{"a":']) {
      const close = open === '[' ? ']' : '}';
      const body = open.repeat(100_000) + '1' + close.repeat(100_000);
      const { ms, result } = timed(exchange(400, body));
      expect(result.error?.status).toBe(400);
      expect(ms).toBeLessThan(2000);
    }
  });

  it('refuses a 50 MB body with a clear reason and still reports the status', () => {
    const body = '{"message":"' + 'x'.repeat(50 * 1024 * 1024) + '"}';
    const { ms, result } = timed(exchange(502, body));
    expect(result.error?.status).toBe(502);
    expect(result.error?.bodyNote).toMatch(/50\.0 MB is over the .* limit/);
    expect(ms).toBeLessThan(1000);
  });

  it('reads invalid UTF-8 leniently and says so', () => {
    const bytes = Buffer.concat([Buffer.from('{"error":"bad_thing","message":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const { result } = timed(exchange(400, bytes.toString('base64'), 'application/json', 'base64'));
    expect(result.error?.bodyNote).toMatch(/not valid UTF-8/);
    expect(result.error?.message).toContain('caf');
  });

  it('does not decode base64 binary as text', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const { result } = timed(exchange(500, png.toString('base64'), 'image/png', 'base64'));
    expect(result.error?.bodyNote).toMatch(/binary/);
  });

  it('treats __proto__ and constructor keys as plain data, without polluting prototypes', () => {
    const body = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"error":{"__proto__":{"message":"x"},"code":"bad","message":"Bad thing"},"errors":{"__proto__":["nope"]}}';
    const { result } = timed(exchange(400, body));
    expect(result.error).not.toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('survives huge numbers and very long strings', () => {
    const long = 'a'.repeat(1_000_000);
    for (const body of [`{"code":1e308,"message":"${long}"}`, '{"status":-1e309,"retry_after":1e308,"error":"rate_limited"}', `{"error":"${long}"}`]) {
      const { ms, result } = timed(exchange(429, body));
      expect(result.error?.status).toBe(429);
      expect(ms).toBeLessThan(1000);
    }
  });
});

describe('decoding never throws', () => {
  const statuses = fc.constantFrom(200, 202, 204, 301, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 529);
  const mimes = fc.constantFrom('application/json', 'application/problem+json', 'text/html', 'text/plain', 'application/xml', 'application/vnd.api+json', '');

  it('on arbitrary strings', () => {
    fc.assert(fc.property(statuses, mimes, fc.string({ maxLength: 400 }), (status, mime, body) => {
      analyze(exchange(status, body, mime));
    }), { numRuns: 2000 });
  });

  it('on arbitrary JSON', () => {
    fc.assert(fc.property(statuses, mimes, fc.jsonValue({ maxDepth: 6 }), (status, mime, value) => {
      analyze(exchange(status, JSON.stringify(value), mime));
    }), { numRuns: 2000 });
  });

  it('on mutated fixtures (members replaced by arbitrary JSON, headers garbled)', () => {
    const cases = fixtures.filter((f) => typeof f.response.body === 'object' && f.response.body !== null);
    if (cases.length === 0) return;
    fc.assert(fc.property(fc.integer({ min: 0, max: cases.length - 1 }), fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 40 }), (index, replacement, garbage) => {
      const fixture = cases[index];
      if (fixture === undefined) return;
      const base = fixtureExchange(fixture, receivedAt);
      const parsed = JSON.parse(base.body?.text ?? '{}') as unknown;
      const mutated = mutate(parsed, replacement);
      analyze({
        ...base,
        body: { text: JSON.stringify(mutated) },
        responseHeaders: base.responseHeaders.map((h) => ({ name: h.name, value: garbage })),
      });
    }), { numRuns: 1500 });
  });
});

/** Replaces one member (the first found at each level, down a path) with `replacement`. */
function mutate(value: unknown, replacement: unknown, depth = 0): unknown {
  if (depth > 3 || typeof value !== 'object' || value === null) return replacement;
  if (Array.isArray(value)) return value.length === 0 ? [replacement] : [mutate(value[0], replacement, depth + 1), ...value.slice(1)];
  const entries = Object.entries(value);
  const first = entries[0];
  if (first === undefined) return { injected: replacement };
  return Object.fromEntries([[first[0], depth % 2 === 0 ? replacement : mutate(first[1], replacement, depth + 1)], ...entries.slice(1)]);
}
