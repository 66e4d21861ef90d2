/**
 * Meta (Facebook/Instagram) Graph API: `{error:{message, type, code,
 * error_subcode, error_user_title, error_user_msg, fbtrace_id}}` with a numeric code that is not the
 * HTTP status.
 */
import * as z from 'zod/mini';
import { isRecord, prop, text } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, int, str } from './lenient.ts';

/** App (4), user (17), page (32), custom (613) and Business Use Case (80000–80014) throttling codes. */
function isThrottlingCode(code: number): boolean {
  return code === 4 || code === 17 || code === 32 || code === 613 || (code >= 80000 && code <= 80014);
}

const Body = z.object({
  error: z.object({ code: z.number().check(z.int()), message: str, type: str, error_subcode: int, error_user_title: str, error_user_msg: str, fbtrace_id: str }),
});

function match(view: BodyView): FamilyMatch | null {
  const error = prop(view.json, 'error');
  if (!isRecord(error) || typeof error['code'] !== 'number') return null;
  if (!Object.hasOwn(error, 'fbtrace_id') && !Object.hasOwn(error, 'error_subcode') && error['type'] !== 'OAuthException') return null;
  const parsed = Body.safeParse(view.json);
  if (!parsed.success) return null;
  const e = parsed.data.error;
  return {
    family: 'meta-graph',
    strength: 2,
    fields: {
      code: String(e.code),
      subcode: e.error_subcode === undefined ? null : String(e.error_subcode),
      title: text(e.error_user_title),
      message: firstText(e.message, e.error_user_msg),
      requestId: text(e.fbtrace_id),
      throttled: isThrottlingCode(e.code),
    },
  };
}

/** Meta Graph `{error:{code:int, fbtrace_id…}}`. */
export const metaGraph = { id: 'meta-graph', order: 73, match } as const satisfies Family;
