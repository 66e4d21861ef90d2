import { fingerprintOf } from '../core/findings/index.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.ts';
import { seedFixtures } from '../core/fixtures/index.ts';
import { fixtureExchange } from '../core/fixtures/render.ts';
import type { Exchange } from '../core/exchange.ts';
import type { TimelineEntry } from '../ui/panel/entries.ts';
import type { RecentError } from '../ui/popup/types.ts';
import { RECENT_CHANNEL, RECENT_LIMIT, recentFromTimeline, serveRecentErrors, subscribeToRecentErrors, type RelayedError } from './recent-relay.ts';

const T0 = Date.UTC(2026, 3, 27, 12, 0, 0);

function seed(name: string) {
  const fixture = seedFixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no seed fixture ${name}`);
  return fixture;
}

let nextKey = 1;

/** A panel timeline entry for a seed fixture received at `at`, decoded by the real pipeline. */
function errorEntry(name: string, at: number, url?: string): TimelineEntry {
  const base = fixtureExchange(seed(name), at);
  const exchange: Exchange = { ...base, url: url ?? base.url };
  const error = analyze(exchange).error;
  if (error === null) throw new Error(`${name} does not decode to an error`);
  return { kind: 'error', key: nextKey++, id: String(nextKey), exchange, error, captureNote: null, host: '', path: '', name: '', fingerprint: fingerprintOf(exchange, error) };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A DevTools panel with a timeline it can append to, serving the relay. */
function openPanel(initial: TimelineEntry[] = []) {
  let timeline = initial;
  const server = serveRecentErrors(new BroadcastChannel(RECENT_CHANNEL), () => recentFromTimeline(timeline));
  let stopped = false;
  const stop = (): void => {
    if (!stopped) server.stop();
    stopped = true;
  };
  cleanups.push(stop);
  return {
    add(entry: TimelineEntry) {
      timeline = [...timeline, entry];
      server.changed();
    },
    close: stop,
  };
}

/** The toolbar popup: every list it was delivered, the latest last. */
function openPopup() {
  const deliveries: (readonly RecentError[])[] = [];
  const unsubscribe = subscribeToRecentErrors(new BroadcastChannel(RECENT_CHANNEL), (errors) => deliveries.push(errors));
  let closed = false;
  const close = (): void => {
    if (!closed) unsubscribe();
    closed = true;
  };
  cleanups.push(close);
  return { deliveries, latest: () => deliveries.at(-1) ?? [], close };
}

/** Every message on the relay channel, as a third page would see it. */
function listen() {
  const seen: unknown[] = [];
  const channel = new BroadcastChannel(RECENT_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => seen.push(event.data);
  cleanups.push(() => channel.close());
  return { seen, post: (data: unknown) => channel.postMessage(data) };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 120));
const codes = (errors: readonly RecentError[]) => errors.map((e) => e.decoded.code);

describe('recent errors relay', () => {
  it('shows a popup opened later the errors every open panel has seen, newest first across panels', async () => {
    openPanel([errorEntry('hostup-vps-not-found', T0), errorEntry('hostup-rate-limited', T0 + 2000)]);
    openPanel([errorEntry('pterodactyl-not-found', T0 + 1000)]);

    const popup = openPopup();
    await until(() => popup.latest().length === 3);
    expect(codes(popup.latest())).toEqual(['rate_limited', 'NotFoundHttpException', 'vps_not_found']);
    const [limited] = popup.latest();
    expect(limited).toMatchObject({ method: 'GET', status: 429, url: 'https://api.example.test/api/v2/vps' });
    expect(limited?.decoded.retry.retryAt).toBe(T0 + 2000 + 30_000);
  });

  it('pushes an error a panel decodes while the popup is open, and stops pushing once it closes', async () => {
    const panel = openPanel();
    const wire = listen();
    const popup = openPopup();
    await until(() => popup.deliveries.length === 1);
    expect(popup.latest()).toEqual([]);

    panel.add(errorEntry('hostup-vps-not-found', T0));
    await until(() => popup.latest().length === 1);
    expect(popup.latest()[0]?.decoded.requestId).toBe('req_xyz789');

    popup.close();
    await until(() => wire.seen.some((m) => (m as { kind?: string }).kind === 'bye'));
    const sent = wire.seen.length;
    panel.add(errorEntry('hostup-rate-limited', T0 + 1000));
    await settle();
    expect(wire.seen.slice(sent)).toEqual([]);
  });

  it('coalesces a burst of new errors into one message, one entry per kind of error with its count', async () => {
    const panel = openPanel();
    const popup = openPopup();
    await until(() => popup.deliveries.length === 1);
    for (let i = 0; i < 50; i++) panel.add(errorEntry('hostup-rate-limited', T0 + i));
    await until(() => popup.latest()[0]?.count === 50);
    await settle();
    expect(popup.deliveries).toHaveLength(2);
    expect(popup.latest()).toHaveLength(1);
    expect(popup.latest()[0]?.decoded.retry.retryAt).toBe(T0 + 49 + 30_000);
    expect(popup.latest()[0]?.firstAt).toBe(T0);
  });

  it('adds up one kind of error seen by two panels', async () => {
    openPanel([errorEntry('hostup-vps-not-found', T0), errorEntry('hostup-vps-not-found', T0 + 1000)]);
    openPanel([errorEntry('hostup-vps-not-found', T0 + 2000)]);
    const popup = openPopup();
    await until(() => popup.latest()[0]?.count === 3);
    expect(popup.latest()).toHaveLength(1);
    expect(popup.latest()[0]).toMatchObject({ firstAt: T0, at: T0 + 2000 });
  });

  it('forgets the errors of a panel whose DevTools closed', async () => {
    const stays = openPanel([errorEntry('hostup-vps-not-found', T0)]);
    const goes = openPanel([errorEntry('pterodactyl-not-found', T0 + 1000)]);
    const popup = openPopup();
    await until(() => popup.latest().length === 2);
    goes.close();
    await until(() => popup.latest().length === 1);
    expect(codes(popup.latest())).toEqual(['vps_not_found']);
    stays.close();
    await until(() => popup.latest().length === 0);
  });

  it('ignores messages that are not whole, well-formed errors', async () => {
    const popup = openPopup();
    const wire = listen();
    const good = recentFromTimeline([errorEntry('hostup-vps-not-found', T0)]);
    const [error] = good;
    if (error === undefined) throw new Error('no error');
    const broken: unknown[] = [
      null,
      'errors',
      { kind: 'errors', panel: 'p', errors: 'none' },
      { kind: 'errors', panel: 'p', errors: [{ ...error, decoded: { ...error.decoded, message: 42 } }] },
      { kind: 'errors', panel: 'p', errors: [{ ...error, decoded: { ...error.decoded, retry: { ...error.decoded.retry, source: '__proto__' } } }] },
      { kind: 'errors', panel: 'p', errors: [{ ...error, decoded: { ...error.decoded, fieldErrors: [{ path: 1 }] } }] },
      { kind: 'errors', panel: 'p', errors: [{ ...error, at: undefined }] },
      { kind: 'errors', panel: 'p', errors: [{ ...error, count: 0 }] },
      { kind: 'errors', panel: 'p', errors: Array.from({ length: RECENT_LIMIT + 1 }, () => error) },
    ];
    for (const message of broken) wire.post(message);
    wire.post({ kind: 'errors', panel: 'p', errors: good } satisfies { kind: 'errors'; panel: string; errors: RelayedError[] });
    await until(() => popup.deliveries.length === 1);
    await settle();
    expect(popup.deliveries).toHaveLength(1);
    expect(codes(popup.latest())).toEqual(['vps_not_found']);
  });
});

describe('recentFromTimeline', () => {
  it('takes the kinds of error seen last, most recent first, skipping navigations', () => {
    const timeline: TimelineEntry[] = [];
    for (let i = 0; i < RECENT_LIMIT + 5; i++) timeline.push(errorEntry('hostup-rate-limited', T0 + i * 1000, `https://api.example.test/api/v2/endpoint${String.fromCharCode(97 + i)}`));
    timeline.push({ kind: 'navigation', key: nextKey++, url: 'https://app.example.test/', at: T0 + 99_000 });
    const recent = recentFromTimeline(timeline);
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent[0]?.at).toBe(T0 + (RECENT_LIMIT + 4) * 1000);
    expect(recent.at(-1)?.at).toBe(T0 + 5 * 1000);
  });

  it('makes 300 identical failing requests one entry: the newest, ×300 since the first', () => {
    const timeline = Array.from({ length: 300 }, (_, i) => errorEntry('hostup-rate-limited', T0 + i * 100));
    const recent = recentFromTimeline(timeline);
    expect(recent).toHaveLength(1);
    expect(recent[0]).toMatchObject({ count: 300, firstAt: T0, at: T0 + 29_900 });
  });

  it('hides credentials in the URLs it relays', () => {
    const [relayed] = recentFromTimeline([errorEntry('hostup-vps-not-found', T0, 'https://api.example.test/api/v2/vps/1?api_key=sk_live_123&page=2')]);
    expect(relayed?.url).not.toContain('sk_live_123');
    expect(relayed?.url).toContain('page=2');
  });
});
