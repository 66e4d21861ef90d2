/**
 * SCIM 2.0 errors (RFC 7644 §3.12):
 * `{schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "409", scimType?: "uniqueness", detail?}`.
 */
import * as z from 'zod/mini';
import { prop } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, str } from './lenient.ts';

const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

const ScimError = z.object({ schemas: z.array(z.unknown()), status: z.optional(z.unknown()), scimType: str, detail: str });

function match(view: BodyView): FamilyMatch | null {
  const schemas = prop(view.json, 'schemas');
  if (!Array.isArray(schemas) || !schemas.includes(ERROR_SCHEMA)) return null;
  const parsed = ScimError.safeParse(view.json);
  if (!parsed.success) return null;
  return {
    family: 'scim',
    strength: view.mime === 'application/scim+json' ? 3 : 2,
    fields: { code: firstText(parsed.data.scimType), message: firstText(parsed.data.detail) },
  };
}

export const scim = { id: 'scim', order: 50, match } as const satisfies Family;
