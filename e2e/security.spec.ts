import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { popupTestIds } from '../src/ui/popup/testids.ts';
import { testIds } from '../src/ui/testids.ts';
import { demoCredentials } from './demo/calls.ts';
import { deception, deceptionShapes, hostilePathPrefix, hostileShapes, xssPayloads, type DeceptionShape, type HostileShape } from './demo/hostile.ts';
import type { DemoServer } from './demo/server.ts';
import { openDemoSession, type DemoSession } from './support/demo-session.ts';
import {
  clickInPanel,
  clickRowOf,
  panelRows,
  panelText,
  showFaultlinePanel,
  type ChromiumWithExtension,
  type FaultlinePanel,
} from './support/extension.ts';
import { panelCount } from './support/panel-state.ts';

/**
 * Hostile input and secrets in the real extension: XSS payloads in every decoded field must stay text
 * in the DevTools panel and in the popup (no script runs, no element or non-http(s) link appears),
 * and the HAR export downloads a file with the request's credentials redacted unless the user opts in.
 * One browser for the file; tests run in order and build on the traffic sent before them.
 */

test.describe.configure({ mode: 'serial' });

let session: DemoSession;
let server: DemoServer;
let browser: ChromiumWithExtension;
let panel: FaultlinePanel;
let extensionId: string;

/** What a page could have run or created if a payload were ever parsed as HTML, as a JSON-able report. */
const DAMAGE = `(() => ({
  flag: typeof window.__xss === 'undefined' ? null : String(window.__xss),
  marked: document.querySelectorAll('[data-xss]').length, // the payloads' own marker, anywhere in the document
  elements: [...document.body.querySelectorAll('script, img, svg, iframe, object, embed, video, audio, math')].map((el) => el.outerHTML.slice(0, 80)),
  badLinks: [...document.body.querySelectorAll('a[href], [src], [action], [formaction]')]
    .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction') ?? '')
    .filter((url) => !/^https?:\\/\\//.test(url)),
}))()`;

const NO_DAMAGE = { flag: null, marked: 0, elements: [], badLinks: [] };

/** Sends a request for a hostile shape from the demo page, carrying the credentials an API client would. */
async function fetchHostile(shape: HostileShape | DeceptionShape): Promise<void> {
  const status = await browser.page.evaluate(
    async ({ path, token, key }) => {
      const response = await fetch(path, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'X-API-Key': key }, cache: 'no-store' });
      await response.text(); // DevTools reports a request as finished only once its body has been read
      return response.status;
    },
    { path: `${hostilePathPrefix}${shape}`, token: demoCredentials.bearerToken, key: demoCredentials.apiKey },
  );
  expect(status).toBeGreaterThanOrEqual(400);
}

const hostileRowPresent = async (shape: HostileShape | DeceptionShape): Promise<boolean> =>
  (await panelRows(panel)).some((row) => row.path === `${hostilePathPrefix}${shape}`);

/** Characters that reorder or hide text: none may reach the page as it is. */
const INVISIBLE_IN_PAGE = `(() => /[\\u202A-\\u202E\\u2066-\\u2069\\u200B\\u2060\\u061C]|\\u{E0041}/u.test(document.body.innerText))()`;

/** The docs link as the page shows it: where it goes and what it says. */
const DOCS_LINK = `(() => { const a = document.querySelector('[data-testid="${testIds.docsLink}"]'); return a === null ? null : { href: a.getAttribute('href'), text: a.textContent }; })()`;

/** Files Chromium has finished downloading into `dir` (in-progress downloads end in .crdownload). */
async function finishedDownloads(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => !name.endsWith('.crdownload'));
}

test.beforeAll(async () => {
  session = await openDemoSession();
  ({ server, browser } = session);
  extensionId = session.extensionId;
  panel = await showFaultlinePanel(browser);
});

test.afterAll(() => session?.close());

