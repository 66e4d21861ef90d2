/**
 * Records the HARs in this folder from real tools, on the demo API on loopback (`npx tsx e2e/hars/record.ts`,
 * after `npm run build`). Each HAR comes with what the Faultline panel showed for the same traffic
 * (`*.panel.json`: status, family and code of each error row), which e2e/hars/hars.test.ts compares
 * with what `faultline decode` reads from the HAR.
 *
 * - chrome-devtools.har: Chrome DevTools' own "Export HAR (with sensitive data)" — DevTools' HAR
 *   builder run in the DevTools window, over the requests of its Network log.
 * - faultline-export.har: the Faultline panel's Export HAR button (the file it downloads).
 * - firefox-auto-export.har: Firefox's network monitor auto-export (devtools.netmonitor.har.*
 *   prefs), written when the page navigates away.
 * - playwright-embed.har, playwright-attach/playwright-attach.har: Playwright's recordHar, bodies
 *   embedded, and attached as files next to the HAR.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright';
import { findChromium } from '../support/browsers.ts';
import { evaluateInTarget, findTarget } from '../support/cdp.ts';
import { isDevtoolsWindow } from '../support/devtools.ts';
import { openDemoSession } from '../support/demo-session.ts';
import { showFaultlinePanel, type FaultlinePanel } from '../support/extension.ts';
import { launchFirefoxWithExtension, openDevtoolsAndWaitForRecording, showFaultlinePanel as showFirefoxPanel } from '../support/firefox.ts';
import { startDemoServer } from '../demo/server.ts';
import { servedStats } from '../support/demo-traffic.ts';
import { allTimelineRows, panelCount, waitForPanelErrors } from '../support/panel-state.ts';
import { testIds } from '../../src/ui/testids.ts';

const HERE = import.meta.dirname;
/** The demo page's first page of buttons, fired once each by ?autofire=1. */
const SETTLE_MS = 3_000;

/** What the panel showed, one row per error, to compare with the CLI. */
async function panelErrors(panel: FaultlinePanel): Promise<{ status: string; format: string; code: string }[]> {
  return (await allTimelineRows(panel)).filter((row) => row.kind === 'error').map(({ status, format, code }) => ({ status, format, code }));
}

/** How long the panel may take, after the traffic settled, to show every error the browser's own log holds. */
const LOG_WAIT_MS = 30_000;

/**
 * Autofire sends in batches: waits for the panel's first error, then until neither the server nor the
 * panel has seen anything new for SETTLE_MS. A panel standing still is not a panel done: the browser
 * may report a request before its log has the status (Firefox under load), and the recorder then waits
 * for the log, several seconds. So where the browser's own log can be read (`logErrorStatuses`, the
 * status of each of its responses of 400 or more), it then waits until the panel has a row for each
 * of those (or LOG_WAIT_MS went by: the HAR test then shows what is missing). Returns what was counted.
 */
async function waitForTrafficToSettle(origin: string, panel: FaultlinePanel, logErrorStatuses?: () => Promise<string[]>): Promise<string> {
  await waitForPanelErrors(panel, 1, 20_000);
  let last = '';
  for (;;) {
    await sleep(SETTLE_MS);
    const now = `served ${(await servedStats(origin)).total}, panel ${(await panelCount(panel)).received}`;
    if (now === last) break;
    last = now;
  }
  if (logErrorStatuses === undefined) return last;
  const deadline = Date.now() + LOG_WAIT_MS;
  for (;;) {
    const inLog = await logErrorStatuses();
    const shown = (await allTimelineRows(panel)).filter((row) => row.kind === 'error' && Number(row.status) >= 400).length;
    const counted = `${last}, errors of 400+ in the browser's log ${inLog.length}, in the panel ${shown}`;
    if (shown >= inLog.length || Date.now() > deadline) return counted;
    await sleep(500);
  }
}

/** Firefox's network monitor (the toolbox's own log, which devtools.network reports from): the status of each request. */
const FIREFOX_LOG_ERRORS = `(() => {
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const monitor = gDevTools.getToolboxForTab(gBrowser.selectedTab).getPanel('netmonitor');
  const { requests } = monitor.panelWin.store.getState().requests;
  return [...requests.values()].map((request) => String(request.status ?? ''));
})()`;

/** DevTools' "Export HAR (with sensitive data)": the writer the Network panel's export runs, inside the DevTools window. */
const DEVTOOLS_EXPORT = `(async () => {
  const Logs = await import('./models/logs/logs.js');
  const HAR = await import('./models/har/har.js');
  const Common = await import('./core/common/common.js');
  const requests = Logs.NetworkLog.NetworkLog.instance().requests();
  return await HAR.Writer.Writer.harStringForRequests(requests, { sanitize: false }, new Common.Progress.CompositeProgress(new Common.Progress.Progress()));
})()`;

/** The panel's Export HAR: the download is caught where it is made (an <a download> of a Blob URL) and read back. */
const FAULTLINE_EXPORT = `(async () => {
  const clicked = new Promise((resolve) => {
    HTMLAnchorElement.prototype.click = function () { resolve(this.href); };
  });
  document.querySelector('[data-testid="${testIds.exportHarSecretsToggle}"]').click();
  // The toggle re-renders the button with the new choice on the next frame.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  document.querySelector('[data-testid="${testIds.exportHarButton}"]').click();
  return await (await fetch(await clicked)).text();
})()`;

