/**
 * Shopify REST Admin: `{errors: "Not Found"}`,
 * `{errors: "[API] Invalid API key or access token …"}` or `{errors: {title: ["can't be blank"]}}`,
 * with no `message` beside it.
 */
import * as z from 'zod/mini';
import { isRecord, prop, text } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { fieldErrorsFromMessageMap } from './lenient.ts';
import { isMessageMap } from './message-map.ts';

const Shopify = z.object({ errors: z.union([z.string(), z.record(z.string(), z.unknown())]), message: z.optional(z.undefined()), errorMessages: z.optional(z.undefined()) });

/** Shopify's own response headers (call-limit bucket, request stage): the transport names the vendor. */
function fromShopify(view: BodyView): boolean {
  return view.headers.has('x-shopify-shop-api-call-limit') || view.headers.has('x-shopify-stage');
}

function match(view: BodyView): FamilyMatch | null {
  const errors = prop(view.json, 'errors');
  if (typeof errors !== 'string' && !isRecord(errors)) return null;
  if (!Shopify.safeParse(view.json).success) return null;
  const strength = fromShopify(view) ? 3 : 2;
  if (typeof errors === 'string') {
    const message = text(errors);
    return message === null ? null : { family: 'shopify', strength, fields: { message } };
  }
  // The map is read from the body itself, not zod's copy (which would drop a `__proto__` field).
  if (!isMessageMap(errors, 'either')) return null;
  const fieldErrors = fieldErrorsFromMessageMap(errors);
  return fieldErrors.length === 0 ? null : { family: 'shopify', strength, fields: { fieldErrors } };
}

export const shopify = { id: 'shopify', order: 90, match } as const satisfies Family;