test('XSS payloads in problem details, JSON:API and Discord errors stay text in the panel', async () => {
  for (const shape of hostileShapes) await fetchHostile(shape);
  for (const shape of hostileShapes) await expect.poll(() => hostileRowPresent(shape), { message: shape, timeout: 20_000 }).toBe(true);
  expect(await panel.evaluate(DAMAGE)).toEqual(NO_DAMAGE);

  for (const shape of hostileShapes) {
    expect(await clickRowOf(panel, `${hostilePathPrefix}${shape}`)).toBe(true);
    await expect.poll(() => panelText(panel, testIds.details), { message: shape }).toContain(`${hostilePathPrefix}${shape}`);
    const details = (await panelText(panel, testIds.details)) ?? '';
    // Message, code, title, request id, field paths and header values, each shown as the characters it holds.
    for (const payload of [xssPayloads.script, xssPayloads.img, xssPayloads.svg, xssPayloads.iframe]) expect(details, `${shape}: ${payload}`).toContain(payload);
    expect(await panelText(panel, testIds.fieldErrorsTable), shape).toContain(xssPayloads.img.slice(0, 20));
    expect(details, shape).toContain(xssPayloads.mixedCaseUrl);
    // In the Markdown report the payload is text: escaped (`\<img`) or inside a code span or fence, never live markup.
    const report = (await panelText(panel, testIds.supportReportPreview)) ?? '';
    expect(report, shape).toMatch(/\\<img src=x data-xss|`[^`\n]*<img src=x data-xss/);
    const outsideCode = report.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    expect(outsideCode, shape).not.toMatch(/(^|[^\\])<(img|svg|iframe|script)\b/);
    expect(await panel.evaluate(DAMAGE), shape).toEqual(NO_DAMAGE);
  }

  // The JSON:API error links its docs: an http(s) link whose markup is escaped, never a script URL.
  expect(await clickRowOf(panel, `${hostilePathPrefix}jsonapi`)).toBe(true);
  await expect
    .poll(() => panel.evaluate<string | null>(`document.querySelector('[data-testid="${testIds.docsLink}"]')?.getAttribute('href') ?? null`))
    .toBe('https://docs.hostile.test/errors/%22%3E%3Csvg%20data-xss%20onload=window.__xss=%22svg%22%3E');
  await clickInPanel(panel, testIds.detailsClose);
});

test('deceiving text is shown for what it is in the panel and its support report, and docs links show their real host', async () => {
  for (const shape of deceptionShapes) await fetchHostile(shape);
  for (const shape of deceptionShapes) await expect.poll(() => hostileRowPresent(shape), { message: shape, timeout: 20_000 }).toBe(true);
  // The timeline rows already show the code and message with their invisible characters made visible.
  expect(await panel.evaluate<boolean>(INVISIBLE_IN_PAGE)).toBe(false);

  for (const shape of deceptionShapes) {
    expect(await clickRowOf(panel, `${hostilePathPrefix}${shape}`)).toBe(true);
    await expect.poll(() => panelText(panel, testIds.details), { message: shape }).toContain(`${hostilePathPrefix}${shape}`);
    const details = (await panelText(panel, testIds.details)) ?? '';
    for (const marker of deception.shown) expect(details, `${shape}: ${marker}`).toContain(marker);
    expect(await panel.evaluate<boolean>(INVISIBLE_IN_PAGE), shape).toBe(false);
    const link = await panel.evaluate<{ href: string; text: string } | null>(DOCS_LINK);
    expect(link, shape).not.toBeNull();
    expect(new URL(link?.href ?? '').host, shape).toBe('evil.example');
    expect(link?.text, shape).toBe(link?.href);

    const report = (await panelText(panel, testIds.supportReportPreview)) ?? '';
    for (const marker of deception.shown) expect(report, `${shape} report: ${marker}`).toContain(marker);
    expect(report, shape).toContain('`@octocat`');
    expect(report, shape).toContain('`https://evil.example/phish`');
    expect(report, shape).toMatch(/- \*\*Docs:\*\* <https?:\/\/evil\.example\/errors\/card>/);
    expect(report, shape).toContain('[REDACTED]');
    expect(report, shape).not.toContain(deception.echoedKey);
    expect(report, shape).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u2060\u061C]/u);
    expect(await panel.evaluate(DAMAGE), shape).toEqual(NO_DAMAGE);
  }
  await clickInPanel(panel, testIds.detailsClose);
});

