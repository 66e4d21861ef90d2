import type { Observation } from '../observation.ts';
import { refsOf, requestLabel, statusLabel, times } from '../attempts.ts';
import type { Finding } from '../types.ts';

/** What to change, by what the error is about. */
function fixFor(status: number): string {
  if (status === 401) return 'refresh or fix the credentials first';
  if (status === 403) return 'get the missing permission or scope, or stop calling it';
  if (status === 404 || status === 410) return 'check the id and the URL, and stop asking for what is gone';
  return 'fix what the error names (the fields, the parameters) first';
}

/** The finding about one request sent more than once (its attempts in the order sent), or null. */
export function retriedNonRetryable(attempts: readonly Observation[]): Finding | null {
  const cited = new Set<Observation>();
  let resent = 0;
  let first: Observation | null = null;
  for (let i = 0; i < attempts.length; i++) {
    const original = attempts[i];
    if (original === undefined || !original.failsAgainUnchanged || cited.has(original)) continue;
    // Later copies with the same credentials are the same request again; a new token is a fix, not a retry.
    const copies = attempts.slice(i + 1).filter((later) => later.credentialKey === original.credentialKey && !cited.has(later));
    if (copies.length === 0) continue;
    first ??= original;
    resent += copies.length;
    cited.add(original);
    for (const copy of copies) cited.add(copy);
  }
  if (first === null) return null;
  return {
    kind: 'retried-non-retryable',
    severity: 'warn',
    entries: refsOf(cited),
    message: `${requestLabel(first)} got a ${statusLabel(first)}, which fails again unchanged, and was sent again unchanged ${times(resent)}.`,
    advice: `Retrying will not help: ${fixFor(first.status)}, then send the corrected request.`,
  };
}
