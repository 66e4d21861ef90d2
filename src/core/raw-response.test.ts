import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange } from './exchange.ts';
import { seedFixtures } from './fixtures/index.ts';
import { DEFAULT_BODY_STATUS, parseRawResponse, PASTED_URL, type RawResponseResult } from './raw-response.ts';

const receivedAt = Date.UTC(2026, 3, 27, 12, 0, 0);

/** seed 000 (HostUp): the documented problem+json example. */
const hostUpBody = JSON.stringify(seedFixtures.find((f) => f.name === 'hostup-vps-not-found')?.response.body);

/** Discord's rate-limit response, as curl -i prints it. */
const discord429 = [
  'HTTP/1.1 429 Too Many Requests',
  'Retry-After: 3',
  'X-RateLimit-Limit: 5',
  'X-RateLimit-Remaining: 0',
  'X-RateLimit-Reset: 1741000003.512',
  'X-RateLimit-Reset-After: 2.431',
  'X-RateLimit-Bucket: 80c17d2f203122d936070c88c8d10f33',
  'X-RateLimit-Scope: user',
  '',
  '{"message":"You are being rate limited.","retry_after":2.431,"global":false}',
];

function exchangeOf(result: RawResponseResult): Exchange {
  if ('error' in result) throw new Error(`expected an exchange, got: ${result.error}`);
  return result.exchange;
}

function errorOf(result: RawResponseResult): string {
  if ('exchange' in result) throw new Error(`expected an error, got status ${result.exchange.status}`);
  return result.error;
}

function header(exchange: Exchange, name: string): string | undefined {
  return exchange.responseHeaders.find((h) => h.name.toLowerCase() === name)?.value;
}

