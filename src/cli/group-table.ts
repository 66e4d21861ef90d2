import type { Group, Observation } from '../core/findings/index.ts';
import { redactError } from '../core/redact.ts';
import { newest } from './groups.ts';
import { cellText, clock, retryText, Table } from './table.ts';

const GROUP_COLUMNS = [
  { title: 'COUNT', max: 7 },
  { title: 'FIRST', max: 8 },
  { title: 'LAST', max: 8 },
  { title: 'METHOD', max: 7 },
  { title: 'PATH', max: Infinity, flexible: true },
  { title: 'STATUS', max: 6 },
  { title: 'CODE', max: 24 },
  { title: 'MESSAGE', max: Infinity, flexible: true },
  { title: 'RETRY', max: 14 },
] as const;

/** `faultline decode --group`: one row per fingerprint, its count, first and last time, and its newest error (sanitized, as every output). */
export function formatGroupTable(groups: readonly Group<Observation>[], width: number): string {
  const table = new Table(GROUP_COLUMNS);
  for (const group of groups) {
    const error = newest(group).error;
    const shown = error === null ? null : redactError(error);
    const { fingerprint } = group;
    table.add([
      `\u00d7${group.members.length}`,
      clock(group.first),
      clock(group.last),
      cellText(fingerprint.method),
      cellText(fingerprint.urlTemplate),
      String(fingerprint.status),
      cellText(fingerprint.code ?? ''),
      cellText(shown?.message ?? ''),
      shown === null ? '' : retryText(shown),
    ]);
  }
  return [...table.lines(width)].join('\n');
}