test('a catastrophic regex in the filter is refused and the panel stays responsive', async () => {
  const filterBox = `document.querySelector('[data-testid="${testIds.filterText}"]')`;
  const setFilter = (text: string): Promise<unknown> =>
    panel.evaluate(`(() => { const box = ${filterBox}; box.value = ${JSON.stringify(text)}; box.dispatchEvent(new Event('input', { bubbles: true })); })()`);
  await setFilter('/(a|a)+b/');
  await expect.poll(() => panel.evaluate<string | null>(`${filterBox}.getAttribute('aria-invalid')`)).toBe('true');
  expect(await panel.evaluate<string>(`${filterBox}.title`)).toContain('pattern refused');
  // A panel that answers within a second is not frozen; the rows come back once the filter is cleared.
  const started = Date.now();
  expect(await panel.evaluate<number>('1 + 1')).toBe(2);
  expect(Date.now() - started).toBeLessThan(1000);
  await setFilter('');
  await expect.poll(async () => (await panelRows(panel)).length).toBeGreaterThan(0);
});

test('Export HAR downloads the retained errors with credentials redacted, and with them only when ticked', async () => {
  const downloads = await mkdtemp(join(tmpdir(), 'faultline-har-'));
  try {
    await browser.cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    expect(await clickInPanel(panel, testIds.exportHarButton)).toBe(true);
    await expect.poll(() => finishedDownloads(downloads), { timeout: 20_000 }).toHaveLength(1);
    const [redactedName] = await finishedDownloads(downloads);
    expect(redactedName).toMatch(/^faultline-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.har$/);
    const redacted = await readFile(join(downloads, redactedName ?? ''), 'utf8');
    const har = JSON.parse(redacted) as { log: { version: string; entries: { request: { url: string } }[] } };
    expect(har.log.version).toBe('1.2');
    const urls = har.log.entries.map((entry) => entry.request.url);
    for (const shape of hostileShapes) expect(urls).toContain(`${server.origin}${hostilePathPrefix}${shape}`);
    for (const secret of [demoCredentials.bearerToken, demoCredentials.apiKey, demoCredentials.sessionCookie.split('=')[1] ?? '']) expect(redacted).not.toContain(secret);
    expect(redacted).toContain('Bearer [REDACTED]');

    await rm(join(downloads, redactedName ?? ''));
    expect(await clickInPanel(panel, testIds.exportHarSecretsToggle)).toBe(true);
    expect(await clickInPanel(panel, testIds.exportHarButton)).toBe(true);
    await expect.poll(() => finishedDownloads(downloads), { timeout: 20_000 }).toHaveLength(1);
    const [fullName] = await finishedDownloads(downloads);
    const full = await readFile(join(downloads, fullName ?? ''), 'utf8');
    expect(full).toContain(`Bearer ${demoCredentials.bearerToken}`);
    expect(full).toContain(demoCredentials.apiKey);
    await clickInPanel(panel, testIds.exportHarSecretsToggle);
  } finally {
    await browser.cdp.send('Browser.setDownloadBehavior', { behavior: 'default' }).catch(() => undefined);
    await rm(downloads, { recursive: true, force: true });
  }
});

/** The hostile response as `curl -i` prints it, fetched from the demo server. */
async function rawHostileResponse(shape: HostileShape | DeceptionShape): Promise<string> {
  const response = await fetch(`${server.origin}${hostilePathPrefix}${shape}`);
  const headers = [...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name));
  return [`HTTP/1.1 ${response.status}`, ...headers.map(([name, value]) => `${name}: ${value}`), '', await response.text()].join('\r\n');
}

/** The popup in a window of its own, as the toolbar button shows it (a second tab would hide the demo tab). */
async function openPopup(): Promise<Page> {
  const [page] = await Promise.all([
    browser.context.waitForEvent('page'),
    browser.cdp.send('Target.createTarget', { url: `chrome-extension://${extensionId}/popup.html`, newWindow: true }),
  ]);
  await expect(page.locator(`[data-testid="${popupTestIds.popup}"]`)).toBeVisible();
  return page;
}

