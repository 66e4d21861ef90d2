import { setTimeout as sleep } from 'node:timers/promises';
import { testIds } from '../../src/ui/testids.ts';
import { panelText, type FaultlinePanel } from './extension.ts';

/**
 * What the panel says about everything it received, read through the DOM contract (src/ui/testids.ts)
 * only: the error count line, and every timeline row, including the ones virtualisation keeps out of
 * the DOM until they are scrolled into view.
 */

export interface PanelCount {
  /** Errors the timeline holds (all of them, whatever the filters show). */
  readonly retained: number;
  /** The oldest errors dropped because the retention cap was reached. */
  readonly droppedByCap: number;
  readonly droppedWhilePaused: number;
  /** Every error the panel received: retained + dropped by the cap. */
  readonly received: number;
}

/**
 * Parses the error count line: "42 errors", "3 / 42 errors" (filtered), plus
 * "· 5000 oldest dropped (cap 5000)" and "· 2 requests dropped while paused" when they apply.
 */
export function parsePanelCount(text: string): PanelCount {
  const retained = /(?:^|\/ )(\d+) errors?\b/.exec(text)?.[1];
  if (retained === undefined) throw new Error(`unexpected error count text: ${JSON.stringify(text)}`);
  const droppedByCap = Number(/(\d+) oldest dropped/.exec(text)?.[1] ?? 0);
  const droppedWhilePaused = Number(/(\d+) requests? dropped while paused/.exec(text)?.[1] ?? 0);
  return { retained: Number(retained), droppedByCap, droppedWhilePaused, received: Number(retained) + droppedByCap };
}

export async function panelCount(panel: FaultlinePanel): Promise<PanelCount> {
  return parsePanelCount((await panelText(panel, testIds.errorCount)) ?? '');
}

const POLL_MS = 100;

/**
 * Waits until the panel has received at least `errors` errors (retained or dropped by the cap) and
 * returns its count then; on timeout, returns the last count seen, for the caller to report.
 */
export async function waitForPanelErrors(panel: FaultlinePanel, errors: number, timeoutMs: number): Promise<PanelCount> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await panelCount(panel);
    if (count.received >= errors || Date.now() > deadline) return count;
    await sleep(POLL_MS);
  }
}

export interface TimelineRow {
  readonly kind: 'error' | 'navigation';
  /** Error rows: data-status, data-format, data-code; navigation rows: empty strings. */
  readonly status: string;
  readonly format: string;
  readonly code: string;
  /** The row's cells joined with tabs (time, method, name…; or "Navigated to <url>"). */
  readonly text: string;
  /** Error rows: the request's path and query (data-path); navigation rows: empty. */
  readonly path: string;
}

/**
 * Every row of the timeline in order, oldest first. The timeline renders only the rows in view, so this
 * scrolls its scroll container (the nearest scrollable ancestor of the rows) from top to bottom,
 * reading rows by their aria-rowindex, then back to the bottom, where the timeline follows new rows.
 */
export function allTimelineRows(panel: FaultlinePanel): Promise<TimelineRow[]> {
  const rowSelector = `[data-testid="${testIds.errorRow}"], [data-testid="${testIds.navigationRow}"]`;
  return panel.evaluate<TimelineRow[]>(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const first = document.querySelector(${JSON.stringify(rowSelector)});
    if (first === null) return [];
    let scroller = first.parentElement;
    while (scroller !== null && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) {
      scroller = scroller.parentElement;
    }
    const rows = new Map();
    const read = () => {
      for (const row of document.querySelectorAll(${JSON.stringify(rowSelector)})) {
        const navigation = row.dataset.testid === ${JSON.stringify(testIds.navigationRow)};
        rows.set(Number(row.getAttribute('aria-rowindex')), {
          kind: navigation ? 'navigation' : 'error',
          status: row.dataset.status ?? '',
          format: row.dataset.format ?? '',
          code: row.dataset.code ?? '',
          path: row.dataset.path ?? '',
          text: [...row.children].map((cell) => cell.textContent).join('\\t'),
        });
      }
    };
    if (scroller === null) {
      read();
    } else {
      const step = Math.max(1, scroller.clientHeight);
      for (let top = 0; ; top += step) {
        scroller.scrollTop = top;
        scroller.dispatchEvent(new Event('scroll'));
        await frame();
        read();
        if (top >= scroller.scrollHeight) break;
      }
      scroller.scrollTop = scroller.scrollHeight;
      scroller.dispatchEvent(new Event('scroll'));
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
  })()`);
}

/** The request path of a timeline row, or null for a navigation separator. */
export function rowPath(row: TimelineRow): string | null {
  return row.path === '' ? null : row.path;
}
