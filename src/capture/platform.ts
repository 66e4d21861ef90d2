import browser from 'webextension-polyfill';
import { firefoxEncoding } from './firefox-encoding.ts';
import type { DevtoolsEntry, DevtoolsNetwork, RawContent } from './network.ts';

/**
 * Every Chrome/Firefox difference of the capture layer, and the only place that touches the
 * devtools APIs. The rest of src/capture works on the DevtoolsNetwork interface.
 *
 * - getContent(): Chrome calls back with (content, encoding); Firefox resolves to [content, mimeType]
 *   and drops the encoding, though it base64-encodes bodies of media types it does not know as text
 *   (application/x-amz-json-1.1…): firefox-encoding.ts infers it. The polyfill
 *   promisifies getContent for onRequestFinished entries only, not for getHAR() entries, so Chrome
 *   is driven through its own callback API here.
 * - getHAR(): Chrome calls back (the polyfill leaves it alone); Firefox returns a promise. Chrome's
 *   entries have getContent(); an entry without it (Firefox's HAR) gives its inline body instead.
 * - Theme changes: Firefox has panels.onThemeChanged; Chrome has panels.setThemeChangeHandler.
 * - `_resourceType` exists in Chrome only; candidate.ts falls back to the media type.
 * - Chrome fires onRequestFinished for a fetch only once the page has read its body (a response the
 *   page never reads is only in getHAR()); Firefox fires it for every request.
 */

/**
 * devtools.panels.onThemeChanged exists in Firefox only (Chrome has setThemeChangeHandler): feature detection,
 * not user-agent sniffing. (runtime.getBrowserInfo would say the same on other pages, but Firefox does not expose
 * it to devtools pages, where the capture runs.)
 */
function isFirefox(): boolean {
  return (browser.devtools.panels as Partial<typeof browser.devtools.panels>).onThemeChanged !== undefined;
}

type ChromeEntry = DevtoolsEntry & {
  getContent(callback: (content: unknown, encoding: unknown) => void): void;
};
type FirefoxEntry = DevtoolsEntry & { getContent?: () => Promise<[unknown, unknown]> };

interface ChromeDevtools {
  readonly network: {
    getHAR(callback: (log: { readonly entries?: readonly ChromeEntry[] } | undefined) => void): void;
    readonly onRequestFinished: { addListener(listener: (entry: ChromeEntry) => void): void };
  };
  readonly panels: { setThemeChangeHandler?: (handler?: (themeName: string) => void) => void };
}

function chromeDevtools(): ChromeDevtools {
  return (globalThis as unknown as { chrome: { devtools: ChromeDevtools } }).chrome.devtools;
}

function rawContent(text: unknown, encoding: unknown): RawContent | null {
  if (typeof text !== 'string') return null;
  return encoding === 'base64' ? { text, encoding: 'base64' } : { text };
}

function chromeNetwork(): DevtoolsNetwork {
  const network = chromeDevtools().network;
  return {
    finishesOnRead: true,
    onRequestFinished: (listener) => network.onRequestFinished.addListener(listener),
    onNavigated: (listener) => browser.devtools.network.onNavigated.addListener(listener),
    getHar: () => new Promise((resolve) => network.getHAR((log) => resolve(log?.entries ?? []))),
    getContent: (entry) =>
      new Promise((resolve) => (entry as ChromeEntry).getContent((content, encoding) => resolve(rawContent(content, encoding)))),
  };
}

function firefoxNetwork(): DevtoolsNetwork {
  const network = browser.devtools.network;
  return {
    finishesOnRead: false,
    onRequestFinished: (listener) => network.onRequestFinished.addListener((request) => listener(request as unknown as DevtoolsEntry)),
    onNavigated: (listener) => network.onNavigated.addListener(listener),
    getHar: async () => {
      const log = await network.getHAR();
      return Array.isArray(log.entries) ? (log.entries as DevtoolsEntry[]) : [];
    },
    getContent: async (entry) => {
      const { getContent } = entry as FirefoxEntry;
      const inline = entry.response.content;
      // Entries without getContent (Firefox's HAR) carry the body inline; either way the encoding is inferred.
      const [text, mimeType] = getContent === undefined ? [inline?.text, inline?.mimeType] : await getContent.call(entry);
      return typeof text === 'string' ? rawContent(text, firefoxEncoding(text, mimeType, inline?.encoding)) : null;
    },
  };
}

/** devtools.network of the inspected tab. Devtools pages only. */
export function devtoolsNetwork(): DevtoolsNetwork {
  return isFirefox() ? firefoxNetwork() : chromeNetwork();
}

export function createPanel(title: string, iconPath: string, pagePath: string): Promise<unknown> {
  return browser.devtools.panels.create(title, iconPath, pagePath);
}

export function inspectedTabId(): number {
  return browser.devtools.inspectedWindow.tabId;
}

/** The DevTools theme name: `default`/`dark` in Chrome, `light`/`dark`/`firebug` in Firefox. */
export function devtoolsThemeName(): string {
  return browser.devtools.panels.themeName;
}

/** Theme changes, where the browser reports them. Returns a function that stops listening. */
export function onDevtoolsThemeChanged(listener: (themeName: string) => void): () => void {
  const panels = browser.devtools.panels as Partial<typeof browser.devtools.panels>;
  if (panels.onThemeChanged !== undefined) {
    panels.onThemeChanged.addListener(listener);
    return () => panels.onThemeChanged?.removeListener(listener);
  }
  const chromePanels = chromeDevtools().panels;
  if (chromePanels.setThemeChangeHandler === undefined) return () => undefined;
  chromePanels.setThemeChangeHandler(listener); // one handler per page: the source fans it out
  return () => chromePanels.setThemeChangeHandler?.();
}
