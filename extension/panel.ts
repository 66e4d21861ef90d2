import { channelName } from '../src/capture/channel.ts';
import { createDevtoolsSource } from '../src/capture/devtools-source.ts';
import { devtoolsThemeName, inspectedTabId, onDevtoolsThemeChanged } from '../src/capture/platform.ts';
import { localSettings, pageLocalStorage } from '../src/capture/settings.ts';
import { mountPanel } from '../src/ui/panel/mount.tsx';

const root = document.getElementById('root');
if (root !== null) {
  mountPanel(
    root,
    createDevtoolsSource({
      openChannel: () => new BroadcastChannel(channelName(inspectedTabId())),
      themeName: devtoolsThemeName,
      onThemeNameChanged: onDevtoolsThemeChanged,
      settings: localSettings(pageLocalStorage()),
    }),
  );
}
