import { expect, test } from '@playwright/test';
import { seedFixtures } from '../src/core/fixtures/index.ts';
import { testIds } from '../src/ui/testids.ts';
import { evaluateInTarget, findTarget, type CdpClient } from './support/cdp.ts';
import { openDemoSession, type DemoSession } from './support/demo-session.ts';
import { fireFixture } from './support/demo-traffic.ts';
import { isDevtoolsWindow } from './support/devtools.ts';
import { expectLayoutSurvivesReload, expectOneLineToolbar, openSeedHarInPanel, rowsInView, screenshotBoth } from './support/dock-checks.ts';
import { panelText, showFaultlinePanel, type DevtoolsLayout, type FaultlinePanel } from './support/extension.ts';
import { firstOfEachSeed } from './support/seed-rows.ts';

/**
 * The panel as a new user meets it: DevTools docked at the right at its default width (590 px), in
 * real Chromium DevTools. Then screenshots at 590 and 1400 px, light and dark, into artifacts/dock/.
 */

test.describe.configure({ mode: 'serial' });

const SHOTS = 'artifacts/dock';

/** Fires a spread of seed errors (every family of the seeds, rate limits included) at the demo API. */
async function fireSeeds(session: DemoSession, count: number): Promise<void> {
  const names = [...new Set([...firstOfEachSeed(), ...seedFixtures.filter((f) => f.expect !== null)].map((f) => f.name))].slice(0, count);
  for (const name of names) await fireFixture(session.browser.page, name);
}

async function attach(cdp: CdpClient, targetId: string): Promise<string> {
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  return sessionId;
}

/** Where the panel's iframe sits in the DevTools window (DevTools nests it in shadow roots). */
const PANEL_FRAME_ORIGIN = `(() => {
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName === 'IFRAME' && el.src.includes('/panel.html')) return el;
      if (el.shadowRoot) { const found = find(el.shadowRoot); if (found) return found; }
    }
    return null;
  };
  const box = find(document).getBoundingClientRect();
  return { x: box.x, y: box.y };
})()`;

const DRAWER_VISIBLE = `(async () => {
  const { InspectorView } = await import('./ui/legacy/legacy.js');
  return InspectorView.InspectorView.instance().drawerVisible();
})()`;

test.describe('DevTools docked right at its default width', () => {
  let session: DemoSession;
  let panel: FaultlinePanel;

  test.beforeAll(async () => {
    session = await openDemoSession({ dock: 'right' });
    panel = await showFaultlinePanel(session.browser);
    await fireSeeds(session, 30);
    await expect.poll(async () => Number(/(\d+) errors?/.exec((await panelText(panel, testIds.errorCount)) ?? '')?.[1] ?? 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(20);
  });

  test.afterAll(() => session?.close());

  test('Message and Retry are visible for every row in view', async () => {
    const { width, rows } = await rowsInView(panel);
    expect(width).toBeGreaterThan(500);
    expect(width).toBeLessThan(620);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((row) => !row.messageVisible || !row.retryVisible)).toEqual([]);
    expect(rows.every((row) => row.retryText !== '')).toBe(true);
  });

  test('Esc closes the details, leaves focus in the panel and opens no DevTools drawer', async () => {
    const { cdp } = session.browser;
    const devtools = await findTarget(cdp, isDevtoolsWindow);
    expect(await evaluateInTarget(cdp, devtools.targetId, DRAWER_VISIBLE)).toBe(false);
    const devtoolsSession = await attach(cdp, devtools.targetId);
    try {
      // A real click on the first row (it takes the focus into the panel and opens the details), then real Esc presses.
      const { result } = await cdp.send<{ result: { value: { x: number; y: number } } }>('Runtime.evaluate', { expression: PANEL_FRAME_ORIGIN, returnByValue: true }, devtoolsSession);
      const row = await panel.evaluate<{ x: number; y: number }>(`(() => { const b = document.querySelector('[data-testid="${testIds.errorRow}"]').getBoundingClientRect(); return { x: b.x + 20, y: b.y + b.height / 2 }; })()`);
      const at = { x: result.value.x + row.x, y: result.value.y + row.y };
      for (const type of ['mousePressed', 'mouseReleased']) await cdp.send('Input.dispatchMouseEvent', { type, ...at, button: 'left', clickCount: 1 }, devtoolsSession);
      await expect.poll(() => panel.evaluate<boolean>(`document.querySelector('[data-testid="${testIds.details}"]') !== null`)).toBe(true);
      const esc = async (): Promise<void> => {
        for (const type of ['keyDown', 'keyUp']) await cdp.send('Input.dispatchKeyEvent', { type, key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27 }, devtoolsSession);
      };
      await esc();
      await expect.poll(() => panel.evaluate<boolean>(`document.querySelector('[data-testid="${testIds.details}"]') === null`)).toBe(true);
      expect(await panel.evaluate<string | null>('document.hasFocus() ? document.activeElement?.dataset.testid ?? null : null')).toBe(testIds.timeline);
      await esc(); // nothing left to close: still the panel's
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await evaluateInTarget(cdp, devtools.targetId, DRAWER_VISIBLE)).toBe(false);
      expect(await panel.evaluate<boolean>('document.hasFocus()')).toBe(true);
    } finally {
      await cdp.send('Target.detachFromTarget', { sessionId: devtoolsSession }).catch(() => undefined);
    }
  });

  test('a dragged column width and list/details split survive a reload of the panel', async () => {
    await expectLayoutSurvivesReload(panel);
  });

  test('a HAR opened in the panel shows the same rows as the CLI', async () => {
    const { cli, shown } = await openSeedHarInPanel(panel, 'dock-colleague.har');
    expect(cli.length).toBeGreaterThan(20);
    expect(shown).toEqual(cli);
  });

  test('the toolbar is one line, and the controls that did not fit work from its overflow', async () => {
    await expectOneLineToolbar(panel);
  });

  test('screenshot at 590 px, light', async () => {
    await screenshotBoth(panel, `${SHOTS}/chrome-590-light`);
  });
});

/** One more browser per layout: the theme and the dock are DevTools settings read at start. */
for (const [name, layout] of [
  ['590-dark', { dock: 'right', theme: 'dark' }],
  ['1400-light', { dock: 'bottom', width: 1400, theme: 'light' }],
  ['1400-dark', { dock: 'bottom', width: 1400, theme: 'dark' }],
] as const satisfies readonly (readonly [string, DevtoolsLayout])[]) {
  test(`screenshot at ${name}`, async () => {
    const session = await openDemoSession(layout);
    try {
      const panel = await showFaultlinePanel(session.browser);
      await fireSeeds(session, 24);
      await expect.poll(async () => Number(/(\d+) errors?/.exec((await panelText(panel, testIds.errorCount)) ?? '')?.[1] ?? 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(15);
      expect(await panel.evaluate<string>(`document.querySelector('[data-testid="${testIds.panel}"]').dataset.theme`)).toBe(layout.theme);
      await screenshotBoth(panel, `${SHOTS}/chrome-${name}`);
    } finally {
      await session.close();
    }
  });
}
