import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { Exchange } from './exchange.ts';

/**
 * Status 0: the browser recorded no HTTP status. Refused WebSocket handshakes (Chrome), requests that
 * failed (a failure marker), beacons whose answer was lost, and responses whose status was lost as the
 * page navigated (Firefox, body kept) are errors; a merely cancelled request, and a lost success, are not.
 */
const base: Exchange = { method: 'GET', url: 'http://127.0.0.1:8787/api/x', requestHeaders: [], status: 0, responseHeaders: [], body: null, mimeType: '', receivedAt: 0 };
// RFC 9457's example problem (section 3).
const PROBLEM = JSON.stringify({ type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.', status: 403, detail: 'Your current balance is 30, but that costs 50.' });

describe('status 0', () => {
  it('is an error for a refused WebSocket handshake and for a request the browser says failed', () => {
    expect(analyze({ ...base, url: 'ws://127.0.0.1:8787/ws', resourceType: 'websocket' }).error?.message).toBe('No response');
    expect(analyze({ ...base, transportError: 'net::ERR_CONNECTION_REFUSED' }).error?.format).toBe('status-only');
  });
  it('is an error for a beacon, which the browser never cancels: its answer was lost', () => {
    expect(analyze({ ...base, method: 'POST', resourceType: 'ping' }).error?.message).toBe('No response');
  });
  it('is no error for a request merely cancelled, with no body and no failure marker', () => {
    expect(analyze(base).error).toBeNull();
  });
  it('decodes an error envelope whose status was lost, and ignores a lost success body', () => {
    const lost = analyze({ ...base, body: { text: PROBLEM }, mimeType: 'application/problem+json' });
    expect([lost.error?.format, lost.error?.message]).toEqual(['problem-details', 'Your current balance is 30, but that costs 50.']);
    expect(analyze({ ...base, body: { text: '{"items":[],"next":null}' }, mimeType: 'application/json' }).error).toBeNull();
  });
});
