import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureEvent } from '../protocol/capture.ts';
import { devtoolsEntry, fakeNetwork, type FakeNetwork } from './fake-network.ts';
import { startRecorder, type RecorderOptions } from './recorder.ts';

// Response bodies from the seed references (shared/seeds 000 HostUp, 002 Restore Hub).
const HOSTUP_NOT_FOUND = JSON.stringify({
  type: 'https://developer.hostup.se/errors/vps_not_found',
  title: 'VPS not found',
  status: 404,
  detail: 'No VPS matching the given ID was found.',
  code: 'vps_not_found',
  instance: '/api/v2/vps/vps_abc123',
  requestId: 'req_xyz789',
  timestamp: '2026-04-27T12:00:00.000Z',
});
const RESTORE_HUB_RATE_LIMITED = JSON.stringify({ error: 'Rate limit exceeded.', retryAfterSeconds: 12 });

const ORIGIN = 'http://127.0.0.1:8787';

function hostupNotFound(network: FakeNetwork, startedAt?: number) {
  const entry = devtoolsEntry({
    url: `${ORIGIN}/api/v2/vps/vps_abc123`,
    status: 404,
    mimeType: 'application/problem+json',
    resourceType: 'fetch',
    ...(startedAt === undefined ? {} : { startedAt }),
  });
  return network.content(entry, { text: HOSTUP_NOT_FOUND });
}

function rateLimited(network: FakeNetwork) {
  const entry = devtoolsEntry({
    method: 'POST',
    url: `${ORIGIN}/api/servers`,
    status: 429,
    mimeType: 'application/json',
    responseHeaders: [{ name: 'Retry-After', value: '12' }],
    resourceType: 'fetch',
    startedAt: Date.UTC(2026, 3, 27, 12, 0, 5),
  });
  return network.content(entry, { text: RESTORE_HUB_RATE_LIMITED });
}

function exchanges(events: readonly CaptureEvent[]) {
  return events.flatMap((e) => (e.kind === 'exchange' ? [e] : []));
}

