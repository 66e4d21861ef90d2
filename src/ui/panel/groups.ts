import { groupBy, type Fingerprint } from '../../core/findings/index.ts';
import { entryStart, type ErrorEntry, type TimelineEntry } from './entries.ts';

/** One row of the grouped timeline: every error with one fingerprint that the filters let through. */
export interface GroupEntry {
  readonly kind: 'group';
  /** Stable for the fingerprint while the panel lives (negative, so it never equals an error's key). */
  readonly key: number;
  readonly fingerprint: Fingerprint;
  /** In request-start order. */
  readonly members: readonly ErrorEntry[];
  /** Its message, retry verdict and live countdown speak for the group. */
  readonly newest: ErrorEntry;
  readonly first: number;
  readonly last: number;
  readonly expanded: boolean;
}

/** What the timeline lists: errors and separators, or (grouped) groups followed by their members when expanded. */
export type TimelineRow = TimelineEntry | GroupEntry;

/** Stable group keys: -1, -2… in the order fingerprints are first seen. */
export function groupKeys(): (fingerprint: Fingerprint) => number {
  const keys = new Map<string, number>();
  return (fingerprint) => {
    let key = keys.get(fingerprint.key);
    if (key === undefined) {
      key = -(keys.size + 1);
      keys.set(fingerprint.key, key);
    }
    return key;
  };
}

/**
 * The grouped rows: one per fingerprint, in the order each was first seen (a group stays where it
 * started, as DevTools' console groups similar messages), its members under it when expanded.
 * Navigation separators are left out: a group spans them.
 */
export function groupRows(entries: readonly TimelineEntry[], keyOf: (fingerprint: Fingerprint) => number, expanded: ReadonlySet<string>): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const errors = entries.filter((e): e is ErrorEntry => e.kind === 'error');
  for (const group of groupBy(errors, (e) => e.fingerprint, entryStart)) {
    // The timeline is in request-start order, and so are a group's members: the newest is the last.
    const newest = group.members[group.members.length - 1] as ErrorEntry;
    const open = expanded.has(group.fingerprint.key);
    rows.push({ kind: 'group', key: keyOf(group.fingerprint), fingerprint: group.fingerprint, members: group.members, newest, first: group.first, last: group.last, expanded: open });
    if (open) rows.push(...group.members);
  }
  return rows;
}
