import { chromium, type Browser, type Page, type Request } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from '../support/browsers.ts';
import { demoCalls, demoCredentials, errorCalls, fixturePathPrefix, idempotentPostCall } from './calls.ts';
import { misbehaveRequestCount, misbehaveSteps } from './misbehave.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import type { StatsSnapshot } from './stats.ts';

/** The demo page driven in a real (headless) Chromium: what it sends is what the panel will see. */

let server: DemoServer;
let browser: Browser;
let page: Page;
let sent: Request[];

beforeAll(async () => {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('no Chromium: run `bash scripts/ensure-browsers.sh` or set CHROME_PATH');
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
}, 30_000);
afterAll(async () => {
  await browser.close();
  await server.close();
});
beforeEach(async () => {
  await fetch(`${server.origin}/__stats/reset`);
  page = await browser.newPage();
  sent = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) sent.push(request);
  });
  return () => page.close();
});

async function stats(): Promise<StatsSnapshot> {
  return (await (await fetch(`${server.origin}/__stats`)).json()) as StatsSnapshot;
}

/** Waits until the page has no batch running and has had `count` answers. */
async function settled(count: number): Promise<void> {
  await page.waitForSelector(`body[data-state="idle"][data-sent="${count}"]`, { state: 'attached', timeout: 30_000 });
}

describe('demo page', { timeout: 30_000 }, () => {
  it('"Fire everything" sends every error fixture once, in order, with the client credentials', async () => {
    expect(errorCalls.length).toBeGreaterThan(0);
    await page.goto(`${server.origin}/`);
    await page.click('#fire-all');
    await settled(errorCalls.length);

    expect(sent.map((request) => `${request.method()} ${new URL(request.url()).pathname}`)).toEqual(errorCalls.map((call) => `${call.method} ${call.path}`));
    for (const [index, request] of sent.entries()) {
      const call = errorCalls[index];
      const headers = await request.allHeaders();
      const own = Object.entries(call?.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
      expect(headers['authorization']).toBe(own ?? `Bearer ${demoCredentials.bearerToken}`);
      // Calls answered with a Basic/Digest challenge go without cookies, so the browser shows no login dialog.
      if (call?.credentials === 'omit') expect(headers['cookie']).toBeUndefined();
      else expect(headers['cookie']).toContain(demoCredentials.sessionCookie);
    }
    const counted = await stats();
    expect(counted.errors).toBe(errorCalls.length);
    await expect(page.locator('#log li').count()).resolves.toBeGreaterThan(errorCalls.length);
  });

  it('"Burst" sends the requested number of requests, all counted by the server', async () => {
    await page.goto(`${server.origin}/`);
    await page.fill('#burst-count', '500');
    await page.click('#burst');
    await settled(500);
    expect(sent.length).toBe(500);
    expect(sent.every((request) => new URL(request.url()).pathname.startsWith(fixturePathPrefix))).toBe(true);
    expect(await stats()).toMatchObject({ total: 500, errors: 500 });
  });

  it('sends the API key to the rate-limit endpoint and an Idempotency-Key on the re-sent POST', async () => {
    await page.goto(`${server.origin}/`);
    await page.click('button[data-path="/api/quota/ok"]');
    await settled(1);
    expect((await sent[0]?.allHeaders())?.['x-api-key']).toBe(demoCredentials.apiKey);

    expect(idempotentPostCall).not.toBeNull();
    await page.click('#idempotent-post');
    await settled(2);
    expect(sent[1]?.method()).toBe('POST');
    expect((await sent[1]?.allHeaders())?.['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends every fixture from its button without following redirects (each request reaches /api/fx/)', async () => {
    await page.goto(`${server.origin}/`);
    const everyPath: string[] = [];
    // requestfinished: Chromium still starts the request a manual redirect points at, then aborts it unsent
    page.on('requestfinished', (request) => everyPath.push(new URL(request.url()).pathname));
    const count = await page.$$eval('#fixtures button[data-fixture]', (buttons) => {
      for (const button of buttons) (button as HTMLButtonElement).click();
      return buttons.length;
    });
    await settled(count);
    expect(everyPath.sort()).toEqual(demoCalls.map((call) => call.path).sort());
    expect((await stats()).total).toBe(demoCalls.length);
  });

  it('"Misbehaving client" retries on fixed timers, and its cross-origin call fails the CORS check', async () => {
    await page.goto(`${server.origin}/`);
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.click('#misbehave');
    await settled(misbehaveRequestCount);
    const cross = misbehaveSteps.filter((step) => step.other).map((step) => `${server.otherOrigin}${step.call.path}`);
    expect(sent.map((request) => request.url().replace(server.origin, ''))).toEqual(
      misbehaveSteps.flatMap((step) => Array.from({ length: step.times }, () => (step.other ? `${server.otherOrigin}${step.call.path}` : step.call.path))),
    );
    expect(failed).toEqual(cross);
    // The server answered every one, the hidden 429 included: the page just could not read it.
    expect((await stats()).total).toBe(misbehaveRequestCount);
    await expect(page.locator('#log li', { hasText: 'network error' }).count()).resolves.toBe(cross.length);
  });

  it('fires everything on load with ?autofire=1, and page 2 is reachable with the same controls', async () => {
    await page.goto(`${server.origin}/?autofire=1`);
    await settled(errorCalls.length);
    expect((await stats()).errors).toBe(errorCalls.length);

    await page.click('#nav-link');
    await page.waitForURL(`${server.origin}/page2`);
    await page.click('#fire-all');
    await settled(errorCalls.length);
    expect((await stats()).errors).toBe(2 * errorCalls.length);
  });
});