describe('parseRawResponse: a raw HTTP response', () => {
  const hostUpLines = ['HTTP/1.1 404 Not Found', 'Content-Type: application/problem+json', 'Date: Mon, 27 Apr 2026 12:00:00 GMT', '', hostUpBody];

  it('reads status, reason, headers and body with CRLF line ends', () => {
    const exchange = exchangeOf(parseRawResponse(hostUpLines.join('\r\n'), receivedAt));
    expect(exchange.status).toBe(404);
    expect(exchange.statusText).toBe('Not Found');
    expect(exchange.mimeType).toBe('application/problem+json');
    expect(header(exchange, 'date')).toBe('Mon, 27 Apr 2026 12:00:00 GMT');
    expect(exchange.body?.text).toBe(hostUpBody);
    expect(exchange.receivedAt).toBe(receivedAt);
    expect(exchange.url).toBe(PASTED_URL);
  });

  it('reads LF line ends the same way', () => {
    expect(parseRawResponse(hostUpLines.join('\n'), receivedAt)).toEqual(parseRawResponse(hostUpLines.join('\r\n'), receivedAt));
  });

  it('reads every header of the Discord 429, keeping repeated names', () => {
    const exchange = exchangeOf(parseRawResponse(discord429.join('\n'), receivedAt));
    expect(exchange.status).toBe(429);
    expect(exchange.responseHeaders).toHaveLength(7);
    expect(header(exchange, 'retry-after')).toBe('3');
    expect(header(exchange, 'x-ratelimit-reset-after')).toBe('2.431');
    expect(exchange.mimeType).toBe('');
    expect(JSON.parse(exchange.body?.text ?? '')).toEqual({ message: 'You are being rate limited.', retry_after: 2.431, global: false });
  });

  it('accepts an HTTP/2 status line without a reason phrase, with or without curl\'s trailing space', () => {
    for (const line of ['HTTP/2 429', 'HTTP/2 429 ', 'HTTP/3 429']) {
      const exchange = exchangeOf(parseRawResponse(`${line}\r\nretry-after: 12\r\ncontent-type: application/json\r\n\r\n{"error":"Rate limit exceeded.","retryAfterSeconds":12}`, receivedAt));
      expect(exchange.status).toBe(429);
      expect(exchange.statusText).toBeUndefined();
      expect(exchange.mimeType).toBe('application/json');
    }
  });

  it('takes the last of several header blocks (100 Continue, a followed redirect)', () => {
    const text = [
      'HTTP/1.1 100 Continue',
      '',
      'HTTP/1.1 301 Moved Permanently',
      'Location: https://api.example.test/v2/vps',
      'Content-Type: text/html',
      '',
      'HTTP/2 429',
      'retry-after: 3',
      '',
      '{"message":"You are being rate limited.","retry_after":2.431,"global":false}',
    ].join('\r\n');
    const exchange = exchangeOf(parseRawResponse(text, receivedAt));
    expect(exchange.status).toBe(429);
    expect(exchange.responseHeaders).toEqual([{ name: 'retry-after', value: '3' }]);
    expect(exchange.mimeType).toBe('');
    expect(exchange.body?.text).toContain('retry_after');
  });

  it('joins folded header lines and skips lines that are not headers', () => {
    const text = [
      'HTTP/1.1 403 Forbidden',
      'WWW-Authenticate: Bearer realm="api",',
      '  error="insufficient_scope",',
      '\tscope="backups:restore"',
      'this line has no colon',
      ': no name',
      'Bad Name: spaces are not allowed in a name',
      'X-Empty:',
      'Date: Mon, 27 Apr 2026 12:00:00 GMT',
      'content-type : application/json',
      '',
      '{"error":"Missing required scope: backups:restore","requiredScope":"backups:restore","yourScopes":["servers:read","backups:read"]}',
    ].join('\n');
    const exchange = exchangeOf(parseRawResponse(text, receivedAt));
    expect(exchange.responseHeaders).toEqual([
      { name: 'WWW-Authenticate', value: 'Bearer realm="api", error="insufficient_scope", scope="backups:restore"' },
      { name: 'X-Empty', value: '' },
      { name: 'Date', value: 'Mon, 27 Apr 2026 12:00:00 GMT' },
      { name: 'content-type', value: 'application/json' },
    ]);
    expect(exchange.mimeType).toBe('application/json');
  });

  it('has no body when the headers end the text, or only blank lines follow them', () => {
    expect(exchangeOf(parseRawResponse('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3', receivedAt)).body).toBeNull();
    expect(exchangeOf(parseRawResponse('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\n\r\n\r\n  \r\n', receivedAt)).body).toBeNull();
    expect(exchangeOf(parseRawResponse('HTTP/1.1 204 No Content', receivedAt)).responseHeaders).toEqual([]);
  });

  it('ignores leading blank lines and a byte-order mark', () => {
    expect(exchangeOf(parseRawResponse('\uFEFF\n\n  HTTP/1.1 404 Not Found\n\n{}', receivedAt)).status).toBe(404);
  });

  it('keeps a body that itself contains blank lines and status-like lines', () => {
    const html = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n\r\n<body>\r\nHTTP/1.1 200 OK\r\n</body>\r\n</html>';
    const exchange = exchangeOf(parseRawResponse(`HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n${html}`, receivedAt));
    expect(exchange.status).toBe(502);
    expect(exchange.body?.text).toBe(html);
  });
});

