/**
 * Cheap tests, run without parsing, that say whether a 1xx–3xx response can matter to Faultline at all. The
 * pipeline uses them before parsing a success body; the capture layer uses them to skip buffering responses that
 * can add neither a row nor a rate-limit chip. Both must stay cheap: every request passes through them.
 *
 * The error hints are not written here: each family whose errors arrive in 2xx declares its own (SuccessHints),
 * and this module only combines them. The capture layer imports the hints alone (no family code comes along);
 * success-gate.test.ts checks that every 2xx family of the registry is listed, so none is silently dropped.
 */
import type { HeaderMap } from './exchange.ts';
import type { SuccessHints } from './families/family.ts';
import { generalSuccessHints } from './families/general-in-success.ts';
import { graphqlSuccessHints } from './families/graphql.ts';
import { grpcWebSuccessHints } from './families/grpc-web.ts';
import { jsendSuccessHints } from './families/jsend.ts';
import { jsonrpcSuccessHints } from './families/jsonrpc.ts';
import { slackSuccessHints } from './families/slack.ts';
import { twitterSuccessHints } from './families/twitter.ts';

/** The hints of every family tried on 2xx bodies. */
export const allSuccessHints: readonly SuccessHints[] = [
  graphqlSuccessHints,
  twitterSuccessHints,
  jsonrpcSuccessHints,
  slackSuccessHints,
  jsendSuccessHints,
  grpcWebSuccessHints,
  generalSuccessHints,
];

/** One alternation of every body hint, so a body is scanned once, whatever the number of families. */
const BODY_HINT = new RegExp(
  allSuccessHints.flatMap((hints) => (hints.body === undefined ? [] : [`(?:${hints.body.source})`])).join('|'),
  'i',
);
const HEADER_HINTS = allSuccessHints.flatMap((hints) => (hints.header === undefined ? [] : [hints.header]));

/** Header names of the rate-limit dialects: a coarse test; the rate-limit parser decides. */
const RATE_LIMIT_HEADER = /ratelimit|rate-limit|retry-after|api-call-limit|^x-(?:app|ad-account|business-use-case)-usage$|^x-[a-z0-9-]+-(?:limit|quota)(?:-|$)/;

/** True when a success response may carry an error: in its body, or in a header some family reads. */
export function mayCarryErrorInSuccess(bodyText: string, headers: HeaderMap): boolean {
  for (const name of headers.keys()) if (HEADER_HINTS.some((hint) => hint.test(name))) return true;
  return BODY_HINT.test(bodyText);
}

/** True when a response has a header of some rate-limit dialect. */
export function mayCarryRateLimit(headers: HeaderMap): boolean {
  for (const name of headers.keys()) if (RATE_LIMIT_HEADER.test(name)) return true;
  return false;
}