async function recordChrome(): Promise<void> {
  const session = await openDemoSession();
  try {
    const { browser, server } = session;
    const panel = await showFaultlinePanel(browser);
    await browser.page.goto(`${server.origin}/?autofire=1`);
    await waitForTrafficToSettle(server.origin, panel);
    const rows = await panelErrors(panel);
    const devtools = await findTarget(browser.cdp, isDevtoolsWindow);
    const devtoolsHar = (await evaluateInTarget(browser.cdp, devtools.targetId, DEVTOOLS_EXPORT)) as string;
    await writeFile(join(HERE, 'chrome-devtools.har'), devtoolsHar);
    await writeFile(join(HERE, 'chrome-devtools.panel.json'), `${JSON.stringify(rows, null, 1)}\n`);
    await writeFile(join(HERE, 'faultline-export.har'), await panel.evaluate<string>(FAULTLINE_EXPORT));
    await writeFile(join(HERE, 'faultline-export.panel.json'), `${JSON.stringify(rows, null, 1)}\n`);
    console.log(`chrome-devtools.har, faultline-export.har: the panel showed ${rows.length} errors`);
  } finally {
    await session.close();
  }
}

/**
 * Firefox's HAR auto-export: with these prefs the toolbox's network monitor writes the page's HAR
 * (response bodies included) when the page navigates away. The panel's rows are read just before.
 */
async function recordFirefox(): Promise<void> {
  const server = await startDemoServer();
  const harDir = await mkdtemp(join(tmpdir(), 'faultline-ff-har-'));
  const firefox = await launchFirefoxWithExtension({
    prefs: {
      'devtools.netmonitor.har.enableAutoExportToFile': true,
      'devtools.netmonitor.har.defaultLogDir': harDir,
      'devtools.netmonitor.har.defaultFileName': 'firefox',
      'devtools.netmonitor.har.includeResponseBodies': true,
    },
  });
  try {
    await firefox.navigate(firefox.tab, `${server.origin}/`);
    console.log('firefox: opening DevTools');
    await openDevtoolsAndWaitForRecording(firefox);
    // The network monitor records (and auto-exports) once it has been shown; then back to Faultline,
    // which must stay the selected tool for its rows to render.
    await firefox.evaluateInBrowser(`(async () => {
      const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
      const { gDevTools } = require('devtools/client/framework/devtools');
      await gDevTools.getToolboxForTab(gBrowser.selectedTab).selectTool('netmonitor');
      return true;
    })()`);
    const panel = await showFirefoxPanel(firefox);
    console.log('firefox: firing the fixtures');
    await firefox.navigate(firefox.tab, `${server.origin}/?autofire=1`);
    const inMonitor = (): Promise<string[]> => firefox.evaluateInBrowser<string[]>(FIREFOX_LOG_ERRORS);
    const logErrors = async (): Promise<string[]> => (await inMonitor()).filter((status) => Number(status) >= 400);
    console.log(`firefox: traffic settled (${await waitForTrafficToSettle(server.origin, panel, logErrors)})`);
    const listed = (await inMonitor()).length;
    const rows = await panelErrors(panel);
    await firefox.navigate(firefox.tab, 'about:blank'); // the navigation that makes the monitor write its HAR
    // The monitor writes the HAR as the page goes away (and may have written a partial one before): wait for all of it.
    const written = join(harDir, 'firefox.har');
    const served = (await servedStats(server.origin)).total;
    for (let waited = 0; !(await holdsEntries(written, served)); waited += 500) {
      if (waited > 30_000) throw new Error(`Firefox wrote no HAR of ${served} entries in ${harDir}`);
      await sleep(500);
    }
    await writeFile(join(HERE, 'firefox-auto-export.har'), await readFile(written, 'utf8'));
    await writeFile(join(HERE, 'firefox-auto-export.panel.json'), `${JSON.stringify(rows, null, 1)}\n`);
    const exported = (JSON.parse(await readFile(written, 'utf8')) as { log: { entries: unknown[] } }).log.entries.length;
    // The auto-export collects on its own: a request it holds that the monitor's list lacks was never visible to an extension.
    console.log(`firefox-auto-export.har: the panel showed ${rows.length} errors; the network monitor listed ${listed} requests, its HAR export ${exported}`);
  } finally {
    await firefox.close();
    await server.close();
    await rm(harDir, { recursive: true, force: true });
  }
}

/** True once `file` is a complete HAR with at least `count` entries. */
async function holdsEntries(file: string, count: number): Promise<boolean> {
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { log: { entries: unknown[] } }).log.entries.length >= count;
  } catch {
    return false; // still being written
  }
}

async function recordPlaywright(content: 'embed' | 'attach'): Promise<void> {
  const session = await openDemoSession();
  const name = `playwright-${content}`;
  // Attached bodies are written next to the HAR (named by their SHA-1): that HAR gets a folder of its own.
  const folder = content === 'attach' ? join(HERE, name) : HERE;
  await rm(join(HERE, name), { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${name}.har`);
  const executablePath = findChromium() ?? undefined;
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ recordHar: { path, content } });
    const page = await context.newPage();
    await page.goto(`${session.server.origin}/?autofire=1`);
    await sleep(SETTLE_MS);
    await context.close();
    console.log(`${name}.har written`);
  } finally {
    await browser.close();
    await session.close();
  }
}

const only = process.argv[2];
if (only === undefined || only === 'chrome') await recordChrome();
if (only === undefined || only === 'firefox') await recordFirefox();
if (only === undefined || only === 'playwright') {
  await recordPlaywright('embed');
  await recordPlaywright('attach');
}
