/**
 * Situations a senior engineer recognizes before looking at the status table: an expired session, a missing
 * scope, a used-up quota, an IP ban, a service warming up, a method not allowed, a 5xx the body blames on the
 * request. Each is decided from the status, the code, the words of the message and the headers together, so
 * a vendor no catalog knows still gets the right advice. The first that applies wins.
 */
import { formatDuration } from './duration.ts';
import type { AdviceInput } from './index.ts';
import { THROTTLE_BACKOFF, TRANSIENT_BACKOFF } from './backoff.ts';
import type { Judgement } from './judge.ts';

/** A delay longer than this is a quota period (hours, a day, a month), not a throttle to sit out. */
export const QUOTA_WINDOW_MS = 3600 * 1000;

/** Code, subcode and message as one text to search, bounded (a sentence is at the start of a message). */
function wordsOf(input: AdviceInput): string {
  return [input.code, input.subcode, input.message].filter((part) => part !== null).join(' ').slice(0, 2000);
}

/** WWW-Authenticate parameters (`Bearer error="invalid_token", scope="a b"`), lower-case names. */
function challengeParam(input: AdviceInput, name: string): string | null {
  const header = input.responseHeaders.get('www-authenticate');
  if (header === undefined) return null;
  const found = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]{0,500})"|([^\\s,]{1,200}))`, 'i').exec(header.slice(0, 4000));
  return found?.[1] ?? found?.[2] ?? null;
}

const EXPIRED =
  /\b(?:expired?|no longer valid|revoked|invalid[_ ](?:token|session|grant|jwt|refresh[_ ]token))\b|(?:token|session|jwt|credentials?)[_.-]?(?:expired|invalid|revoked)\b|\b(?:expired|invalid)[_.-]?(?:token|session|jwt)\b/i;
const AUTH_WORDS = /\b(?:token|session|jwt|credential|credentials|login|sign[- ]?in|signature|bearer|auth\w*)\b|token|session/i;

/** The flow that gets new credentials, in the words of the family when it is known. */
function reauthFlow(input: AdviceInput): string {
  if (input.format === 'aws-json' || input.format === 'aws-xml') return 'get new session credentials (or refresh the user pool tokens with the refresh token)';
  if (input.responseHeaders.get('www-authenticate')?.trim().toLowerCase().startsWith('bearer') === true || input.format === 'oauth' || input.format === 'okta') {
    return 'use the refresh token (a refresh_token grant) to get a new access token, or sign the user in again';
  }
  return 'refresh the token or sign in again';
}

/**
 * A refused refresh (`invalid_grant`, or words saying the token expired, to a `grant_type=refresh_token` request):
 * the refresh token itself is expired, revoked or its session ended (Keycloak "Token is not active", HID "No such
 * session"), so refreshing again fails the same way and only a new sign-in gets new tokens.
 */
function refreshTokenDead(input: AdviceInput, words: string): Judgement | null {
  if (!input.refreshGrant || input.status < 400 || input.status >= 500) return null;
  if (input.code?.toLowerCase() !== 'invalid_grant' && !EXPIRED.test(words)) return null;
  return {
    retryable: false,
    plan: TRANSIENT_BACKOFF,
    lead: 'The refresh token is no longer valid (expired, revoked, already used or its session ended): the user must sign in again to get new tokens; refreshing with the same token fails the same way.',
    throttled: false,
  };
}

function sessionExpired(input: AdviceInput, words: string): Judgement | null {
  const challenge = challengeParam(input, 'error');
  const byChallenge = challenge === 'invalid_token';
  const authStatus = input.status === 401 || input.status === 400 || input.status === 403 || input.status === 419 || input.status === 440 || input.errorIn2xx;
  if (!byChallenge && !(authStatus && EXPIRED.test(words) && AUTH_WORDS.test(words))) return null;
  return {
    retryable: false,
    plan: TRANSIENT_BACKOFF,
    lead: `Re-authenticate: the session or access token has expired or is no longer valid, so ${reauthFlow(input)}, then resend once; the same token keeps failing.`,
    throttled: false,
  };
}

const SCOPE_WORDS = /\binsufficient[_ ]scopes?\b|\bmissing (?:the )?(?:required )?(?:scopes?|permissions?)\b|\bscopes? (?:required|missing|needed)\b|\brequires? (?:the )?[\w.:/-]+ scope\b/i;
const SCOPE_NAME = /\bscopes?\b[^:.]{0,60}?(?::|=|\bof\b|\bis\b|\bare\b)\s*["'“]?([A-Za-z0-9_.:/-]+(?:(?:,\s*|\s+or\s+|\s+)[A-Za-z0-9_.:/-]+:[A-Za-z0-9_.:/-]+)*)|["'“]([A-Za-z0-9_.:/-]+)["'”] scope|\brequires? (?:the )?([\w.:/-]+) scope\b/i;

/** The scope the response names as missing: the family's reading, the challenge's `scope`, or the message. */
function missingScopeOf(input: AdviceInput, words: string): string | null {
  if (input.missingScope !== null) return input.missingScope;
  if (challengeParam(input, 'error') === 'insufficient_scope') return challengeParam(input, 'scope') ?? '';
  if (!SCOPE_WORDS.test(words) && input.code?.toLowerCase() !== 'insufficient_scope') return null;
  const found = SCOPE_NAME.exec(input.message);
  return found?.[1] ?? found?.[2] ?? found?.[3] ?? '';
}

function missingScope(input: AdviceInput, words: string): Judgement | null {
  const scope = missingScopeOf(input, words);
  if (scope === null) return null;
  const what = scope === '' ? 'the scope this call needs' : `the "${scope}" scope`;
  return {
    retryable: false,
    plan: TRANSIENT_BACKOFF,
    lead: `The credentials lack ${what}: get a token or key that includes it (ask for it at consent, or mint a new key); the same credentials fail again.`,
    throttled: false,
  };
}

