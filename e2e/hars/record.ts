/**
 * Records the HARs in this folder from real tools, on the demo API on loopback (`npx tsx e2e/hars/record.ts`,
 * after `npm run build`). Each HAR comes with what the Faultline panel showed for the same traffic
 * (`*.panel.json`: status, family and code of each error row), which e2e/hars/hars.test.ts compares
 * with what `faultline decode` reads from the HAR.
 *
 * - chrome-devtools.har: Chrome DevTools' own "Export HAR (with sensitive data)" — DevTools' HAR
 *   builder run in the DevTools window, over the requests of its Network log.
 * - faultline-export.har: the Faultline panel's Export HAR button (the file it downloads).
 * - playwright-embed.har, playwright-attach/playwright-attach.har: Playwright's recordHar, bodies
 *   embedded, and attached as files next to the HAR.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright';
import { findChromium } from '../support/browsers.ts';
import { evaluateInTarget, findTarget } from '../support/cdp.ts';
import { isDevtoolsWindow } from '../support/devtools.ts';
import { openDemoSession } from '../support/demo-session.ts';
import { showFaultlinePanel, type FaultlinePanel } from '../support/extension.ts';
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
    await waitForPanelErrors(panel, 1, 20_000);
    // Autofire sends in batches: wait until neither the server nor the panel has seen anything new for a while.
    let last = '';
    for (;;) {
      await sleep(SETTLE_MS);
      const now = `${(await servedStats(server.origin)).total} ${(await panelCount(panel)).received}`;
      if (now === last) break;
      last = now;
    }
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
if (only === undefined || only === 'playwright') {
  await recordPlaywright('embed');
  await recordPlaywright('attach');
}
