import { describe, expect, it } from 'vitest';
import { createDevtoolsSource, themeOf } from './devtools-source.ts';
import { localSettings } from './settings.ts';

describe('devtools capture source', () => {
  it('follows the DevTools theme in both browsers’ names, through one browser subscription', () => {
    const browser: { handler: ((name: string) => void) | null } = { handler: null };
    let subscriptions = 0;
    const source = createDevtoolsSource({
      openChannel: () => new BroadcastChannel('unused'),
      themeName: () => 'default',
      onThemeNameChanged: (listener) => {
        subscriptions++;
        browser.handler = listener;
        return () => (browser.handler = null);
      },
      settings: localSettings(null),
    });
    const seen: string[] = [];
    const stopA = source.onThemeChange((theme) => seen.push(`a:${theme}`));
    const stopB = source.onThemeChange((theme) => seen.push(`b:${theme}`));
    expect(source.theme).toBe('light');
    browser.handler?.('dark');
    expect(source.theme).toBe('dark');
    expect(seen).toEqual(['a:dark', 'b:dark']);
    expect(subscriptions).toBe(1); // Chrome keeps a single theme handler per page
    stopA();
    stopB();
    expect(browser.handler).toBeNull();
    expect(['default', 'light', 'firebug', 'dark'].map(themeOf)).toEqual(['light', 'light', 'light', 'dark']);
  });
});
