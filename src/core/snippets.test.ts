import { describe, expect, it } from 'vitest';
import { REDACTED } from './redact.ts';
import { curlSnippet, fetchSnippet, shellQuote, type SnippetRequest } from './snippets.ts';

/** Restore Hub (seed 002) request that got a 403 missing-scope answer, with the credentials a browser sends. */
const request: SnippetRequest = {
  method: 'POST',
  url: 'https://api.restorehub.test/v1/backups?api_key=rh_live_123',
  requestHeaders: [
    { name: ':authority', value: 'api.restorehub.test' },
    { name: 'Authorization', value: 'Bearer rh_tok_secret' },
    { name: 'Cookie', value: 'sid=s3cr3t; theme=dark' },
    { name: 'X-API-Key', value: 'key_987' },
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Content-Length', value: '22' },
    { name: 'Accept-Encoding', value: 'gzip, deflate, br' },
  ],
  requestBody: '{"name":"nightly","password":"pw"}',
};

describe('curlSnippet', () => {
  it('redacts Authorization, cookies, API keys and query tokens by default', () => {
    const curl = curlSnippet(request);
    expect(curl).toBe(
      [
        `curl 'https://api.restorehub.test/v1/backups?api_key=${REDACTED}'`,
        '--globoff',
        `-H 'Authorization: Bearer ${REDACTED}'`,
        `-H 'Cookie: sid=${REDACTED}; theme=${REDACTED}'`,
        `-H 'X-API-Key: ${REDACTED}'`,
        `-H 'Content-Type: application/json'`,
        `--data-raw '{"name":"nightly","password":"${REDACTED}"}'`,
        '--compressed',
      ].join(' \\\n  '),
    );
    for (const secret of ['rh_live_123', 'rh_tok_secret', 's3cr3t', 'key_987', '"pw"']) expect(curl).not.toContain(secret);
  });

  it('keeps every secret when the user opts in', () => {
    const curl = curlSnippet(request, { includeSecrets: true });
    for (const secret of ['api_key=rh_live_123', 'Bearer rh_tok_secret', 'sid=s3cr3t', 'X-API-Key: key_987', '"password":"pw"']) expect(curl).toContain(secret);
    expect(curl).not.toContain('--globoff');
  });

  it('states the method only when curl would not infer it', () => {
    expect(curlSnippet({ method: 'GET', url: 'https://a.test/', requestHeaders: [] })).toBe(`curl 'https://a.test/'`);
    expect(curlSnippet({ method: 'DELETE', url: 'https://a.test/x', requestHeaders: [] })).toBe(`curl 'https://a.test/x' \\\n  -X 'DELETE'`);
    expect(curlSnippet({ method: 'PUT', url: 'https://a.test/x', requestHeaders: [], requestBody: 'x' })).toContain(`-X 'PUT'`);
  });

  it('quotes hostile values so the shell runs nothing', () => {
    const curl = curlSnippet({ method: 'POST', url: "https://a.test/?q=it's", requestHeaders: [{ name: 'X-Note', value: '$(rm -rf ~) `id`' }], requestBody: 'a\nb' }, { includeSecrets: true });
    expect(curl).toContain(`'https://a.test/?q=it'\\''s'`);
    expect(curl).toContain(`-H 'X-Note: $(rm -rf ~) \`id\`'`);
    expect(curl).toContain(`--data-raw $'a\\nb'`);
  });
});

describe('shellQuote', () => {
  it('escapes backslashes and quotes inside ANSI-C quoting', () => {
    expect(shellQuote("a'\\\tb")).toBe(`$'a\\'\\\\\\tb'`);
    expect(shellQuote('\u0001')).toBe(`$'\\x01'`);
  });
});

describe('fetchSnippet', () => {
  it('is a fetch call without forbidden headers, sending the browser cookies instead of a Cookie header', () => {
    const code = fetchSnippet(request);
    expect(code.startsWith(`fetch("https://api.restorehub.test/v1/backups?api_key=${REDACTED}", {`)).toBe(true);
    const init = JSON.parse(code.slice(code.indexOf('{'), code.lastIndexOf(')'))) as Record<string, unknown>;
    expect(init).toEqual({
      headers: { authorization: `Bearer ${REDACTED}`, 'x-api-key': REDACTED, 'content-type': 'application/json' },
      body: `{"name":"nightly","password":"${REDACTED}"}`,
      method: 'POST',
      credentials: 'include',
    });
  });

  it('keeps secrets when the user opts in, and omits credentials when no cookie was sent', () => {
    const code = fetchSnippet({ ...request, requestHeaders: request.requestHeaders.filter((h) => h.name !== 'Cookie') }, { includeSecrets: true });
    expect(code).toContain('"authorization": "Bearer rh_tok_secret"');
    expect(code).toContain('api_key=rh_live_123');
    expect(code).toContain('"credentials": "omit"');
  });
});

describe('copies that run as they are', () => {
  const browserRequest: SnippetRequest = {
    method: 'GET',
    url: 'https://api.test/v1/items',
    requestHeaders: [
      { name: 'Host', value: 'api.test' },
      { name: 'Connection', value: 'keep-alive' },
      { name: 'Keep-Alive', value: 'timeout=5' },
      { name: 'User-Agent', value: 'Mozilla/5.0 Test' },
      { name: 'Accept', value: 'application/json' },
      { name: 'Sec-Fetch-Mode', value: 'cors' },
    ],
  };

  it('curl leaves out Host and the hop-by-hop headers it sets itself', () => {
    const curl = curlSnippet(browserRequest);
    expect(curl).not.toMatch(/-H '(Host|Connection|Keep-Alive):/);
    expect(curl).toContain(`-H 'User-Agent: Mozilla/5.0 Test'`);
    expect(curl).toContain(`-H 'Accept: application/json'`);
  });

  it('fetch leaves out headers a page may not set, User-Agent included', () => {
    const init = JSON.parse(fetchSnippet(browserRequest).replace(/^fetch\("[^"]*", /, '').replace(/\);$/, '')) as { headers: Record<string, string> };
    expect(init.headers).toEqual({ accept: 'application/json' });
  });

  it('writes invisible characters as escapes, so the copy both runs and shows them', () => {
    const hostile: SnippetRequest = { method: 'GET', url: 'https://api.test/a\u202Eb', requestHeaders: [] };
    expect(curlSnippet(hostile)).toBe(`curl $'https://api.test/a\\u202eb'`);
    expect(fetchSnippet(hostile)).toContain('fetch("https://api.test/a\\u202eb"');
  });
});
