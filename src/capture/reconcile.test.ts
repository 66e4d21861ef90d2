import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureEvent } from '../protocol/capture.ts';
import { devtoolsEntry, fakeNetwork, type FakeNetwork } from './fake-network.ts';
import type { DevtoolsEntry } from './network.ts';
import { startRecorder, type Recorder, type RecorderOptions } from './recorder.ts';

/**
 * What the recorder adds beyond onRequestFinished: requests only getHAR() lists (Chrome reports a fetch
 * only once the page reads its body), identity by count (never merging identical requests), the Service
 * Worker's network hop folded into the page's row, bodies asked for twice, and the browser's own
 * reasons (CORS, WebSocket, lost status) on the row.
 */

const ORIGIN = 'http://127.0.0.1:8787';
const OTHER = 'http://127.0.0.2:8787';
// Seed 000 (HostUp) 404 problem, the body the tests' requests answer with.
const NOT_FOUND = JSON.stringify({ type: 'https://developer.hostup.se/errors/vps_not_found', title: 'VPS not found', status: 404, detail: 'No VPS matching the given ID was found.' });

const exchanges = (events: readonly CaptureEvent[]) => events.flatMap((e) => (e.kind === 'exchange' ? [e] : []));

let recorder: Recorder | undefined;
afterEach(() => {
  recorder?.stop();
  recorder = undefined;
  vi.useRealTimers();
});

function start(network: FakeNetwork, options: RecorderOptions = {}): Recorder {
  recorder = startRecorder(network, { contentRetryMs: 10, ...options });
  return recorder;
}

function collect(r: Recorder): CaptureEvent[] {
  const live: CaptureEvent[] = [];
  r.onEvent((event) => live.push(event));
  return live;
}

const notFound = (network: FakeNetwork, options: Partial<Parameters<typeof devtoolsEntry>[0]> = {}): DevtoolsEntry =>
  network.content(devtoolsEntry({ url: `${ORIGIN}/api/vps/1`, status: 404, mimeType: 'application/problem+json', resourceType: 'fetch', ...options }), { text: NOT_FOUND });

describe('identity', () => {
  it('keeps 300 identical concurrent requests (same start, URL, status and time) as 300 rows', async () => {
    const network = fakeNetwork();
    const r = start(network);
    for (let i = 0; i < 300; i++) network.finish(notFound(network));
    await r.settled();
    expect(exchanges(r.events())).toHaveLength(300);
  });

  it('adds from getHAR() only the requests the live events did not report, counting identical ones', async () => {
    const network = fakeNetwork();
    const same = [notFound(network), notFound(network), notFound(network)];
    network.har = same;
    const r = start(network);
    network.finish(same[0] as DevtoolsEntry); // reported live as well: counted once
    await r.settled();
    expect(exchanges(r.events())).toHaveLength(3);
    expect(new Set(exchanges(r.events()).map((e) => e.id)).size).toBe(3);
  });
});

function chrome(): FakeNetwork {
  const network = fakeNetwork();
  network.finishesOnRead = true;
  return network;
}

