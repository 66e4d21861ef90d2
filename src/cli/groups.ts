import { groupBy, type Group, type Observation } from '../core/findings/index.ts';

/** The errors of a timeline grouped by fingerprint, the largest group first (then the one seen first). */
export function errorGroups(observations: readonly Observation[]): Group<Observation>[] {
  const groups = groupBy(observations, (o) => o.fingerprint, (o) => o.sentAt);
  return groups.sort((a, b) => b.members.length - a.members.length || a.first - b.first);
}

/** The newest member: its message and retry verdict speak for the group. */
export function newest(group: Group<Observation>): Observation {
  return group.members.reduce((latest, o) => (o.sentAt >= latest.sentAt ? o : latest));
}

/** `{"type":"group",…}`: exactly these keys, in this order; times are ISO 8601. */
export function groupRecord(group: Group<Observation>): Record<string, unknown> {
  const { fingerprint } = group;
  return {
    type: 'group',
    fingerprint: fingerprint.key,
    method: fingerprint.method,
    urlTemplate: fingerprint.urlTemplate,
    status: fingerprint.status,
    code: fingerprint.code,
    count: group.members.length,
    entries: group.members.map((o) => o.ref),
    first: new Date(group.first).toISOString(),
    last: new Date(group.last).toISOString(),
  };
}
