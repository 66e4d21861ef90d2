import { analyze } from '../analyze.ts';
import type { Exchange } from '../exchange.ts';
import { fixtures, type Fixture } from '../fixtures/index.ts';
import { fixtureExchange } from '../fixtures/render.ts';
import { observe, type Observation } from './observation.ts';

/** A fixed start, so messages that name clock times are stable. */
export const T0 = Date.UTC(2026, 11, 7, 16, 57, 6);

export function fixture(name: string): Fixture {
  const found = fixtures.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return found;
}

export interface Send {
  /** Seconds after T0 at which the request was sent; the response arrives 100 ms later. */
  readonly at: number;
  readonly path?: string;
  readonly requestHeaders?: Readonly<Record<string, string>>;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly origin?: string;
}

/** One request of a timeline: a fixture's real response, sent at `at` (its request changed as told). */
export function send(name: string, options: Send): Exchange {
  const base = fixture(name);
  const sentAt = T0 + options.at * 1000;
  const shaped: Fixture = {
    ...base,
    request: { ...base.request, path: options.path ?? base.request.path, headers: { ...base.request.headers, ...options.requestHeaders } },
    response: { ...base.response, headers: { ...base.response.headers, ...options.responseHeaders } },
  };
  return { ...fixtureExchange(shaped, sentAt + 100, options.origin), startedAt: sentAt };
}

/** The observations of a timeline, each ref its place in it (as a HAR entry index would be). */
export function timeline(exchanges: readonly Exchange[]): Observation[] {
  return exchanges.map((exchange, i) => observe(i, exchange, analyze(exchange)));
}
