import { channelName } from '../src/capture/channel.ts';
import { createDevtoolsSource } from '../src/capture/devtools-source.ts';
import { devtoolsThemeName, inspectedTabId, onDevtoolsThemeChanged } from '../src/capture/platform.ts';
import { RECENT_CHANNEL, serveRecentErrors } from '../src/capture/recent-relay.ts';
import { localSettings, pageLocalStorage } from '../src/capture/settings.ts';
import { startEngineWorker } from '../src/ui/engine/client.ts';
import { mountPanel } from '../src/ui/panel/mount.tsx';
import type { TimelineEntry } from '../src/ui/panel/entries.ts';
import { recentFromTimeline } from '../src/ui/panel/recent.ts';

const root = document.getElementById('root');
if (root !== null) {
  // Decoding runs in a worker, started first so it loads while the panel renders.
  const engine = startEngineWorker();
  // The toolbar popup asks the open panels for their latest errors (src/capture/recent-relay.ts).
  let timeline: readonly TimelineEntry[] = [];
  const recent = serveRecentErrors(new BroadcastChannel(RECENT_CHANNEL), () => recentFromTimeline(timeline));
  addEventListener('pagehide', () => recent.stop(), { once: true });
  mountPanel(
    root,
    createDevtoolsSource({
      openChannel: () => new BroadcastChannel(channelName(inspectedTabId())),
      themeName: devtoolsThemeName,
      onThemeNameChanged: onDevtoolsThemeChanged,
      settings: localSettings(pageLocalStorage()),
    }),
    {
      analyze: engine.analyze,
      readHar: engine.readHar,
      onEntries: (entries) => {
        timeline = entries;
        recent.changed();
      },
    },
  );
}
