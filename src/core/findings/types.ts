/** The client behaviours Faultline points out, with the ids the CLI prints and CI matches on. */
export type FindingKind = 'retry-before-delay' | 'no-backoff' | 'retried-non-retryable' | 'unsafe-retry' | 'cors-hidden' | 'quota-burn';

export type Severity = 'info' | 'warn' | 'error';

export const SEVERITIES: readonly Severity[] = ['info', 'warn', 'error'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export interface Finding {
  readonly kind: FindingKind;
  readonly severity: Severity;
  /** The requests it cites (the observations' refs), oldest first. */
  readonly entries: readonly number[];
  /** One sentence: what happened. */
  readonly message: string;
  /** What to change in the client (or the server). */
  readonly advice: string;
}
