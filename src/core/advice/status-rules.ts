/**
 * What each HTTP status means for a client and whether to retry, phrased as
 * something to do, never as the status definition. Restore Hub's per-status handling (seed 002) is
 * the baseline wording: 401 re-authenticate, 403 name the scope, 404 don't crawl, 409 re-fetch and
 * reconcile, 5xx retry with jitter at most 3 times.
 */
import type { RetryKind } from '../catalog/types.ts';
import type { BackoffPlan } from '../model.ts';
import type { AdviceInput } from './index.ts';
import { HOURS_BACKOFF, ORIGIN_DOWN_BACKOFF, THROTTLE_BACKOFF, TRANSIENT_BACKOFF } from './backoff.ts';
import { hasIdempotencyKey } from './idempotency.ts';

/** When the status allows a retry: never, always, only when the server stated a delay, only for idempotent requests, only when the request carried an idempotency key. */
export type StatusRetry = 'no' | 'yes' | 'if-delay' | 'if-idempotent' | 'if-keyed';

export interface StatusRule {
  readonly retry: StatusRetry;
  readonly backoff?: BackoffPlan;
  readonly guidance: (input: AdviceInput) => string;
}

const fixAndResend = (input: AdviceInput, what: string): string =>
  input.fieldErrors.length > 0
    ? `Fix the ${input.fieldErrors.length === 1 ? 'rejected field' : `${input.fieldErrors.length} rejected fields`} listed with this error and resend; the same values fail again.`
    : `${what}: read the message, fix the request and don't resend it unchanged, it fails the same way.`;

const fixed = (guidance: string) => (): string => guidance;

const RULES: ReadonlyMap<number, StatusRule> = new Map<number, StatusRule>([
  [400, { retry: 'no', guidance: (i) => fixAndResend(i, 'The request is malformed or invalid') }],
  [401, { retry: 'no', guidance: fixed('Re-authenticate: the credentials are missing, invalid, expired or revoked; refresh the token or re-mint the key once instead of retrying blindly with the same ones.') }],
  [402, { retry: 'no', guidance: fixed('Payment or plan limit reached: check billing or upgrade the plan; retrying changes nothing until then.') }],
  [
    403,
    {
      retry: 'no',
      guidance: (i) =>
        i.missingScope !== null
          ? `The credentials lack the "${i.missingScope}" scope: mint a key or token that has it (don't try to circumvent the check); the same credentials fail again.`
          : 'These credentials may not do this: check the key\'s permissions and that the resource belongs to this account; repeating with the same credentials fails again.',
    },
  ],
  [404, { retry: 'no', guidance: fixed('Check the URL and the resource id: it does not exist or this key cannot see it, so treat it as not yours and don\'t crawl other ids.') }],
  [405, { retry: 'no', guidance: fixed('Use a method this endpoint allows (see the Allow response header); the same method fails again.') }],
  [406, { retry: 'no', guidance: fixed('Ask for a media type the endpoint can produce: fix the Accept header.') }],
  [408, { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('The server gave up waiting for the request to arrive: resend it, and check for a stalled upload if it repeats.') }],
  [
    409,
    {
      retry: 'if-keyed',
      backoff: TRANSIENT_BACKOFF,
      guidance: (i) =>
        hasIdempotencyKey(i.requestHeaders)
          ? 'A request with the same Idempotency-Key is still being processed: wait, then retry with the same key.'
          : 'The request conflicts with the resource\'s current state: re-fetch it, reconcile your change with it and resend; don\'t repeat the request as is.',
    },
  ],
  [410, { retry: 'no', guidance: fixed('The resource is gone for good: remove references to it instead of retrying.') }],
  [411, { retry: 'no', guidance: fixed('Send a Content-Length header with the body.') }],
  [412, { retry: 'no', guidance: fixed('The resource changed since you read it: re-fetch it, re-apply your change and retry with the new ETag in If-Match.') }],
  [
    413,
    {
      retry: 'if-delay',
      guidance: fixed('The request body is too large: shrink it (smaller batches, pagination or a chunked upload).'),
    },
  ],
  [414, { retry: 'no', guidance: fixed('The URL is too long: move the parameters into a request body or shorten the query.') }],
  [415, { retry: 'no', guidance: fixed('Send the body in a media type the endpoint accepts: fix the Content-Type header (and the encoding of the body).') }],
  [416, { retry: 'no', guidance: fixed('The requested range lies outside the resource: re-read its length and request a valid Range.') }],
  [422, { retry: 'no', guidance: (i) => fixAndResend(i, 'The request is well-formed but breaks a validation or business rule') }],
  [423, { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('The resource is locked by another operation: wait for it to finish.') }],
  [424, { retry: 'no', guidance: fixed('A request this one depends on failed: fix and resend that one first.') }],
  [425, { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('The server refused TLS early data (0-RTT): resend once the handshake has completed, with no change to the request.') }],
  [428, { retry: 'no', guidance: fixed('The server requires a conditional request: fetch the resource and resend with its ETag in If-Match.') }],
  [429, { retry: 'yes', backoff: THROTTLE_BACKOFF, guidance: fixed('Rate limited: wait for the time Retry-After or the rate-limit reset gives (back off when there is none), and lower the request rate.') }],
  [431, { retry: 'no', guidance: fixed('The request headers are too large: drop oversized cookies or headers.') }],
  [451, { retry: 'no', guidance: fixed('The resource is blocked for legal reasons in this context; retrying will not change that.') }],
  [500, { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('The server failed unexpectedly: if it persists, report it with the request id.') }],
  [501, { retry: 'no', guidance: fixed('The server does not implement this method or feature: use a supported one instead of retrying.') }],
  [502, { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('A gateway got no valid answer from the server behind it; this is usually transient.') }],
  [503, { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('The service is temporarily unavailable (overloaded or in maintenance).') }],
  [504, { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('A gateway timed out waiting for the server, which may still have applied the request.') }],
  [505, { retry: 'no', guidance: fixed('The server does not support this HTTP version: switch the client\'s protocol version.') }],
  [507, { retry: 'no', guidance: fixed('The server is out of storage: free space or raise the quota before retrying.') }],
  [508, { retry: 'no', guidance: fixed('The server detected an infinite loop while handling the request: report it.') }],
  [509, { retry: 'yes', backoff: HOURS_BACKOFF, guidance: fixed('The host\'s bandwidth quota is used up: expect it to recover in hours, not seconds.') }],
  [511, { retry: 'no', guidance: fixed('The network requires you to log in first (captive portal): authenticate to the network, then resend.') }],
  [520, { retry: 'if-idempotent', backoff: TRANSIENT_BACKOFF, guidance: fixed('Cloudflare got an empty or unknown response from the origin server: check the origin\'s logs for crashes.') }],
  [521, { retry: 'yes', backoff: ORIGIN_DOWN_BACKOFF, guidance: fixed('Cloudflare could not connect: the origin server refused the connection, so it is down.') }],
  [522, { retry: 'yes', backoff: ORIGIN_DOWN_BACKOFF, guidance: fixed('Cloudflare timed out connecting to the origin server, which is down or overloaded.') }],
  [523, { retry: 'yes', backoff: ORIGIN_DOWN_BACKOFF, guidance: fixed('Cloudflare cannot reach the origin server (routing or DNS to the origin is broken).') }],
  [524, { retry: 'if-idempotent', backoff: TRANSIENT_BACKOFF, guidance: fixed('The origin accepted the connection but sent no response within Cloudflare\'s ~100 s and may still be processing; move long work to a background job.') }],
  [525, { retry: 'no', guidance: fixed('The TLS handshake between Cloudflare and the origin failed: fix the origin\'s TLS configuration.') }],
  [526, { retry: 'no', guidance: fixed('Cloudflare rejected the origin\'s certificate: install a valid certificate on the origin.') }],
  [527, { retry: 'no', guidance: fixed('Cloudflare\'s Railgun connection to the origin failed: check the Railgun setup.') }],
  [529, { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('The service is overloaded.') }],
  [530, { retry: 'no', guidance: fixed('Cloudflare could not resolve or reach the origin (a 1xxx error comes with it): fix the origin\'s DNS record.') }],
  [598, { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('A proxy timed out reading from the server, which may still have applied the request.') }],
  [599, { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('A proxy timed out connecting to the server.') }],
]);

