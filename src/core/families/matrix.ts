/**
 * Matrix Client-Server API:
 * `{errcode: "M_LIMIT_EXCEEDED", error: "Too many requests", retry_after_ms: 2000}`.
 */
import * as z from 'zod/mini';
import { prop } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, maybe, str } from './lenient.ts';

const MatrixError = z.object({
  errcode: z.string().check(z.regex(/^M_[A-Z0-9_]+$/)),
  error: str,
  retry_after_ms: maybe(z.number().check(z.int(), z.nonnegative())),
});

function match(view: BodyView): FamilyMatch | null {
  const errcode = prop(view.json, 'errcode');
  if (typeof errcode !== 'string' || !errcode.startsWith('M_')) return null;
  const parsed = MatrixError.safeParse(view.json);
  if (!parsed.success) return null;
  const { error, retry_after_ms: retryAfterMs } = parsed.data;
  return {
    family: 'matrix',
    strength: 2,
    fields: {
      code: errcode,
      message: firstText(error),
      retryDelayMs: retryAfterMs ?? null,
      throttled: errcode === 'M_LIMIT_EXCEEDED',
    },
  };
}

export const matrix = { id: 'matrix', order: 140, match } as const satisfies Family;
