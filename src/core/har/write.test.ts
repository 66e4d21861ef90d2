import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import type { Exchange } from '../exchange.ts';
import { seedFixtures } from '../fixtures/index.ts';
import { fixtureExchange } from '../fixtures/render.ts';
import { exchangeFromHarEntry } from './entry.ts';
import { parseHar } from './parse.ts';
import { buildHar, harFileName, type HarExportItem } from './write.ts';
import { REDACTED } from '../redact.ts';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

/** Every seed error as the browser sent it, credentials included, with what Faultline decoded. */
function seedItems(): HarExportItem[] {
  return seedFixtures.map((fixture, i) => {
    const base = fixtureExchange(fixture, T0 + i * 1000, 'https://api.example.test');
    const exchange: Exchange = {
      ...base,
      url: `${base.url}?page=2&access_token=tok_${i}`,
      requestHeaders: [...base.requestHeaders, { name: 'Authorization', value: `Bearer sk_live_${i}` }, { name: 'Cookie', value: `sid=cookie_${i}; theme=dark` }],
    };
    return { exchange, error: analyze(exchange).error };
  });
}

describe('buildHar', () => {
  it('fills the required HAR members: creator, ISO start time, cookies, query string, post data, content size', () => {
    const [item] = seedItems().filter((i) => i.exchange.requestBody !== null);
    if (item === undefined) throw new Error('no seed with a request body');
    const { log } = buildHar([item], { version: '0.1.0', includeSecrets: true });
    expect(log.version).toBe('1.2');
    expect(log.creator).toEqual({ name: 'Faultline', version: '0.1.0' });
    const [entry] = log.entries;
    expect(entry?.startedDateTime).toBe(new Date(item.exchange.receivedAt).toISOString());
    expect(entry?.request.queryString).toEqual([
      { name: 'page', value: '2' },
      { name: 'access_token', value: expect.stringMatching(/^tok_\d+$/) },
    ]);
    expect(entry?.request.cookies.map((c) => c.name)).toEqual(['sid', 'theme']);
    expect(entry?.request.postData?.text).toBe(item.exchange.requestBody);
    expect(entry?.response.content.size).toBe(new TextEncoder().encode(item.exchange.body?.text ?? '').length);
    expect(entry?._faultline).toMatchObject({ format: item.error?.format, code: item.error?.code ?? null });
  });

  it('redacts by default: Authorization, cookies and secret query parameters, in headers and in HAR lists', () => {
    const items = seedItems();
    const har = buildHar(items, { version: '0.1.0' });
    const text = JSON.stringify(har);
    for (let i = 0; i < items.length; i++) for (const secret of [`sk_live_${i}"`, `cookie_${i}`, `tok_${i}`]) expect(text).not.toContain(secret);
    const entry = har.log.entries[0];
    expect(entry?.request.headers).toContainEqual({ name: 'Authorization', value: `Bearer ${REDACTED}` });
    expect(entry?.request.cookies).toEqual([
      { name: 'sid', value: REDACTED },
      { name: 'theme', value: REDACTED },
    ]);
    expect(entry?.request.queryString).toContainEqual({ name: 'access_token', value: REDACTED });
    expect(entry?.request.url).toBe(`https://api.example.test/api/v2/vps/vps_abc123?page=2&access_token=${REDACTED}`);
  });

  it('keeps a base64 (binary) body as it was', () => {
    const [item] = seedItems();
    if (item === undefined) throw new Error('no seed');
    const binary: HarExportItem = { exchange: { ...item.exchange, body: { text: 'AAECAw==', encoding: 'base64' }, mimeType: 'application/grpc-web+proto' } };
    const content = buildHar([binary], { version: '0.1.0' }).log.entries[0]?.response.content;
    expect(content).toEqual({ size: 6, mimeType: 'application/grpc-web+proto', text: 'AAECAw==', encoding: 'base64' });
  });
});

describe('buildHar timings and order', () => {
  // Chrome's "Save all as HAR" entry timings for one request (blocked/dns/connect/ssl -1 when reused).
  const timings = { blocked: 1.2, dns: -1, connect: -1, ssl: -1, send: 0.3, wait: 412.5, receive: 2.1 };

  it('keeps the start, the total and the phases the browser timed, and reads them back', () => {
    const [item] = seedItems();
    if (item === undefined) throw new Error('no seed');
    const timed: HarExportItem = { exchange: { ...item.exchange, startedAt: T0, receivedAt: T0 + 416, timings } };
    const har = buildHar([timed], { version: '0.1.0' });
    const [entry] = har.log.entries;
    expect(entry?.startedDateTime).toBe(new Date(T0).toISOString());
    expect(entry?.time).toBe(416);
    expect(entry?.timings).toEqual(timings);
    const parsed = parseHar(JSON.stringify(har));
    if ('error' in parsed) throw new Error(parsed.error);
    const back = parsed.entries[0];
    if (back === undefined) throw new Error('no entry read back');
    expect(exchangeFromHarEntry(back)).toMatchObject({ startedAt: T0, receivedAt: T0 + 416, timings });
  });

  it('gives an untimed capture its whole duration as wait, never a zero-length request', () => {
    const [item] = seedItems();
    if (item === undefined) throw new Error('no seed');
    const entry = buildHar([{ exchange: { ...item.exchange, startedAt: T0, receivedAt: T0 + 250 } }], { version: '0.1.0' }).log.entries[0];
    expect(entry?.timings).toEqual({ send: 0, wait: 250, receive: 0 });
  });

  it('writes entries in the order their requests started, as DevTools does, whatever order they came in', () => {
    const items = seedItems().slice(0, 3);
    const offsets = [300, 100, 200];
    const [a, b, c] = items.map((item, i) => ({ ...item, exchange: { ...item.exchange, startedAt: T0 + (offsets[i] ?? 0), receivedAt: T0 + 1000 } }));
    if (a === undefined || b === undefined || c === undefined) throw new Error('three seeds needed');
    const starts = buildHar([a, b, c], { version: '0.1.0' }).log.entries.map((e) => Date.parse(e.startedDateTime) - T0);
    expect(starts).toEqual([100, 200, 300]);
  });
});

describe('harFileName', () => {
  it('names the file after the moment of export, without characters file systems refuse', () => {
    expect(harFileName(T0)).toBe('faultline-2026-11-22T12-00-00.har');
  });
});
