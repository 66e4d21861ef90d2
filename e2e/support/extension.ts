import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { testIds } from '../../src/ui/testids.ts';
import { findChromium } from './browsers.ts';
import { connectCdp, findTarget, type CdpClient } from './cdp.ts';
import { findPanelTarget, isDevtoolsWindow, showExtensionPanel } from './devtools.ts';

/**
 * Chromium with the built extension (dist/chrome) and DevTools open on every tab, headless, as in
 * shared/reference/devtools-e2e-recipe.md; and the Faultline panel inside that DevTools, read and
 * driven through CDP (Playwright does not attach to devtools:// or panel targets).
 */

export const CHROME_EXTENSION_DIR = fileURLToPath(new URL('../../dist/chrome/', import.meta.url));
export const PANEL_TITLE = 'Faultline';

export interface ChromiumWithExtension {
  readonly context: BrowserContext;
  /** The first tab; DevTools is open on it. */
  readonly page: Page;
  readonly cdp: CdpClient;
  close(): Promise<void>;
}

/** How DevTools is laid out: docked at the bottom (the panel gets the full width) or at the right. */
export interface DevtoolsLayout {
  readonly dock?: 'bottom' | 'right';
  /** Right dock: DevTools' width (590 px is what a user gets by default); bottom dock: the window's width. */
  readonly width?: number;
  readonly theme?: 'light' | 'dark';
  /** DevTools settings by name (e.g. `network-log.preserve-log`: the Network panel's Preserve log), as a user would set them. */
  readonly devtoolsSettings?: Readonly<Record<string, unknown>>;
}

/** DevTools' width when docked at the right by default (the Chromium split a new profile opens with). */
export const DEFAULT_RIGHT_DOCK_WIDTH = 590;
const WINDOW_HEIGHT = 900;
const DEVTOOLS_HEIGHT = 560;

/**
 * Docks DevTools as asked, at a fixed size (an undocked DevTools window does not render panels in
 * headless mode), in the theme asked: DevTools stores these as JSON strings in the profile's preferences.
 */
async function layDevtoolsOut(userDataDir: string, layout: Required<DevtoolsLayout>): Promise<void> {
  const profile = join(userDataDir, 'Default');
  await mkdir(profile, { recursive: true });
  const split = layout.dock === 'right' ? { vertical: { size: layout.width } } : { horizontal: { size: DEVTOOLS_HEIGHT } };
  const preferences = {
    devtools: {
      preferences: {
        currentDockState: JSON.stringify(layout.dock),
        'inspector-view.split-view-state': JSON.stringify(split),
        'ui-theme': JSON.stringify(layout.theme),
        ...Object.fromEntries(Object.entries(layout.devtoolsSettings).map(([name, value]) => [name, JSON.stringify(value)])),
      },
    },
  };
  await writeFile(join(profile, 'Preferences'), JSON.stringify(preferences));
}