describe('unread bodies (Chrome)', () => {
  it('shows a request only getHAR() lists, once it stayed unreported, decoded from its headers, marked unread', async () => {
    vi.useFakeTimers();
    const network = chrome();
    const r = start(network, { reconcileEveryMs: 2000, unreadAfterMs: 1500 });
    await vi.advanceTimersByTimeAsync(10);
    const unread = devtoolsEntry({ url: `${ORIGIN}/api/orders`, status: 429, mimeType: 'application/json', resourceType: 'fetch', responseHeaders: [{ name: 'Retry-After', value: '30' }] });
    network.content(unread, new Promise(() => undefined)); // Chrome's getContent waits for the page to read it
    network.har = [unread];
    await vi.advanceTimersByTimeAsync(2000); // first seen missing
    expect(exchanges(r.events())).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2000 + 1500); // still missing: recorded
    const [row] = exchanges(r.events());
    expect([row?.exchange.status, row?.exchange.body, row?.captureTag]).toEqual([429, null, 'unread']);
    expect(row?.captureNote).toMatch(/never read this response\u2019s body/);
    expect(row?.exchange.responseHeaders).toContainEqual({ name: 'Retry-After', value: '30' });
  });

  it('updates that row when the page reads the body later, instead of adding one', async () => {
    vi.useFakeTimers();
    const network = chrome();
    const r = start(network, { reconcileEveryMs: 2000, unreadAfterMs: 0 });
    const live = collect(r);
    const unread = devtoolsEntry({ url: `${ORIGIN}/api/vps/1`, status: 404, mimeType: 'application/problem+json', resourceType: 'fetch' });
    network.content(unread, new Promise(() => undefined));
    network.har = [unread];
    await vi.advanceTimersByTimeAsync(2000 + 1500 + 10);
    expect(exchanges(r.events())).toHaveLength(1);

    // The page reads it: Chrome reports it live now, as a separately built entry with a longer time.
    network.finish(network.content({ ...unread, time: 900 }, { text: NOT_FOUND }));
    await r.settled();
    const [row] = exchanges(r.events());
    expect(exchanges(r.events())).toHaveLength(1);
    expect([row?.exchange.body?.text, row?.captureTag]).toEqual([NOT_FOUND, undefined]);
    const [first, second] = exchanges(live);
    expect(second?.id).toBe(first?.id);
    expect(second?.update).toBe(true);
  });

  it('does not poll getHAR() while requests keep finishing, nor where every request is reported (Firefox)', async () => {
    vi.useFakeTimers();
    const firefox = fakeNetwork();
    const askedFirefox = vi.spyOn(firefox, 'getHar');
    start(firefox);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(askedFirefox).toHaveBeenCalledTimes(1);
    recorder?.stop();

    const network = chrome();
    const asked = vi.spyOn(network, 'getHar');
    start(network, { reconcileEveryMs: 2000 });
    for (let t = 0; t < 20; t++) {
      network.finish(notFound(network, { startedAt: Date.UTC(2026, 0, 1, 0, 0, t) }));
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(asked).toHaveBeenCalledTimes(1); // the startup pass only: never quiet for a second
  });
});

describe('a request in flight when the page navigated (Chrome, Preserve log on)', () => {
  /**
   * How Chromium 156's getHAR() lists a request still in flight when the page navigated away, once the
   * navigation is done: no response, no timing, no failure marker, forever (Chrome's DevTools records
   * nothing that arrives for the page it left; getContent() never answers). Seen for a sendBeacon
   * (`ping`) the server answered 400 just after the navigation started, and for a fetch left in flight.
   */
  const leftInFlight = (resourceType: string, method: string, path: string, startedAt: number): DevtoolsEntry => {
    const entry = devtoolsEntry({ method, url: `${ORIGIN}${path}`, status: 0, mimeType: 'x-unknown', resourceType, startedAt, time: 0 });
    return { ...entry, response: { ...entry.response, headers: [], content: { size: 0, mimeType: 'x-unknown' }, _error: null } } as DevtoolsEntry;
  };

  /**
   * The sequence the Faultline panel saw in the capture lab: an error read, then a beacon and a navigation;
   * the beacon is never reported live. `beacon` is how getHAR() lists it once the page settled.
   */
  async function beaconThenNavigate(beacon: DevtoolsEntry): Promise<Recorder> {
    vi.useFakeTimers();
    const network = chrome();
    const r = start(network, { reconcileEveryMs: 2000, unreadAfterMs: 1500 });
    await vi.advanceTimersByTimeAsync(10);
    const read = notFound(network, { startedAt: Date.now() });
    network.har = [read];
    network.finish(read);
    await vi.advanceTimersByTimeAsync(1500);
    // getContent() never answers for a request with no response; for one with its status it answers with no body.
    network.content(beacon, beacon.response.status === 0 ? new Promise(() => undefined) : null);
    network.har = [read, beacon];
    await vi.advanceTimersByTimeAsync(10);
    network.navigate(`${ORIGIN}/lab?after=beacon`);
    const page = devtoolsEntry({ url: `${ORIGIN}/lab?after=beacon`, status: 200, mimeType: 'text/html', resourceType: 'document', startedAt: Date.now() });
    network.har = [read, beacon, page];
    network.finish(page);
    await vi.advanceTimersByTimeAsync(2_000); // the page settled: one pass, what the navigation overtook is taken at once
    return r;
  }

  it('shows a beacon whose answer DevTools lost with the page, saying why it has no status', async () => {
    const r = await beaconThenNavigate(leftInFlight('ping', 'POST', '/api/beacon', Date.now()));
    const rows = exchanges(r.events()).filter((e) => e.exchange.url.endsWith('/api/beacon'));
    expect(rows).toHaveLength(1);
    expect([rows[0]?.exchange.method, rows[0]?.exchange.status, rows[0]?.captureTag]).toEqual(['POST', 0, 'no response']);
    expect(rows[0]?.captureNote).toMatch(/navigated away while this sendBeacon request was in flight.*even with Preserve log on/);
  });

  it('shows a beacon answered as the navigation began with its status, saying its body went with the page', async () => {
    // Chrome's log then has the status (400, from the capture lab) but reports nothing live, and has no body.
    const beacon = devtoolsEntry({ method: 'POST', url: `${ORIGIN}/api/beacon`, status: 400, mimeType: 'application/problem+json', resourceType: 'ping', startedAt: Date.now() });
    const r = await beaconThenNavigate(beacon);
    const rows = exchanges(r.events()).filter((e) => e.exchange.url.endsWith('/api/beacon'));
    expect(rows.map((e) => [e.exchange.status, e.captureTag])).toEqual([[400, 'no body']]);
    expect(rows[0]?.captureNote).toMatch(/navigated away/);
  });

  it('takes the beacon once the page settled even when a periodic pass was under way then', async () => {
    vi.useFakeTimers();
    const network = chrome();
    // A getHAR() of 300 ms spaces the periodic passes 30 s apart: the pass after this one would be far too late.
    network.getHar = () => new Promise((resolve) => setTimeout(() => resolve(network.har), 300));
    const r = start(network, { reconcileEveryMs: 2000, unreadAfterMs: 1500 });
    await vi.advanceTimersByTimeAsync(28_850); // the first pass ran at 0: the next one starts at 30 300
    const beacon = leftInFlight('ping', 'POST', '/api/beacon', Date.now());
    network.content(beacon, new Promise(() => undefined));
    network.har = [beacon];
    network.navigate(`${ORIGIN}/lab?after=beacon`);
    await vi.advanceTimersByTimeAsync(3_000); // the page settles at 30 350, while that pass reads the log
    expect(exchanges(r.events()).map((e) => [e.exchange.url, e.captureTag])).toEqual([[`${ORIGIN}/api/beacon`, 'no response']]);
  });

  it('gives no row to a fetch left in flight: Chrome cancelled it with its page', async () => {
    const r = await beaconThenNavigate(leftInFlight('fetch', 'GET', '/api/orders', Date.now()));
    expect(exchanges(r.events()).map((e) => e.exchange.url)).toEqual([`${ORIGIN}/api/vps/1`]);
  });
});

