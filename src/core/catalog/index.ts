import type { FamilyId } from '../model.ts';
import type { CatalogEntry } from './types.ts';

export type { CatalogEntry, RetryKind } from './types.ts';

/** The catalog entry of a status, falling back to its class (RFC 9110: unknown 4xy is treated as 400). */
export function statusEntry(status: number): CatalogEntry {
  return {
    key: String(status),
    kind: 'status',
    api: 'HTTP',
    status,
    title: `HTTP ${status}`,
    meaning: '',
    category: status >= 500 ? 'Server error' : 'Client error',
    retry: 'no',
    advice: '',
    docsUrl: null,
  };
}

/** The entry for a code seen in a body of `format` with `status`, or null. */
export function findCode(_code: string, _context: { readonly format: FamilyId; readonly status: number }): CatalogEntry | null {
  return null;
}

/** Search by status, code or free words (the popup's quick lookup). */
export function lookup(_query: string, _limit = 20): CatalogEntry[] {
  return [];
}
