import { parseJson } from '../core/json.ts';
import { BODY_CAP_KB_SETTING } from '../protocol/capture.ts';

/**
 * Settings live in the extension origin's localStorage: the devtools page and the panel share it, it
 * needs no permission, and it is synchronous, so the recorder can read the body cap per request.
 * Where storage is unavailable (blocked, or over quota) settings still work for the session.
 */
export interface SettingsStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Synchronous read for the capture layer itself. */
  read(key: string): unknown;
}


const PREFIX = 'faultline:';

export function localSettings(storage: Pick<Storage, 'getItem' | 'setItem'> | null): SettingsStore {
  const fallback = new Map<string, string>();
  const read = (key: string): unknown => {
    let raw: string | null | undefined;
    try {
      raw = storage?.getItem(PREFIX + key);
    } catch {
      raw = undefined;
    }
    raw ??= fallback.get(key);
    return raw === undefined || raw === null ? undefined : parseJson(raw);
  };
  return {
    read,
    get: (key) => Promise.resolve(read(key)),
    set(key, value) {
      const raw = JSON.stringify(value) ?? 'null';
      fallback.set(key, raw);
      try {
        storage?.setItem(PREFIX + key, raw);
      } catch {
        // kept in memory for this session
      }
      return Promise.resolve();
    },
  };
}

/** This page's localStorage, or null where the browser refuses access to it. */
export function pageLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The body cap the user chose, in bytes, or the default when unset or nonsense. */
export function bodyCapBytes(settings: SettingsStore, fallbackBytes: number): number {
  const kb = settings.read(BODY_CAP_KB_SETTING);
  return typeof kb === 'number' && Number.isFinite(kb) && kb >= 1 ? Math.floor(kb * 1024) : fallbackBytes;
}
