/**
 * Mounts the popup with fakes, for screenshots and manual checks: `npx vite src/ui/popup`. Recent errors
 * are the seed fixtures decoded as if they had just arrived; `?theme=dark|light` forces a theme.
 */
import { analyze } from '../../core/analyze.ts';
import { seedFixtures } from '../../core/fixtures/index.ts';
import { fixtureExchange } from '../../core/fixtures/render.ts';
import { startEngineWorker } from '../engine/client.ts';
import type { Theme } from '../../protocol/capture.ts';
import { fakeRecentErrors } from './fake-recent-errors.ts';
import { mountPopup } from './mount.tsx';
import type { RecentError } from '../../protocol/relay.ts';

function seedErrors(now: number): RecentError[] {
  return seedFixtures.flatMap((fixture) => {
    const exchange = fixtureExchange(fixture, now);
    const decoded = analyze(exchange).error;
    return decoded === null ? [] : [{ url: exchange.url, method: exchange.method, status: exchange.status, decoded, count: 1, firstAt: now }];
  });
}

const root = document.getElementById('root');
const themeParam = new URLSearchParams(location.search).get('theme');
const theme: Theme | undefined = themeParam === 'dark' || themeParam === 'light' ? themeParam : undefined;
if (root !== null) mountPopup(root, { engine: startEngineWorker(), recentErrors: fakeRecentErrors(seedErrors(Date.now()).slice(0, 6)).subscribe, theme });
