import { expect, test } from '@playwright/test';
import { seedFixtures } from '../../src/core/fixtures/index.ts';
import { testIds } from '../../src/ui/testids.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { clickFirstRow, expectLayoutSurvivesReload, expectOneLineToolbar, openSeedHarInPanel, rowsInView, screenshotBoth } from '../support/dock-checks.ts';
import { panelText, type FaultlinePanel } from '../support/extension.ts';
import {
  fireFixtureInFirefox,
  launchFirefoxWithExtension,
  openDevtoolsAndWaitForRecording,
  showFaultlinePanel,
  type FirefoxWithExtension,
  type ToolboxLayout,
} from '../support/firefox.ts';
import { firstOfEachSeed } from '../support/seed-rows.ts';

/**
 * The panel in Firefox ESR's toolbox docked at the right, 590 px wide: the same checks as in
 * Chromium (e2e/dock.spec.ts), then screenshots at 590 and 1400 px, light and dark, into artifacts/dock/.
 */

test.describe.configure({ mode: 'serial' });

const SHOTS = 'artifacts/dock';

async function open(layout: ToolboxLayout): Promise<{ server: DemoServer; firefox: FirefoxWithExtension; panel: FaultlinePanel }> {
  const server = await startDemoServer();
  const firefox = await launchFirefoxWithExtension(layout);
  await firefox.navigate(firefox.tab, `${server.origin}/`);
  await openDevtoolsAndWaitForRecording(firefox);
  const panel = await showFaultlinePanel(firefox);
  return { server, firefox, panel };
}

async function fireSeeds(firefox: FirefoxWithExtension, panel: FaultlinePanel, count: number): Promise<void> {
  const names = [...new Set([...firstOfEachSeed(), ...seedFixtures.filter((f) => f.expect !== null)].map((f) => f.name))].slice(0, count);
  for (const name of names) await fireFixtureInFirefox(firefox, name);
  await expect.poll(async () => Number(/(\d+) errors?/.exec((await panelText(panel, testIds.errorCount)) ?? '')?.[1] ?? 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(count - 8);
}

/** The toolbox's split console (what Esc toggles in Firefox DevTools). */
const SPLIT_CONSOLE = `(() => {
  const { gDevTools } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs').require('devtools/client/framework/devtools');
  return gDevTools.getToolboxForTab(gBrowser.selectedTab).splitConsole === true;
})()`;

/** Focuses the panel's <browser> in the toolbox, so keys pressed in the window go to the panel page. */
const FOCUS_PANEL = `(() => {
  const { gDevTools } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs').require('devtools/client/framework/devtools');
  const toolbox = gDevTools.getToolboxForTab(gBrowser.selectedTab);
  const tool = toolbox.getAdditionalTools().find((candidate) => candidate.label === 'Faultline');
  const frame = toolbox.doc.getElementById('toolbox-panel-iframe-' + tool.id);
  frame.focus();
  frame.contentDocument.querySelector('browser').focus();
  return true;
})()`;

/**
 * The toolbox's own look: its theme class and its tab bar's computed background, as a luminance (0–255).
 * A screenshot shrunk to fit a viewer can read as light where the toolbox is dark: this says what is drawn.
 */
const TOOLBOX_LOOK = `(() => {
  const { gDevTools } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs').require('devtools/client/framework/devtools');
  const doc = gDevTools.getToolboxForTab(gBrowser.selectedTab).doc;
  const [r, g, b] = doc.defaultView.getComputedStyle(doc.querySelector('.devtools-tabbar')).backgroundColor.match(/[\\d.]+/g).map(Number);
  return { theme: doc.documentElement.classList.contains('theme-dark') ? 'dark' : 'light', tabBar: Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b) };
})()`;

test.describe('the toolbox docked right, 590 px wide', () => {
  let server: DemoServer;
  let firefox: FirefoxWithExtension;
  let panel: FaultlinePanel;

  test.beforeAll(async () => {
    ({ server, firefox, panel } = await open({ dock: 'right', width: 590 }));
    await fireSeeds(firefox, panel, 30);
  });

  test.afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  test('Message and Retry are visible for every row in view', async () => {
    const { width, rows } = await rowsInView(panel);
    expect(width).toBeGreaterThan(500);
    expect(width).toBeLessThan(620);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((row) => !row.messageVisible || !row.retryVisible)).toEqual([]);
  });

  test('Esc closes the details, leaves focus in the panel and opens no split console', async () => {
    expect(await firefox.evaluateInBrowser<boolean>(SPLIT_CONSOLE)).toBe(false);
    await clickFirstRow(panel);
    await expect.poll(() => panel.evaluate<boolean>(`document.querySelector('[data-testid="${testIds.details}"]') !== null`)).toBe(true);
    await firefox.evaluateInBrowser(FOCUS_PANEL);
    await panel.evaluate(`(document.querySelector('[data-testid="${testIds.timeline}"]').focus(), true)`);
    await firefox.pressKeyInBrowserWindow('Escape', 27);
    await expect.poll(() => panel.evaluate<boolean>(`document.querySelector('[data-testid="${testIds.details}"]') === null`)).toBe(true);
    expect(await panel.evaluate<string | null>('document.activeElement?.dataset.testid ?? null')).toBe(testIds.timeline);
    await firefox.pressKeyInBrowserWindow('Escape', 27); // nothing left to close: still the panel's
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await firefox.evaluateInBrowser<boolean>(SPLIT_CONSOLE)).toBe(false);
  });

  test('a dragged column width and list/details split survive a reload of the panel', async () => {
    await expectLayoutSurvivesReload(panel);
  });

  test('a HAR opened in the panel shows the same rows as the CLI', async () => {
    const { cli, shown } = await openSeedHarInPanel(panel, 'dock-colleague-firefox.har');
    expect(cli.length).toBeGreaterThan(20);
    expect(shown).toEqual(cli);
  });

  test('the toolbar is one line, and the controls that did not fit work from its overflow', async () => {
    await expectOneLineToolbar(panel);
  });

  test('screenshot at 590 px, light', async () => {
    await screenshotBoth(panel, `${SHOTS}/firefox-590-light`);
  });
});

for (const [name, layout] of [
  ['590-dark', { dock: 'right', width: 590, theme: 'dark' }],
  ['1400-light', { dock: 'bottom', width: 1400, theme: 'light' }],
  ['1400-dark', { dock: 'bottom', width: 1400, theme: 'dark' }],
] as const satisfies readonly (readonly [string, ToolboxLayout])[]) {
  test(`screenshot at ${name}`, async () => {
    const { server, firefox, panel } = await open(layout);
    try {
      await fireSeeds(firefox, panel, 24);
      expect(await panel.evaluate<string>(`document.querySelector('[data-testid="${testIds.panel}"]').dataset.theme`)).toBe(layout.theme);
      const toolbox = await firefox.evaluateInBrowser<{ theme: string; tabBar: number }>(TOOLBOX_LOOK);
      expect(toolbox.theme).toBe(layout.theme);
      if (layout.theme === 'dark') expect(toolbox.tabBar).toBeLessThan(64);
      else expect(toolbox.tabBar).toBeGreaterThan(192);
      await screenshotBoth(panel, `${SHOTS}/firefox-${name}`);
    } finally {
      await firefox.close();
      await server.close();
    }
  });
}