function recorded(network: FakeNetwork, options?: RecorderOptions) {
  const recorder = startRecorder(network, options);
  return {
    recorder,
    async events(): Promise<readonly CaptureEvent[]> {
      await recorder.settled();
      return recorder.events();
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('recorder', () => {
  it('keeps requests finished before any panel asked, with their error bodies', async () => {
    const network = fakeNetwork();
    const { events } = recorded(network);
    network.finish(hostupNotFound(network));

    const [event] = exchanges(await events());
    expect(event?.exchange.status).toBe(404);
    expect(event?.exchange.url).toBe(`${ORIGIN}/api/v2/vps/vps_abc123`);
    expect(event?.exchange.body).toEqual({ text: HOSTUP_NOT_FOUND });
    expect(event?.captureNote).toBeNull();
  });

  it('backfills from getHAR() what finished before the listener, and never records a request twice', async () => {
    const network = fakeNetwork();
    const early = hostupNotFound(network);
    const both = rateLimited(network);
    network.har = [early, both];
    const { events } = recorded(network);
    network.finish(both); // also in the HAR: DevTools reports it both ways

    const got = exchanges(await events());
    expect(got.map((e) => e.exchange.status)).toEqual([404, 429]);
    expect(new Set(got.map((e) => e.id)).size).toBe(2);
  });

  it('fetches bodies only for errors and JSON/GraphQL successes, never for page assets', async () => {
    const network = fakeNetwork();
    const { events } = recorded(network);
    const json = network.content(devtoolsEntry({ url: `${ORIGIN}/api/items`, status: 200, mimeType: 'application/json', resourceType: 'fetch' }), { text: '{"items":[]}' });
    const graphql = network.content(
      devtoolsEntry({ method: 'POST', url: `${ORIGIN}/graphql`, status: 200, mimeType: 'application/graphql-response+json', resourceType: 'fetch' }),
      { text: '{"errors":[{"message":"Cannot query field \\"nope\\" on type \\"Query\\"."}]}' },
    );
    const image = devtoolsEntry({ url: `${ORIGIN}/logo.png`, status: 200, mimeType: 'image/png', resourceType: 'image' });
    const missingFont = devtoolsEntry({ url: `${ORIGIN}/font.woff2`, status: 404, mimeType: 'font/woff2' }); // Firefox: no _resourceType
    const script = devtoolsEntry({ url: `${ORIGIN}/app.js`, status: 200, mimeType: 'text/javascript', resourceType: 'script' });
    const page = devtoolsEntry({ url: `${ORIGIN}/`, status: 200, mimeType: 'text/html', resourceType: 'document' });
    for (const entry of [json, graphql, image, missingFont, script, page]) network.finish(entry);

    const got = exchanges(await events());
    expect(network.contentAsked).toEqual([json, graphql]);
    // The plain successes (items, page) carry nothing the panel could show: they are not kept.
    expect(got.map((e) => e.exchange.url)).toEqual([`${ORIGIN}/graphql`, `${ORIGIN}/font.woff2`]);
    expect(got.map((e) => e.exchange.body?.text ?? null)).toEqual([expect.stringContaining('Cannot query field'), null]);
  });

  it('keeps a success only when it carries an error envelope or rate-limit headers, so plain ones take no slot', async () => {
    const network = fakeNetwork();
    const { events } = recorded(network, { maxEvents: 3 });
    // HostUp (seed 000) answers successes with its X-RateLimit-* headers: the panel shows them as a chip.
    const limited = devtoolsEntry({
      url: `${ORIGIN}/api/v2/vps`,
      status: 200,
      mimeType: 'application/json',
      resourceType: 'fetch',
      responseHeaders: [
        { name: 'X-RateLimit-Limit', value: '100' },
        { name: 'X-RateLimit-Remaining', value: '7' },
        { name: 'X-RateLimit-Reset', value: '1777291260' },
      ],
    });
    network.finish(network.content(limited, { text: '{"data":[]}' }));
    for (let i = 0; i < 50; i++) {
      const plain = devtoolsEntry({ url: `${ORIGIN}/api/items?i=${i}`, status: 200, mimeType: 'application/json', resourceType: 'fetch', startedAt: Date.UTC(2026, 0, 1, 0, 0, i) });
      network.finish(network.content(plain, { text: '{"items":[],"status":"paid"}' }));
      network.finish(devtoolsEntry({ url: `${ORIGIN}/about?i=${i}`, status: 200, mimeType: 'text/html', resourceType: 'document', startedAt: Date.UTC(2026, 0, 1, 0, 0, i) }));
    }
    network.navigate(`${ORIGIN}/next`);
    network.finish(hostupNotFound(network));

    const got = await events();
    expect(got.map((e) => (e.kind === 'exchange' ? e.exchange.status : e.kind))).toEqual([200, 'navigated', 404]);
  });

  it('keeps a JSON body over the cap shortened but still parseable, so its error decodes, and says so', async () => {
    const network = fakeNetwork();
    const { events } = recorded(network, { bodyCapBytes: () => 1024 });
    const huge = JSON.stringify({ error: 'Invalid request body.', details: { blob: 'x'.repeat(5000) } });
    network.finish(network.content(devtoolsEntry({ url: `${ORIGIN}/api/upload`, status: 413, mimeType: 'application/json', resourceType: 'fetch' }), { text: huge }));

    const [event] = exchanges(await events());
    const kept = event?.exchange.body?.text ?? '';
    expect(kept.length).toBeLessThanOrEqual(1024);
    expect(JSON.parse(kept)).toMatchObject({ error: 'Invalid request body.' });
    expect(event?.captureNote).toMatch(/shortened: 5 KB is over the 1 KB capture limit/);
    expect(event?.captureTag).toBe('shortened');
  });

  it('cuts a body that is not JSON at the configured cap and says so', async () => {
    const network = fakeNetwork();
    const { events } = recorded(network, { bodyCapBytes: () => 1024 });
    const page = `<html><head><title>413 Request Entity Too Large</title></head><body>${'x'.repeat(5000)}</body></html>`;
    network.finish(network.content(devtoolsEntry({ url: `${ORIGIN}/api/upload`, status: 413, mimeType: 'text/html', resourceType: 'fetch' }), { text: page }));

    const [event] = exchanges(await events());
    expect(event?.exchange.body?.text).toBe(page.slice(0, 1024));
    expect(event?.captureNote).toMatch(/truncated.*1 KB of 5 KB/);
  });

  it('records the error without a body, and why, when DevTools no longer has the body', async () => {
    const network = fakeNetwork();
    const { events } = recorded(network);
    network.finish(devtoolsEntry({ url: `${ORIGIN}/api/gone`, status: 500, mimeType: 'application/json', resourceType: 'xhr' }));

    const [event] = exchanges(await events());
    expect(event?.exchange.status).toBe(500);
    expect(event?.exchange.body).toBeNull();
    expect(event?.captureNote).toMatch(/unavailable/i);
  });

  it('gives up on a getContent() that never answers instead of stalling every later request', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork();
    const { recorder, events } = recorded(network, { contentTimeoutMs: 5000 });
    const stuck = network.content(devtoolsEntry({ url: `${ORIGIN}/api/stuck`, status: 502, mimeType: 'application/json', resourceType: 'fetch' }), new Promise(() => undefined));
    network.finish(stuck);
    network.finish(hostupNotFound(network));
    await vi.advanceTimersByTimeAsync(4999);
    expect(recorder.events()).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1);
    const got = exchanges(await events());
    expect(got.map((e) => [e.exchange.status, e.captureNote === null])).toEqual([[502, false], [404, true]]);
  });

  it('records requests and navigations in the order DevTools reported them, whatever the body latency', async () => {
    const network = fakeNetwork();
    const { events } = recorded(network);
    let answerSlow: (content: { text: string }) => void = () => undefined;
    const slow = network.content(
      devtoolsEntry({ url: `${ORIGIN}/api/slow`, status: 503, mimeType: 'application/json', resourceType: 'fetch' }),
      new Promise((resolve) => (answerSlow = resolve)),
    );
    network.finish(slow);
    network.navigate(`${ORIGIN}/page2`);
    network.finish(hostupNotFound(network, Date.UTC(2026, 3, 27, 12, 1, 0)));
    await Promise.resolve();
    answerSlow({ text: '{"error":"service_unavailable","message":"Try again shortly"}' });

    const kinds = (await events()).map((e) => (e.kind === 'exchange' ? e.exchange.status : e.kind));
    expect(kinds).toEqual([503, 'navigated', 404]);
  });

  it('keeps only the newest events once the buffer is full', async () => {
    const network = fakeNetwork();
    const { events } = recorded(network, { maxEvents: 2 });
    for (let i = 0; i < 5; i++) {
      network.finish(devtoolsEntry({ url: `${ORIGIN}/api/page?i=${i}`, status: 404, mimeType: 'text/html', resourceType: 'fetch', startedAt: Date.UTC(2026, 0, 1, 0, 0, i) }));
    }
    const got = exchanges(await events());
    expect(got.map((e) => e.exchange.url)).toEqual([`${ORIGIN}/api/page?i=3`, `${ORIGIN}/api/page?i=4`]);
  });

  it('counts the requests the cap let go and announces them before the rest, navigations aside', async () => {
    const network = fakeNetwork();
    const { events } = recorded(network, { maxEvents: 2 });
    network.navigate(`${ORIGIN}/`);
    for (let i = 0; i < 4; i++) {
      network.finish(devtoolsEntry({ url: `${ORIGIN}/api/page?i=${i}`, status: 404, mimeType: 'text/html', resourceType: 'fetch', startedAt: Date.UTC(2026, 0, 1, 0, 0, i) }));
    }
    const got = await events();
    expect(got[0]).toEqual({ kind: 'evicted', count: 2 });
    expect(exchanges(got).map((e) => e.exchange.url)).toEqual([`${ORIGIN}/api/page?i=2`, `${ORIGIN}/api/page?i=3`]);
  });

  it('forgets what it holds, and the evicted count, when told; later requests are kept as before', async () => {
    const network = fakeNetwork();
    const { recorder, events } = recorded(network, { maxEvents: 1 });
    network.finish(hostupNotFound(network, Date.UTC(2026, 3, 27, 12, 0, 0)));
    network.finish(hostupNotFound(network, Date.UTC(2026, 3, 27, 12, 0, 1)));
    expect((await events())[0]).toEqual({ kind: 'evicted', count: 1 });

    recorder.forget();
    expect(recorder.events()).toEqual([]);
    network.finish(rateLimited(network));
    const got = await events();
    expect(got.map((e) => (e.kind === 'exchange' ? e.exchange.status : e.kind))).toEqual([429]);
  });
});
