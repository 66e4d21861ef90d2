/**
 * Laravel validation errors: 422
 * `{message: "The name field is required. (and 1 more error)", errors: {"items.0.name": ["…"]}}`.
 */
import * as z from 'zod/mini';
import { prop, text } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { fieldErrorsFromMessageMap } from './lenient.ts';
import { isMessageMap } from './message-map.ts';

const Laravel = z.object({ message: z.string(), errors: z.optional(z.unknown()) });

function match(view: BodyView): FamilyMatch | null {
  if (typeof prop(view.json, 'message') !== 'string') return null;
  const parsed = Laravel.safeParse(view.json);
  if (!parsed.success || !isMessageMap(parsed.data.errors, 'lists')) return null;
  return {
    family: 'laravel',
    strength: 2,
    fields: { message: text(parsed.data.message), fieldErrors: fieldErrorsFromMessageMap(parsed.data.errors) },
  };
}

export const laravel = { id: 'laravel', order: 90, match } as const satisfies Family;
