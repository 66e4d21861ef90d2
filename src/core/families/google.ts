/**
 * Google APIs: AIP-193 `google.rpc.Status` with typed `details[]`, the legacy
 * v1 `error.errors[]` shape (reported as `google-legacy`), Firebase Auth's UPPER_SNAKE messages and
 * Firebase callable functions' `{error:{status, message}}`.
 */
import * as z from 'zod/mini';
import { isRecord, text, toPointer, type JsonRecord } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyFields, FamilyMatch } from './family.ts';
import { firstText, int, listOf, str } from './lenient.ts';

/** The 17 `google.rpc.Code` names. */
const RPC_CODES = new Set([
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE',
  'DATA_LOSS', 'UNAUTHENTICATED',
]);

/** Legacy reasons that mean throttling, even on a 403 (Drive, Calendar, YouTube). */
const THROTTLE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded', 'quotaExceeded']);

const TYPE_PREFIX = 'type.googleapis.com/google.rpc.';

/** A typed detail, checked without copying its members (a copy would turn a `__proto__` key into a prototype). */
const Detail = z.custom<JsonRecord & { readonly '@type': string }>((value) => isRecord(value) && typeof value['@type'] === 'string');
const ErrorInfo = z.object({ reason: str, domain: str });
const RetryInfo = z.object({ retryDelay: z.string() });
const QuotaFailure = z.object({ violations: listOf(z.object({ quotaId: str, quotaMetric: str, description: str })) });
const BadRequest = z.object({ fieldViolations: listOf(z.object({ field: z.string(), description: str, reason: str })) });
const RequestInfo = z.object({ requestId: z.string() });
const Help = z.object({ links: listOf(z.object({ url: z.string() })) });
const LocalizedMessage = z.object({ message: z.string() });

const LegacyItem = z.object({ domain: str, reason: str, message: str, location: str, locationType: str, extendedHelp: str });

const Body = z.object({
  error: z.object({
    code: int,
    status: str,
    message: str,
    details: listOf(Detail),
    errors: listOf(LegacyItem),
  }),
});

/** Firebase Auth puts its code in `message`: `EMAIL_EXISTS`, or `TOO_MANY_ATTEMPTS_TRY_LATER : Access to…`. */
const FIREBASE_MESSAGE = /^([A-Z][A-Z0-9_]+)(?:\s*:\s*(.+))?$/s;

/** A protobuf Duration in proto3 JSON (`"13s"`, `"1.500s"`) → ms; null for anything else or a negative one. */
export function durationMs(value: string): number | null {
  const m = /^(\d+)(\.\d{1,9})?s$/.exec(value.trim());
  if (m === null) return null;
  return Math.round((Number(m[1]) + Number(m[2] ?? 0)) * 1000);
}

function detailOf<T extends z.ZodMiniType>(details: readonly z.infer<typeof Detail>[], name: string, schema: T): z.infer<T> | null {
  const found = details.find((d) => d['@type'] === TYPE_PREFIX + name);
  if (found === undefined) return null;
  const parsed = schema.safeParse(found);
  return parsed.success ? parsed.data : null;
}

function match(view: BodyView): FamilyMatch | null {
  const error = isRecord(view.json) ? view.json['error'] : undefined;
  if (!isRecord(error) || (typeof error['code'] !== 'number' && typeof error['status'] !== 'string')) return null;
  const parsed = Body.safeParse(view.json);
  if (!parsed.success) return null;
  const e = parsed.data.error;
  const details = e.details ?? [];
  const legacy = (e.errors ?? []).filter((item) => item.reason !== undefined || item.domain !== undefined);
  const rpcStatus = e.status !== undefined && RPC_CODES.has(e.status) ? e.status : null;
  const typed = details.some((d) => d['@type'].startsWith(TYPE_PREFIX));
  const isGoogle = (rpcStatus !== null && (e.code !== undefined || e.message !== undefined)) || (e.code !== undefined && (typed || legacy.length > 0));
  if (!isGoogle) return null;
  return { family: legacy.length > 0 && !typed ? 'google-legacy' : 'google', strength: 2, fields: fieldsOf(e, details, legacy, rpcStatus) };
}

function fieldsOf(
  e: z.infer<typeof Body>['error'],
  details: readonly z.infer<typeof Detail>[],
  legacy: readonly z.infer<typeof LegacyItem>[],
  rpcStatus: string | null,
): FamilyFields {
  const info = detailOf(details, 'ErrorInfo', ErrorInfo);
  const retry = detailOf(details, 'RetryInfo', RetryInfo);
  const quota = detailOf(details, 'QuotaFailure', QuotaFailure);
  const badRequest = detailOf(details, 'BadRequest', BadRequest);
  const help = detailOf(details, 'Help', Help);
  const firebase = FIREBASE_MESSAGE.exec(e.message?.trim() ?? '');
  const reason = legacy[0]?.reason;

  const fieldErrors: FieldError[] = [];
  for (const v of badRequest?.fieldViolations ?? []) {
    const message = firstText(v.description, v.reason);
    if (message !== null) fieldErrors.push({ path: toPointer(v.field) ?? v.field, message, ...(v.reason === undefined ? {} : { code: v.reason }) });
  }
  for (const item of legacy) {
    // Legacy items locate the culprit (`locationType: "parameter"`, `location: "fileId"`): a query or path parameter.
    const location = text(item.location);
    const message = firstText(item.message, item.reason);
    if (location !== null && message !== null) fieldErrors.push({ path: location, message, ...(item.reason === undefined ? {} : { code: item.reason }) });
  }

  const code = firebase?.[1] ?? (legacy.length > 0 ? (reason ?? rpcStatus) : rpcStatus) ?? (e.code === undefined ? null : String(e.code));
  const subcode = text(info?.reason) ?? (rpcStatus !== null && rpcStatus !== code ? rpcStatus : null);
  const delay = retry === null ? null : durationMs(retry.retryDelay);
  const daily = (quota?.violations ?? []).some((v) => v.quotaId?.includes('PerDay') === true) || reason === 'dailyLimitExceeded';
  return {
    code,
    subcode,
    message: firstText(firebase?.[2], e.message, detailOf(details, 'LocalizedMessage', LocalizedMessage)?.message, legacy[0]?.message),
    fieldErrors,
    requestId: text(detailOf(details, 'RequestInfo', RequestInfo)?.requestId),
    docsUrl: firstText(help?.links?.[0]?.url, legacy[0]?.extendedHelp),
    retryDelayMs: delay,
    throttled:
      (reason !== undefined && THROTTLE_REASONS.has(reason)) ||
      info?.reason === 'RATE_LIMIT_EXCEEDED' ||
      rpcStatus === 'RESOURCE_EXHAUSTED' ||
      code === 'TOO_MANY_ATTEMPTS_TRY_LATER',
    notRetryable: daily,
  };
}

/** Google `{error:{code, status, message, details}}`. */
export const google = { id: 'google', order: 71, variants: ['google-legacy'], match } as const satisfies Family;
