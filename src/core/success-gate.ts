/**
 * Cheap tests, run without parsing, that say whether a 1xx–3xx response can matter to Faultline at all. The
 * pipeline uses them before parsing a success body; the capture layer uses them to skip buffering responses that
 * can add neither a row nor a rate-limit chip. Both must stay cheap: every request passes through them.
 */
import type { HeaderMap } from './exchange.ts';

/**
 * envelopes.md §B3: a non-empty `errors` list (GraphQL, Twitter v2), an `error` object (JSON-RPC), `ok: false`
 * (Slack), `success: false`, or a JSend fail/error status. Ordinary payloads such as `"status":"paid"` do not match.
 */
const ERROR_MEMBER = /"errors"\s*:\s*\[\s*[{"]|"error"\s*:\s*\{|"ok"\s*:\s*false|"success"\s*:\s*false|"status"\s*:\s*"(?:fail|error)"/;

/** Header names of the rate-limit dialects (envelopes.md §C): a coarse test; the rate-limit parser decides. */
const RATE_LIMIT_HEADER = /ratelimit|rate-limit|retry-after|api-call-limit|^x-(?:app|ad-account|business-use-case)-usage$/;

/** True when a success response may carry an error: in its body, or (gRPC-Web trailers-only) in `grpc-status`. */
export function mayCarryErrorInSuccess(bodyText: string, headers: HeaderMap): boolean {
  return headers.has('grpc-status') || ERROR_MEMBER.test(bodyText);
}

/** True when a response has a header of some rate-limit dialect. */
export function mayCarryRateLimit(headers: HeaderMap): boolean {
  for (const name of headers.keys()) if (RATE_LIMIT_HEADER.test(name)) return true;
  return false;
}