describe('what the row says', () => {
  it('asks for a missing body once more before calling it gone', async () => {
    const network = fakeNetwork();
    const r = start(network);
    const entry = devtoolsEntry({ url: `${ORIGIN}/api/events`, status: 503, mimeType: 'application/json', resourceType: 'eventsource' });
    let asked = 0;
    network.getContent = () => Promise.resolve(asked++ === 0 ? null : { text: '{"error":"maintenance"}' });
    network.finish(entry);
    await r.settled();
    expect(asked).toBe(2);
    expect(exchanges(r.events())[0]?.exchange.body?.text).toBe('{"error":"maintenance"}');
  });

  it('names the navigation when the body went with the page the user left', async () => {
    const network = fakeNetwork();
    const r = start(network, { now: () => Date.UTC(2026, 3, 27, 12, 0, 1) });
    const entry = devtoolsEntry({ url: `${ORIGIN}/api/session`, status: 401, mimeType: 'application/json', resourceType: 'fetch' });
    network.finish(entry);
    network.navigate(`${ORIGIN}/login`);
    await r.settled();
    expect(exchanges(r.events())[0]?.captureNote).toMatch(/navigated away/);
  });

  it('marks a cross-origin response the CORS check refused (Chrome: its failure marker, no body)', async () => {
    const network = fakeNetwork();
    const r = start(network);
    const blocked = devtoolsEntry({ url: `${OTHER}/api/orders`, status: 500, mimeType: 'application/json', resourceType: 'fetch', requestHeaders: [{ name: 'Origin', value: ORIGIN }] });
    network.finish({ ...blocked, response: { ...blocked.response, _error: 'net::ERR_FAILED' } });
    await r.settled();
    const [row] = exchanges(r.events());
    expect([row?.exchange.transportError, row?.captureTag]).toEqual(['net::ERR_FAILED', 'CORS']);
    expect(row?.captureNote).toContain(`never saw this 500`);
    expect(row?.captureNote).toContain(`Access-Control-Allow-Origin: ${ORIGIN}`);
  });

  it('marks a Firefox response decoded though the page could not read it (no Access-Control-Allow-Origin)', async () => {
    const network = fakeNetwork();
    const r = start(network);
    network.finish(notFound(network, { url: `${OTHER}/api/vps/1`, resourceType: undefined, requestHeaders: [{ name: 'Origin', value: ORIGIN }] }));
    await r.settled();
    const [row] = exchanges(r.events());
    expect([row?.exchange.body?.text, row?.captureTag]).toEqual([NOT_FOUND, 'CORS']);
  });

  it('keeps a refused WebSocket handshake: Chrome records status 0, Firefox the status', async () => {
    const network = fakeNetwork();
    const r = start(network);
    network.finish(devtoolsEntry({ url: 'ws://127.0.0.1:8787/ws', status: 0, mimeType: '', resourceType: 'websocket', requestHeaders: [{ name: 'Origin', value: ORIGIN }] }));
    network.finish(devtoolsEntry({ url: 'wss://127.0.0.1:8787/ws', status: 403, mimeType: '' }));
    network.finish(devtoolsEntry({ url: 'ws://127.0.0.1:8787/ok', status: 101, mimeType: '' }));
    await r.settled();
    const rows = exchanges(r.events());
    expect(rows.map((e) => [e.exchange.status, e.exchange.resourceType, e.captureTag])).toEqual([
      [0, 'websocket', 'WebSocket'],
      [403, 'websocket', 'WebSocket'],
    ]);
    expect(rows[0]?.captureNote).toMatch(/handshake failed/);
  });

  it('keeps a Firefox entry whose status was lost on navigation when its body is there, and drops one with neither', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork();
    const r = start(network);
    network.finish(notFound(network, { status: 0, resourceType: undefined }));
    network.finish(devtoolsEntry({ url: `${ORIGIN}/api/cancelled`, status: 0, mimeType: 'application/json' }));
    await vi.advanceTimersByTimeAsync(2000); // held for the log to fill the status in; it was cleared instead
    const rows = exchanges(r.events());
    expect(rows.map((e) => [e.exchange.status, e.captureTag])).toEqual([[0, 'no status']]);
    expect(rows[0]?.captureNote).toMatch(/lost this response\u2019s status/);
  });

  it('takes the status Firefox\u2019s log filled in after reporting a request with status 0, in one row each', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork();
    const r = start(network);
    const reported = [0, 1].map(() => notFound(network, { status: 0, resourceType: undefined }));
    for (const entry of reported) network.finish(entry);
    network.har = [0, 1].map(() => notFound(network, { resourceType: undefined }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(exchanges(r.events()).map((e) => [e.exchange.status, e.exchange.body?.text, e.captureTag])).toEqual([
      [404, NOT_FOUND, undefined],
      [404, NOT_FOUND, undefined],
    ]);
  });
});

