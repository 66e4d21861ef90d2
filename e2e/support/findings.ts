import { testIds } from '../../src/ui/testids.ts';
import { misbehaveSteps } from '../demo/misbehave.ts';
import type { FaultlinePanel } from './extension.ts';

/**
 * What the panel shows for the demo's "Misbehaving client" (e2e/demo/misbehave.ts), read the same way
 * in Chromium and Firefox DevTools: the grouped rows and the findings bar.
 */

const TESTID = (id: string): string => `[data-testid="${id}"]`;

export interface ShownGroup {
  readonly status: string;
  readonly count: number;
  readonly name: string;
}

export function panelGroups(panel: FaultlinePanel): Promise<ShownGroup[]> {
  return panel.evaluate<ShownGroup[]>(`[...document.querySelectorAll('${TESTID(testIds.groupRow)}')].map((row) => ({
    status: row.dataset.status ?? '',
    count: Number(row.dataset.count),
    name: row.querySelector('${TESTID(testIds.groupName)}')?.textContent ?? '',
  }))`);
}

export interface ShownFinding {
  readonly kind: string;
  readonly severity: string;
  readonly text: string;
}

export function panelFindings(panel: FaultlinePanel, within: string = testIds.findingsBar): Promise<ShownFinding[]> {
  return panel.evaluate<ShownFinding[]>(`[...document.querySelectorAll('${TESTID(within)} ${TESTID(testIds.finding)}')].map((item) => ({
    kind: item.dataset.kind ?? '',
    severity: item.dataset.severity ?? '',
    text: item.textContent ?? '',
  }))`);
}

/** The grouped rows as the expectations below name them: name and count. */
export async function groupCounts(panel: FaultlinePanel): Promise<{ name: string; count: number }[]> {
  return (await panelGroups(panel)).map(({ name, count }) => ({ name, count }));
}

/** The findings bar as the expectations below name it: kind and severity. */
export async function findingKinds(panel: FaultlinePanel): Promise<{ kind: string; severity: string }[]> {
  return (await panelFindings(panel)).map(({ kind, severity }) => ({ kind, severity }));
}

/** One group per step of the plan (named by the last segment of its path), each as many requests as the step sends, in the order they started. */
export const expectedGroups = misbehaveSteps.map((step) => ({ name: step.call.path.split('/').at(-1) ?? '', count: step.times }));

/**
 * The findings, most severe first: the storm retried before Retry-After (error), the refund re-POSTed
 * without an Idempotency-Key (error), both fixed-timer loops (warn), the 422 resent (warn), the 429
 * hidden by CORS (warn).
 */
export const expectedFindings = [
  { kind: 'retry-before-delay', severity: 'error' },
  { kind: 'unsafe-retry', severity: 'error' },
  { kind: 'no-backoff', severity: 'warn' },
  { kind: 'no-backoff', severity: 'warn' },
  { kind: 'retried-non-retryable', severity: 'warn' },
  { kind: 'cors-hidden', severity: 'warn' },
];

/** Clicks a finding of the bar (the first whose text contains `text`), as a user does to select what it cites. */
export function citeFinding(panel: FaultlinePanel, text: string): Promise<boolean> {
  return panel.evaluate<boolean>(`(() => {
    const item = [...document.querySelectorAll('${TESTID(testIds.findingsBar)} ${TESTID(testIds.finding)}')].find((el) => el.textContent.includes(${JSON.stringify(text)}));
    item?.querySelector('button')?.click();
    return item !== undefined;
  })()`);
}
