/**
 * OpenAI and OpenAI-compatible servers: `{error:{message, type, param, code}}`,
 * all four keys present even when null. `insufficient_quota` is billing, not a rate limit.
 */
import * as z from 'zod/mini';
import { isRecord, prop, text, toPointer } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { STRIPE_ONLY_KEYS } from './stripe.ts';
import { str } from './lenient.ts';

const Body = z.object({ error: z.object({ message: z.string(), type: str, param: str, code: str }) });

function match(view: BodyView): FamilyMatch | null {
  const error = prop(view.json, 'error');
  if (!isRecord(error) || typeof error['message'] !== 'string') return null;
  if (!Object.hasOwn(error, 'type') || !Object.hasOwn(error, 'param') || !Object.hasOwn(error, 'code')) return null;
  if (STRIPE_ONLY_KEYS.some((key) => Object.hasOwn(error, key))) return null;
  const parsed = Body.safeParse(view.json);
  if (!parsed.success) return null;
  const e = parsed.data.error;
  const code = text(e.code);
  const type = text(e.type);
  const param = text(e.param);
  const message = text(e.message);
  return {
    family: 'openai',
    strength: 2,
    fields: {
      code: code ?? type,
      // `type` refines a code (`rate_limit_exceeded` on `tokens` or `requests`).
      subcode: code === null ? null : type,
      message,
      fieldErrors: param === null ? [] : [{ path: toPointer(param) ?? param, message: message ?? param }],
      throttled: code === 'rate_limit_exceeded',
      notRetryable: code === 'insufficient_quota' || type === 'insufficient_quota',
    },
  };
}

/** OpenAI `{error:{message, type, param, code}}`. */
export const openai = { id: 'openai', order: 72, match } as const satisfies Family;
