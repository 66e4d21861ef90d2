import type { CatalogEntry } from './types.ts';

interface Indexed {
  readonly entry: CatalogEntry;
  readonly order: number;
  readonly key: string;
  readonly title: string;
  readonly category: string;
  /** Words of the key, title, category and api: a hit here says what the entry is. */
  readonly nameWords: readonly string[];
  /** Words of the meaning and advice: a hit here only says the entry mentions it. */
  readonly textWords: readonly string[];
}

/** `ThrottlingException` → throttling, exception; `M_LIMIT_EXCEEDED` → m, limit, exceeded. */
export function words(source: string): string[] {
  return source
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

export function indexEntries(entries: readonly CatalogEntry[]): readonly Indexed[] {
  return entries.map((entry, order) => ({
    entry,
    order,
    key: entry.key.toLowerCase(),
    title: entry.title.toLowerCase(),
    category: entry.category.toLowerCase(),
    nameWords: [...new Set(words(`${entry.key} ${entry.title} ${entry.category} ${entry.api}`))],
    textWords: [...new Set(words(`${entry.meaning} ${entry.advice}`))],
  }));
}

/** How well one query word matches a list of words: exact beats prefix. */
function wordScore(word: string, list: readonly string[], exact: number, prefix: number): number {
  let best = 0;
  for (const candidate of list) {
    if (candidate === word) return exact;
    if (best === 0 && candidate.startsWith(word)) best = prefix;
  }
  return best;
}

/** Every query word must hit the entry somewhere, or the free-word score is 0. */
function freeWordScore(item: Indexed, queryWords: readonly string[]): number {
  let total = 0;
  for (const word of queryWords) {
    const score = Math.max(wordScore(word, item.nameWords, 120, 100), wordScore(word, item.textWords, 30, 20));
    if (score === 0) return 0;
    total += score;
  }
  return total;
}

function keyScore(item: Indexed, query: string): number {
  const httpStatus = item.entry.kind === 'status' && item.entry.api === 'HTTP';
  if (item.key === query) return httpStatus ? 1050 : 1000;
  // A status's exact name (`Unauthorized`, `Not Found`) is as good as its number; a code's name is only a strong word hit.
  if (item.title === query) return item.entry.kind === 'status' ? (httpStatus ? 1050 : 1000) : 300;
  if (item.key.startsWith(query)) return Math.max(500, 700 - (item.key.length - query.length));
  if (query.length >= 3 && item.key.includes(query)) return 400;
  return 0;
}

function score(item: Indexed, query: string, queryWords: readonly string[], queriedStatus: number | null): number {
  let best = keyScore(item, query);
  // Codes that come with the status typed (`429` → rate_limited, RESOURCE_EXHAUSTED…).
  if (queriedStatus !== null && item.entry.kind === 'code' && item.entry.status === queriedStatus) best = Math.max(best, 200);
  const free = freeWordScore(item, queryWords);
  if (free > 0) {
    // A status is the most general answer to a free-word query, and the whole phrase in the name is a strong hint.
    const phrase = queryWords.length > 1 && (item.title.includes(query) || item.category.includes(query));
    const bonus = (item.entry.kind === 'status' ? 20 : 0) + (phrase ? 50 : 0);
    best = Math.max(best, free + bonus);
  }
  return best;
}

/** Ranked search over an index: statuses, exact codes, key prefixes, then free words. */
export function search(index: readonly Indexed[], rawQuery: string, limit: number): CatalogEntry[] {
  const query = rawQuery.trim().toLowerCase().replace(/\s+/g, ' ');
  if (query === '' || limit <= 0) return [];
  const queryWords = words(query);
  const queriedStatus = /^[1-5]\d\d$/.test(query) ? Number(query) : null;
  const hits: { readonly item: Indexed; readonly score: number }[] = [];
  for (const item of index) {
    const s = score(item, query, queryWords, queriedStatus);
    if (s > 0) hits.push({ item, score: s });
  }
  hits.sort((a, b) => b.score - a.score || a.item.order - b.item.order);
  return hits.slice(0, limit).map((hit) => hit.item.entry);
}
