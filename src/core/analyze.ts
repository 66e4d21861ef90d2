import { advise } from './advice/index.ts';
import { serverRetryDirective } from './advice/server-directive.ts';
import { essenceOf, readBody } from './body.ts';
import { statusEntry } from './catalog/index.ts';
import { headerMap, type Exchange, type HeaderMap } from './exchange.ts';
import type { BodyView, Family, FamilyMatch } from './families/family.ts';
import { families, successFamilies } from './families/index.ts';
import { httpUrl, parseJson, prop, text } from './json.ts';
import type { Analysis, DecodedError, RateLimitState } from './model.ts';
import { readRateLimit, readRetryDelay } from './ratelimit/index.ts';
import { mayCarryErrorInSuccess } from './success-gate.ts';

/** Response headers that carry a request or trace id, most specific first. */
const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-github-request-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-ms-request-id',
  'x-correlation-id',
  'x-trace-id',
  'x-cloud-trace-context',
  'fly-request-id',
  'cf-ray',
] as const;

/** Picks the best and the runner-up match: strongest first, recognition order breaks ties. */
function recognize(view: BodyView, candidates: readonly Family[]): { best: FamilyMatch | null; runnerUp: FamilyMatch | null } {
  let best: FamilyMatch | null = null;
  let runnerUp: FamilyMatch | null = null;
  for (const family of candidates) {
    let match: FamilyMatch | null;
    try {
      match = family.match(view);
    } catch {
      match = null; // a family must not throw; if one does, the others still decide
    }
    if (match === null) continue;
    if (best === null || match.strength > best.strength) {
      if (best !== null && best.family !== match.family) runnerUp = best;
      best = match;
    } else if (match.family !== best.family && (runnerUp === null || match.strength > runnerUp.strength)) {
      runnerUp = match;
    }
  }
  return { best, runnerUp };
}

function requestIdFromHeaders(headers: HeaderMap): string | null {
  for (const name of REQUEST_ID_HEADERS) {
    const value = text(headers.get(name));
    if (value !== null) return value;
  }
  return null;
}

function looksLikeJson(source: string): boolean {
  const first = source.trimStart()[0];
  return first === '{' || first === '[';
}

/** A 202 that says "not ready yet" (Discord search index, async jobs): pending, not an error. */
function pendingOf(status: number, json: unknown, headers: HeaderMap, receivedAt: number): Analysis['pending'] {
  if (status !== 202) return null;
  const retryAfter = prop(json, 'retry_after');
  if (typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0) {
    return { retryAt: receivedAt + retryAfter * 1000 };
  }
  const header = headers.get('retry-after');
  if (header === undefined) return null;
  const seconds = Number(header);
  return { retryAt: Number.isFinite(seconds) && seconds >= 0 ? receivedAt + seconds * 1000 : null };
}

/**
 * Decodes one exchange: the error it carries (in any envelope), the rate-limit state it reveals, or
 * that it is a pending 202. Never throws.
 */
export function analyze(exchange: Exchange): Analysis {
  const headers = headerMap(exchange.responseHeaders);
  const rateLimit = readRateLimit(headers, exchange.receivedAt);
  const body = readBody(exchange.body);
  // Status 0: the browser has no HTTP status for the request. With a body (the status was lost as the page
  // navigated), only an error envelope the families recognize makes it an error: a lost 200 is not one.
  // Without one, it is a failure when the browser says so (its failure marker) or it was a WebSocket
  // handshake (whose only success is a 101); a request merely cancelled (an aborted image) is not an error.
  const noStatus = exchange.status === 0;
  const failedWithoutStatus = noStatus && (body.text !== '' || exchange.transportError !== undefined || exchange.resourceType === 'websocket');
  const isFailureStatus = exchange.status >= 400 || failedWithoutStatus;

  const bodyMayHoldError = isFailureStatus || mayCarryErrorInSuccess(body.text, headers);
  const mustParse = bodyMayHoldError || exchange.status === 202;
  const json = mustParse && looksLikeJson(body.text) ? parseJson(body.text) : undefined;

  if (!isFailureStatus) {
    const pending = pendingOf(exchange.status, json, headers, exchange.receivedAt);
    if (pending !== null || !bodyMayHoldError) return { error: null, rateLimit, pending };
  }

  const view: BodyView = {
    status: exchange.status,
    mime: essenceOf(exchange.mimeType || (headers.get('content-type') ?? '')),
    headers,
    text: body.text,
    json,
    url: exchange.url,
  };
  const { best, runnerUp } = recognize(view, isFailureStatus ? families : successFamilies);
  if (best === null && !isFailureStatus) return { error: null, rateLimit, pending: null };
  if (noStatus && body.text !== '' && (best === null || best.strength < 2)) return { error: null, rateLimit, pending: null };

  const error = buildError(exchange, headers, rateLimit, body.note, json, best, runnerUp);
  return { error, rateLimit, pending: null };
}

function buildError(
  exchange: Exchange,
  headers: HeaderMap,
  rateLimit: RateLimitState | null,
  bodyNote: string | null,
  json: unknown,
  best: FamilyMatch | null,
  runnerUp: FamilyMatch | null,
): DecodedError {
  const fields = best?.fields ?? {};
  const status = exchange.status;
  const title = fields.title ?? null;
  const message = fields.message ?? title ?? statusEntry(status).title;
  const delay = readRetryDelay({
    status,
    headers,
    receivedAt: exchange.receivedAt,
    json,
    message,
    familyDelayMs: fields.retryDelayMs ?? null,
  });
  const base = {
    format: best?.family ?? 'status-only',
    // A weak (strength 1) fit such as the generic fallback fits almost anything: not worth an "also looks like".
    alsoLike: runnerUp !== null && runnerUp.strength >= 2 ? runnerUp.family : null,
    status,
    errorIn2xx: status < 400,
    code: fields.code ?? null,
    subcode: fields.subcode ?? null,
    title,
    message,
    fieldErrors: fields.fieldErrors ?? [],
    requestId: fields.requestId ?? requestIdFromHeaders(headers),
    docsUrl: httpUrl(fields.docsUrl, exchange.url),
    rateLimit,
    bodyNote,
  } as const;
  const { retry, advice } = advise({
    status,
    method: exchange.method,
    requestHeaders: headerMap(exchange.requestHeaders),
    format: base.format,
    errorIn2xx: base.errorIn2xx,
    code: base.code,
    subcode: base.subcode,
    message,
    fieldErrors: base.fieldErrors,
    missingScope: fields.missingScope ?? null,
    throttled: fields.throttled ?? false,
    notRetryable: fields.notRetryable ?? false,
    serverRetry: serverRetryDirective(headers),
    delay,
    rateLimit,
    receivedAt: exchange.receivedAt,
  });
  return { ...base, retry, advice };
}

/** The decoded error of an exchange, or null when it carries none. */
export function decode(exchange: Exchange): DecodedError | null {
  return analyze(exchange).error;
}
