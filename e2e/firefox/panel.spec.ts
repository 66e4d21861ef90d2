import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fixtures, seedFixtures, type Fixture } from '../../src/core/fixtures/index.ts';
import { testIds } from '../../src/ui/testids.ts';
import { demoCredentials, errorCalls } from '../demo/calls.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { clickInPanel, clickRowOf, panelChecked, panelRows, panelText, type FaultlinePanel } from '../support/extension.ts';
import { fireFixtureInFirefox, launchFirefoxWithExtension, openDevtoolsAndWaitForRecording, showFaultlinePanel, type FirefoxWithExtension } from '../support/firefox.ts';
import { countdownSeconds, firstOfEachSeed, longRateLimit, rowOf } from '../support/seed-rows.ts';

/**
 * The Faultline panel in the real DevTools toolbox of Firefox ESR, fed by real traffic from the demo
 * page: the same user-visible behaviour as in Chromium (e2e/panel.spec.ts), through Firefox's own
 * devtools APIs (HAR entries without _resourceType, getContent resolving to [body, mimeType], theme
 * events). One browser for the file; tests run in order and build on the traffic sent before them.
 */

test.describe.configure({ mode: 'serial' });

let server: DemoServer;
let firefox: FirefoxWithExtension;
let panel: FaultlinePanel;

const fire = (fixture: Fixture): Promise<void> => fireFixtureInFirefox(firefox, fixture.name);

const panelTheme = (): Promise<string | null> => panel.evaluate<string | null>(`document.querySelector('[data-testid="${testIds.panel}"]')?.dataset.theme ?? null`);

test.beforeAll(async () => {
  server = await startDemoServer();
  firefox = await launchFirefoxWithExtension();
  await firefox.navigate(firefox.tab, `${server.origin}/`);
  await openDevtoolsAndWaitForRecording(firefox);
});

test.afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

test('a request made before the panel was selected is in its timeline', async () => {
  const [early] = seedFixtures;
  if (early === undefined) throw new Error('no seed fixtures');
  await fire(early);

  panel = await showFaultlinePanel(firefox);
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

test('reads AWS JSON-protocol bodies (application/x-amz-json-1.0), which Firefox hands over base64-encoded', async () => {
  const aws = fixtures.find((f) => f.name === 'rl-aws-throttling-400');
  if (aws === undefined) throw new Error('no AWS throttling fixture');
  await fire(aws);
  await expect
    .poll(async () => rowOf(await panelRows(panel), aws)?.message)
    .toBe('Rate of requests exceeds the allowed throughput.');
});

test('counts a rate-limit retry down while the user watches', async () => {
  const limited = longRateLimit();
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

test('follows the DevTools theme when the user switches it', async () => {
  const setTheme = (name: string): Promise<unknown> => firefox.evaluateInBrowser(`Services.prefs.setCharPref('devtools.theme', ${JSON.stringify(name)})`);
  try {
    await setTheme('dark');
    await expect.poll(panelTheme).toBe('dark');
  } finally {
    await setTheme('light');
  }
  await expect.poll(panelTheme).toBe('light');
});

test('looks like part of DevTools with the demo traffic (artifacts/panel-firefox.png)', async () => {
  // A hundred-odd requests through Firefox's network monitor: slow when other browsers share the cores.
  test.setTimeout(120_000);
  await firefox.evaluateInTab(firefox.tab, `document.getElementById('fire-all').click()`);
  await expect.poll(() => firefox.evaluateInTab(firefox.tab, 'document.body.dataset.state'), { timeout: 60_000 }).toBe('idle');
  // Every error of the batch is counted (on top of those the earlier tests sent).
  const counted = async (): Promise<number> => Number(/(\d+) errors/.exec((await panelText(panel, testIds.errorCount)) ?? '')?.[1] ?? 0);
  await expect.poll(counted, { timeout: 30_000 }).toBeGreaterThanOrEqual(errorCalls.length);
  await mkdir('artifacts', { recursive: true });
  await panel.screenshot('artifacts/panel-firefox.png');
});
