import type { Observation } from './observation.ts';

/** The client behaviours Faultline points out, with the ids the CLI prints and CI matches on. */
export type FindingKind = 'retry-before-delay' | 'no-backoff' | 'retried-non-retryable' | 'unsafe-retry' | 'cors-hidden' | 'quota-burn';

export type Severity = 'info' | 'warn' | 'error';

export const SEVERITIES: readonly Severity[] = ['info', 'warn', 'error'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** What every rule reads: the requests in order, and those sent more than once, by request. */
export interface Timeline {
  readonly observations: readonly Observation[];
  /** Each request sent more than once (same method, URL and body), its attempts in the order sent. */
  readonly repeated: readonly (readonly Observation[])[];
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
