import { effect } from '@preact/signals';
import type { CaptureSource } from '../source.ts';
import { filtersFrom } from './filters.ts';
import type { PanelStore } from './store.ts';

/** Settings keys; the values are validated on read because storage can hold anything. */
export const settingKeys = { filters: 'panel.filters', preserveLog: 'panel.preserveLog', maxErrors: 'panel.maxErrors' } as const;

const MAX_ERRORS_RANGE = { min: 10, max: 100_000 } as const;

function maxErrorsFrom(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return null;
  return Math.min(MAX_ERRORS_RANGE.max, Math.max(MAX_ERRORS_RANGE.min, value));
}

/**
 * Restores filters, Preserve log and the error cap from the source's settings, then saves them on
 * every change. Saving starts only after the restore, so defaults never overwrite stored values.
 * `restored` settles once stored values are applied (never rejects); `stop` ends saving.
 */
export function persistSettings(store: PanelStore, settings: CaptureSource['settings']): { readonly restored: Promise<void>; stop(): void } {
  let stopSaving: (() => void) | null = null;
  let stopped = false;
  const restore = Promise.all([settings.get(settingKeys.filters), settings.get(settingKeys.preserveLog), settings.get(settingKeys.maxErrors)])
    .then(([filters, preserveLog, maxErrors]) => {
      if (filters !== undefined) store.filters.value = filtersFrom(filters);
      if (typeof preserveLog === 'boolean') store.preserveLog.value = preserveLog;
      const max = maxErrorsFrom(maxErrors);
      if (max !== null) store.maxErrors.value = max;
    })
    .catch(() => undefined); // unreadable settings leave the defaults in place
  void restore.then(() => {
    if (stopped) return;
    const save = (key: string, value: unknown): void => void settings.set(key, value).catch(() => undefined);
    const disposers = [
      effect(() => save(settingKeys.filters, store.filters.value)),
      effect(() => save(settingKeys.preserveLog, store.preserveLog.value)),
      effect(() => save(settingKeys.maxErrors, store.maxErrors.value)),
    ];
    stopSaving = () => disposers.forEach((dispose) => dispose());
  });
  return {
    restored: restore,
    stop: () => {
      stopped = true;
      stopSaving?.();
    },
  };
}