test('a pasted hostile response stays text in the popup', async () => {
  const popup = await openPopup();
  try {
    await popup.locator(`[data-testid="${popupTestIds.pasteTab}"]`).click();
    for (const shape of hostileShapes) {
      await popup.locator(`[data-testid="${popupTestIds.pasteBox}"]`).fill(await rawHostileResponse(shape));
      const card = popup.locator(`[data-testid="${testIds.details}"]`);
      await expect(card, shape).toContainText(xssPayloads.svg);
      await expect(card, shape).toContainText(xssPayloads.img);
      expect(await popup.evaluate(DAMAGE), shape).toEqual(NO_DAMAGE);
    }
    for (const shape of deceptionShapes) {
      await popup.locator(`[data-testid="${popupTestIds.pasteBox}"]`).fill(await rawHostileResponse(shape));
      const card = popup.locator(`[data-testid="${testIds.details}"]`);
      for (const marker of deception.shown) await expect(card, `${shape}: ${marker}`).toContainText(marker);
      expect(await popup.evaluate<boolean>(INVISIBLE_IN_PAGE), shape).toBe(false);
      // Whatever becomes the docs link (the problem `type`, or the URL the message names), it shows its real host.
      const link = await popup.evaluate<{ href: string; text: string } | null>(DOCS_LINK);
      if (link !== null) {
        expect(new URL(link.href).host, shape).toBe('evil.example');
        expect(link.text, shape).toBe(link.href);
      }
      expect(await popup.evaluate(DAMAGE), shape).toEqual(NO_DAMAGE);
    }
  } finally {
    await popup.close();
  }
});

test('the timeline shows whole rows under its header while it follows new errors, and the rate-limit strip fits', async () => {
  const before = (await panelCount(panel)).received;
  await browser.page.click('#fire-all');
  // Enough errors to fill the visible timeline (about 25 rows); the rest of the batch may still be in flight.
  await expect.poll(async () => (await panelCount(panel)).received - before, { timeout: 20_000 }).toBeGreaterThanOrEqual(60);
  await expect(async () => {
    const layout = await panel.evaluate<{ headerBottom: number; firstTop: number; stripOverflow: number; chips: number; shown: number; more: string }>(`(() => {
      const grid = document.querySelector('[role="grid"]');
      const headerBottom = grid.querySelector('[aria-rowindex="1"]').getBoundingClientRect().bottom;
      const tops = [...document.querySelectorAll('[data-testid="${testIds.errorRow}"], [data-testid="${testIds.navigationRow}"]')]
        .map((row) => row.getBoundingClientRect())
        .filter((box) => box.bottom > headerBottom + 0.5)
        .map((box) => box.top);
      const strip = document.querySelector('[data-testid="${testIds.rateLimitStrip}"]');
      const box = strip.getBoundingClientRect();
      const chips = [...strip.querySelectorAll('[data-testid="${testIds.rateLimitChip}"]')].map((chip) => chip.getBoundingClientRect());
      // A chip is shown when it lies wholly inside the strip's one line; the others are counted in "+N".
      const shown = chips.filter((c) => c.top >= box.top - 0.5 && c.bottom <= box.bottom + 0.5 && c.right <= box.right + 0.5).length;
      const more = document.querySelector('[data-testid="${testIds.rateLimitMore}"]')?.textContent ?? '';
      return { headerBottom, firstTop: Math.min(...tops), stripOverflow: strip.scrollWidth - strip.clientWidth, chips: chips.length, shown, more };
    })()`);
    expect(layout.firstTop).toBeGreaterThanOrEqual(layout.headerBottom - 0.5);
    expect(layout.stripOverflow).toBe(0);
    // Every demo limit cannot fit one line of this panel: some show, and the button counts exactly the rest.
    expect(layout.shown).toBeGreaterThan(0);
    expect(layout.shown).toBeLessThan(layout.chips);
    expect(layout.more).toBe(`+${layout.chips - layout.shown}`);
  }).toPass({ timeout: 20_000 });
});
