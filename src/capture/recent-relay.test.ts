import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.ts';
import { seedFixtures } from '../core/fixtures/index.ts';
import { fixtureExchange } from '../core/fixtures/render.ts';
import type { Exchange } from '../core/exchange.ts';
import { RECENT_LIMIT, type RecentError, type RelayedError } from '../protocol/relay.ts';
import { RECENT_CHANNEL, serveRecentErrors, subscribeToRecentErrors } from './recent-relay.ts';

const T0 = Date.UTC(2026, 3, 27, 12, 0, 0);

function seed(name: string) {
  const fixture = seedFixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no seed fixture ${name}`);
  return fixture;
}

/** An error a panel relays for a seed fixture received at `at`, decoded by the real pipeline. */
function errorEntry(name: string, at: number): RelayedError {
  const exchange: Exchange = fixtureExchange(seed(name), at);
  const error = analyze(exchange).error;
  if (error === null) throw new Error(`${name} does not decode to an error`);
  return { url: exchange.url, method: exchange.method, status: error.status, decoded: error, at, count: 1, firstAt: at };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A DevTools panel with errors it can add to (oldest first), serving the relay its latest, newest first. */
function openPanel(initial: RelayedError[] = []) {
  let timeline = initial;
  const server = serveRecentErrors(new BroadcastChannel(RECENT_CHANNEL), () => timeline.slice(-RECENT_LIMIT).reverse());
  let stopped = false;
  const stop = (): void => {
    if (!stopped) server.stop();
    stopped = true;
  };
  cleanups.push(stop);
  return {
    add(entry: RelayedError) {
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
    await until(() => popup.latest()[0]?.count === RECENT_LIMIT);
    await settle();
    expect(popup.deliveries).toHaveLength(2);
    expect(popup.latest()).toHaveLength(1);
    expect(popup.latest()[0]?.decoded.retry.retryAt).toBe(T0 + 49 + 30_000);
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
    const good = [errorEntry('hostup-vps-not-found', T0)];
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
