/**
 * Anthropic: `{type:"error", error:{type, message}, request_id}`; the same object
 * arrives as an SSE `event: error` payload after a 200.
 */
import * as z from 'zod/mini';
import { isRecord, prop, text } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { str } from './lenient.ts';

const Body = z.object({ type: z.literal('error'), error: z.object({ type: z.string(), message: z.string() }), request_id: str });

function match(view: BodyView): FamilyMatch | null {
  if (prop(view.json, 'type') !== 'error' || !isRecord(prop(view.json, 'error'))) return null;
  const parsed = Body.safeParse(view.json);
  if (!parsed.success) return null;
  const { error, request_id } = parsed.data;
  return {
    family: 'anthropic',
    strength: 2,
    fields: { code: text(error.type), message: text(error.message), requestId: text(request_id) },
  };
}

/** Anthropic `{type:"error", error:{type, message}}`. */
export const anthropic = { id: 'anthropic', order: 20, match } as const satisfies Family;
