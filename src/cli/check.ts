import { findingsOf, severityRank, type Finding, type Group, type Observation, type Severity } from '../core/findings/index.ts';
import type { Command } from './args.ts';
import { formatGroupTable } from './group-table.ts';
import { errorGroups, groupRecord } from './groups.ts';
import { readObservations } from './har-timeline.ts';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
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
 * finding reached `--fail-on` (2 when the HAR could not be read).
 */
export async function runCheck(command: Extract<Command, { kind: 'check' }>, io: CliIo, width: number): Promise<number> {
  const observations = await readObservations(command.input, command.maxSizeMb, io);
  if (observations === false) return EXIT_USAGE;
  const findings = findingsOf(observations);
  const groups = errorGroups(observations);
  if (command.json) await io.stdout([...findings.map(findingRecord), ...groups.map(groupRecord)].map((record) => `${JSON.stringify(record)}\n`).join(''));
  else await io.stdout(report(findings, groups, observations.length, width));
  const threshold = severityRank(command.failOn);
  return findings.some((f) => severityRank(f.severity) >= threshold) ? EXIT_FINDINGS : EXIT_OK;
}

/** `faultline decode --group`: one row (or `group` JSON line) per kind of error, the largest first. */
export async function runDecodeGroups(command: Extract<Command, { kind: 'decode' }>, io: CliIo, width: number): Promise<number> {
  const observations = await readObservations(command.input, command.maxSizeMb, io);
  if (observations === false) return EXIT_USAGE;
  const groups = errorGroups(observations);
  if (command.json) await io.stdout(groups.map((group) => `${JSON.stringify(groupRecord(group))}\n`).join(''));
  else await io.stdout(groups.length === 0 ? `No errors in ${observations.length} request${observations.length === 1 ? '' : 's'}.\n` : `${formatGroupTable(groups, width)}\n`);
  return EXIT_OK;
}
