import type { Page } from '@playwright/test';
import type { StatsSnapshot } from '../demo/stats.ts';

/**
 * Drives the demo page (e2e/demo/client.ts) and reads the demo server's counters, so a test or the
 * bench can compare what the panel shows with what was actually served. The page's body carries
 * data-state ("busy" while a batch runs) and data-sent (requests answered so far).
 */

/** Requests the demo page has had answered so far (answered with an error or not). */
export async function sentCount(page: Page): Promise<number> {
  return Number(await page.locator('body').getAttribute('data-sent'));
}

/** Waits until the page is idle with at least `sent` requests answered. */
export async function waitForSent(page: Page, sent: number, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (want) => document.body.dataset['state'] === 'idle' && Number(document.body.dataset['sent']) >= want,
    sent,
    { timeout: timeoutMs, polling: 250 },
  );
}

/**
 * Clicks the page's Burst button for `count` requests (cycling over every error fixture) and waits
 * until all of them were answered. Resolves with the milliseconds the burst took.
 */
export async function fireBurst(page: Page, count: number, timeoutMs: number): Promise<number> {
  const before = await sentCount(page);
  await page.fill('#burst-count', String(count));
  const started = Date.now();
  await page.click('#burst');
  await waitForSent(page, before + count, timeoutMs);
  return Date.now() - started;
}

/** Clicks one fixture's button and waits for its answer. */
export async function fireFixture(page: Page, fixtureName: string, timeoutMs = 10_000): Promise<void> {
  const before = await sentCount(page);
  await page.click(`[data-fixture="${fixtureName}"]`);
  await waitForSent(page, before + 1, timeoutMs);
}

/** The demo server's counters of /api/ requests served (e2e/demo/stats.ts). */
export async function servedStats(origin: string): Promise<StatsSnapshot> {
  const response = await fetch(`${origin}/__stats`);
  if (!response.ok) throw new Error(`${origin}/__stats answered ${response.status}`);
  return (await response.json()) as StatsSnapshot;
}
