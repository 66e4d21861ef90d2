import { effect, signal, type Signal } from '@preact/signals';
import { BODY_CAP_KB_SETTING, DEFAULT_BODY_CAP_KB, type CaptureSource } from '../../protocol/capture.ts';
import { columnPrefsFrom } from './columns.tsx';
import { filtersFrom } from './filters.ts';
import type { PanelStore } from './store.ts';
import { splitFrom } from './view-state.ts';

/** Settings keys; the values are validated on read because storage can hold anything. */
export const settingKeys = {
  filters: 'panel.filters',
  preserveLog: 'panel.preserveLog',
  groupSimilar: 'panel.groupSimilar',
  maxErrors: 'panel.maxErrors',
  /** Column widths and hidden columns. */
  columns: 'panel.columns',
  /** The list's share of the width beside the details pane. */
  split: 'panel.split',
  /** The response-body cap in KB: the capture layer applies it to each request; the panel only offers it. */
  bodyCapKb: BODY_CAP_KB_SETTING,
} as const;

export const MAX_ERRORS_RANGE = { min: 10, max: 100_000 } as const;
export const BODY_CAP_KB_RANGE = { min: 1, max: 10 * 1024 } as const;

/** A whole number clamped into `range`, or null for anything else (a string, NaN, 2.5…). */
export function clampSetting(value: unknown, range: { readonly min: number; readonly max: number }): number | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return null;
  return Math.min(range.max, Math.max(range.min, value));
}

/** Settings the panel shows but does not apply itself: the capture layer reads them from the same storage. */
export interface CaptureSettings {
  readonly bodyCapKb: Signal<number>;
}

/**
 * Restores filters, Preserve log, Group similar, the error cap, the body cap, columns and the split from the source's settings, then
 * saves them on every change. Saving starts only after the restore, so defaults never overwrite
 * stored values. `restored` settles once stored values are applied (never rejects); `stop` ends saving.
 * `capture` holds the settings the capture layer applies (the body cap is no store state), for the toolbar.
 */
export function persistSettings(
  store: PanelStore,
  settings: CaptureSource['settings'],
): { readonly capture: CaptureSettings; readonly restored: Promise<void>; stop(): void } {
  const capture: CaptureSettings = { bodyCapKb: signal(DEFAULT_BODY_CAP_KB) };
  let stopSaving: (() => void) | null = null;
  let stopped = false;
  const keys = [settingKeys.filters, settingKeys.preserveLog, settingKeys.maxErrors, settingKeys.bodyCapKb, settingKeys.columns, settingKeys.split, settingKeys.groupSimilar] as const;
  const restore = Promise.all(keys.map((key) => settings.get(key)))
    .then(([filters, preserveLog, maxErrors, bodyCapKb, columns, split, groupSimilar]) => {
      if (columns !== undefined) store.columns.value = columnPrefsFrom(columns);
      const share = splitFrom(split);
      if (share !== null) store.split.value = share;
      if (filters !== undefined) store.filters.value = filtersFrom(filters);
      if (typeof preserveLog === 'boolean') store.preserveLog.value = preserveLog;
      if (typeof groupSimilar === 'boolean') store.groupSimilar.value = groupSimilar;
      const max = clampSetting(maxErrors, MAX_ERRORS_RANGE);
      if (max !== null) store.maxErrors.value = max;
      const cap = clampSetting(bodyCapKb, BODY_CAP_KB_RANGE);
      if (cap !== null) capture.bodyCapKb.value = cap;
    })
    .catch(() => undefined); // unreadable settings leave the defaults in place
  void restore.then(() => {
    if (stopped) return;
    const save = (key: string, value: unknown): void => void settings.set(key, value).catch(() => undefined);
    const disposers = [
      effect(() => save(settingKeys.filters, store.filters.value)),
      effect(() => save(settingKeys.preserveLog, store.preserveLog.value)),
      effect(() => save(settingKeys.groupSimilar, store.groupSimilar.value)),
      effect(() => save(settingKeys.maxErrors, store.maxErrors.value)),
      effect(() => save(settingKeys.bodyCapKb, capture.bodyCapKb.value)),
      effect(() => save(settingKeys.columns, store.columns.value)),
      effect(() => save(settingKeys.split, store.split.value)),
    ];
    stopSaving = () => disposers.forEach((dispose) => dispose());
  });
  return {
    capture,
    restored: restore,
    stop: () => {
      stopped = true;
      stopSaving?.();
    },
  };
}
