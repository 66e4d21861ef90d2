import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../protocol/capture.ts';
import { channelName, serveRecorder } from './channel.ts';
import { createDevtoolsSource, themeOf } from './devtools-source.ts';
import { devtoolsEntry, fakeNetwork } from './fake-network.ts';
import { startRecorder } from './recorder.ts';
import { localSettings } from './settings.ts';

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

// Seed 002 (Restore Hub): a 429 with Retry-After.
function restoreHubRateLimited(second: number) {
  return devtoolsEntry({
    method: 'POST',
    url: `http://127.0.0.1:8787/api/servers?n=${second}`,
    status: 429,
    mimeType: 'application/json',
    responseHeaders: [{ name: 'Retry-After', value: '12' }],
    resourceType: 'fetch',
    startedAt: Date.UTC(2026, 3, 27, 12, 0, second),
  });
}

describe('devtools capture source', () => {
  it('follows the DevTools theme in both browsers’ names, through one browser subscription', () => {
    const browser: { handler: ((name: string) => void) | null } = { handler: null };
    let subscriptions = 0;
    const source = createDevtoolsSource({
      openChannel: () => new BroadcastChannel('unused'),
      themeName: () => 'default',
      onThemeNameChanged: (listener) => {
        subscriptions++;
        browser.handler = listener;
        return () => (browser.handler = null);
      },
      settings: localSettings(null),
    });
    const seen: string[] = [];
    const stopA = source.onThemeChange((theme) => seen.push(`a:${theme}`));
    const stopB = source.onThemeChange((theme) => seen.push(`b:${theme}`));
    expect(source.theme).toBe('light');
    browser.handler?.('dark');
    expect(source.theme).toBe('dark');
    expect(seen).toEqual(['a:dark', 'b:dark']);
    expect(subscriptions).toBe(1); // Chrome keeps a single theme handler per page
    stopA();
    stopB();
    expect(browser.handler).toBeNull();
    expect(['default', 'light', 'firebug', 'dark'].map(themeOf)).toEqual(['light', 'light', 'light', 'dark']);
  });

  it('makes the recorder forget on Clear, so a reloaded panel does not bring the cleared errors back', async () => {
    const name = channelName(9001);
    const network = fakeNetwork();
    const recorder = startRecorder(network);
    const stopServing = serveRecorder(recorder, new BroadcastChannel(name), 5);
    const source = createDevtoolsSource({
      openChannel: () => new BroadcastChannel(name),
      themeName: () => 'default',
      onThemeNameChanged: () => () => undefined,
      settings: localSettings(null),
    });
    const text = '{"error":"Rate limit exceeded.","retryAfterSeconds":12}';
    network.finish(network.content(restoreHubRateLimited(1), { text }));
    await recorder.settled();
    const first: CaptureEvent[] = [];
    const stopFirst = source.subscribe((events) => first.push(...events));
    await until(() => first.length === 1);

    source.forget();
    await until(() => recorder.events().length === 0);
    stopFirst();
    network.finish(network.content(restoreHubRateLimited(2), { text }));
    await recorder.settled();
    const reloaded: CaptureEvent[] = [];
    const stopReloaded = source.subscribe((events) => reloaded.push(...events));
    await until(() => reloaded.length === 1);
    expect(reloaded.map((e) => (e.kind === 'exchange' ? e.exchange.url : e.kind))).toEqual(['http://127.0.0.1:8787/api/servers?n=2']);
    stopReloaded();
    stopServing();
  });
});
