import { describe, expect, it } from 'vitest';
import { BODY_CAP_KB_SETTING } from '../protocol/capture.ts';
import { bodyCapBytes, localSettings } from './settings.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const data = new Map<string, string>();
  return { getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

describe('settings', () => {
  it('persists settings across panel reloads in the extension’s storage', async () => {
    const storage = memoryStorage();
    await localSettings(storage).set('preserveLog', true);
    expect(await localSettings(storage).get('preserveLog')).toBe(true);
    expect(await localSettings(storage).get('never-set')).toBeUndefined();
  });

  it('keeps settings for the session when storage refuses them', async () => {
    const settings = localSettings({
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    await settings.set('filter', 'status:429');
    expect(await settings.get('filter')).toBe('status:429');
  });

  it('applies the cap the user set in KB, and the default for unset or nonsense values', async () => {
    const settings = localSettings(memoryStorage());
    expect(bodyCapBytes(settings, 256 * 1024)).toBe(256 * 1024);
    await settings.set(BODY_CAP_KB_SETTING, 1024);
    expect(bodyCapBytes(settings, 256 * 1024)).toBe(1024 * 1024);
    await settings.set(BODY_CAP_KB_SETTING, -5);
    expect(bodyCapBytes(settings, 256 * 1024)).toBe(256 * 1024);
  });
});
