import { expect, test, type Page } from '@playwright/test';
import { seedFixtures } from '../src/core/fixtures/index.ts';
import { renderResponse } from '../src/core/fixtures/render.ts';
import { popupTestIds } from '../src/ui/popup/testids.ts';
import { testIds } from '../src/ui/testids.ts';
import { openDemoSession, type DemoSession } from './support/demo-session.ts';
import { fireFixture } from './support/demo-traffic.ts';
import { panelRows, showFaultlinePanel, type ChromiumWithExtension, type FaultlinePanel } from './support/extension.ts';
import { countdownSeconds } from './support/seed-rows.ts';

/**
 * The toolbar popup of the built extension in real Chromium, opened as a tab at its own URL: the quick
 * lookup, decoding a pasted raw response, and the recent errors relayed from an open DevTools panel.
 */

test.describe.configure({ mode: 'serial' });

let session: DemoSession;
let browser: ChromiumWithExtension;
let extensionId: string;

const byTestId = (id: string): string => `[data-testid="${id}"]`;

function seed(name: string) {
  const fixture = seedFixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no seed fixture ${name}`);
  return fixture;
}

/** A seed response as `curl -i` prints it: what a user copies from a terminal into the popup. */
function rawResponse(name: string): string {
  const { status, headers, body } = renderResponse(seed(name), Date.now());
  return [`HTTP/1.1 ${status}`, ...headers.map(({ name: header, value }) => `${header}: ${value}`), '', body].join('\r\n');
}

/**
 * Opens the popup page in a window of its own, as the toolbar button shows it over the current tab:
 * in a second tab of the same window it would hide the demo tab, and a hidden panel stops rendering.
 */
async function openPopup(): Promise<Page> {
  const [page] = await Promise.all([
    browser.context.waitForEvent('page'),
    browser.cdp.send('Target.createTarget', { url: `chrome-extension://${extensionId}/popup.html`, newWindow: true }),
  ]);
  await expect(page.locator(byTestId(popupTestIds.popup))).toBeVisible();
  return page;
}

/** Clicks a fixture's button on the demo page and waits for its answer. */
const fire = (name: string): Promise<void> => fireFixture(browser.page, name);

test.beforeAll(async () => {
  session = await openDemoSession();
  ({ browser } = session);
  extensionId = session.extensionId;
});

test.afterAll(() => session?.close());

test('looks up 429 as Too Many Requests and vps_not_found as the HostUp error', async () => {
  const popup = await openPopup();
  const search = popup.locator(byTestId(popupTestIds.search));
  await expect(search).toBeFocused();

  await search.fill('429');
  const first = popup.locator(byTestId(popupTestIds.lookupResult)).first();
  await expect(first).toHaveAttribute('data-key', '429');
  await expect(first).toContainText('Too Many Requests');

  await search.fill('vps_not_found');
  await expect(popup.locator(`${byTestId(popupTestIds.lookupResult)}[data-key="vps_not_found"]`)).toHaveAttribute('data-api', 'HostUp');
  await popup.close();
});

test('decodes the HostUp 404 raw response pasted into it', async () => {
  const popup = await openPopup();
  await popup.locator(byTestId(popupTestIds.pasteTab)).click();
  await popup.locator(byTestId(popupTestIds.pasteBox)).fill(rawResponse('hostup-vps-not-found'));

  const card = popup.locator(byTestId(testIds.details));
  await expect(card).toContainText('404');
  await expect(card).toContainText('vps_not_found');
  await expect(card).toContainText('No VPS matching the given ID was found.');
  await expect(popup.locator(byTestId(testIds.requestId))).toHaveText('req_xyz789');
  await expect(popup.locator(byTestId(testIds.docsLink))).toHaveAttribute('href', 'https://developer.hostup.se/errors/vps_not_found');
  await popup.close();
});

test('lists the errors an open DevTools panel has seen, with a live countdown', async () => {
  const panel: FaultlinePanel = await showFaultlinePanel(browser);
  await fire('hostup-vps-not-found');
  await fire('hostup-rate-limited');
  await expect.poll(async () => (await panelRows(panel)).map((row) => row.code)).toEqual(expect.arrayContaining(['vps_not_found', 'rate_limited']));

  const popup = await openPopup();
  const rows = popup.locator(byTestId(popupTestIds.recentError));
  await expect(rows).toHaveCount(2);
  // Newest first.
  await expect(rows.nth(0)).toHaveAttribute('data-status', '429');
  await expect(rows.nth(0)).toContainText('rate_limited');
  await expect(rows.nth(0)).toContainText('/api/fx/hostup-rate-limited');
  await expect(rows.nth(1)).toHaveAttribute('data-status', '404');
  await expect(rows.nth(1)).toContainText('vps_not_found');

  const countdown = rows.nth(0).locator('.fl-verdict');
  let first: number | null = null;
  await expect.poll(async () => (first = countdownSeconds(await countdown.textContent()))).not.toBeNull();
  await expect.poll(async () => countdownSeconds(await countdown.textContent()), { timeout: 5_000 }).toBeLessThan(first ?? 0);

  // An error the panel decodes while the popup is open joins the list.
  await fire('pterodactyl-not-found');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('NotFoundHttpException');

  // The same request failing again joins its group, as in the panel: still one row, now counted.
  await fire('pterodactyl-not-found');
  await fire('pterodactyl-not-found');
  await expect(rows.nth(0).locator(byTestId(popupTestIds.recentCount))).toHaveText(/^×3 since \d\d:\d\d:\d\d$/);
  await expect(rows).toHaveCount(3);

  // Opening a row shows its decoded card.
  await rows.nth(2).locator('button').click();
  await expect(rows.nth(2).locator(byTestId(testIds.requestId))).toHaveText('req_xyz789');
  await popup.close();
});
