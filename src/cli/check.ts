import { findingsOf, severityRank, type Finding, type Group, type Observation, type Severity } from '../core/findings/index.ts';
import type { HarEntry } from '../core/har/parse.ts';
import { formatGroupTable } from './group-table.ts';
import { errorGroups, groupRecord } from './groups.ts';
import { harObservations } from './har-timeline.ts';
import { cellText } from './table.ts';

export const EXIT_FINDINGS = 1;

export interface CheckOptions {
  readonly json: boolean;
  readonly failOn: Severity;
  readonly width: number;
}

/** `{"type":"finding",…}`: exactly these keys, in this order (the CLI's output contract). */
function findingRecord(finding: Finding): Record<string, unknown> {
  return { type: 'finding', kind: finding.kind, severity: finding.severity, entries: finding.entries, message: finding.message, advice: finding.advice };
}

const LABELS: Readonly<Record<Severity, string>> = { error: 'ERROR', warn: 'WARN ', info: 'INFO ' };

function entriesText(entries: readonly number[]): string {
  const shown = entries.slice(0, 12).join(', ');
  return entries.length > 12 ? `${shown} and ${entries.length - 12} more` : shown;
}

function report(findings: readonly Finding[], groups: readonly Group<Observation>[], total: number, width: number): string {
  const errors = groups.reduce((n, g) => n + g.members.length, 0);
  const lines = [`${findings.length === 0 ? 'No findings' : `${findings.length} finding${findings.length === 1 ? '' : 's'}`}; ${errors} error${errors === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'}, ${total} requests.`];
  for (const finding of findings) {
    lines.push('', `${LABELS[finding.severity]}  ${finding.kind}: ${cellText(finding.message)}`, `       ${cellText(finding.advice)}`, `       entries: ${entriesText(finding.entries)}`);
  }
  if (groups.length > 0) lines.push('', formatGroupTable(groups, width));
  return `${lines.join('\n')}\n`;
}

/**
 * `faultline check`: findings first, then the error groups by count; the exit status says whether a
 * finding reached `--fail-on`.
 */
export function check(entries: readonly HarEntry[], options: CheckOptions, write: (text: string) => void): number {
  const observations = harObservations(entries);
  const findings = findingsOf(observations);
  const groups = errorGroups(observations);
  if (options.json) write([...findings.map(findingRecord), ...groups.map(groupRecord)].map((record) => `${JSON.stringify(record)}\n`).join(''));
  else write(report(findings, groups, entries.length, options.width));
  const threshold = severityRank(options.failOn);
  return findings.some((f) => severityRank(f.severity) >= threshold) ? EXIT_FINDINGS : 0;
}
