import { describe, expect, it } from 'vitest';
import { corsBlock } from './cors.ts';
import type { Exchange } from './exchange.ts';

function exchange(overrides: Partial<Exchange> & { origin?: string; allowOrigin?: string; cookie?: boolean; allowCredentials?: string }): Exchange {
  const { origin, allowOrigin, cookie, allowCredentials, ...rest } = overrides;
  return {
    method: 'GET',
    url: 'https://api.example.test/v1/items',
    requestHeaders: [...(origin === undefined ? [] : [{ name: 'Origin', value: origin }]), ...(cookie === true ? [{ name: 'Cookie', value: 'sid=1' }] : [])],
    status: 500,
    responseHeaders: [
      ...(allowOrigin === undefined ? [] : [{ name: 'Access-Control-Allow-Origin', value: allowOrigin }]),
      ...(allowCredentials === undefined ? [] : [{ name: 'Access-Control-Allow-Credentials', value: allowCredentials }]),
    ],
    body: { text: '{"error":"boom"}' },
    mimeType: 'application/json',
    receivedAt: 0,
    ...rest,
  };
}

describe('corsBlock: the Fetch standard CORS check on what DevTools recorded', () => {
  it('blocks a cross-origin error without Access-Control-Allow-Origin, and says what to send', () => {
    const block = corsBlock(exchange({ origin: 'http://localhost:3000' }));
    expect(block?.reason).toBe('missing-allow-origin');
    expect(block?.fix).toContain('Access-Control-Allow-Origin: http://localhost:3000');
  });
  it('blocks a mismatched origin', () => {
    expect(corsBlock(exchange({ origin: 'http://localhost:3000', allowOrigin: 'https://app.example.test' }))?.reason).toBe('mismatched-allow-origin');
  });
  it('blocks * when the request carried cookies, and a missing Allow-Credentials', () => {
    expect(corsBlock(exchange({ origin: 'http://localhost:3000', allowOrigin: '*', cookie: true }))?.reason).toBe('wildcard-with-credentials');
    expect(corsBlock(exchange({ origin: 'http://localhost:3000', allowOrigin: 'http://localhost:3000', cookie: true }))?.reason).toBe('missing-allow-credentials');
  });
  it('passes a matching origin, *, and credentials done right', () => {
    expect(corsBlock(exchange({ origin: 'http://localhost:3000', allowOrigin: 'http://localhost:3000' }))).toBeNull();
    expect(corsBlock(exchange({ origin: 'http://localhost:3000', allowOrigin: '*' }))).toBeNull();
    expect(corsBlock(exchange({ origin: 'http://localhost:3000', allowOrigin: 'http://localhost:3000', cookie: true, allowCredentials: 'true' }))).toBeNull();
  });
  it('ignores same-origin requests (a same-origin POST carries Origin too) and requests without Origin', () => {
    expect(corsBlock(exchange({ method: 'POST', origin: 'https://api.example.test' }))).toBeNull();
    expect(corsBlock(exchange({}))).toBeNull();
  });
  it('ignores navigations and other no-cors loads when the resource type is known', () => {
    expect(corsBlock(exchange({ origin: 'http://localhost:3000', resourceType: 'document' }))).toBeNull();
    expect(corsBlock(exchange({ origin: 'http://localhost:3000', resourceType: 'fetch' }))?.reason).toBe('missing-allow-origin');
  });
  it('reports a failed preflight', () => {
    const preflight = exchange({ method: 'OPTIONS', origin: 'http://localhost:3000', status: 404, allowOrigin: 'http://localhost:3000' });
    expect(corsBlock({ ...preflight, requestHeaders: [...preflight.requestHeaders, { name: 'Access-Control-Request-Method', value: 'PUT' }] })?.reason).toBe('preflight-failed');
  });
  it('trusts the browser marker for a CORS failure', () => {
    expect(corsBlock(exchange({ origin: 'http://localhost:3000', allowOrigin: 'http://localhost:3000', transportError: 'net::ERR_FAILED' }))?.reason).toBe('browser-reported');
  });

  it('names the failed rule behind Chrome\u2019s net::ERR_FAILED when the headers show it', () => {
    // Chrome's HAR for a cross-origin 500 without Access-Control-Allow-Origin: `_error: "net::ERR_FAILED"`, no body.
    const block = corsBlock(exchange({ origin: 'http://localhost:3000', transportError: 'net::ERR_FAILED', body: null }));
    expect(block?.reason).toBe('missing-allow-origin');
  });
  it('takes no failure marker on a same-origin request (its Referer names the target) for a CORS block', () => {
    const sameOrigin = exchange({ transportError: 'net::ERR_FAILED', requestHeaders: [{ name: 'Referer', value: 'https://api.example.test/app' }] });
    expect(corsBlock(sameOrigin)).toBeNull();
    expect(corsBlock({ ...sameOrigin, requestHeaders: [{ name: 'Referer', value: 'http://localhost:3000/' }] })?.reason).toBe('browser-reported');
  });
  it('leaves WebSocket handshakes alone: they carry Origin but no CORS check applies', () => {
    expect(corsBlock(exchange({ url: 'wss://api.example.test/socket', origin: 'http://localhost:3000', status: 0, resourceType: 'websocket' }))).toBeNull();
  });
});
