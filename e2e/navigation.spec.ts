import { expect, test } from '@playwright/test';
import { seedFixtures, type Fixture } from '../src/core/fixtures/index.ts';
import { testIds } from '../src/ui/testids.ts';
import type { DemoServer } from './demo/server.ts';
import { openDemoSession, type DemoSession } from './support/demo-session.ts';
import { fireFixture } from './support/demo-traffic.ts';
import {
  clickInPanel,
  panelChecked,
  panelRows,
  showFaultlinePanel,
  type ChromiumWithExtension,
  type FaultlinePanel,
} from './support/extension.ts';

/**
 * What the panel keeps when the inspected page navigates: everything, under a separator, with
 * "Preserve log" on; nothing from before with it off. One browser for the file; tests run in order.
 */

test.describe.configure({ mode: 'serial' });

let session: DemoSession;
let server: DemoServer;
let browser: ChromiumWithExtension;
let panel: FaultlinePanel;

function seed(index: number): Fixture {
  const fixture = seedFixtures[index];
  if (fixture === undefined) throw new Error(`no seed fixture #${index}`);
  return fixture;
}

const fire = (fixture: Fixture): Promise<void> => fireFixture(browser.page, fixture.name);

async function rowPaths(): Promise<string[]> {
  return (await panelRows(panel)).map((row) => row.path);
}

const navigationRows = (): Promise<number> => panel.evaluate<number>(`document.querySelectorAll('[data-testid="${testIds.navigationRow}"]').length`);

async function setPreserveLog(on: boolean): Promise<void> {
  if ((await panelChecked(panel, testIds.preserveLogToggle)) !== on) await clickInPanel(panel, testIds.preserveLogToggle);
  expect(await panelChecked(panel, testIds.preserveLogToggle)).toBe(on);
}

test.beforeAll(async () => {
  session = await openDemoSession();
  ({ server, browser } = session);
  panel = await showFaultlinePanel(browser);
});

test.afterAll(() => session?.close());

test('with Preserve log on, a navigation adds a separator and keeps the earlier errors', async () => {
  await setPreserveLog(true);
  const before = seed(0);
  await fire(before);
  await expect.poll(rowPaths).toEqual([`/api/fx/${before.name}`]);

  await browser.page.click('#nav-link');
  await browser.page.waitForURL(`${server.origin}/page2`);
  const after = seed(1);
  await fire(after);

  await expect.poll(rowPaths).toEqual([`/api/fx/${before.name}`, `/api/fx/${after.name}`]);
  await expect.poll(navigationRows).toBe(1);
  expect(await panel.evaluate<string>(`document.querySelector('[data-testid="${testIds.navigationRow}"]').textContent`)).toContain('/page2');
});

test('with Preserve log off, a navigation clears the timeline', async () => {
  await setPreserveLog(false);
  expect((await rowPaths()).length).toBeGreaterThan(0);

  await browser.page.click('#nav-link');
  await browser.page.waitForURL(`${server.origin}/`);
  await expect.poll(rowPaths).toEqual([]);
  expect(await navigationRows()).toBe(0);

  const next = seed(2);
  await fire(next);
  await expect.poll(rowPaths).toEqual([`/api/fx/${next.name}`]);
});
