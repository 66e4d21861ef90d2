import type { FieldError } from '../model.ts';

const MAX_LISTED = 3;

/** `/name (Required), /category (Invalid enum value…) and 2 more` — the fields to fix, named. */
export function listFields(fieldErrors: readonly FieldError[]): string {
  const listed = fieldErrors.slice(0, MAX_LISTED).map((f) => `${f.path === '' ? '(body)' : f.path} (${f.message})`);
  const more = fieldErrors.length - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ');
}
