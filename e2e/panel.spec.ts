import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { seedFixtures, type Fixture } from '../src/core/fixtures/index.ts';
import { testIds } from '../src/ui/testids.ts';
import { demoCredentials } from './demo/calls.ts';
import type { DemoServer } from './demo/server.ts';
import { openDemoSession, type DemoSession } from './support/demo-session.ts';
import { fireFixture } from './support/demo-traffic.ts';
import {
  clickInPanel,
  clickRowOf,
  panelChecked,
  panelRows,
  panelText,
  showFaultlinePanel,
  type ChromiumWithExtension,
  type FaultlinePanel,
} from './support/extension.ts';
import { panelCount } from './support/panel-state.ts';
import { countdownSeconds, firstOfEachSeed, rowOf } from './support/seed-rows.ts';

/**
 * The Faultline panel in real Chromium DevTools, fed by real traffic from the demo page. One browser
 * for the whole file; tests run in order and build on the traffic sent before them.
 */

test.describe.configure({ mode: 'serial' });

let session: DemoSession;
let server: DemoServer;
let browser: ChromiumWithExtension;
let panel: FaultlinePanel;

const fire = (fixture: Fixture): Promise<void> => fireFixture(browser.page, fixture.name);

test.beforeAll(async () => {
  session = await openDemoSession();
  ({ server, browser } = session);
});

test.afterAll(() => session?.close());

test('a request made before the panel was opened is in its timeline', async () => {
  const [early] = seedFixtures;
  if (early === undefined) throw new Error('no seed fixtures');
  await fire(early);

  panel = await showFaultlinePanel(browser);
  await expect.poll(async () => rowOf(await panelRows(panel), early)?.status).toBe(String(early.response.status));
});

test('decodes an example of each of the five seed references, with its code and message', async () => {
  const examples = firstOfEachSeed();
  expect(examples.map((f) => f.source)).toHaveLength(5);
  for (const fixture of examples) await fire(fixture);

  for (const fixture of examples) {
    const want = fixture.expect;
    if (want === null) throw new Error(`${fixture.name} is not an error`);
    await expect
      .poll(async () => {
        const row = rowOf(await panelRows(panel), fixture);
        return row === undefined ? null : { format: row.format, code: row.code, message: row.message };
      }, { message: fixture.name })
      .toEqual({
        format: want.format,
        code: want.code === undefined ? expect.any(String) : (want.code ?? ''),
        message: want.message ?? expect.any(String),
      });
  }
});

test('counts a rate-limit retry down while the user watches', async () => {
  const limited = seedFixtures.find((f) => (f.expect?.retryAfterMs ?? 0) >= 10_000);
  if (limited === undefined) throw new Error('no seed fixture with a retry delay of 10 s or more');
  await fire(limited);

  let first: number | null = null;
  await expect.poll(async () => (first = countdownSeconds(rowOf(await panelRows(panel), limited)?.retry))).not.toBeNull();
  await expect
    .poll(async () => countdownSeconds(rowOf(await panelRows(panel), limited)?.retry), { timeout: 5_000 })
    .toBeLessThan(first ?? 0);
});

test('shows details with a cURL preview that hides the credentials the request carried', async () => {
  const [fixture] = seedFixtures;
  if (fixture === undefined) throw new Error('no seed fixtures');
  expect(await clickRowOf(panel, `/api/fx/${fixture.name}`)).toBe(true);
  await expect.poll(() => panelText(panel, testIds.details)).not.toBeNull();

  const curl = await panelText(panel, testIds.curlPreview);
  expect(curl).toContain(`${server.origin}/api/fx/${fixture.name}`);
  expect(curl).toMatch(/authorization/i);
  expect(curl).not.toContain(demoCredentials.bearerToken);
  expect(curl).not.toContain(demoCredentials.sessionCookie.split('=')[1]);

  expect(await clickInPanel(panel, testIds.includeSecretsToggle)).toBe(true);
  expect(await panelChecked(panel, testIds.includeSecretsToggle)).toBe(true);
  await expect.poll(() => panelText(panel, testIds.curlPreview)).toContain(demoCredentials.bearerToken);
  await clickInPanel(panel, testIds.includeSecretsToggle);
  await clickInPanel(panel, testIds.detailsClose);
});

test('looks like part of DevTools with the demo traffic (artifacts/panel-chrome.png)', async () => {
  const before = (await panelCount(panel)).received;
  await browser.page.click('#fire-all');
  // Enough errors to fill the visible timeline (about 25 rows); the rest of the batch may still be in flight.
  await expect.poll(async () => (await panelCount(panel)).received - before, { timeout: 20_000 }).toBeGreaterThanOrEqual(60);
  await mkdir('artifacts', { recursive: true });
  await panel.screenshot('artifacts/panel-chrome.png');
});
