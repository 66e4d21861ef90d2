import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { expect } from '@playwright/test';
import { seedFixtures } from '../../src/core/fixtures/index.ts';
import { fixtureExchange } from '../../src/core/fixtures/render.ts';
import { buildHar } from '../../src/core/har/write.ts';
import { testIds } from '../../src/ui/testids.ts';
import type { FaultlinePanel } from './extension.ts';

/**
 * Checks of the panel's layout and state that read the same in Chromium and Firefox: each is one
 * expression evaluated in the panel page (FaultlinePanel.evaluate of either browser).
 */

const TESTID = (id: string): string => `[data-testid="${id}"]`;

export interface RowInView {
  readonly path: string;
  /** The cell's box is inside the panel's viewport and at least a few characters wide. */
  readonly messageVisible: boolean;
  readonly retryVisible: boolean;
  readonly retryText: string;
}

/** The panel's width and, for each error row in view, whether its Message and Retry cells can be seen. */
export function rowsInView(panel: FaultlinePanel): Promise<{ readonly width: number; readonly rows: readonly RowInView[] }> {
  return panel.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const scroller = document.querySelector('.fl-scroller').getBoundingClientRect();
    const seen = (cell) => {
      if (cell === null) return false;
      const box = cell.getBoundingClientRect();
      return box.width >= 40 && box.left >= 0 && box.right <= width + 0.5 && getComputedStyle(cell).visibility !== 'hidden' && getComputedStyle(cell).display !== 'none';
    };
    const rows = [...document.querySelectorAll('${TESTID(testIds.errorRow)}')]
      .filter((row) => { const box = row.getBoundingClientRect(); return box.top >= scroller.top - 0.5 && box.bottom <= scroller.bottom + 0.5; })
      .map((row) => ({
        path: row.dataset.path,
        messageVisible: seen(row.querySelector('${TESTID(testIds.rowMessage)}')?.closest('[role=gridcell]') ?? null),
        retryVisible: seen(row.querySelector('${TESTID(testIds.retryCell)}')),
        retryText: row.querySelector('${TESTID(testIds.retryCell)}')?.textContent ?? '',
      }));
    return { width, rows };
  })()`);
}

/** The column headers shown, with their widths (px), and the list/details split (percent, when details are open). */
export function layoutState(panel: FaultlinePanel): Promise<{ readonly columns: Record<string, number>; readonly split: number | null }> {
  return panel.evaluate(`(() => {
    const columns = {};
    for (const header of document.querySelectorAll('${TESTID(testIds.columnHeader)}')) columns[header.dataset.column] = Math.round(header.getBoundingClientRect().width);
    const splitter = document.querySelector('${TESTID(testIds.splitter)}');
    return { columns, split: splitter === null ? null : Number(splitter.getAttribute('aria-valuenow')) };
  })()`);
}

/** Drags an element's centre by dx pixels with pointer events, as a mouse drag would. */
function dragExpression(selector: string, dx: number): string {
  return `(() => {
    const handle = document.querySelector(${JSON.stringify(selector)});
    if (handle === null) throw new Error('nothing to drag at ${selector.replace(/'/g, '')}');
    const box = handle.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const fire = (type, at) => handle.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 1, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: at, clientY: y }));
    fire('pointerdown', x);
    for (let i = 1; i <= 5; i++) fire('pointermove', x + (${dx} * i) / 5);
    fire('pointerup', x + ${dx});
    return true;
  })()`;
}

/** Drags the resize handle of a column header. */
export function dragColumnEdge(panel: FaultlinePanel, column: string, dx: number): Promise<boolean> {
  return panel.evaluate(dragExpression(`${TESTID(testIds.columnHeader)}[data-column="${column}"] ${TESTID(testIds.columnResizer)}`, dx));
}

export function dragSplitter(panel: FaultlinePanel, dx: number): Promise<boolean> {
  return panel.evaluate(dragExpression(TESTID(testIds.splitter), dx));
}

/** Selects the first error row in view (a click, which opens its details); rows rendered above the scroll position do not count. */
export function clickFirstRow(panel: FaultlinePanel): Promise<boolean> {
  return panel.evaluate(`(() => {
    const top = document.querySelector('.fl-scroller').getBoundingClientRect().top;
    const row = [...document.querySelectorAll('${TESTID(testIds.errorRow)}')].find((candidate) => candidate.getBoundingClientRect().top >= top - 0.5);
    row?.click();
    return row !== undefined;
  })()`);
}

/** Waits until an expression holds in the panel page. */
async function waitFor(panel: FaultlinePanel, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await panel.evaluate<boolean>(expression).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reloads the panel page and waits until it has rendered its timeline again. */
export async function reloadPanel(panel: FaultlinePanel): Promise<void> {
  // A mark on the old page: the reload is done when a page without it answers (not the old one, still unloading).
  await panel.evaluate('(window.__faultlineBeforeReload = true, location.reload(), true)');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ready = await panel
      .evaluate<boolean>(`window.__faultlineBeforeReload !== true && document.readyState === 'complete' && document.querySelector('${TESTID(testIds.timeline)}') !== null`)
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error('the panel did not come back after a reload');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A JS string literal of `text` in ASCII only: Firefox's panel bridge loads expressions as a data: URL,
 * which is read as Latin-1, so a raw UTF-8 character would arrive as mojibake.
 */
function asciiLiteral(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Drops a HAR file on the panel, as dragging it from the desktop does. */
export function dropHar(panel: FaultlinePanel, name: string, text: string): Promise<boolean> {
  return panel.evaluate(`(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([${asciiLiteral(text)}], ${JSON.stringify(name)}, { type: 'application/json' }));
    const target = document.querySelector('${TESTID(testIds.panel)}');
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    return true;
  })()`);
}

export interface ShownRow {
  readonly status: string;
  readonly code: string;
  readonly message: string;
}

/** Every error row of the timeline, top to bottom (it scrolls through the virtualised list). */
export function allErrorRows(panel: FaultlinePanel): Promise<ShownRow[]> {
  return panel.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const scroller = document.querySelector('.fl-scroller');
    const rows = new Map();
    for (let top = 0; ; top += Math.max(1, scroller.clientHeight)) {
      scroller.scrollTop = top;
      scroller.dispatchEvent(new Event('scroll'));
      await frame();
      for (const row of document.querySelectorAll('${TESTID(testIds.errorRow)}')) {
        rows.set(Number(row.getAttribute('aria-rowindex')), { status: row.dataset.status, code: row.dataset.code, message: row.querySelector('${TESTID(testIds.rowMessage)}').textContent });
      }
      if (top >= scroller.scrollHeight) break;
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
  })()`);
}