describe('parseRawResponse: a body alone', () => {
  it('takes the status the body states about itself (HostUp problem+json)', () => {
    const exchange = exchangeOf(parseRawResponse(hostUpBody, receivedAt));
    expect(exchange.status).toBe(404);
    expect(exchange.mimeType).toBe('application/json');
    expect(exchange.body?.text).toBe(hostUpBody);
  });

  it('assumes 400 when the body says no status (Restore Hub, Discord, GPU Outlet)', () => {
    for (const body of [
      '{"error":"Rate limit exceeded.","retryAfterSeconds":12}',
      '{"message": "Invalid authentication token","code": 50014}',
      '{"error":"invalid_amount","message":"Top-up amount outside [$1, $5000]","details":{"field":"amountCents"}}',
    ]) {
      expect(exchangeOf(parseRawResponse(body, receivedAt)).status).toBe(DEFAULT_BODY_STATUS);
    }
  });

  it('uses the status the user picked over anything in the body', () => {
    expect(exchangeOf(parseRawResponse('{"error":"Rate limit exceeded.","retryAfterSeconds":12}', receivedAt, 429)).status).toBe(429);
    expect(exchangeOf(parseRawResponse(hostUpBody, receivedAt, 410)).status).toBe(410);
  });

  it('reads the status members of NestJS, JSON:API (Pterodactyl) and Google bodies', () => {
    expect(exchangeOf(parseRawResponse('{"statusCode":404,"message":"Cannot GET /x","error":"Not Found"}', receivedAt)).status).toBe(404);
    const pterodactyl = '{"errors":[{"code":"ValidationException","status":"422","detail":"The name field is required.","meta":{"source_field":"name","rule":"required"}}]}';
    expect(exchangeOf(parseRawResponse(pterodactyl, receivedAt)).status).toBe(422);
    const google = '{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"Quota exceeded for requests per minute."}}';
    expect(exchangeOf(parseRawResponse(google, receivedAt)).status).toBe(429);
  });

  it('does not take a status from members that are not statuses', () => {
    // JSend's status is a word; Discord's numeric code is not an HTTP status; OData's error.code is a string.
    expect(exchangeOf(parseRawResponse('{"status":"fail","data":{"title":"A title is required"}}', receivedAt)).status).toBe(400);
    expect(exchangeOf(parseRawResponse('{"code":50035,"message":"Invalid Form Body"}', receivedAt)).status).toBe(400);
    expect(exchangeOf(parseRawResponse('{"status":999}', receivedAt)).status).toBe(400);
    expect(exchangeOf(parseRawResponse('{"error":{"code":"BadRequest","message":"Invalid filter clause"}}', receivedAt)).status).toBe(400);
  });

  it('accepts XML and HTML error pages', () => {
    const s3 = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>';
    expect(exchangeOf(parseRawResponse(s3, receivedAt, 503)).mimeType).toBe('application/xml');
    expect(exchangeOf(parseRawResponse('<html><head><title>502 Bad Gateway</title></head></html>', receivedAt)).mimeType).toBe('text/html');
  });
});

describe('parseRawResponse: what it refuses', () => {
  it.each([
    ['empty text', '   \n '],
    ['plain words', 'rate limit exceeded'],
    ['a status line with no status', 'HTTP/1.1 Too Many Requests'],
    ['a status outside 100–599', 'HTTP/1.1 999 Nope\r\n\r\n{}'],
    ['a later block with a bad status', 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 000 Broken\r\n\r\n{}'],
    ['truncated JSON', '{"error":"Rate limit exceeded.",\n"retryAfterSeconds":'],
    ['a JSON number', '42'],
    ['a JSON string', '"error"'],
  ])('%s, with a one-line error', (_name, text) => {
    const error = errorOf(parseRawResponse(text, receivedAt));
    expect(error.length).toBeGreaterThan(0);
    expect(error).not.toMatch(/[\r\n]/);
  });

  it('never throws and always gives an exchange with a valid status or a one-line error', () => {
    const pieces = fc.constantFrom('HTTP/1.1 ', 'HTTP/2 ', '429', ' Too Many Requests', '\r\n', '\n', ': ', ' ', '\t', 'Retry-After', '{', '}', '"status":', '404', '<', 'x', '\uFEFF');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''))), (text) => {
        const result = parseRawResponse(text, receivedAt);
        if ('error' in result) return !/[\r\n]/.test(result.error);
        return result.exchange.status >= 100 && result.exchange.status <= 599;
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on hostile input (200 000 header blocks, a 2 MB header line)', () => {
    const started = performance.now();
    const blocks = 'HTTP/1.1 100 Continue\n\n'.repeat(200_000);
    expect(exchangeOf(parseRawResponse(`${blocks}HTTP/1.1 429 Too Many Requests\n\n{}`, receivedAt)).status).toBe(429);
    expect(exchangeOf(parseRawResponse(`HTTP/1.1 400 Bad Request\nX-Big: ${'a'.repeat(2_000_000)}\n\n{}`, receivedAt)).status).toBe(400);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