describe('Firefox under load', () => {
  it('waits for the log to fill a status in when it still says 0 at the first pass', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork();
    const r = start(network);
    const reported = notFound(network, { status: 0, resourceType: undefined });
    network.finish(reported);
    network.har = [reported]; // the log has no status yet either
    await vi.advanceTimersByTimeAsync(1600);
    expect(exchanges(r.events())).toHaveLength(0);
    network.har = [notFound(network, { resourceType: undefined })];
    await vi.advanceTimersByTimeAsync(1600);
    expect(exchanges(r.events()).map((e) => e.exchange.status)).toEqual([404]);
  });
});

describe('Firefox burst after a navigation', () => {
  // The sequence a real Firefox ESR produced for the demo page's ?autofire=1 burst (e2e/hars/record.ts),
  // where a few of 160 errors never reached the panel: the navigation schedules a pass over getHAR(); the
  // log already lists requests of the burst still in flight, without a status; each is then reported
  // live with status 0 and no body yet, and only later does the log hold its status and body.
  const FORBIDDEN = JSON.stringify({ code: 'forbidden', message: 'Forbidden' });
  const burst = (status: number, startedAt: number): DevtoolsEntry =>
    devtoolsEntry({ url: `${ORIGIN}/api/fixtures/shopify-403`, status, mimeType: status === 0 ? '' : 'application/json', startedAt });

  it('gives a request the log listed in flight its row, with the status and body the log fills in later', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork();
    const r = start(network);
    await r.settled();
    network.navigate(`${ORIGIN}/?autofire=1`);
    const startedAt = Date.now() + 50;
    network.har = [burst(0, startedAt)]; // in flight when the pass after the navigation reads the log
    await vi.advanceTimersByTimeAsync(1600);
    network.finish(burst(0, startedAt)); // reported under load: status 0, getContent() has nothing yet
    network.har = [network.content(burst(403, startedAt), { text: FORBIDDEN })];
    await vi.advanceTimersByTimeAsync(1600);
    await r.settled();
    expect(exchanges(r.events()).map((e) => [e.exchange.status, e.exchange.body?.text])).toEqual([[403, FORBIDDEN]]);
  });

  it('reads the log only once the page is quiet: Firefox\u2019s monitor loses requests that arrive during getHAR()', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork();
    const r = start(network);
    await r.settled();
    const asked: number[] = [];
    const getHar = network.getHar;
    network.getHar = () => (asked.push(Date.now()), getHar());
    network.navigate(`${ORIGIN}/?autofire=1`);
    const burstStart = Date.now();
    // The demo page fires its fixtures one after another for 5 s; each error is reported live.
    for (let at = 0; at < 5000; at += 200) {
      network.finish(network.content(burst(403, Date.now()), { text: FORBIDDEN }));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1600);
    expect(asked).toHaveLength(1);
    expect((asked[0] ?? 0) - burstStart).toBeGreaterThanOrEqual(5000 - 200 + 1500);
    expect(exchanges(r.events())).toHaveLength(25);
  });

  it('still takes what the navigation overtook: a request started before it, never reported live', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork();
    const r = start(network);
    await r.settled();
    const startedAt = Date.now() - 50;
    network.navigate(`${ORIGIN}/login`);
    network.har = [network.content(burst(0, startedAt), { text: FORBIDDEN })];
    await vi.advanceTimersByTimeAsync(1600);
    await r.settled();
    expect(exchanges(r.events()).map((e) => [e.exchange.status, e.exchange.body?.text, e.captureTag])).toEqual([[0, FORBIDDEN, 'no status']]);
  });
});

