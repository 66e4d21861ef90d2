import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import type { Exchange } from '../../src/core/exchange.ts';
import { fixtures } from '../../src/core/fixtures/index.ts';
import { fixtureExchange } from '../../src/core/fixtures/render.ts';
import type { Analysis } from '../../src/core/model.ts';
import { demoCalls, demoCredentials } from './calls.ts';
import { escapeHtml } from './page.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import type { StatsSnapshot } from './stats.ts';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.origin}/__stats/reset`);
});

/** What the panel would receive for a request to the demo server. */
async function exchange(path: string, init: RequestInit = {}): Promise<Exchange> {
  const response = await fetch(server.origin + path, { redirect: 'manual', ...init });
  const text = await response.text();
  return {
    method: init.method ?? 'GET',
    url: server.origin + path,
    requestHeaders: [],
    status: response.status,
    responseHeaders: [...response.headers].map(([name, value]) => ({ name, value })),
    body: text === '' ? null : { text },
    mimeType: response.headers.get('content-type') ?? '',
    receivedAt: Date.now(),
  };
}

const header = (ex: Exchange, name: string): string | undefined => ex.responseHeaders.find((h) => h.name === name.toLowerCase())?.value;

async function stats(): Promise<StatsSnapshot> {
  return (await (await fetch(`${server.origin}/__stats`)).json()) as StatsSnapshot;
}

describe('fixture endpoints', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  });

  it('serves every fixture rendered now, decoding over the wire exactly as the fixture itself decodes', async () => {
    expect(fixtures.length).toBeGreaterThan(0);
    for (const [index, fixture] of fixtures.entries()) {
      const call = demoCalls[index];
      const served = await exchange(call?.path ?? '', { method: fixture.request.method });
      // Bodies that echo the request path (Spring's instance) are rendered for the path actually served.
      const direct = fixtureExchange(fixture, served.receivedAt);
      expect(served.status, fixture.name).toBe(fixture.response.status);
      expect(served.mimeType, fixture.name).toBe(direct.mimeType);
      expect(JSON.stringify(served.responseHeaders) + (served.body?.text ?? ''), `${fixture.name} has unrendered templates`).not.toMatch(/\{\{(epoch|date|iso)/);
      // Same decoding, minus what depends on the request (the test sends no fixture headers).
      // The retry source and the rate-limit state show the headers arrived intact.
      const essentials = ({ error, rateLimit }: Analysis): unknown => ({
        error: error && { format: error.format, code: error.code, message: error.message, fieldErrors: error.fieldErrors, requestId: error.requestId, retryable: error.retry.retryable, source: error.retry.source },
        rateLimit: rateLimit && { limit: rateLimit.limit, remaining: rateLimit.remaining },
      });
      expect(essentials(analyze(served)), fixture.name).toEqual(essentials(analyze(direct)));
    }
  });

  it('answers a fixture whatever the method, with a Date header of now', async () => {
    const call = demoCalls[0];
    expect(call).toBeDefined();
    if (call === undefined) return;
    for (const method of ['GET', 'POST', 'DELETE', 'PATCH']) {
      const served = await exchange(call.path, { method, body: method === 'GET' ? undefined : '{"a":1}' });
      expect(served.status, method).toBe(call.status);
    }
    const date = header(await exchange(call.path), 'date');
    expect(Math.abs(Date.parse(date ?? '') - Date.now())).toBeLessThan(2000);
  });

  it('answers an unknown fixture with a 404 that is counted as an error', async () => {
    const served = await exchange('/api/fx/no-such-fixture');
    expect(served.status).toBe(404);
    expect(await stats()).toEqual({ total: 1, errors: 1, byPath: { '/api/fx/no-such-fixture': 1 } });
  });

  it('keeps "__proto__" in a path as plain data in the counters', async () => {
    await exchange('/api/__proto__');
    const counted = await stats();
    expect(Object.hasOwn(counted.byPath, '__proto__')).toBe(false);
    expect(counted.byPath['/api/__proto__']).toBe(1);
  });
});