/** What `faultline decode --json` finds in a HAR file: the rows the panel must show for it. */
export async function cliRows(harPath: string): Promise<ShownRow[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['bin/faultline.js', 'decode', harPath, '--json'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { status: number; code: string | null; message: string })
    .map((record) => ({ status: String(record.status), code: record.code ?? '', message: record.message }));
}

/**
 * Writes a HAR of every seed fixture (a colleague's session), decodes it with the CLI, drops it on the
 * panel and returns both lists of rows once the panel shows as many as the CLI found (then closes it).
 */
export async function openSeedHarInPanel(panel: FaultlinePanel, file: string): Promise<{ readonly cli: ShownRow[]; readonly shown: ShownRow[] }> {
  await promisify(execFile)(process.execPath, ['scripts/build-cli.mjs']);
  const start = Date.UTC(2026, 10, 22, 12);
  const exchanges = seedFixtures.map((fixture, i) => ({ ...fixtureExchange(fixture, start + i * 100), startedAt: start + i * 100 }));
  const text = JSON.stringify(buildHar(exchanges.map((exchange) => ({ exchange })), { version: 'e2e', includeSecrets: true }));
  await mkdir('test-results', { recursive: true });
  const path = `test-results/${file}`;
  await writeFile(path, text);
  const cli = await cliRows(path);
  await dropHar(panel, 'colleague.har', text);
  const deadline = Date.now() + 15_000;
  let shown: ShownRow[] = [];
  while (Date.now() < deadline) {
    const imported = await panel.evaluate<boolean>(`document.querySelector('${TESTID(testIds.panel)}').dataset.session === 'imported'`);
    shown = imported ? await allErrorRows(panel) : [];
    if (shown.length >= cli.length) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await panel.evaluate(`(document.querySelector('${TESTID(testIds.closeImport)}')?.click(), true)`);
  return { cli, shown };
}

const closeDetails = (panel: FaultlinePanel): Promise<boolean> => panel.evaluate(`(document.querySelector('${TESTID(testIds.detailsClose)}')?.click(), true)`);

/** The layout before and after dragging Name 40 px wider and the split 60 px right, and after a reload of the panel. */
export async function dragThenReload(panel: FaultlinePanel) {
  await closeDetails(panel);
  const before = await layoutState(panel);
  const draggedColumn = await dragColumnEdge(panel, 'name', 40);
  const widened = await layoutState(panel);
  await clickFirstRow(panel); // the details open: the split shows
  const splitBefore = (await layoutState(panel)).split;
  const draggedSplit = await dragSplitter(panel, 60);
  const split = (await layoutState(panel)).split;
  await reloadPanel(panel);
  // The reloaded panel gets its rows back from the capture source a moment after it renders.
  await waitFor(panel, `document.querySelector('${TESTID(testIds.errorRow)}') !== null`);
  const reloaded = await layoutState(panel);
  await clickFirstRow(panel);
  await waitFor(panel, `document.querySelector('${TESTID(testIds.splitter)}') !== null`);
  const reloadedSplit = (await layoutState(panel)).split;
  return { before, draggedColumn, widened, splitBefore, draggedSplit, split, reloaded, reloadedSplit };
}

/** Screenshots of the DevTools window with the panel, without and with the details open. */
export async function screenshotBoth(panel: FaultlinePanel, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await closeDetails(panel);
  await panel.evaluate('(document.activeElement?.blur(), true)'); // no focus ring left from an earlier check

  await panel.screenshot(`${path}.png`);
  await clickFirstRow(panel);
  await panel.screenshot(`${path}-details.png`);
}

export interface ToolbarLayout {
  /** The toolbar's height and the tallest control's (px). */
  readonly height: number;
  readonly controlHeight: number;
  /** Distinct rows the toolbar's visible controls sit on. */
  readonly lines: number;
  /** Something is cut off at the right edge. */
  readonly clipped: boolean;
  /** The test ids of the controls in the overflow popup (opened for the reading, then closed). */
  readonly overflowed: readonly string[];
}

/** How the toolbar is laid out, and what its "»" overflow holds. */
export function toolbarLayout(panel: FaultlinePanel): Promise<ToolbarLayout> {
  return panel.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const bar = document.querySelector('${TESTID(testIds.toolbar)}');
    const controls = [...bar.children].filter((el) => el.getBoundingClientRect().width > 0);
    const box = bar.getBoundingClientRect();
    const layout = {
      height: Math.round(box.height),
      controlHeight: Math.max(...controls.map((el) => Math.round(el.getBoundingClientRect().height))),
      // A control starts a new line when it sits wholly below the line so far (controls of one line differ in height).
      lines: controls.map((el) => el.getBoundingClientRect()).sort((a, b) => a.top - b.top).reduce((acc, r) => (r.top >= acc.bottom - 1 ? { n: acc.n + 1, bottom: r.bottom } : { n: acc.n, bottom: Math.max(acc.bottom, r.bottom) }), { n: 0, bottom: -Infinity }).n,
      clipped: bar.scrollWidth > bar.clientWidth + 1 || controls.some((el) => el.getBoundingClientRect().right > box.right + 0.5),
      overflowed: [],
    };
    const button = document.querySelector('${TESTID(testIds.toolbarOverflowButton)}');
    if (button === null) return layout;
    button.click();
    await frame();
    layout.overflowed = [...document.querySelectorAll('${TESTID(testIds.toolbarOverflowPopup)} [data-testid]')].map((el) => el.dataset.testid);
    button.click();
    await frame();
    return layout;
  })()`);
}

/**
 * Opens the toolbar's "»" overflow and clicks the control `testId` in it, as a user reaching a control that
 * did not fit would; false when the control is not in the popup.
 */
export function clickInOverflow(panel: FaultlinePanel, testId: string): Promise<boolean> {
  return panel.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const popup = () => document.querySelector('${TESTID(testIds.toolbarOverflowPopup)}');
    if (popup() === null) document.querySelector('${TESTID(testIds.toolbarOverflowButton)}')?.click();
    await frame();
    const control = popup()?.querySelector('[data-testid="' + ${JSON.stringify(testId)} + '"]') ?? null;
    control?.click();
    await frame();
    return control !== null;
  })()`);
}

