import { RECENT_CHANNEL, subscribeToRecentErrors } from '../src/capture/recent-relay.ts';
import { startEngineWorker } from '../src/ui/engine/client.ts';
import { mountPopup } from '../src/ui/popup/mount.tsx';

const root = document.getElementById('root');
if (root !== null) {
  const unmount = mountPopup(root, {
    engine: startEngineWorker(),
    recentErrors: (listener) => subscribeToRecentErrors(new BroadcastChannel(RECENT_CHANNEL), listener),
  });
  // Closing the popup tells the panels to stop pushing errors to it.
  addEventListener('pagehide', unmount, { once: true });
}
