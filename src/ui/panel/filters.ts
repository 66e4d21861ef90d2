import type { ErrorEntry } from './entries.ts';

export type StatusClass = 'all' | '4xx' | '5xx' | 'in-2xx';

export interface Filters {
  /** Substring (case-insensitive), or a regular expression when written `/…/flags`. */
  readonly text: string;
  readonly status: StatusClass;
  /** A FamilyId, or '' for every family. */
  readonly family: string;
  /** A host, or '' for every host. */
  readonly host: string;
  /** An error code exactly (a row's context menu sets it), or '' for every code. */
  readonly code: string;
}

export const noFilters: Filters = { text: '', status: 'all', family: '', host: '', code: '' };

const STATUS_CLASSES: readonly StatusClass[] = ['all', '4xx', '5xx', 'in-2xx'];

/** Filters read back from settings storage, which may hold anything (older versions, hand edits). */
export function filtersFrom(value: unknown): Filters {
  if (typeof value !== 'object' || value === null) return noFilters;
  const read = (key: string): string => {
    const v: unknown = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    return typeof v === 'string' ? v : '';
  };
  const status = read('status');
  return {
    text: read('text'),
    status: STATUS_CLASSES.find((s) => s === status) ?? 'all',
    family: read('family'),
    host: read('host'),
    code: read('code'),
  };
}

export type TextMatcher = { readonly ok: true; readonly test: (haystack: string) => boolean } | { readonly ok: false; readonly reason: string };

/** `/5\d\d|timeout/i` is a regex; anything else is a case-insensitive substring. */
export function textMatcher(text: string): TextMatcher {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(text);
  if (regex !== null) {
    try {
      const pattern = new RegExp(regex[1] ?? '', (regex[2] ?? '').replace(/[gy]/g, '') || 'i');
      return { ok: true, test: (haystack) => pattern.test(haystack) };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : 'invalid regular expression' };
    }
  }
  const needle = text.trim().toLowerCase();
  return { ok: true, test: (haystack) => haystack.toLowerCase().includes(needle) };
}

/** What the text filter searches: everything a user reads in the row and the decoded error. */
function searchText(entry: ErrorEntry): string {
  const { error, exchange } = entry;
  return [exchange.method, exchange.url, error.status, error.format, error.code ?? '', error.subcode ?? '', error.title ?? '', error.message, error.requestId ?? ''].join('\n');
}

function statusMatches(status: StatusClass, entry: ErrorEntry): boolean {
  switch (status) {
    case '4xx':
      return entry.error.status >= 400 && entry.error.status < 500;
    case '5xx':
      return entry.error.status >= 500;
    case 'in-2xx':
      return entry.error.errorIn2xx;
    default:
      return true;
  }
}

/** A predicate for error rows; an invalid regex matches nothing (and the toolbar says why). */
export function errorPredicate(filters: Filters): (entry: ErrorEntry) => boolean {
  const text = filters.text.trim() === '' ? null : textMatcher(filters.text);
  return (entry) =>
    statusMatches(filters.status, entry) &&
    (filters.family === '' || entry.error.format === filters.family) &&
    (filters.host === '' || entry.host === filters.host) &&
    (filters.code === '' || entry.error.code === filters.code) &&
    (text === null || (text.ok && text.test(searchText(entry))));
}
