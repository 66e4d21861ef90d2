import { formatDuration } from '../advice/duration.ts';
import type { Observation } from './observation.ts';
import { urlShape } from './url-template.ts';

/**
 * Every request sent more than once, its attempts in the order they were sent. Requests to different
 * resources of one endpoint (`/users/1`, `/users/2`) have different keys: a group, never a retry.
 */
export function repeatedRequests(observations: readonly Observation[]): readonly (readonly Observation[])[] {
  const byKey = new Map<string, Observation[]>();
  for (const observation of observations) {
    const attempts = byKey.get(observation.requestKey);
    if (attempts === undefined) byKey.set(observation.requestKey, [observation]);
    else attempts.push(observation);
  }
  const repeated: Observation[][] = [];
  for (const attempts of byKey.values()) {
    if (attempts.length < 2) continue;
    repeated.push(attempts.sort((a, b) => a.sentAt - b.sentAt || a.ref - b.ref));
  }
  return repeated;
}

/** `POST /v1/orders/:id` — the endpoint, with no ids or query values (which may be secrets) in it. */
export function requestLabel(observation: Observation): string {
  return `${observation.method} ${observation.fingerprint?.urlTemplate ?? urlShape(observation.url).template}`;
}

/** `429 (rate_limited)` or `502`. */
export function statusLabel(observation: Observation): string {
  const code = observation.error?.code ?? null;
  return code === null ? String(observation.status) : `${observation.status} (${code})`;
}

export function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

export function duration(ms: number): string {
  return formatDuration(Math.max(0, ms));
}

/** The refs of the observations, each once, oldest first. */
export function refsOf(observations: Iterable<Observation>): number[] {
  return [...new Set([...observations].map((o) => o.ref))].sort((a, b) => a - b);
}
