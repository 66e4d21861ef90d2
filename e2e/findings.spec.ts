import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { testIds } from '../src/ui/testids.ts';
import { misbehaveRequestCount } from './demo/misbehave.ts';
import { openDemoSession, type DemoSession } from './support/demo-session.ts';
import { waitForSent } from './support/demo-traffic.ts';
import { clickInPanel, panelRows, panelText, showFaultlinePanel, type FaultlinePanel } from './support/extension.ts';
import { citeFinding, expectedFindings, expectedGroups, findingKinds, groupCounts, panelFindings } from './support/findings.ts';

/**
 * Groups and findings in real Chromium DevTools: the demo's "Misbehaving client" retries a 429 before
 * its Retry-After, loops on a 502, re-POSTs a refund, resends a 422 and calls another origin without
 * CORS headers; the panel must group those requests and name each behaviour.
 */

test.describe.configure({ mode: 'serial' });

let session: DemoSession;
let panel: FaultlinePanel;

test.beforeAll(async () => {
  session = await openDemoSession();
  panel = await showFaultlinePanel(session.browser);
  await session.browser.page.click('#misbehave');
  await waitForSent(session.browser.page, misbehaveRequestCount, 30_000);
});

test.afterAll(() => session?.close());

test('names what the misbehaving client did, most severe first', async () => {
  await expect.poll(() => findingKinds(panel), { timeout: 15_000 }).toEqual(expectedFindings);
  const [storm] = await panelFindings(panel);
  expect(storm?.text).toContain('/api/fx/discord-rate-limited was sent again 3 times before the server\u2019s delay had passed');
  const hidden = (await panelFindings(panel)).find((f) => f.kind === 'cors-hidden');
  expect(hidden?.text).toContain(`hidden from the page at ${session.server.origin}`);
});

test('groups the requests: one row per kind of error, with its count (artifacts/groups-chrome.png)', async () => {
  expect(await clickInPanel(panel, testIds.groupSimilarToggle)).toBe(true);
  await expect.poll(() => groupCounts(panel)).toEqual(expectedGroups);
  expect(await panelRows(panel)).toEqual([]);
  await mkdir('artifacts', { recursive: true });
  await panel.screenshot('artifacts/groups-chrome.png');
});

test('a finding selects the requests it cites, and the details list it (artifacts/findings-chrome.png)', async () => {
  expect(await citeFinding(panel, 'Unsafe retry')).toBe(true);
  await expect.poll(() => panelText(panel, testIds.details)).toContain('An unknown error occurred');
  expect((await panelFindings(panel, testIds.detailsFindings)).map((f) => f.kind)).toEqual(['unsafe-retry']);
  // Its group opened to show both POSTs.
  await expect.poll(async () => (await panelRows(panel)).filter((r) => r.status === '500')).toHaveLength(2);
  await panel.screenshot('artifacts/findings-chrome.png');
});