/** Presses Esc in the open overflow popup, as a keyboard user closes it: whether it closed and the focus went back to "»". */
export function escapeOverflow(panel: FaultlinePanel): Promise<{ readonly closed: boolean; readonly focusOnButton: boolean }> {
  return panel.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const popup = document.querySelector('${TESTID(testIds.toolbarOverflowPopup)}');
    const focused = popup?.contains(document.activeElement) ? document.activeElement : popup;
    focused?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await frame();
    return {
      closed: popup !== null && document.querySelector('${TESTID(testIds.toolbarOverflowPopup)}') === null,
      focusOnButton: document.activeElement?.dataset.testid === '${testIds.toolbarOverflowButton}',
    };
  })()`);
}

/**
 * Catches what the panel's Export HAR and Open HAR start in the browser (a download, the file picker) so the
 * test sees them happen without a download or a native dialog: the names of the files offered for download,
 * and how many times the HAR picker opened.
 */
export function watchFileActions(panel: FaultlinePanel): Promise<boolean> {
  return panel.evaluate(`(() => {
    window.__faultlineFiles = { downloads: [], pickers: 0 };
    document.addEventListener('click', (event) => {
      const target = event.target;
      if (target instanceof HTMLAnchorElement && target.download !== '') window.__faultlineFiles.downloads.push(target.download);
      else if (target instanceof HTMLInputElement && target.type === 'file') window.__faultlineFiles.pickers += 1;
      else return;
      event.preventDefault();
    }, true);
    return true;
  })()`);
}

export function fileActions(panel: FaultlinePanel): Promise<{ readonly downloads: readonly string[]; readonly pickers: number }> {
  return panel.evaluate('window.__faultlineFiles');
}

/**
 * Reaches the controls a 590 px toolbar puts in its overflow and uses them: Group similar (on, then off),
 * Export HAR and Open HAR, then Esc closes the popup.
 */
export async function useOverflowedControls(panel: FaultlinePanel) {
  await watchFileActions(panel);
  const grouped = await clickInOverflow(panel, testIds.groupSimilarToggle);
  await waitFor(panel, `document.querySelector('${TESTID(testIds.groupRow)}') !== null`);
  const groupRows = await panel.evaluate<number>(`document.querySelectorAll('${TESTID(testIds.groupRow)}').length`);
  const ungrouped = await clickInOverflow(panel, testIds.groupSimilarToggle);
  await waitFor(panel, `document.querySelector('${TESTID(testIds.errorRow)}') !== null`);
  const exported = await clickInOverflow(panel, testIds.exportHarButton);
  const opened = await clickInOverflow(panel, testIds.openHarButton);
  const escaped = await escapeOverflow(panel);
  return { grouped, groupRows, ungrouped, exported, opened, escaped, files: await fileActions(panel) };
}

/** At the default right dock: the toolbar is one line, nothing in it is cut, and what went into "»" works from there. */
export async function expectOneLineToolbar(panel: FaultlinePanel): Promise<void> {
    const layout = await toolbarLayout(panel);
    expect(layout.lines).toBe(1);
    expect(layout.clipped).toBe(false);
    expect(layout.height).toBeLessThanOrEqual(layout.controlHeight + 8);
    expect(layout.overflowed).toEqual(expect.arrayContaining([testIds.groupSimilarToggle, testIds.exportHarButton, testIds.openHarButton]));
    const used = await useOverflowedControls(panel);
    expect(used.grouped && used.ungrouped && used.exported && used.opened).toBe(true);
    expect(used.groupRows).toBeGreaterThan(0);
    expect(used.files.downloads).toEqual([expect.stringMatching(/^faultline-.*\.har$/)]);
    expect(used.files.pickers).toBe(1);
    expect(used.escaped).toEqual({ closed: true, focusOnButton: true });
}

/** A column dragged wider and the list/details split dragged survive a reload of the panel. */
export async function expectLayoutSurvivesReload(panel: FaultlinePanel): Promise<void> {
    const layout = await dragThenReload(panel);
    expect(layout.draggedColumn && layout.draggedSplit).toBe(true);
    expect(layout.widened.columns['name']).toBeGreaterThanOrEqual((layout.before.columns['name'] ?? 0) + 30);
    expect(layout.splitBefore).toBe(40);
    expect(layout.split).toBeGreaterThan(45);
    expect(layout.reloaded).toEqual(layout.widened);
    expect(layout.reloadedSplit).toBe(layout.split);
}
