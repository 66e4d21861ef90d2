/**
 * The redaction corpus: every kind of credential a captured request or response carries, checked in
 * everything a user can copy or export (copy as cURL, copy as fetch, the support report, the HAR).
 * Redacted by default; present, byte for byte, once the user includes secrets.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { Exchange, HttpHeader } from './exchange.ts';
import { seedFixtures } from './fixtures/index.ts';
import { fixtureExchange } from './fixtures/render.ts';
import { buildHar } from './har/write.ts';
import { curlSnippet, fetchSnippet } from './snippets.ts';
import { supportReport } from './support-report.ts';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

type Output = 'curl' | 'fetch' | 'report' | 'har';
const ALL: readonly Output[] = ['curl', 'fetch', 'report', 'har'];

interface Case {
  readonly name: string;
  /** The credential as it went over the wire. */
  readonly secret: string;
  /** What the exchange carries beyond the seed's own request and response. */
  readonly change: (exchange: Exchange) => Exchange;
  /** The outputs that contain the secret once included (a fetch() cannot send cookies itself, only a request carries into cURL…). */
  readonly carriedBy: readonly Output[];
}

const withRequestHeader = (header: HttpHeader) => (e: Exchange): Exchange => ({ ...e, requestHeaders: [...e.requestHeaders, header] });
const withResponseHeader = (header: HttpHeader) => (e: Exchange): Exchange => ({ ...e, responseHeaders: [...e.responseHeaders, header] });

const corpus: readonly Case[] = [
  { name: 'Authorization: Bearer', secret: 'hu_live_9f8e7d6c5b4a', change: withRequestHeader({ name: 'Authorization', value: 'Bearer hu_live_9f8e7d6c5b4a' }), carriedBy: ALL },
  { name: 'Authorization: Basic', secret: 'Y2xpZW50Ondyb25n', change: withRequestHeader({ name: 'Authorization', value: 'Basic Y2xpZW50Ondyb25n' }), carriedBy: ALL },
  {
    name: 'Authorization: Bot (Discord)',
    secret: 'MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs',
    change: withRequestHeader({ name: 'authorization', value: 'Bot MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs' }),
    carriedBy: ALL,
  },
  { name: 'Bearer JWT', secret: JWT, change: withRequestHeader({ name: 'Authorization', value: `Bearer ${JWT}` }), carriedBy: ALL },
  // A page's fetch() cannot set Cookie: the snippet sends the browser's cookies with credentials: 'include' instead.
  { name: 'Cookie', secret: 's%3Ademo-7d41c09e', change: withRequestHeader({ name: 'Cookie', value: 'fl_session=s%3Ademo-7d41c09e; theme=dark' }), carriedBy: ['curl', 'report', 'har'] },
  { name: 'X-API-Key', secret: 'demo-key-4b8e1f0a2c6d', change: withRequestHeader({ name: 'X-API-Key', value: 'demo-key-4b8e1f0a2c6d' }), carriedBy: ALL },
  { name: 'api-key (Azure OpenAI)', secret: '0f3c9b1e7a2d4c58', change: withRequestHeader({ name: 'api-key', value: '0f3c9b1e7a2d4c58' }), carriedBy: ALL },
  { name: 'X-Auth-Token', secret: 'xat-51c2d7', change: withRequestHeader({ name: 'X-Auth-Token', value: 'xat-51c2d7' }), carriedBy: ALL },
  { name: 'key= in the query (Google)', secret: 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY', change: (e) => ({ ...e, url: `${e.url}?key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY&alt=json` }), carriedBy: ALL },
  { name: 'access_token= in the query', secret: 'gho_16C7e42F292c6912E7710c838347Ae178B4a', change: (e) => ({ ...e, url: `${e.url}?access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a` }), carriedBy: ALL },
  { name: 'JWT in the query', secret: JWT, change: (e) => ({ ...e, url: `${e.url}?next=${JWT}` }), carriedBy: ALL },
  { name: 'password in the URL', secret: 'hunter2', change: (e) => ({ ...e, url: e.url.replace('https://', 'https://deploy:hunter2@') }), carriedBy: ALL },
  {
    name: 'JWT in a form body (RFC 7523 assertion)',
    secret: JWT,
    change: (e) => ({
      ...e,
      method: 'POST',
      requestHeaders: [...e.requestHeaders, { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      requestBody: `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=${JWT}`,
    }),
    carriedBy: ALL,
  },
  {
    name: 'password and JWT in a JSON body',
    secret: 'correct horse battery staple',
    change: (e) => ({
      ...e,
      method: 'POST',
      requestHeaders: [...e.requestHeaders, { name: 'Content-Type', value: 'application/json' }],
      requestBody: JSON.stringify({ email: 'a@b.test', password: 'correct horse battery staple', device: JWT }),
    }),
    carriedBy: ALL,
  },
  { name: 'Set-Cookie in the response', secret: JWT, change: withResponseHeader({ name: 'Set-Cookie', value: `auth=${JWT}; Path=/; HttpOnly` }), carriedBy: ['har'] },
  {
    name: 'JWT in the response body',
    secret: JWT,
    change: (e) => ({ ...e, body: { text: e.body?.text.replace('"requestId"', `"token":"${JWT}","requestId"`) ?? '' } }),
    carriedBy: ['har'],
  },
];

const hostupNotFound = seedFixtures.find((f) => f.name === 'hostup-vps-not-found');

function outputs(exchange: Exchange, includeSecrets: boolean): Record<Output, string> {
  const error = analyze(exchange).error;
  if (error === null) throw new Error('the corpus exchange must decode as an error');
  return {
    curl: curlSnippet(exchange, { includeSecrets }),
    fetch: fetchSnippet(exchange, { includeSecrets }),
    report: supportReport(exchange, error, { includeSecrets }),
    har: JSON.stringify(buildHar([{ exchange, error }], { version: 'test', includeSecrets })),
  };
}

describe('redaction corpus', () => {
  if (hostupNotFound === undefined) throw new Error('no HostUp seed fixture');
  const base = fixtureExchange(hostupNotFound, T0, 'https://api.hostup.se');

  it.each(corpus)('$name: never in cURL, fetch, support report or HAR unless secrets are included', ({ secret, change, carriedBy }) => {
    const exchange = change(base);
    const redacted = outputs(exchange, false);
    for (const output of ALL) expect(redacted[output], output).not.toContain(secret);
    const included = outputs(exchange, true);
    for (const output of carriedBy) expect(included[output], output).toContain(secret);
  });

  it('copies a fetch() that sends the browser cookies instead of a Cookie header', () => {
    const snippet = fetchSnippet(withRequestHeader({ name: 'Cookie', value: 'fl_session=s%3Ademo-7d41c09e' })(base), { includeSecrets: true });
    expect(snippet).toContain('"credentials": "include"');
  });
});
