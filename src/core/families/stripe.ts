/**
 * Stripe: `{error:{type, code, decline_code, message, param, doc_url,
 * request_log_url}}`. Its `type` set overlaps OpenAI's, so a Stripe-only key or a `Request-Id: req_…`
 * header is required.
 */
import * as z from 'zod/mini';
import { isRecord, pointerFromSegments, text } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, keysWithin, str } from './lenient.ts';

const STRIPE_TYPES = new Set([
  'api_error', 'card_error', 'idempotency_error', 'invalid_request_error', 'rate_limit_error', 'authentication_error',
  // API v2
  'rate_limit', 'temporary_session_expired',
]);

/** Keys only Stripe writes; OpenAI-compatible servers share `type`/`code`/`param`/`message` but never these. */
export const STRIPE_ONLY_KEYS = [
  'doc_url', 'request_log_url', 'decline_code', 'advice_code', 'network_advice_code', 'network_decline_code', 'payment_method_type', 'user_message',
] as const;

const Body = z.object({
  error: z.object({ type: z.string(), code: str, decline_code: str, message: str, user_message: str, param: str, doc_url: str }),
});

/** Stripe form-style params (`items[0][price]`) → `/items/0/price`. */
function paramPointer(param: string): string {
  return pointerFromSegments(param.replaceAll(']', '').split('[').filter((s) => s !== ''));
}

/** Stripe bodies hold `error` alone; Anthropic's `{type:"error", error:{type:"rate_limit_error"}}` shares the type names. */
const ROOT_KEYS = new Set(['error']);

function match(view: BodyView): FamilyMatch | null {
  if (!isRecord(view.json) || !keysWithin(view.json, ROOT_KEYS)) return null;
  const error = view.json['error'];
  if (!isRecord(error) || typeof error['type'] !== 'string' || !STRIPE_TYPES.has(error['type'])) return null;
  const stripeKey = STRIPE_ONLY_KEYS.some((key) => Object.hasOwn(error, key));
  if (!stripeKey && !(view.headers.get('request-id') ?? '').startsWith('req_')) return null;
  const parsed = Body.safeParse(view.json);
  if (!parsed.success) return null;
  const e = parsed.data.error;
  const message = firstText(e.message, e.user_message);
  const param = text(e.param);
  return {
    family: 'stripe',
    strength: 2,
    fields: {
      code: text(e.code) ?? e.type,
      subcode: text(e.decline_code),
      message,
      fieldErrors: param === null ? [] : [{ path: paramPointer(param), message: message ?? param, ...(e.code === undefined ? {} : { code: e.code }) }],
      docsUrl: text(e.doc_url),
      // The official SDK treats a 400 with code `rate_limit` as a rate limit too.
      throttled: e.code === 'rate_limit' || e.type === 'rate_limit_error' || e.type === 'rate_limit',
    },
  };
}

/** Stripe `{error:{type, code, doc_url…}}`. */
export const stripe = { id: 'stripe', order: 72, match } as const satisfies Family;
