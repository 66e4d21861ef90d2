import { fixtures, type Fixture } from '../../src/core/fixtures/index.ts';

/**
 * What the demo page sends: one call per fixture, with the fixture's own method, headers and body,
 * plus the credentials an authenticated API client would carry, so redaction can be tested on real
 * traffic. The e2e tests import these values to know exactly what went over the wire.
 */
export const demoCredentials = {
  /** Sent as `Authorization: Bearer …` on every fixture call whose fixture names no Authorization itself. */
  bearerToken: 'fl_demo_9f3c2a7e5b1d4c8a',
  /** Sent as `X-API-Key` on the rate-limit endpoints. */
  apiKey: 'demo-key-4b8e1f0a2c6d',
  /** Value of the `fl_session` cookie the server sets on the demo pages. */
  sessionCookie: 'fl_session=s%3Ademo-7d41c09e',
} as const;

export const fixturePathPrefix = '/api/fx/';

/** Group name of the fixtures that are not errors (the false-positive guard). */
export const notErrorGroup = 'not an error';

export interface DemoCall {
  readonly fixture: string;
  /** Envelope family the fixture must decode as, or {@link notErrorGroup}. */
  readonly group: string;
  readonly isError: boolean;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  readonly status: number;
  /**
   * `omit` when the response challenges with a scheme browsers answer with a login dialog (Basic,
   * Digest…): fetch then neither prompts (which would stall the page) nor sends the session cookie.
   */
  readonly credentials: 'same-origin' | 'omit';
}

/** A WWW-Authenticate challenge list naming a scheme the browser would prompt for. */
const PROMPTING_CHALLENGE = /(?:^|,)\s*(?:basic|digest|negotiate|ntlm)(?:\s|,|$)/i;

function promptsForLogin(fixture: Fixture): boolean {
  return Object.entries(fixture.response.headers ?? {}).some(
    ([name, value]) => name.toLowerCase() === 'www-authenticate' && PROMPTING_CHALLENGE.test(value),
  );
}

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

export function demoCall(fixture: Fixture): DemoCall {
  const own = fixture.request.headers ?? {};
  const headers = hasHeader(own, 'authorization') ? own : { ...own, Authorization: `Bearer ${demoCredentials.bearerToken}` };
  return {
    fixture: fixture.name,
    group: fixture.expect?.format ?? notErrorGroup,
    isError: fixture.expect !== null,
    method: fixture.request.method.toUpperCase(),
    path: fixturePathPrefix + encodeURIComponent(fixture.name),
    headers,
    body: fixture.request.body ?? null,
    status: fixture.response.status,
    credentials: promptsForLogin(fixture) ? 'omit' : 'same-origin',
  };
}

/** Every fixture's call, in fixture order (seeds first). */
export const demoCalls: readonly DemoCall[] = fixtures.map(demoCall);

/** The calls of "Fire everything": every error fixture once, in order. */
export const errorCalls: readonly DemoCall[] = demoCalls.filter((call) => call.isError);

/** The POST the page re-sends with an `Idempotency-Key` (the first error fixture sent as a POST without one). */
export const idempotentPostCall: DemoCall | null =
  errorCalls.find((call) => call.method === 'POST' && !hasHeader(call.headers, 'idempotency-key')) ?? null;

/** Calls grouped by family, groups in order of first appearance. */
export function groupCalls(calls: readonly DemoCall[]): ReadonlyMap<string, readonly DemoCall[]> {
  const groups = new Map<string, DemoCall[]>();
  for (const call of calls) {
    const group = groups.get(call.group);
    if (group === undefined) groups.set(call.group, [call]);
    else group.push(call);
  }
  return groups;
}
