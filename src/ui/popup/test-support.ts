/** Shared by the popup's tests: mounting through the real entry point, and seed responses as pasted text. */
import { act } from '@testing-library/preact';
import { inThreadEngine } from '../engine/in-thread.ts';
import { fakeRecentErrors, type FakeRecentErrors } from './fake-recent-errors.ts';
import { seedFixtures } from '../../core/fixtures/index.ts';
import { mountPopup, type PopupDeps } from './mount.tsx';

export interface MountedPopup {
  readonly root: HTMLElement;
  readonly recent: FakeRecentErrors;
  /** Waits until the engine has answered everything asked so far, and the popup has rendered it. */
  settled(): Promise<void>;
  unmount(): void;
}

/** Mounts the popup on the real engine, in-thread (happy-dom has no Worker), once its first answers are in. */
export async function mountForTest(deps: Partial<Omit<PopupDeps, 'engine'>> = {}): Promise<MountedPopup> {
  const root = document.createElement('div');
  document.body.append(root);
  const recent = fakeRecentErrors();
  const engine = inThreadEngine();
  let unmount = (): void => undefined;
  act(() => {
    unmount = mountPopup(root, { engine, recentErrors: recent.subscribe, theme: 'light', ...deps });
  });
  const settled = (): Promise<void> => act(() => engine.settled());
  await settled();
  return {
    root,
    recent,
    settled,
    unmount() {
      act(() => unmount());
      root.remove();
    },
  };
}

/** seed 000 (HostUp): the documented problem+json example, as `curl -i` prints it. */
export const hostUp404 = [
  'HTTP/1.1 404 Not Found',
  'Content-Type: application/problem+json',
  '',
  JSON.stringify(seedFixtures.find((f) => f.name === 'hostup-vps-not-found')?.response.body),
].join('\r\n');

/** The moment the Discord example below was received: its X-RateLimit-Reset minus its Reset-After. */
export const discordReceivedAt = 1_741_000_001_081;

/** seed 003 / envelopes.md §A7: Discord's rate-limit response. */
export const discord429 = [
  'HTTP/1.1 429 Too Many Requests',
  'Content-Type: application/json',
  'Retry-After: 3',
  'X-RateLimit-Limit: 5',
  'X-RateLimit-Remaining: 0',
  'X-RateLimit-Reset: 1741000003.512',
  'X-RateLimit-Reset-After: 2.431',
  'X-RateLimit-Bucket: 80c17d2f203122d936070c88c8d10f33',
  'X-RateLimit-Scope: user',
  '',
  '{"message":"You are being rate limited.","retry_after":2.431,"global":false}',
].join('\n');
