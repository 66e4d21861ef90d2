/**
 * Supabase Auth / GoTrue:
 * `{code: 422, error_code: "weak_password", msg: "Password should be at least 6 characters", error_id?}`,
 * where `code` is the HTTP status and `error_code` the real code.
 */
import * as z from 'zod/mini';
import { isRecord } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, str } from './lenient.ts';

const GoTrueError = z.object({ code: z.number().check(z.int()), error_code: z.string(), msg: str, error_id: str });

/** Auth's rate-limit codes (`over_request_rate_limit`, `over_email_send_rate_limit`, …). */
const RATE_LIMIT_CODE = /^over_[a-z_]*rate_limit$/;

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!isRecord(json) || !Object.hasOwn(json, 'error_code')) return null;
  const parsed = GoTrueError.safeParse(json);
  if (!parsed.success) return null;
  const code = firstText(parsed.data.error_code);
  return {
    family: 'supabase-auth',
    strength: 2,
    fields: {
      code,
      message: firstText(parsed.data.msg),
      requestId: firstText(parsed.data.error_id),
      throttled: code !== null && RATE_LIMIT_CODE.test(code),
    },
  };
}

export const supabaseAuth = { id: 'supabase-auth', order: 120, match } as const satisfies Family;
