/**
 * A plain web page that mounts the real panel on the fake source and replays every fixture: for
 * screenshots and manual checks (`npx vite src/ui/harness`, then open /harness.html).
 */
import { fixtures } from '../../core/fixtures/index.ts';
import { fixtureExchange } from '../../core/fixtures/render.ts';
import { startEngineWorker } from '../engine/client.ts';
import { FakeCaptureSource } from '../fake-source.ts';
import { mountPanel } from '../panel/mount.tsx';

const ORIGIN = 'https://api.example.test';

const source = new FakeCaptureSource({ theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light' });

function replayAll(): void {
  const now = Date.now();
  source.emitExchanges(fixtures.map((fixture, i) => fixtureExchange(fixture, now + i, ORIGIN)));
}

/** `count` exchanges cycling through the fixtures, delivered in one batch like a retry storm. */
function burst(count: number): void {
  const now = Date.now();
  const exchanges = Array.from({ length: count }, (_, i) => {
    const fixture = fixtures[i % fixtures.length];
    return fixture === undefined ? null : fixtureExchange(fixture, now + i, ORIGIN);
  }).filter((e) => e !== null);
  source.emitExchanges(exchanges);
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`harness.html lacks #${id}`);
  return found;
}

element('replay').addEventListener('click', replayAll);
element('burst').addEventListener('click', () => {
  const input = element('burst-count');
  const count = input instanceof HTMLInputElement ? Number(input.value) : 0;
  burst(Number.isInteger(count) && count > 0 ? Math.min(count, 100_000) : 1000);
});
element('navigate').addEventListener('click', () => source.navigate(`${ORIGIN}/page-${Date.now()}`));
element('theme').addEventListener('click', () => source.setTheme(source.theme === 'dark' ? 'light' : 'dark'));

// The real engine worker, as in the extension: bursts here show how the panel keeps up.
mountPanel(element('root'), source, { analyze: startEngineWorker().analyze });
replayAll();
