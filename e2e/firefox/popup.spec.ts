import { expect, test } from '@playwright/test';
import { seedFixtures } from '../../src/core/fixtures/index.ts';
import { popupTestIds } from '../../src/ui/popup/testids.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { panelRows } from '../support/extension.ts';
import { fireFixtureInFirefox, launchFirefoxWithExtension, openDevtoolsAndWaitForRecording, showFaultlinePanel, type FirefoxWithExtension } from '../support/firefox.ts';

/**
 * The toolbar popup of the built extension in real Firefox ESR, opened at its moz-extension:// URL:
 * the quick lookup, and the recent errors relayed from the Faultline panel of an open toolbox.
 */

test.describe.configure({ mode: 'serial' });

let server: DemoServer;
let firefox: FirefoxWithExtension;

const byTestId = (id: string): string => `[data-testid="${id}"]`;

interface ShownCard {
  readonly key: string;
  readonly api: string;
  readonly text: string;
}

const lookupResults = (popup: string): Promise<ShownCard[]> =>
  firefox.evaluateInTab<ShownCard[]>(popup, `[...document.querySelectorAll('${byTestId(popupTestIds.lookupResult)}')].map((card) => ({
    key: card.dataset.key ?? '', api: card.dataset.api ?? '', text: card.textContent,
  }))`);

interface ShownRecentError {
  readonly status: string;
  readonly text: string;
}

const recentErrors = (popup: string): Promise<ShownRecentError[]> =>
  firefox.evaluateInTab<ShownRecentError[]>(popup, `[...document.querySelectorAll('${byTestId(popupTestIds.recentError)}')].map((row) => ({
    status: row.dataset.status ?? '', text: row.textContent,
  }))`);

const fire = (name: string): Promise<void> => fireFixtureInFirefox(firefox, name);

test.beforeAll(async () => {
  server = await startDemoServer();
  firefox = await launchFirefoxWithExtension();
});

test.afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

test('looks up 429 typed into the focused search box as Too Many Requests', async () => {
  const popup = await firefox.openWindow(`${firefox.extensionOrigin}/popup.html`);
  await expect
    .poll(() => firefox.evaluateInTab<string | null>(popup, `document.activeElement?.dataset.testid ?? null`))
    .toBe(popupTestIds.search);

  await firefox.typeText(popup, '429');
  await expect.poll(async () => (await lookupResults(popup))[0]?.key).toBe('429');
  expect((await lookupResults(popup))[0]?.text).toContain('Too Many Requests');
  await firefox.closeContext(popup);
});

test('lists the errors the open DevTools panel has seen, and those it sees while open', async () => {
  const notFound = seedFixtures.find((fixture) => fixture.name === 'hostup-vps-not-found');
  if (notFound === undefined) throw new Error('no seed fixture hostup-vps-not-found');
  await firefox.navigate(firefox.tab, `${server.origin}/`);
  await openDevtoolsAndWaitForRecording(firefox);
  const panel = await showFaultlinePanel(firefox);
  await fire(notFound.name);
  await expect.poll(async () => (await panelRows(panel)).map((row) => row.code)).toContain('vps_not_found');

  const popup = await firefox.openWindow(`${firefox.extensionOrigin}/popup.html`);
  await expect.poll(async () => (await recentErrors(popup)).map((row) => row.status)).toEqual(['404']);
  expect((await recentErrors(popup))[0]?.text).toContain('vps_not_found');

  await fire('hostup-rate-limited');
  await expect.poll(async () => (await recentErrors(popup)).map((row) => row.status)).toEqual(['429', '404']);
  expect((await recentErrors(popup))[0]?.text).toContain('rate_limited');
  await firefox.closeContext(popup);
});
