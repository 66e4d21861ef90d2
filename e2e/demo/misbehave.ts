import { fixtures } from '../../src/core/fixtures/index.ts';
import { demoCall, type DemoCall } from './calls.ts';

/**
 * "Misbehaving client": what the demo page sends to show Faultline's findings, each step a common
 * client bug from the issue trackers. The page script (client.ts) runs the steps in order; `other`
 * steps go to the demo server's second loopback origin, a cross-origin API that sends no CORS headers.
 */
export interface MisbehaveStep {
  readonly call: Pick<DemoCall, 'method' | 'path' | 'headers' | 'body'>;
  readonly times: number;
  /** Between two sends of the step (after the previous one answered). */
  readonly everyMs: number;
  /** Sent to the second origin, whose responses the page cannot read (no Access-Control-Allow-Origin). */
  readonly other: boolean;
  /** The finding it is there to show. */
  readonly shows: string;
}

function call(name: string): DemoCall {
  const fixture = fixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`misbehave: no fixture ${name}`);
  return demoCall(fixture);
}

export const misbehaveSteps: readonly MisbehaveStep[] = [
  // A retry storm: the 429 says Retry-After: 3, the client retries every 300 ms anyway.
  { call: call('discord-rate-limited'), times: 4, everyMs: 300, other: false, shows: 'retry-before-delay' },
  // Lockstep: a 502 retried on a fixed timer, no backoff.
  { call: call('discord-bad-gateway'), times: 4, everyMs: 250, other: false, shows: 'no-backoff' },
  // A refund re-POSTed after a 500 without an Idempotency-Key.
  { call: call('stripe-500-should-not-retry'), times: 2, everyMs: 400, other: false, shows: 'unsafe-retry' },
  // A 422 resent unchanged.
  { call: call('laravel-422-validation'), times: 2, everyMs: 400, other: false, shows: 'retried-non-retryable' },
  // A 429 from another origin without CORS headers: the app sees "Failed to fetch". A simple GET, no preflight.
  { call: { ...call('rl-bodiless-429-http-date'), headers: {} }, times: 1, everyMs: 0, other: true, shows: 'cors-hidden' },
];

/** Requests the plan sends in all. */
export const misbehaveRequestCount = misbehaveSteps.reduce((n, step) => n + step.times, 0);
