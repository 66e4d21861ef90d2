/**
 * Connect protocol unary errors: a non-200 `application/json` response
 * `{code: "unavailable", message?, details?: [{type, value, debug?}]}` whose `code` is one of the 16
 * lower-snake Connect codes.
 */
import * as z from 'zod/mini';
import { prop } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, listOf, maybe, str } from './lenient.ts';

const CONNECT_CODES = [
  'canceled',
  'unknown',
  'invalid_argument',
  'deadline_exceeded',
  'not_found',
  'already_exists',
  'permission_denied',
  'resource_exhausted',
  'failed_precondition',
  'aborted',
  'out_of_range',
  'unimplemented',
  'internal',
  'unavailable',
  'data_loss',
  'unauthenticated',
] as const;
const CODE_SET: ReadonlySet<unknown> = new Set(CONNECT_CODES);

/** `details[].type` is the proto name without `type.googleapis.com/`; `debug` is the optional JSON form of `value`. */
const Detail = z.object({ type: str, debug: maybe(z.object({ retryDelay: str })) });
const ConnectError = z.object({ code: z.enum(CONNECT_CODES), message: str, details: listOf(Detail) });

/** A proto3 JSON Duration (`"30s"`, `"0.500s"`) in ms, or null. */
function durationMs(value: string | undefined): number | null {
  const match = value === undefined ? null : /^(\d{1,12})(?:\.(\d{1,9}))?s$/.exec(value.trim());
  if (match === null) return null;
  const fraction = Number(`0.${match[2] ?? '0'}`);
  return Math.round((Number(match[1]) + fraction) * 1000);
}

function match(view: BodyView): FamilyMatch | null {
  if (!CODE_SET.has(prop(view.json, 'code'))) return null;
  const parsed = ConnectError.safeParse(view.json);
  if (!parsed.success) return null;
  const { code, message, details } = parsed.data;
  const retryInfo = details?.find((d) => d.type === 'google.rpc.RetryInfo');
  return {
    family: 'connect',
    strength: 2,
    fields: { code, message: firstText(message), retryDelayMs: durationMs(retryInfo?.debug?.retryDelay) },
  };
}

export const connect = { id: 'connect', order: 2, match } as const satisfies Family;