describe('Service Worker hops (Chrome)', () => {
  const page = (network: FakeNetwork): DevtoolsEntry => {
    const entry = notFound(network, { url: `${ORIGIN}/api/sw/1`, startedAt: Date.UTC(2026, 0, 1), time: 12 });
    return { ...entry, response: { ...entry.response, _fetchedViaServiceWorker: true } };
  };
  const hop = (network: FakeNetwork): DevtoolsEntry =>
    network.content(devtoolsEntry({ url: `${ORIGIN}/api/sw/1`, status: 404, mimeType: 'application/problem+json', resourceType: 'fetch', startedAt: Date.UTC(2026, 0, 1) + 5, time: 6 }), { text: '' });

  it('folds the worker\u2019s network hop, reported first, into the page\u2019s row', async () => {
    const network = fakeNetwork();
    const r = start(network);
    network.finish(hop(network));
    const pageEntry = page(network);
    network.content(pageEntry, { text: NOT_FOUND });
    network.finish(pageEntry);
    await r.settled();
    const rows = exchanges(r.events());
    expect(rows).toHaveLength(1);
    expect(rows[0]?.exchange.body?.text).toBe(NOT_FOUND);
  });

  it('shows the page\u2019s request with the hop\u2019s body when DevTools gave only the hop\u2019s (Network panel preserving its log)', async () => {
    const network = fakeNetwork();
    const r = start(network);
    const pageEntry = page(network);
    network.content(pageEntry, null);
    network.finish(network.content(hop(network), { text: NOT_FOUND }));
    network.finish(pageEntry);
    await r.settled();
    const rows = exchanges(r.events());
    expect(rows.map((e) => [e.exchange.body?.text, e.captureTag])).toEqual([[NOT_FOUND, undefined]]);
    expect(rows[0]?.exchange.url).toBe(pageEntry.request.url);
  });

  it('drops the hop reported after the page\u2019s request, and keeps a bodiless request that is no hop', async () => {
    const network = fakeNetwork();
    const r = start(network);
    const pageEntry = page(network);
    network.content(pageEntry, { text: NOT_FOUND });
    network.finish(pageEntry);
    network.finish(hop(network));
    network.finish(network.content(devtoolsEntry({ url: `${ORIGIN}/api/sw/1`, status: 404, mimeType: 'application/json', resourceType: 'fetch', startedAt: Date.UTC(2026, 0, 1) + 60_000 }), { text: '' }));
    await r.settled();
    expect(exchanges(r.events()).map((e) => e.exchange.body === null)).toEqual([false, true]);
  });
});
