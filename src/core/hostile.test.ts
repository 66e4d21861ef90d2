import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { Exchange } from './exchange.ts';
import { hostileBodies } from './fixtures/hostile-bodies.ts';
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

const hostile = new Map(hostileBodies().map((b) => [b.name, b] as const));

function decodeHostile(name: string): { ms: number; result: ReturnType<typeof analyze> } {
  const body = hostile.get(name);
  if (body === undefined) throw new Error(`no hostile body named ${name}`);
  return timed(exchange(body.status, body.text, body.mimeType, body.encoding));
}

describe('decoding hostile bodies', () => {
  it.each([...hostile.keys()])('%s: decoded or refused in bounded time, keeping the status', (name) => {
    const { ms, result } = decodeHostile(name);
    expect(result.error?.status).toBe(hostile.get(name)?.status);
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a 50 MB body with a clear reason', () => {
    expect(decodeHostile('50 MB body').result.error?.bodyNote).toMatch(/50\.0 MB is over the .* limit/);
  });

  it('reads invalid UTF-8 leniently and says so', () => {
    const { error } = decodeHostile('invalid UTF-8').result;
    expect(error?.bodyNote).toMatch(/not valid UTF-8/);
    expect(error?.message).toContain('caf');
  });

  it('does not decode base64 binary as text', () => {
    expect(decodeHostile('base64 PNG').result.error?.bodyNote).toMatch(/binary/);
  });

  it('treats __proto__ and constructor keys as plain data, without polluting prototypes', () => {
    expect(decodeHostile('__proto__ and constructor keys').result.error).not.toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
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
