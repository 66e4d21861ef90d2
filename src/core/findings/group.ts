import type { Fingerprint } from './fingerprint.ts';

/** Errors with one fingerprint: one row in the grouped panel, one `group` line from `faultline check`. */
export interface Group<T> {
  readonly fingerprint: Fingerprint;
  /** In the order given (oldest first for a timeline). */
  readonly members: readonly T[];
  /** Epoch ms of the first and the last member. */
  readonly first: number;
  readonly last: number;
}

/** Groups items by fingerprint, in the order each fingerprint first appears; items without one are left out. */
export function groupBy<T>(items: readonly T[], fingerprintOf: (item: T) => Fingerprint | null, timeOf: (item: T) => number): Group<T>[] {
  const groups = new Map<string, { fingerprint: Fingerprint; members: T[]; first: number; last: number }>();
  for (const item of items) {
    const fingerprint = fingerprintOf(item);
    if (fingerprint === null) continue;
    const at = timeOf(item);
    const group = groups.get(fingerprint.key);
    if (group === undefined) {
      groups.set(fingerprint.key, { fingerprint, members: [item], first: at, last: at });
      continue;
    }
    group.members.push(item);
    if (at < group.first) group.first = at;
    if (at > group.last) group.last = at;
  }
  return [...groups.values()];
}
