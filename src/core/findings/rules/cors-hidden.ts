import type { CorsBlockReason } from '../../cors.ts';
import type { Observation } from '../observation.ts';
import { refsOf } from '../attempts.ts';
import type { Finding } from '../types.ts';

const REASONS: Readonly<Record<CorsBlockReason, string>> = {
  'missing-allow-origin': 'no Access-Control-Allow-Origin',
  'mismatched-allow-origin': 'an Access-Control-Allow-Origin naming another origin',
  'wildcard-with-credentials': 'Access-Control-Allow-Origin: * on a request with cookies',
  'missing-allow-credentials': 'no Access-Control-Allow-Credentials on a request with cookies',
  'preflight-failed': 'a failed preflight',
  'browser-reported': 'the browser reported a CORS failure',
};

/** One finding per page origin, API host and reason: the fix is the same for all of them. */
export function corsHidden(observations: readonly Observation[]): Finding[] {
  const byPair = new Map<string, Observation[]>();
  for (const observation of observations) {
    if (observation.cors === null || !observation.failed) continue;
    const key = `${observation.cors.origin ?? ''} ${observation.host} ${observation.cors.reason}`;
    const list = byPair.get(key);
    if (list === undefined) byPair.set(key, [observation]);
    else list.push(observation);
  }
  const found: Finding[] = [];
  for (const hidden of byPair.values()) {
    const [first] = hidden;
    if (first?.cors === undefined || first.cors === null) continue;
    const statuses = [...new Set(hidden.map((o) => o.status).filter((s) => s > 0))].sort((a, b) => a - b);
    const saw = statuses.length === 0 ? 'the failure' : `the ${statuses.join(', ')}`;
    const count = hidden.length === 1 ? 'An error response' : `${hidden.length} error responses`;
    found.push({
      kind: 'cors-hidden',
      severity: 'warn',
      entries: refsOf(hidden),
      message: `${count} from ${first.host || 'the API'} ${hidden.length === 1 ? 'was' : 'were'} hidden from the page${first.cors.origin === null ? '' : ` at ${first.cors.origin}`} (${REASONS[first.cors.reason]}): the app saw a network error ("Failed to fetch"), not ${saw}.`,
      advice: `${first.cors.fix} Then the app can read the status, the error body and the Retry-After instead of guessing.`,
    });
  }
  return found;
}
