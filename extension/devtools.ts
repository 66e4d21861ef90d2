import { channelName, serveRecorder } from '../src/capture/channel.ts';
import { createPanel, devtoolsNetwork, inspectedTabId } from '../src/capture/platform.ts';
import { startRecorder } from '../src/capture/recorder.ts';
import { bodyCapBytes, localSettings, pageLocalStorage } from '../src/capture/settings.ts';
import { DEFAULT_BODY_CAP_BYTES } from '../src/capture/stored-body.ts';

// The devtools page lives as long as DevTools does, while the panel page loads only when first
// shown: recording starts here so requests made before the panel is opened are not lost.
const settings = localSettings(pageLocalStorage());
const recorder = startRecorder(devtoolsNetwork(), { bodyCapBytes: () => bodyCapBytes(settings, DEFAULT_BODY_CAP_BYTES) });
serveRecorder(recorder, new BroadcastChannel(channelName(inspectedTabId())));

void createPanel('Faultline', 'icons/icon-32.png', 'panel.html');
