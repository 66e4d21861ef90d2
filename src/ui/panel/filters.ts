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
  /** One kind of error exactly (method, URL template, status and code: a row's context menu sets it), or ''. */
  readonly fingerprint: string;
}

export const noFilters: Filters = { text: '', status: 'all', family: '', host: '', code: '', fingerprint: '' };

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
    fingerprint: read('fingerprint'),
  };
}

export type TextMatcher = { readonly ok: true; readonly test: (haystack: string) => boolean } | { readonly ok: false; readonly reason: string };

/** More unbounded repetitions than this can make one failed match take polynomial time of high degree. */
const MAX_UNBOUNDED = 2;

/**
 * Why a pattern could freeze the panel, or null. JavaScript regexes backtrack: a repeated group
 * that itself repeats or alternates (`(a+)+`, `(a|a)+b`) takes exponential time on a near-miss, a
 * backreference defeats every bound, and each unbounded repetition multiplies the work of a
 * failing match. Such patterns are refused before they run, so a saved filter cannot lock the panel
 * on reload either. A single pass over the source: escapes and classes skipped, groups on a stack.
 */
export function catastrophicReason(source: string): string | null {
  const groups: { repeats: boolean; alternates: boolean }[] = [{ repeats: false, alternates: false }];
  let closed: { repeats: boolean; alternates: boolean } | null = null;
  let unbounded = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const current = groups.at(-1) ?? { repeats: false, alternates: false };
    const quantifier = c === '*' || c === '+' || c === '?' ? c : c === '{' ? (/^\{(\d+)(,(\d*))?\}/.exec(source.slice(i)) ?? null) : null;
    if (quantifier !== null) {
      const text = typeof quantifier === 'string' ? quantifier : quantifier[0];
      const isUnbounded = text === '*' || text === '+' || (typeof quantifier !== 'string' && quantifier[2] !== undefined && (quantifier[3] === '' || Number(quantifier[3]) > 50));
      if (closed !== null && (closed.repeats || closed.alternates)) return 'a repeated group that repeats or alternates inside, like (a+)+ or (a|b)*, can take exponential time';
      if (isUnbounded && ++unbounded > MAX_UNBOUNDED) return `more than ${MAX_UNBOUNDED} unbounded repetitions (*, +, {n,}) can take too long`;
      current.repeats = true;
      i += text.length - 1;
      if (source[i + 1] === '?') i++; // lazy
      closed = null;
      continue;
    }
    closed = null;
    if (c === '\\') {
      if (/^[1-9]|^k</.test(source.slice(i + 1, i + 3))) return 'backreferences can take exponential time';
      i++;
    } else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') {
      groups.push({ repeats: false, alternates: false });
    } else if (c === ')') {
      const group = groups.length > 1 ? groups.pop() : undefined;
      if (group !== undefined) {
        const parent = groups.at(-1);
        if (parent !== undefined) parent.repeats ||= group.repeats;
        closed = group;
      }
    } else if (c === '|') {
      current.alternates = true;
    }
  }
  return null;
}

/** How much of each field a regular expression reads: with the bounds above, a failed match stays in milliseconds. */
const REGEX_HAYSTACK = 600;

/** How long one filter pass over the timeline may spend in regex matching before the pattern is given up. */
const REGEX_BUDGET_MS = 40;

/** Patterns that ran over budget, with why: refused from then on (the toolbar shows the reason). */
const tooSlow = new Map<string, string>();

/** `/5\d\d|timeout/i` is a regex; anything else is a case-insensitive substring. */
export function textMatcher(text: string): TextMatcher {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(text);
  if (regex !== null) {
    const source = regex[1] ?? '';
    const refused = catastrophicReason(source) ?? tooSlow.get(source);
    if (refused !== undefined && refused !== null) return { ok: false, reason: `pattern refused: ${refused}` };
    let pattern: RegExp;
    try {
      pattern = new RegExp(source, (regex[2] ?? '').replace(/[gy]/g, '') || 'i');
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : 'invalid regular expression' };
    }
    let spent = 0;
    return {
      ok: true,
      test: (haystack) => {
        if (tooSlow.has(source)) return false;
        const started = performance.now();
        const found = pattern.test(haystack.slice(0, REGEX_HAYSTACK));
        spent += performance.now() - started;
        if (spent > REGEX_BUDGET_MS) tooSlow.set(source, 'it took too long on this timeline; simplify it');
        return found;
      },
    };
  }
  const needle = text.trim().toLowerCase();
  return { ok: true, test: (haystack) => haystack.toLowerCase().includes(needle) };
}

/** What the text filter searches, field by field (a regex reads each field's start only): everything a user reads in the row and the decoded error. */
function searchFields(entry: ErrorEntry): string[] {
  const { error, exchange } = entry;
  return [exchange.method, exchange.url, String(error.status), error.format, error.code ?? '', error.subcode ?? '', error.title ?? '', error.message, error.requestId ?? ''];
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
    (filters.fingerprint === '' || entry.fingerprint.key === filters.fingerprint) &&
    (text === null || (text.ok && searchFields(entry).some(text.test)));
}
