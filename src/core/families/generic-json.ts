/**
 * The last resort for JSON errors no family recognized: a bare `{"message": "…"}` (API Gateway, many
 * Express apps) or any unknown envelope on a ≥ 400 response, read by the general reader alone.
 */
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { readGeneral } from './general-reader.ts';

function match(view: BodyView): FamilyMatch | null {
  if (view.status < 400 || typeof view.json !== 'object' || view.json === null) return null;
  const found = readGeneral(view.json, view.status, view.url);
  if (found.message === null && found.code === null && found.fieldErrors.length === 0) return null;
  return { family: 'generic-json', strength: 1, fields: found };
}

export const genericJson = { id: 'generic-json', order: 990, match } as const satisfies Family;
