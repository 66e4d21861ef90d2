import type { Group, Observation } from '../core/findings/index.ts';
import { newest } from './groups.ts';
import { cellText, clock, layoutTable, retryText } from './table.ts';

/** `faultline decode --group`: one row per fingerprint, its count, first and last time, and its newest error. */
export function formatGroupTable(groups: readonly Group<Observation>[], width: number): string {
  const latest = groups.map((group) => newest(group).error);
  return layoutTable(
    [
      { title: 'COUNT', cells: groups.map((g) => `\u00d7${g.members.length}`), max: 7 },
      { title: 'FIRST', cells: groups.map((g) => clock(g.first)), max: 8 },
      { title: 'LAST', cells: groups.map((g) => clock(g.last)), max: 8 },
      { title: 'METHOD', cells: groups.map((g) => cellText(g.fingerprint.method)), max: 7 },
      { title: 'PATH', cells: groups.map((g) => cellText(g.fingerprint.urlTemplate)), max: Infinity, flexible: true },
      { title: 'STATUS', cells: groups.map((g) => String(g.fingerprint.status)), max: 6 },
      { title: 'CODE', cells: groups.map((g) => cellText(g.fingerprint.code ?? '')), max: 24 },
      { title: 'MESSAGE', cells: latest.map((error) => cellText(error?.message ?? '')), max: Infinity, flexible: true },
      { title: 'RETRY', cells: latest.map((error) => (error === null ? '' : retryText(error))), max: 14 },
    ],
    width,
  );
}
