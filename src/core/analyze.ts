import { advise } from './advice/index.ts';
import { serverRetryDirective } from './advice/server-directive.ts';
import { essenceOf, readBody } from './body.ts';
import { statusEntry } from './catalog/index.ts';
import { BEACON_RESOURCE_TYPE, headerMap, type Exchange, type HeaderMap } from './exchange.ts';
import type { BodyView, Family, FamilyMatch } from './families/family.ts';
import { families, successFamilies } from './families/index.ts';
import { httpUrl, parseJson } from './json.ts';
import type { Analysis, DecodedError } from './model.ts';
import { readPendingDelay, readRateLimitReport, readRetryDelay, withBodyQuotas, type RateLimitReport } from './ratelimit/index.ts';
import { referenceInPage, requestIdFromHeaders } from './request-ids.ts';
import { isCodeLike, isReservedRpcCode, readGeneral, type GeneralFields } from './families/general-reader.ts';
import { humanizeCode } from './families/lenient.ts';
import { mayCarryErrorInSuccess } from './success-gate.ts';

/** No body, or a body nothing could be read from: the status alone says it is an error. */
export const STATUS_ONLY = 'status-only';

/** The ids the pipeline reports itself, when no family of the registry matched. */
export type PipelineFamilyId = typeof STATUS_ONLY;

/**
 * A message without the metadata lines some identity providers append (`\r\nTrace ID: …\r\nCorrelation ID: …\r\n
 * Timestamp: …` in Microsoft identity platform errors): they are ids, shown apart, not part of the sentence.
 */
function withoutMetadataLines(message: string | null): string | null {
  if (message === null || !message.includes('\n')) return message;
  const lines = message.split(/\r?\n/);
  while (lines.length > 1 && /^\s*(?:[A-Z][\w ]{0,30}(?:ID|Id|id)|Timestamp|Time|Date)\s*:\s*\S/.test(lines[lines.length - 1] ?? '')) lines.pop();
  return lines.join('\n').trim();
}

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

function looksLikeJson(source: string): boolean {
  const first = source.trimStart()[0];
  return first === '{' || first === '[';
}

/** A 202 that says "not ready yet" (Discord search index, async jobs): pending, not an error. */
function pendingOf(status: number, report: RateLimitReport, json: unknown, headers: HeaderMap, receivedAt: number): Analysis['pending'] {
  if (status !== 202) return null;
  const delay = readPendingDelay(report, json, headers, receivedAt);
  if (delay !== null) return { retryAt: receivedAt + delay.afterMs };
  // A retry header the parser cannot read still says "ask again later", just not when.
  return headers.has('retry-after') ? { retryAt: null } : null;
}

/**
 * Decodes one exchange: the error it carries (in any envelope), the rate-limit state it reveals, or
 * that it is a pending 202. Never throws.
 */
