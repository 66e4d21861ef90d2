import { describe, expect, it } from 'vitest';
import { exchangeFromHarEntry } from './entry.ts';
import { harEntrySchema, isPlainHarEntry } from './parse.ts';
import { parseHar } from './stream.ts';

// The HostUp 404 problem of seed 000, as Chrome's "Save all as HAR" records it.
const hostupBody = JSON.stringify({
  type: 'https://developer.hostup.se/errors/vps_not_found',
  title: 'VPS not found',
  status: 404,
  detail: 'No VPS matching the given ID was found.',
  code: 'vps_not_found',
  instance: '/api/v2/vps/vps_abc123',
  requestId: 'req_xyz789',
  timestamp: '2026-04-27T12:00:00.000Z',
});

const chromeEntry = {
  _initiator: { type: 'script' },
  _priority: 'High',
  _resourceType: 'fetch',
  cache: {},
  connection: '443',
  request: {
    method: 'GET',
    url: 'https://api.hostup.se/api/v2/vps/vps_abc123',
    httpVersion: 'http/2.0',
    headers: [{ name: 'authorization', value: 'Bearer secret' }],
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: 0,
  },
  response: {
    status: 404,
    statusText: '',
    httpVersion: 'http/2.0',
    headers: [{ name: 'content-type', value: 'application/problem+json' }],
    cookies: [],
    content: { size: hostupBody.length, mimeType: 'application/problem+json', text: hostupBody },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
    _transferSize: 512,
  },
  serverIPAddress: '203.0.113.7',
  startedDateTime: '2026-04-27T12:00:00.000Z',
  time: 84.5,
  timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0.2, wait: 80, receive: 3.3 },
};

// The Restore Hub 400 of seed 002, as Firefox records a POST whose body it got base64-encoded.
const restoreBody = '{"error":"Invalid request body.","details":{"issues":[{"path":["name"],"message":"Required"}]}}';
const firefoxEntry = {
  pageref: 'page_1',
  startedDateTime: '2026-04-27T12:00:05.000+02:00',
  time: 20,
  request: {
    method: 'POST',
    url: 'https://restorehub.example/api/servers',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    postData: { mimeType: 'application/json', params: [], text: '{"category":"gaming"}' },
  },
  response: {
    status: 400,
    statusText: 'Bad Request',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    content: { mimeType: 'application/json', size: restoreBody.length, encoding: 'base64', text: Buffer.from(restoreBody).toString('base64') },
  },
};

const har = (entries: unknown[]): string => JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries } });

describe('parseHar', () => {
  it('accepts Chrome and Firefox HARs, with or without Chrome-only fields', () => {
    const parsed = parseHar(har([chromeEntry, firefoxEntry]));
    expect('entries' in parsed && parsed.entries).toHaveLength(2);
  });

  it('says when the text is not JSON', () => {
    const parsed = parseHar('<html>nope</html>');
    expect('error' in parsed && parsed.error).toMatch(/^not JSON/);
  });

  it('names the missing member when the JSON is not a HAR', () => {
    expect(parseHar('{"entries":[]}')).toEqual({ error: 'not a HAR file: log is missing' });
    expect(parseHar('{"log":{}}')).toEqual({ error: 'not a HAR file: log.entries is missing' });
    const { status: _status, ...responseWithoutStatus } = chromeEntry.response;
    expect(parseHar(har([chromeEntry, { ...chromeEntry, response: responseWithoutStatus }]))).toEqual({
      error: 'not a HAR file: log.entries[1].response.status is missing',
    });
    expect(parseHar(har([{ ...chromeEntry, time: 'slow' }]))).toEqual({ error: 'not a HAR file: log.entries[0].time must be a number' });
    expect(parseHar(har([{ ...chromeEntry, startedDateTime: 'yesterday' }]))).toEqual({ error: 'not a HAR file: log.entries[0].startedDateTime must be a date' });
    expect(parseHar('[1,2]')).toEqual({ error: 'not a HAR file: the file must be an object' });
  });
});

