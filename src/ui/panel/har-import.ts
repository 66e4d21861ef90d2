import { signal, type ReadonlySignal } from '@preact/signals';
import type { HarRead } from '../../protocol/engine.ts';
import { plural } from '../format.ts';
import type { CaptureEvent } from '../../protocol/capture.ts';
import { MAX_ERRORS_RANGE } from './settings.ts';
import { createPanelStore, type PanelStore, type PanelStoreOptions } from './store.ts';

/** A HAR file opened in the panel: its own timeline, apart from live capture (which goes on meanwhile). */
export interface ImportedSession {
  readonly fileName: string;
  /** How many requests the file holds (errors or not). */
  readonly requests: number;
  readonly store: PanelStore;
}

/** Opening HAR files into the panel (toolbar button, or a file dropped on the panel). */
export interface HarImport {
  readonly session: ReadonlySignal<ImportedSession | null>;
  /** Why the last file could not be opened, in one line; null when it could. */
  readonly error: ReadonlySignal<string | null>;
  readonly loading: ReadonlySignal<boolean>;
  open(file: { readonly name: string; text(): Promise<string> }): Promise<void>;
  /** Back to live capture. */
  close(): void;
}

export interface HarImportOptions extends Pick<PanelStoreOptions, 'analyze' | 'schedule'> {
  readonly readHar: (text: string) => Promise<HarRead>;
}

/**
 * Reads a HAR with the engine (which validates it and makes exchanges of its entries, exactly as the
 * CLI does) and decodes it into a store of its own: the same timeline, rate limits and details as live
 * capture, nothing mixed into it. Every error is kept, however many: the file is all there is.
 */
export function createHarImport(options: HarImportOptions): HarImport {
  const session = signal<ImportedSession | null>(null);
  const error = signal<string | null>(null);
  const loading = signal(false);
  return {
    session,
    error,
    loading,
    async open(file) {
      loading.value = true;
      try {
        const read = await options.readHar(await file.text());
        if (!read.ok) {
          error.value = `Could not open ${file.name}: ${read.error}`;
          return;
        }
        const store = createPanelStore({ analyze: options.analyze, schedule: options.schedule, renderEveryMs: 0, maxErrors: MAX_ERRORS_RANGE.max });
        const events: CaptureEvent[] = read.exchanges.map((exchange, i) => ({ kind: 'exchange', id: `har-${i}`, exchange, captureNote: null }));
        store.receive(events);
        session.value = { fileName: file.name, requests: events.length, store };
        error.value = null;
      } catch (failure) {
        error.value = `Could not open ${file.name}: ${failure instanceof Error ? failure.message : String(failure)}`;
      } finally {
        loading.value = false;
      }
    },
    close() {
      session.value = null;
      error.value = null;
    },
  };
}

/** "session.har · 12 requests, 3 errors" for the banner of an imported session. */
export function importSummary(imported: ImportedSession): string {
  return `${imported.fileName} · ${plural(imported.requests, 'request')}, ${plural(imported.store.errorCount.value, 'error')}`;
}
