import type { FamilyId } from '../model.ts';
import type { CatalogEntry } from './types.ts';
import { catalogEntries } from './entries.ts';
import { httpStatuses } from './data/http-statuses.ts';
import { indexEntries, search } from './search.ts';

export type { CatalogEntry, RetryKind } from './types.ts';

/** HTTP status entries by number; API-specific status tables (Restore Hub, Pterodactyl) are for lookup only. */
const statuses = new Map(httpStatuses.map((entry) => [entry.status, entry] as const));
/** Code entries by lower-cased key, in catalog order (one key can belong to several APIs). */
const codes = new Map<string, CatalogEntry[]>();
for (const entry of catalogEntries) {
  if (entry.kind === 'code') {
    const key = entry.key.toLowerCase();
    const list = codes.get(key);
    if (list === undefined) codes.set(key, [entry]);
    else list.push(entry);
  }
}
const searchIndex = indexEntries(catalogEntries);

/** What an unregistered status means, by class (RFC 9110 §15: an unrecognized 4xy is treated as 400, 5xy as 500). */
const classFallback: Readonly<Record<number, Pick<CatalogEntry, 'title' | 'category' | 'retry' | 'advice'>>> = {
  1: { title: 'Informational', category: 'Informational', retry: 'no', advice: 'Nothing to do; a final response follows.' },
  2: { title: 'Success', category: 'Success', retry: 'no', advice: 'Nothing to retry; check the body for an embedded error.' },
  3: { title: 'Redirect', category: 'Redirect', retry: 'no', advice: 'Follow the Location header if there is one.' },
  4: { title: 'Client error', category: 'Bad request', retry: 'no', advice: 'Treat it as 400 Bad Request: read the body and fix the request before sending it again.' },
  5: { title: 'Server error', category: 'Server error', retry: 'conditional', advice: 'Treat it as 500: retry idempotent requests with exponential backoff, and report it if it persists.' },
};

/** The catalog entry of a status, falling back to its class (RFC 9110: unknown 4xy is treated as 400). */
export function statusEntry(status: number): CatalogEntry {
  const known = statuses.get(status);
  if (known !== undefined) return known;
  const klass = Number.isInteger(status) ? Math.floor(status / 100) : 0;
  const fallback = classFallback[klass];
  if (fallback === undefined) {
    return {
      key: String(status),
      kind: 'status',
      api: 'HTTP',
      status,
      title: status === 0 ? 'No response' : 'Invalid status',
      meaning: status === 0 ? 'No HTTP status: the request was blocked, cancelled or failed at the network level.' : `${status} is outside the HTTP status range 100–599.`,
      category: 'Network',
      retry: 'conditional',
      advice: 'Check the network, CORS, blockers and the server address; retry idempotent requests once the cause is fixed.',
      docsUrl: null,
    };
  }
  return {
    key: String(status),
    kind: 'status',
    api: 'HTTP',
    status,
    ...fallback,
    meaning: `${status} is not a registered status; clients treat an unknown ${klass}xx status like ${klass}00.`,
    docsUrl: 'https://www.rfc-editor.org/rfc/rfc9110#section-15',
  };
}

/** The entry for a code seen in a body of `format` with `status`, or null. */
export function findCode(code: string, context: { readonly format: FamilyId; readonly status: number }): CatalogEntry | null {
  const candidates = codes.get(code.trim().toLowerCase());
  if (candidates === undefined) return null;
  // Among the entries of this family, prefer the one documented for this status, then one without a status.
  let withoutStatus: CatalogEntry | null = null;
  let other: CatalogEntry | null = null;
  for (const entry of candidates) {
    if (entry.families !== undefined && !entry.families.includes(context.format)) continue;
    if (entry.status === context.status) return entry;
    if (entry.status === null) withoutStatus ??= entry;
    else other ??= entry;
  }
  return withoutStatus ?? other;
}

/** Search by status, code or free words (the popup's quick lookup). */
export function lookup(query: string, limit = 20): CatalogEntry[] {
  return search(searchIndex, query, limit);
}
