import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
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

export async function launchChromiumWithExtension(): Promise<ChromiumWithExtension> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('No Chromium found: run scripts/ensure-browsers.sh (or set CHROME_PATH).');
  if (!existsSync(join(CHROME_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${CHROME_EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'faultline-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${CHROME_EXTENSION_DIR}`,
      `--load-extension=${CHROME_EXTENSION_DIR}`,
      '--auto-open-devtools-for-tabs',
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
        const { data } = await cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png' }, session);
        await writeFile(path, Buffer.from(data, 'base64'));
      } finally {
        await cdp.send('Target.detachFromTarget', { sessionId: session }).catch(() => undefined);
      }
    },
  };
}