export async function launchChromiumWithExtension(options: DevtoolsLayout = {}): Promise<ChromiumWithExtension> {
  const layout: Required<DevtoolsLayout> = { dock: 'bottom', theme: 'light', width: options.dock === 'right' ? DEFAULT_RIGHT_DOCK_WIDTH : 1280, devtoolsSettings: {}, ...options };
  const window = { width: layout.dock === 'right' ? 1280 : layout.width, height: WINDOW_HEIGHT };
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('No Chromium found: run scripts/ensure-browsers.sh (or set CHROME_PATH).');
  if (!existsSync(join(CHROME_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${CHROME_EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'faultline-e2e-'));
  await layDevtoolsOut(userDataDir, layout);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: null,
    args: [
      `--disable-extensions-except=${CHROME_EXTENSION_DIR}`,
      `--load-extension=${CHROME_EXTENSION_DIR}`,
      '--auto-open-devtools-for-tabs',
      `--window-size=${window.width},${window.height}`,
      '--remote-debugging-port=0',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
    ],
  });
  try {
    const cdp = await connectCdp(userDataDir);
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      cdp,
      async close() {
        cdp.close();
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Resolves once the extension's devtools page runs, i.e. Faultline is recording this tab. */
export async function waitForRecording(browser: ChromiumWithExtension): Promise<void> {
  await findTarget(browser.cdp, (target) => /^chrome-extension:\/\/[a-p]{32}\/devtools\.html/.test(target.url), 20_000);
}

export interface FaultlinePanel {
  /** Evaluates in the panel page (promises awaited) and returns the JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Saves a PNG of the whole DevTools window with the panel shown. */
  screenshot(path: string): Promise<void>;
}

interface Evaluated {
  readonly result: { readonly value?: unknown };
  readonly exceptionDetails?: { readonly text?: string; readonly exception?: { readonly description?: string } };
}

/** Where DevTools' own UI sits in its window (the same frontend module devtools.ts selects panels with). */
const DEVTOOLS_BOUNDS = `(async () => {
  const { InspectorView } = await import('./ui/legacy/legacy.js');
  const { x, y, width, height } = InspectorView.InspectorView.instance().element.getBoundingClientRect();
  return { x, y, width, height };
})()`;

async function attach(cdp: CdpClient, targetId: string): Promise<string> {
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  return sessionId;
}

/** Selects the Faultline panel in the tab's DevTools and attaches to it. */
export async function showFaultlinePanel(browser: ChromiumWithExtension): Promise<FaultlinePanel> {
  const { cdp } = browser;
  const shown = await showExtensionPanel(cdp, PANEL_TITLE);
  const panelTarget = await findPanelTarget(cdp, shown.extensionId, 'panel.html');
  const panelSession = await attach(cdp, panelTarget.targetId);
  const devtoolsTarget = await findTarget(cdp, (target) => target.targetId === shown.devtoolsTargetId || isDevtoolsWindow(target));
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const { result, exceptionDetails } = await cdp.send<Evaluated>(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true },
        panelSession,
      );
      if (exceptionDetails !== undefined) {
        throw new Error(`panel evaluation failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text ?? 'exception'}`);
      }
      return result.value as T;
    },
    async screenshot(path: string): Promise<void> {
      const session = await attach(cdp, devtoolsTarget.targetId);
      try {
        // The DevTools target spans the whole window, the (transparent) page area included: clip to DevTools.
        const { result } = await cdp.send<Evaluated>(
          'Runtime.evaluate',
          { expression: DEVTOOLS_BOUNDS, awaitPromise: true, returnByValue: true },
          session,
        );
        const clip = { ...(result.value as { x: number; y: number; width: number; height: number }), scale: 1 };
        const { data } = await cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png', clip }, session);
        await writeFile(path, Buffer.from(data, 'base64'));
      } finally {
        await cdp.send('Target.detachFromTarget', { sessionId: session }).catch(() => undefined);
      }
    },
  };
}

/** One timeline row as the user sees it. */
export interface PanelRow {
  readonly status: string;
  readonly format: string;
  readonly code: string;
  readonly message: string;
  readonly retry: string;
  /** The request's path and query (the row's data-path; the Name column shows only its last segment). */
  readonly path: string;
  /** The row's cells (time, method, name…) joined with tabs. */
  readonly text: string;
}

const TESTID = (id: string): string => `[data-testid="${id}"]`;

/** The rows the timeline shows now (it is virtualised: rows scrolled far away are not in the DOM). */
export function panelRows(panel: FaultlinePanel): Promise<PanelRow[]> {
  return panel.evaluate<PanelRow[]>(`[...document.querySelectorAll('${TESTID(testIds.errorRow)}')].map((row) => ({
    status: row.dataset.status ?? '',
    format: row.dataset.format ?? '',
    code: row.dataset.code ?? '',
    message: row.querySelector('${TESTID(testIds.rowMessage)}')?.textContent ?? '',
    retry: row.querySelector('${TESTID(testIds.retryCell)}')?.textContent ?? '',
    path: row.dataset.path ?? '',
    text: [...row.children].map((cell) => cell.textContent).join('\\t'),
  }))`);
}

/** Clicks the first element matching a test id (and, optionally, containing `text`); false when there is none. */
export function clickInPanel(panel: FaultlinePanel, testId: string, text?: string): Promise<boolean> {
  return panel.evaluate<boolean>(`(() => {
    const found = [...document.querySelectorAll('${TESTID(testId)}')].find((el) => el.textContent.includes(${JSON.stringify(text ?? '')}));
    found?.click();
    return found !== undefined;
  })()`);
}

/** Clicks the timeline row of the request to `path` (path and query); false when it is not in view. */
export function clickRowOf(panel: FaultlinePanel, path: string): Promise<boolean> {
  return panel.evaluate<boolean>(`(() => {
    const row = [...document.querySelectorAll('${TESTID(testIds.errorRow)}')].find((el) => el.dataset.path === ${JSON.stringify(path)});
    row?.click();
    return row !== undefined;
  })()`);
}

/** The text of the first element with a test id, or null when it is not shown. */
export function panelText(panel: FaultlinePanel, testId: string): Promise<string | null> {
  return panel.evaluate<string | null>(`document.querySelector('${TESTID(testId)}')?.textContent ?? null`);
}

/** Whether the checkbox with a test id is checked (null when absent). */
export function panelChecked(panel: FaultlinePanel, testId: string): Promise<boolean | null> {
  return panel.evaluate<boolean | null>(`document.querySelector('${TESTID(testId)}')?.checked ?? null`);
}
