import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../protocol/capture.ts';
import { channelName, forgetRecorded, serveRecorder, subscribeToRecorder } from './channel.ts';
import { devtoolsEntry, fakeNetwork, type FakeNetwork } from './fake-network.ts';
import { startRecorder, type RecorderOptions } from './recorder.ts';

// Seed 001 (Pterodactyl): a 409 while the server is still installing.
const PTERODACTYL_CONFLICT = JSON.stringify({
  errors: [{ code: 'ConflictingServerStateException', status: '409', detail: 'This server is currently in an unsupported state, please try again later.' }],
});

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

let nextTab = 1;

function devtoolsPage(network: FakeNetwork, batchMs = 5, options?: RecorderOptions) {
  const tab = nextTab++;
  const recorder = startRecorder(network, options);
  stops.push(serveRecorder(recorder, new BroadcastChannel(channelName(tab)), batchMs));
  return { tab, recorder };
}

function openPanel(tab: number) {
  const received: CaptureEvent[][] = [];
  stops.push(subscribeToRecorder(new BroadcastChannel(channelName(tab)), (events) => received.push([...events])));
  return { received, all: () => received.flat() };
}

function conflict(network: FakeNetwork, second: number) {
  const entry = devtoolsEntry({
    method: 'POST',
    url: `http://127.0.0.1:8787/api/client/servers/1a7ce997/power?n=${second}`,
    status: 409,
    mimeType: 'application/vnd.pterodactyl.v1+json',
    resourceType: 'xhr',
    startedAt: Date.UTC(2026, 3, 27, 12, 0, second),
  });
  return network.content(entry, { text: PTERODACTYL_CONFLICT });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

const urls = (events: readonly CaptureEvent[]) =>
  events.map((e) => (e.kind === 'exchange' ? e.exchange.url.split('?')[1] : e.kind === 'navigated' ? `nav ${e.url}` : `evicted ${e.count}`));

describe('devtools page → panel channel', () => {
  it('hands a panel opened late everything recorded before, then streams new requests, each once', async () => {
    const network = fakeNetwork();
    const { tab, recorder } = devtoolsPage(network);
    network.finish(conflict(network, 1));
    network.navigate('http://127.0.0.1:8787/page2');
    await recorder.settled();

    const panel = openPanel(tab);
    await until(() => panel.all().length === 2);
    expect(panel.received).toHaveLength(1); // the replay is one batch

    network.finish(conflict(network, 2));
    network.finish(conflict(network, 3));
    await until(() => panel.all().length === 4);
    expect(urls(panel.all())).toEqual(['n=1', 'nav http://127.0.0.1:8787/page2', 'n=2', 'n=3']);
  });

  it('does not duplicate events that were waiting in a live batch when the panel said hello', async () => {
    const network = fakeNetwork();
    const { tab, recorder } = devtoolsPage(network, 300);
    network.finish(conflict(network, 1));
    await recorder.settled(); // recorded; its batch is held for 300 ms
    const panel = openPanel(tab);
    await until(() => panel.all().length === 1);
    network.finish(conflict(network, 2));

    await until(() => panel.all().length >= 2);
    expect(urls(panel.all())).toEqual(['n=1', 'n=2']);
  });

  it('gives a reloaded panel the whole recording again, and leaves other tabs alone', async () => {
    const network = fakeNetwork();
    const { tab, recorder } = devtoolsPage(network);
    const otherTab = devtoolsPage(fakeNetwork());
    network.finish(conflict(network, 1));
    await recorder.settled();

    const first = openPanel(tab);
    await until(() => first.all().length === 1);
    const reloaded = openPanel(tab);
    await until(() => reloaded.all().length === 1);
    const other = openPanel(otherTab.tab);
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(urls(reloaded.all())).toEqual(['n=1']);
    expect(first.all().map((e) => (e.kind === 'exchange' ? e.id : null))).toEqual(reloaded.all().map((e) => (e.kind === 'exchange' ? e.id : null)));
    expect(other.all()).toEqual([]);
  });

  it('tells a panel opened after the buffer filled how many requests it will never see, first', async () => {
    const network = fakeNetwork();
    const { tab, recorder } = devtoolsPage(network, 5, { maxEvents: 2 });
    for (let second = 1; second <= 5; second++) network.finish(conflict(network, second));
    await recorder.settled();

    const panel = openPanel(tab);
    await until(() => panel.all().length === 3);
    expect(urls(panel.all())).toEqual(['evicted 3', 'n=4', 'n=5']);
  });

  it('after the panel is cleared, a reloaded panel gets only what happened since, and no batch held before', async () => {
    const network = fakeNetwork();
    const { tab, recorder } = devtoolsPage(network, 300);
    network.finish(conflict(network, 1));
    await recorder.settled();
    const first = openPanel(tab);
    await until(() => first.all().length === 1);
    network.finish(conflict(network, 2));
    await recorder.settled(); // recorded; its live batch is held for 300 ms

    const control = new BroadcastChannel(channelName(tab));
    forgetRecorded(control);
    control.close(); // what was posted before is still delivered
    await until(() => recorder.events().length === 0);
    network.finish(conflict(network, 3));
    await recorder.settled();

    const reloaded = openPanel(tab);
    await until(() => reloaded.all().length === 1);
    await until(() => first.all().length === 2);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(urls(reloaded.all())).toEqual(['n=3']);
    expect(urls(first.all())).toEqual(['n=1', 'n=3']);
  });
});