const OTHER_SERVER_ERROR: StatusRule = { retry: 'yes', backoff: TRANSIENT_BACKOFF, guidance: fixed('The server failed to handle the request.') };
const OTHER_CLIENT_ERROR: StatusRule = { retry: 'no', guidance: (i) => fixAndResend(i, 'The server rejected the request') };
const ERROR_IN_SUCCESS: StatusRule = {
  retry: 'no',
  guidance: (i) => fixAndResend(i, 'The response reports an error despite its success status, so HTTP-level retry logic will not see it'),
};

export function statusRule(status: number): StatusRule {
  return RULES.get(status) ?? (status >= 500 ? OTHER_SERVER_ERROR : status >= 400 ? OTHER_CLIENT_ERROR : ERROR_IN_SUCCESS);
}

/** A request with nothing known about it but its status: what the catalog shows for a status looked up alone. */
export const BARE_ADVICE_INPUT: Omit<AdviceInput, 'status'> = {
  method: 'GET',
  requestHeaders: new Map(),
  refreshGrant: false,
  responseHeaders: new Map(),
  format: 'status-only',
  errorIn2xx: false,
  code: null,
  subcode: null,
  message: '',
  fieldErrors: [],
  missingScope: null,
  throttled: false,
  notRetryable: false,
  serverRetry: null,
  delay: null,
  rateLimit: null,
  receivedAt: 0,
};

const RETRY_KINDS: Readonly<Record<StatusRetry, RetryKind>> = { no: 'no', yes: 'yes', 'if-delay': 'after-delay', 'if-idempotent': 'conditional', 'if-keyed': 'conditional' };

/**
 * The retry kind and advice of a status this table has a rule for, as the catalog shows them: the same rule the
 * advice judge applies to a decoded error, so a looked-up 401 and a captured 401 read alike. Null for statuses
 * the table leaves to the catalog (1xx–3xx and rare 4xx/5xx without a rule).
 */
export function statusAdvice(status: number): { readonly retry: RetryKind; readonly advice: string } | null {
  const rule = RULES.get(status);
  return rule === undefined ? null : { retry: RETRY_KINDS[rule.retry], advice: rule.guidance({ ...BARE_ADVICE_INPUT, status }) };
}
