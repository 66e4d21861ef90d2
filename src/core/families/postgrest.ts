/**
 * PostgREST (Supabase's REST layer): all four of `code` (SQLSTATE or
 * `PGRST…`), `message`, `details` and `hint`, the last three possibly null.
 */
import * as z from 'zod/mini';
import { isRecord } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText } from './lenient.ts';

const nullableText = z.nullable(z.string());
const PostgrestError = z.object({ code: z.string(), message: nullableText, details: nullableText, hint: nullableText });

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!isRecord(json) || !Object.hasOwn(json, 'hint') || !Object.hasOwn(json, 'details')) return null;
  const parsed = PostgrestError.safeParse(json);
  if (!parsed.success) return null;
  const { code, message, details } = parsed.data;
  return {
    family: 'postgrest',
    strength: 2,
    fields: { code: firstText(code), message: firstText(message, details) },
  };
}

export const postgrest = { id: 'postgrest', order: 120, match } as const satisfies Family;