describe('served-request counters', () => {
  it('count a burst of 10 000 fixture requests exactly, per path, and reset to zero', async () => {
    const calls = demoCalls.filter((call) => call.isError);
    expect(calls.length).toBeGreaterThan(0);
    const total = 10_000;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < total) {
        const call = calls[next++ % calls.length];
        if (call !== undefined) await (await fetch(server.origin + call.path, { method: call.method })).arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));

    const counted = await stats();
    expect(counted.total).toBe(total);
    expect(counted.errors).toBe(total);
    const first = calls[0];
    if (first !== undefined) expect(counted.byPath[first.path]).toBe(Math.ceil(total / calls.length));

    await fetch(`${server.origin}/__stats/reset`);
    expect(await stats()).toEqual({ total: 0, errors: 0, byPath: {} });
  }, 60_000);
});

describe('rate-limit endpoints', () => {
  it('/api/quota/ok teaches the X-RateLimit limit from 2xx answers, then answers 429 with Retry-After', async () => {
    const first = await exchange('/api/quota/ok');
    expect(first.status).toBe(200);
    expect(analyze(first)).toMatchObject({ error: null, rateLimit: { limit: 60, remaining: 59 } });
    const reset = Number(header(first, 'x-ratelimit-reset'));
    expect(reset * 1000 - Date.now()).toBeGreaterThan(55_000);
    expect(reset * 1000 - Date.now()).toBeLessThanOrEqual(61_000);

    for (let call = 2; call <= 60; call += 1) await exchange('/api/quota/ok');
    const over = await exchange('/api/quota/ok');
    expect(over.status).toBe(429);
    expect(Number(header(over, 'retry-after'))).toBeGreaterThan(0);
    expect(analyze(over).error).toMatchObject({ status: 429, retry: { retryable: true } });
    expect((await stats()).errors).toBe(1);
  });

  it('/api/quota/ietf speaks the structured RateLimit dialect with a decreasing remainder', async () => {
    const first = await exchange('/api/quota/ietf');
    const second = await exchange('/api/quota/ietf');
    expect(header(second, 'ratelimit-policy')).toBe('"demo";q=100;w=60');
    expect(header(second, 'ratelimit')).toMatch(/^"demo";r=98;t=(59|60)$/);
    expect(analyze(first)).toMatchObject({ error: null, rateLimit: { limit: 100, remaining: 99 } });
  });

  it('/api/items, a 200 list of items with message and code, is not an error', async () => {
    const served = await exchange('/api/items');
    expect(served.status).toBe(200);
    expect(served.body?.text).toContain('"message"');
    expect(analyze(served).error).toBeNull();
  });
});

describe('demo pages', () => {
  it('lists every fixture as a button, with the controls, under a strict CSP and a session cookie', async () => {
    const response = await fetch(`${server.origin}/`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('set-cookie')).toContain(demoCredentials.sessionCookie);
    for (const fixture of fixtures) expect(html).toContain(`data-fixture="${escapeHtml(fixture.name)}"`);
    expect(html.match(/data-fixture="/g)?.length ?? 0).toBe(fixtures.length);
    for (const id of ['fire-all', 'burst-count', 'burst']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('href="/page2"');
    expect(html).toContain('<script type="module" src="/demo.js">');
  });

  it('has a second page with the same script that links back', async () => {
    const html = await (await fetch(`${server.origin}/page2`)).text();
    expect(html).toContain('href="/"');
    expect(html).toContain('<script type="module" src="/demo.js">');
  });

  it('serves its script as plain JavaScript, free of TypeScript syntax', async () => {
    const response = await fetch(`${server.origin}/demo.js`);
    const script = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script).toContain('fire-all');
    expect(script).not.toMatch(/:\s*(string|number|boolean|void|HTMLElement)\b/);
  });

  it('escapes what it puts into HTML', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });
});
