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
import { generalSuccessHints } from './families/general-in-success-hints.ts';
import { graphqlSuccessHints } from './families/graphql-hints.ts';
import { grpcWebSuccessHints } from './families/grpc-web-hints.ts';
import { jsendSuccessHints } from './families/jsend-hints.ts';
import { jsonrpcSuccessHints } from './families/jsonrpc-hints.ts';
import { slackSuccessHints } from './families/slack-hints.ts';
import { twitterSuccessHints } from './families/twitter-hints.ts';
import { xmlFaultSuccessHints } from './families/xml-fault-hints.ts';

/** The hints of every family tried on 2xx bodies. */
export const allSuccessHints: readonly SuccessHints[] = [
  graphqlSuccessHints,
  twitterSuccessHints,
  jsonrpcSuccessHints,
  slackSuccessHints,
  jsendSuccessHints,
  grpcWebSuccessHints,
  generalSuccessHints,
  xmlFaultSuccessHints,
];

/**
 * One regex for every distinct body hint, so a body is scanned once whatever the number of families. Hints that
 * open with a quote (a JSON key) share it, `"(?:key1…|key2…)`, so the scan tries the alternatives only at a quote.
 * Hints are case-sensitive (they spell the case variants they accept): a case-insensitive scan of every success
 * body costs several times more.
 */
function combine(sources: readonly string[]): RegExp {
  const distinct = [...new Set(sources)];
  const quoted = distinct.filter((source) => source.startsWith('"')).map((source) => `(?:${source.slice(1)})`);
  const other = distinct.filter((source) => !source.startsWith('"')).map((source) => `(?:${source})`);
  return new RegExp([...(quoted.length === 0 ? [] : [`"(?:${quoted.join('|')})`]), ...other].join('|'));
}

/** The top-level alternatives of a regex source (`a|b(?:c|d)` → `a`, `b(?:c|d)`), minding escapes, groups and classes. */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

const BODY_HINT = combine(allSuccessHints.flatMap((hints) => (hints.body === undefined ? [] : alternatives(hints.body.source))));
const HEAD_HINT = combine(allSuccessHints.flatMap((hints) => (hints.head === undefined ? [] : alternatives(hints.head.source))));

/** How much of the start of a body the head hints see: the top members of any envelope, past a long first value. */
const HEAD_CHARS = 1024;
const HEADER_HINTS = allSuccessHints.flatMap((hints) => (hints.header === undefined ? [] : [hints.header]));

/** Header names of the rate-limit dialects: a coarse test; the rate-limit parser decides. */
const RATE_LIMIT_HEADER = /ratelimit|rate-limit|retry-after|api-call-limit|^x-(?:app|ad-account|business-use-case)-usage$|^x-[a-z0-9-]+-(?:limit|quota)(?:-|$)/;

/** True when a success response may carry an error: in its body, or in a header some family reads. */
export function mayCarryErrorInSuccess(bodyText: string, headers: HeaderMap): boolean {
  for (const name of headers.keys()) if (HEADER_HINTS.some((hint) => hint.test(name))) return true;
  return HEAD_HINT.test(bodyText.slice(0, HEAD_CHARS)) || BODY_HINT.test(bodyText);
}

/** True when a response has a header of some rate-limit dialect. */
export function mayCarryRateLimit(headers: HeaderMap): boolean {
  for (const name of headers.keys()) if (RATE_LIMIT_HEADER.test(name)) return true;
  return false;
}