export function analyze(exchange: Exchange): Analysis {
  const headers = headerMap(exchange.responseHeaders);
  const report = readRateLimitReport(headers, exchange.receivedAt);
  const rateLimit = report.state;
  const body = readBody(exchange.body);
  // Status 0: the browser has no HTTP status for the request. With a body (the status was lost as the page
  // navigated), only an error envelope the families recognize makes it an error: a lost 200 is not one.
  // Without one, it is a failure when the browser says so (its failure marker), it was a WebSocket
  // handshake (whose only success is a 101), or a beacon (the browser completes a beacon even after the page
  // left, so one without a status is one whose answer was lost, never a cancelled one);
  // a request merely cancelled (an aborted image) is not an error.
  const noStatus = exchange.status === 0;
  const failedWithoutStatus =
    noStatus && (body.text !== '' || exchange.transportError !== undefined || exchange.resourceType === 'websocket' || exchange.resourceType === BEACON_RESOURCE_TYPE);
  const isFailureStatus = exchange.status >= 400 || failedWithoutStatus;

  const bodyMayHoldError = isFailureStatus || mayCarryErrorInSuccess(body.text, headers);
  const mustParse = bodyMayHoldError || exchange.status === 202;
  const json = mustParse && looksLikeJson(body.text) ? parseJson(body.text) : undefined;

  if (!isFailureStatus) {
    const pending = pendingOf(exchange.status, report, json, headers, exchange.receivedAt);
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

  const errorReport = withBodyQuotas(report, json, headers, exchange.receivedAt);
  const error = buildError(exchange, headers, errorReport, body.note, body.text, json, best, runnerUp);
  return { error, rateLimit: errorReport.state, pending: null };
}

function buildError(
  exchange: Exchange,
  headers: HeaderMap,
  report: RateLimitReport,
  bodyNote: string | null,
  bodyText: string,
  json: unknown,
  best: FamilyMatch | null,
  runnerUp: FamilyMatch | null,
): DecodedError {
  const status = exchange.status;
  const fields = best?.fields ?? {};
  // Whatever the family left empty, the general reader fills from the same body (the fallback family is that reader).
  const general: GeneralFields | null = best?.family === 'generic-json' ? null : readGeneral(json, status, exchange.url);
  const title = fields.title ?? null;
  const code = realCode(fields.code ?? null, general?.code ?? null, status);
  // A code stands in for a sentence only when the body has none (`rate_limit_exceeded` → "Rate limit exceeded").
  const message = withoutMetadataLines(fields.message ?? general?.message ?? null) ?? title ?? (code !== null && isCodeLike(code) && !/^\d+$/.test(code) ? humanizeCode(code) : null) ?? statusEntry(status).title;
  const familyFieldErrors = fields.fieldErrors ?? [];
  // Prefer the reading that names the fields: a family may see the messages but not the spelling of the path key.
  const fieldErrors = familyFieldErrors.length > 0 && !(familyFieldErrors.every((f) => f.path === '') && (general?.fieldErrors.length ?? 0) > 0) ? familyFieldErrors : (general?.fieldErrors ?? []);
  const rateLimit = report.state;
  const delay = readRetryDelay({
    status,
    report,
    headers,
    receivedAt: exchange.receivedAt,
    json,
    message,
    familyDelayMs: fields.retryDelayMs ?? null,
  });
  const base = {
    format: best?.family ?? STATUS_ONLY,
    // A weak (strength 1) fit such as the generic fallback fits almost anything: not worth an "also looks like".
    alsoLike: runnerUp !== null && runnerUp.strength >= 2 ? runnerUp.family : null,
    status,
    errorIn2xx: status < 400,
    code,
    subcode: fields.subcode ?? null,
    title,
    message,
    fieldErrors,
    requestId: fields.requestId ?? general?.requestId ?? requestIdFromHeaders(headers) ?? (json === undefined ? referenceInPage(bodyText) : null),
    docsUrl: httpUrl(fields.docsUrl, exchange.url) ?? httpUrl(general?.docsUrl, exchange.url),
    rateLimit,
    bodyNote,
  } as const;
  const { retry, advice } = advise({
    status,
    method: exchange.method,
    requestHeaders: headerMap(exchange.requestHeaders),
    refreshGrant: isRefreshGrant(exchange.requestBody),
    responseHeaders: headers,
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

/**
 * The family's code, unless it is the HTTP status repeated (`{error: {code: 400, type: "bad_request"}}`): that
 * says nothing the status line does not, so an identifier the general reader found in the body replaces it; so does
 * a JSON-RPC reserved code (−32600 "invalid request" beside tRPC's `data.code: "BAD_REQUEST"`). A vendor's own
 * numeric code (Discord 50035, Meta 4) stays, and so does the echo when the body has nothing better.
 */
function realCode(familyCode: string | null, generalCode: string | null, status: number): string | null {
  if (familyCode === null) return generalCode;
  const saysLittle = familyCode === String(status) || isReservedRpcCode(familyCode);
  return saysLittle && generalCode !== null && !/^-?\d+$/.test(generalCode) ? generalCode : familyCode;
}

/**
 * True when the request was a token refresh: `grant_type=refresh_token` in a form body (RFC 6749's token
 * request) or the same member in a JSON body, which some identity providers accept. Only the start of the body
 * is read; a token request is short.
 */
function isRefreshGrant(requestBody: string | null | undefined): boolean {
  return typeof requestBody === 'string' && /(?:^|[&{,\s])"?grant_type"?\s*[=:]\s*"?refresh_token\b/.test(requestBody.slice(0, 4000));
}

/** The decoded error of an exchange, or null when it carries none. */
export function decode(exchange: Exchange): DecodedError | null {
  return analyze(exchange).error;
}