describe('exchangeFromHarEntry', () => {
  it('maps a Chrome entry, timing the response from start + total time', () => {
    const exchange = exchangeFromHarEntry(chromeEntry);
    expect(exchange).toMatchObject({
      method: 'GET',
      url: 'https://api.hostup.se/api/v2/vps/vps_abc123',
      status: 404,
      mimeType: 'application/problem+json',
      body: { text: hostupBody, encoding: undefined },
      requestBody: null,
      receivedAt: Date.parse('2026-04-27T12:00:00.000Z') + 84.5,
    });
    expect(exchange.responseHeaders).toEqual([{ name: 'content-type', value: 'application/problem+json' }]);
    expect(exchange.requestHeaders).toEqual([{ name: 'authorization', value: 'Bearer secret' }]);
  });

  it('keeps base64 bodies marked as such and the request body from postData', () => {
    const exchange = exchangeFromHarEntry(firefoxEntry);
    expect(exchange.body?.encoding).toBe('base64');
    expect(Buffer.from(exchange.body?.text ?? '', 'base64').toString()).toBe(restoreBody);
    expect(exchange.requestBody).toBe('{"category":"gaming"}');
    expect(exchange.receivedAt).toBe(Date.parse('2026-04-27T10:00:05.000Z') + 20);
  });

  it('reads the entries DevTools hands extensions (no headers, body fetched separately)', () => {
    const exchange = exchangeFromHarEntry({ startedDateTime: chromeEntry.startedDateTime, time: -1, request: { method: 'GET', url: 'https://x.test/' }, response: { status: 502 } });
    expect(exchange).toMatchObject({ status: 502, body: null, mimeType: '', requestHeaders: [], responseHeaders: [], receivedAt: Date.parse(chromeEntry.startedDateTime) });
  });

  it("keeps Chrome's failure marker and request type: a CORS-refused fetch as Chrome's Export HAR records it", () => {
    // Chrome writes a blocked request with status 0, no content text and `response._error` (HAR export of the Network panel).
    const blocked = { ...chromeEntry, response: { ...chromeEntry.response, status: 0, headers: [], content: { size: 0, mimeType: 'x-unknown' }, _error: 'net::ERR_FAILED' } };
    expect(exchangeFromHarEntry(blocked)).toMatchObject({ status: 0, transportError: 'net::ERR_FAILED', resourceType: 'fetch', body: null });
    const parsed = parseHar(har([blocked]));
    expect('entries' in parsed && exchangeFromHarEntry(parsed.entries[0] as typeof blocked).transportError).toBe('net::ERR_FAILED');
    expect(exchangeFromHarEntry(firefoxEntry)).not.toHaveProperty('transportError');
    // Playwright's recordHar names the same failure `_failureText`.
    expect(exchangeFromHarEntry({ ...blocked, response: { ...blocked.response, _error: undefined, _failureText: 'net::ERR_FAILED' } }).transportError).toBe('net::ERR_FAILED');
  });

  it('treats an empty content text as no body', () => {
    const exchange = exchangeFromHarEntry({ ...chromeEntry, response: { ...chromeEntry.response, status: 204, content: { mimeType: 'x-unknown', text: '' } } });
    expect(exchange.body).toBeNull();
  });
});

describe('isPlainHarEntry (the fast path of the HAR entry schema)', () => {
  it('accepts the Chrome and Firefox entries', () => {
    expect(isPlainHarEntry(chromeEntry)).toBe(true);
    expect(isPlainHarEntry(firefoxEntry)).toBe(true);
  });

  it('never accepts what the schema refuses, whatever member is broken', () => {
    // Every member the schema reads, replaced by values of every JSON type (and removed).
    const odd: unknown[] = [undefined, null, 0, 1.5, '', 'yesterday', true, [], {}, [{ name: 'a' }], [{ name: 'a', value: 1 }]];
    const paths = [
      ['startedDateTime'], ['time'], ['_error'], ['_resourceType'], ['request'], ['request', 'method'], ['request', 'url'], ['request', 'headers'],
      ['request', 'postData'], ['request', 'postData', 'text'], ['response'], ['response', 'status'], ['response', 'statusText'], ['response', 'headers'],
      ['response', 'content'], ['response', 'content', 'text'], ['response', 'content', 'encoding'], ['response', 'content', 'mimeType'], ['response', 'content', '_file'],
    ];
    for (const base of [chromeEntry, firefoxEntry]) {
      for (const path of paths) {
        for (const value of odd) {
          const entry = structuredClone(base) as Record<string, unknown>;
          let parent = entry;
          for (const key of path.slice(0, -1)) {
            if (!isRecordLike(parent[key])) parent[key] = {};
            parent = parent[key] as Record<string, unknown>;
          }
          const last = path.at(-1) ?? '';
          if (value === undefined) Reflect.deleteProperty(parent, last);
          else parent[last] = value;
          if (isPlainHarEntry(entry)) expect(harEntrySchema.safeParse(entry).success, `${path.join('.')} = ${JSON.stringify(value)}`).toBe(true);
        }
      }
    }
  });
});

function isRecordLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