const BAN = /\b(?:ip|address|client)\b[^.;]{0,40}\bbann?ed\b|\bbann?ed\b[^.;]{0,20}\buntil\b|\bIP ban\b/i;

function ipBan(input: AdviceInput, words: string): Judgement | null {
  if (input.status !== 418 && !BAN.test(words)) return null;
  const known = input.delay !== null;
  return {
    retryable: known,
    plan: THROTTLE_BACKOFF,
    lead: `This IP address is banned for sending too much: ${known ? 'wait the ban out without sending anything (requests during a ban can extend it)' : 'stop sending from it until the ban is lifted'}, then cut the request weight (fewer and batched calls, caching, a websocket or webhooks for live data).`,
    throttled: false,
  };
}

const QUOTA_WORDS = /(?:\b|_)quota(?:\b|_)|\b(?:daily|monthly|hourly|weekly|yearly|annual|per[- ]day|per[- ]month)\b[^.;]{0,40}\b(?:limit|quota|allowance|cap)\b|\blimit\b[^.;]{0,30}\b(?:reached|exhausted|used up)\b|\bcapping\b/i;
const RATE_WORDS = /\btoo many (?:requests|visits|calls|attempts|hits)\b|\brate[ _-]?limit|\bthrottl|\bslow down\b|\brequest weight\b/i;
const PERIOD_WORD = /(?:\b|_)(daily|monthly|hourly|weekly|yearly|annual)(?:\b|_)/i;

/** The reset as a clock time, stable however late the advice is read. */
function resetClause(input: AdviceInput): string {
  if (input.delay === null) return 'it resets with the quota period, not in seconds';
  const at = new Date(input.receivedAt + input.delay.afterMs).toISOString().replace('T', ' ').replace(/:\d{2}\.\d{3}Z$/, ' UTC');
  return `it resets at ${at} (${formatDuration(input.delay.afterMs)} after the response)`;
}

function quotaUsedUp(input: AdviceInput, words: string): Judgement | null {
  const quota = QUOTA_WORDS.test(words);
  const far = input.delay !== null && input.delay.afterMs > QUOTA_WINDOW_MS;
  if (!quota && !(far && (input.status === 429 || RATE_WORDS.test(words)))) return null;
  const period = PERIOD_WORD.exec(words)?.[1]?.toLowerCase();
  // A quota that refills within the hour is a throttle with a stated delay: wait it out (naming the period when
  // the response does, so a daily quota reads as one).
  if (input.delay !== null && !far) {
    return period === undefined || !quota ? null : { retryable: true, plan: THROTTLE_BACKOFF, lead: `The ${period} quota is used up and resets within the hour.`, throttled: true };
  }
  const what = period === undefined ? 'quota or plan limit' : `${period} quota or limit`;
  return {
    retryable: false,
    plan: THROTTLE_BACKOFF,
    lead: `The ${what} is used up: don't retry automatically, ${resetClause(input)}; spread or reduce the usage, or raise the limit.`,
    throttled: false,
  };
}

const WARMING = /\b(?:is |currently )?(?:loading|warming up|starting up|starting|initiali[sz]ing|cold start|spinning up|booting)\b/i;

function warmingUp(input: AdviceInput, words: string): Judgement | null {
  if (input.status < 500 || !WARMING.test(words)) return null;
  const when = input.delay === null ? 'retry with backoff' : 'retry after the estimated time it gives';
  return { retryable: true, plan: TRANSIENT_BACKOFF, lead: `The service is warming up (loading or starting): ${when}; the first request after a cold start is slow.`, throttled: false };
}

function methodNotAllowed(input: AdviceInput): Judgement | null {
  if (input.status !== 405) return null;
  const allow = input.responseHeaders.get('allow')?.slice(0, 500).split(',').map((method) => method.trim().toUpperCase()).filter((method) => /^[A-Z-]{1,20}$/.test(method));
  if (allow === undefined || allow.length === 0) return null;
  return {
    retryable: false,
    plan: TRANSIENT_BACKOFF,
    lead: `${input.method.toUpperCase()} is not allowed here: use one of ${allow.join(', ')} (the Allow header); ${input.method.toUpperCase()} fails again.`,
    throttled: false,
  };
}

const CLIENT_BLAME = /\b(?:client|sender|invalid|validation|malformed|bad[ _-]?request|missing (?:parameter|field|argument)|required (?:parameter|field)|not (?:valid|allowed|supported))\b|(?:client|sender)$/i;

function blamedOnClient(input: AdviceInput, words: string): Judgement | null {
  if (input.status < 500 || input.status > 599 || !CLIENT_BLAME.test(words) || RATE_WORDS.test(words) || QUOTA_WORDS.test(words)) return null;
  return {
    retryable: false,
    plan: TRANSIENT_BACKOFF,
    lead: `The status says ${input.status}, a server error, but the body blames the request: fix what the message names and resend; an unchanged request fails the same way.`,
    throttled: false,
  };
}

/** The first situation that applies, or null when the general rules should decide. */
export function recognizeSituation(input: AdviceInput): Judgement | null {
  const words = wordsOf(input);
  return (
    methodNotAllowed(input) ??
    ipBan(input, words) ??
    refreshTokenDead(input, words) ??
    sessionExpired(input, words) ??
    missingScope(input, words) ??
    quotaUsedUp(input, words) ??
    warmingUp(input, words) ??
    blamedOnClient(input, words)
  );
}

/** Words that say the request was throttled even when the status does not (a 2xx "Too many visits!", a 400). */
export function saysThrottled(input: AdviceInput): boolean {
  return RATE_WORDS.test(wordsOf(input));
}
