import type { CaptureSource, Theme } from '../protocol/capture.ts';
import { forgetRecorded, subscribeToRecorder } from './channel.ts';
import type { SettingsStore } from './settings.ts';

/** What the panel page needs from its browser; extension/panel.ts passes the real ones. */
export interface DevtoolsSourceDeps {
  /** A channel to this tab's recorder (see channel.ts). */
  readonly openChannel: () => BroadcastChannel;
  readonly themeName: () => string;
  /** Subscribes to theme-name changes; may support one listener only (Chrome). */
  readonly onThemeNameChanged: (listener: (themeName: string) => void) => () => void;
  readonly settings: SettingsStore;
}

/** Chrome says `default` or `dark`, Firefox `light`, `dark` or `firebug`. */
export function themeOf(themeName: string): Theme {
  return themeName === 'dark' ? 'dark' : 'light';
}

/** The panel's CaptureSource over the devtools page's recorder. */
export function createDevtoolsSource(deps: DevtoolsSourceDeps): CaptureSource {
  const themeListeners = new Set<(theme: Theme) => void>();
  let theme = themeOf(deps.themeName());
  let stopThemeEvents: (() => void) | null = null;

  return {
    subscribe: (onEvents) => subscribeToRecorder(deps.openChannel(), onEvents),
    forget() {
      // A message posted before close() is still delivered: the channel is needed only for this one.
      const channel = deps.openChannel();
      forgetRecorded(channel);
      channel.close();
    },
    get theme() {
      return theme;
    },
    onThemeChange(listener) {
      themeListeners.add(listener);
      stopThemeEvents ??= deps.onThemeNameChanged((name) => {
        theme = themeOf(name);
        for (const each of themeListeners) each(theme);
      });
      return () => {
        themeListeners.delete(listener);
        if (themeListeners.size > 0) return;
        stopThemeEvents?.();
        stopThemeEvents = null;
      };
    },
    settings: deps.settings,
  };
}
