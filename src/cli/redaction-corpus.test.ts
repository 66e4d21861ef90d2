/**
 * The redaction corpus (src/core/fixtures/secrets.ts) through the CLI: `faultline decode` (table and
 * --json) and `faultline sanitize` leak none of its secrets, and the sanitized HAR, read back the way
 * the CLI reads any HAR, decodes to the same code, retry verdict, delay and rate-limit state
 * (fast-check over the seed errors with secrets placed at random).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeFromHarEntry } from '../core/har/entry.ts';
import { parseHar } from '../core/har/stream.ts';
import { analyze } from '../core/analyze.ts';
import type { Exchange } from '../core/exchange.ts';
import { seedFixtures } from '../core/fixtures/index.ts';
import { fixtureExchange } from '../core/fixtures/render.ts';
import { MUST_SURVIVE_HEADERS, SECRET_PLACEMENTS, leaksSecret } from '../core/fixtures/secrets.ts';
import { run } from './run.ts';

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

/** A HAR entry as Chrome writes it for an exchange. */
function harEntry(exchange: Exchange): unknown {
  return {
    startedDateTime: new Date(exchange.receivedAt).toISOString(),
    time: 0,
    request: { method: exchange.method, url: exchange.url, headers: exchange.requestHeaders, ...(exchange.requestBody ? { postData: { text: exchange.requestBody } } : {}) },
    response: {
      status: exchange.status,
      statusText: exchange.statusText ?? '',
      headers: exchange.responseHeaders,
      content: { mimeType: exchange.mimeType, ...(exchange.body === null ? {} : { text: exchange.body.text, ...(exchange.body.encoding === undefined ? {} : { encoding: exchange.body.encoding }) }) },
    },
  };
}

function harText(exchanges: readonly Exchange[]): string {
  return JSON.stringify({ log: { version: '1.2', entries: exchanges.map(harEntry) } });
}

async function cli(argv: readonly string[], stdin: string): Promise<string> {
  let out = '';
  const code = await run(argv, { stdout: (text) => void (out += text), stderr: (text) => void (out += text), stdin: bytes(stdin), columns: 400 });
  expect(code).toBe(0);
  return out;
}

const hostup = seedFixtures.find((f) => f.name === 'hostup-vps-not-found');
if (hostup === undefined) throw new Error('no HostUp seed fixture');
const base = fixtureExchange(hostup, T0, 'https://api.hostup.se');

describe('redaction corpus through the CLI', () => {
  it('leaks no secret in decode (table and --json) or sanitize', async () => {
    const exchanges = SECRET_PLACEMENTS.map(({ place }) => place(base));
    const har = harText(exchanges);
    const outputs = { table: await cli(['decode', '-'], har), json: await cli(['decode', '-', '--json'], har), sanitize: await cli(['sanitize', '-'], har) };
    const found = SECRET_PLACEMENTS.flatMap(({ name, secret }) => Object.entries(outputs).flatMap(([output, text]) => (leaksSecret(text, secret) ? [`${name} → ${output}`] : [])));
    expect(found).toEqual([]);
    // Every placement's entry is still there: nothing was lost on the way.
    expect(outputs.json.trim().split('\n')).toHaveLength(SECRET_PLACEMENTS.length);
  });
});

/** What a user acts on: code, retry verdict and delay, rate-limit state. */
function verdict(exchange: Exchange): unknown {
  const { error, rateLimit } = analyze(exchange);
  const limit = error?.rateLimit ?? rateLimit;
  return {
    isError: error !== null,
    code: error?.code ?? null,
    status: error?.status ?? null,
    retryable: error?.retry.retryable ?? null,
    afterMs: error?.retry.afterMs ?? null,
    rateLimit: limit === null ? null : { limit: limit.limit, remaining: limit.remaining, resetAt: limit.resetAt },
  };
}

describe('round trip', () => {
  it('decoding the sanitized HAR gives the same code, retry verdict, delay and rate-limit state (secrets placed at random)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seedFixtures), fc.subarray([...SECRET_PLACEMENTS], { maxLength: 6 }), fc.boolean(), async (fixture, placements, limits) => {
        let exchange = fixtureExchange(fixture, T0, 'https://api.example.test');
        if (limits) exchange = { ...exchange, responseHeaders: [...exchange.responseHeaders, ...MUST_SURVIVE_HEADERS.filter((h) => h.name !== 'Content-Type')] };
        for (const { place } of placements) exchange = place(exchange);
        const parsed = parseHar(await cli(['sanitize', '-'], harText([exchange])));
        if ('error' in parsed) throw new Error(parsed.error);
        const [entry] = parsed.entries;
        if (entry === undefined) throw new Error('no entry');
        expect(verdict(exchangeFromHarEntry(entry))).toEqual(verdict(exchangeFromHarEntry(parseHarEntry(exchange))));
      }),
      { numRuns: 300 },
    );
  });
});

/** The original exchange as the CLI reads it from a HAR file (the same path as the sanitized one). */
function parseHarEntry(exchange: Exchange) {
  const parsed = parseHar(harText([exchange]));
  if ('error' in parsed || parsed.entries[0] === undefined) throw new Error('unreadable HAR');
  return parsed.entries[0];
}
