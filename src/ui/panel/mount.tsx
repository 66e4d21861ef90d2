import { signal } from '@preact/signals';
import { render } from 'preact';
import { startClock } from '../clock.ts';
import type { CaptureSource } from '../../protocol/capture.ts';
import { Panel } from './Panel.tsx';
import './panel.css';
import { persistSettings } from './settings.ts';
import { createPanelStore, type PanelStoreOptions } from './store.ts';
import type { TimelineEntry } from './entries.ts';
import type { Engine } from '../../protocol/engine.ts';
import { createHarImport } from './har-import.ts';

const SETTINGS_TIMEOUT_MS = 1000;

export interface MountPanelOptions extends PanelStoreOptions {
  /** Reads HAR files for "Open HAR" (the engine's readHar); without it the panel offers no import. */
  readonly readHar?: Engine['readHar'];
  /** Called with the timeline now and whenever it changes (the extension relays the latest errors to its popup). */
  readonly onEntries?: (entries: readonly TimelineEntry[]) => void;
}

/**
 * Mounts the DevTools panel into `root`, fed by `source`. Returns a function that unmounts it and
 * stops every listener and the clock.
 */
export function mountPanel(root: HTMLElement, source: CaptureSource, options: MountPanelOptions): () => void {
  // Clear reaches the source too: a reloaded panel must not bring cleared errors back.
  const store = createPanelStore({
    ...options,
    onClear: () => {
      options.onClear?.();
      source.forget();
    },
  });
  const stopEntries = options.onEntries === undefined ? undefined : store.entries.subscribe(options.onEntries);
  const clock = startClock();
  const theme = signal(source.theme);
  const stopTheme = source.onThemeChange((next) => (theme.value = next));
  const settings = persistSettings(store, source.settings);
  // Captured history is replayed only once Preserve log is known, or navigations in it would wrongly
  // clear it; storage that never answers must not keep the panel empty, hence the timeout.
  let unsubscribe: (() => void) | null = null;
  let unmounted = false;
  const start = (): void => {
    if (unsubscribe !== null || unmounted) return;
    unsubscribe = source.subscribe((events) => store.receive(events));
  };
  const fallback = setTimeout(start, SETTINGS_TIMEOUT_MS);
  void settings.restored.then(start);
  const harImport = options.readHar === undefined ? undefined : createHarImport({ analyze: options.analyze, readHar: options.readHar, ...(options.schedule === undefined ? {} : { schedule: options.schedule }) });
  render(<Panel store={store} capture={settings.capture} now={clock.now} theme={theme} harImport={harImport} />, root);
  return () => {
    unmounted = true;
    stopEntries?.();
    clearTimeout(fallback);
    unsubscribe?.();
    settings.stop();
    stopTheme();
    clock.stop();
    render(null, root);
  };
}
