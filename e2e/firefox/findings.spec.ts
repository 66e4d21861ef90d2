import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { testIds } from '../../src/ui/testids.ts';
import { misbehaveRequestCount } from '../demo/misbehave.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { clickInPanel, panelRows, panelText, type FaultlinePanel } from '../support/extension.ts';
import { citeFinding, expectedFindings, expectedGroups, findingKinds, groupCounts, panelFindings } from '../support/findings.ts';
import { launchFirefoxWithExtension, openDevtoolsAndWaitForRecording, showFaultlinePanel, type FirefoxWithExtension } from '../support/firefox.ts';

/**
 * Groups and findings in the real Firefox ESR toolbox, from the same "Misbehaving client" traffic as in
 * Chromium (e2e/findings.spec.ts): the same groups and the same findings.
 */

test.describe.configure({ mode: 'serial' });

let server: DemoServer;
let firefox: FirefoxWithExtension;
let panel: FaultlinePanel;

test.beforeAll(async () => {
  server = await startDemoServer();
  firefox = await launchFirefoxWithExtension();
  await firefox.navigate(firefox.tab, `${server.origin}/`);
  await openDevtoolsAndWaitForRecording(firefox);
  panel = await showFaultlinePanel(firefox);
  await firefox.evaluateInTab(firefox.tab, `document.getElementById('misbehave').click()`);
  await expect
    .poll(() => firefox.evaluateInTab<string>(firefox.tab, `document.body.dataset.state + ' ' + document.body.dataset.sent`), { timeout: 30_000 })
    .toBe(`idle ${misbehaveRequestCount}`);
});

test.afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

test('names what the misbehaving client did, most severe first', async () => {
  await expect.poll(() => findingKinds(panel), { timeout: 20_000 }).toEqual(expectedFindings);
  const hidden = (await panelFindings(panel)).find((f) => f.kind === 'cors-hidden');
  expect(hidden?.text).toContain(`hidden from the page at ${server.origin}`);
});

test('groups the requests: one row per kind of error, with its count', async () => {
  expect(await clickInPanel(panel, testIds.groupSimilarToggle)).toBe(true);
  await expect.poll(() => groupCounts(panel)).toEqual(expectedGroups);
  expect(await panelRows(panel)).toEqual([]);
});

test('a finding selects the requests it cites (artifacts/findings-firefox.png)', async () => {
  expect(await citeFinding(panel, 'Unsafe retry')).toBe(true);
  await expect.poll(() => panelText(panel, testIds.details)).toContain('An unknown error occurred');
  expect((await panelFindings(panel, testIds.detailsFindings)).map((f) => f.kind)).toEqual(['unsafe-retry']);
  await mkdir('artifacts', { recursive: true });
  await panel.screenshot('artifacts/findings-firefox.png');
});
