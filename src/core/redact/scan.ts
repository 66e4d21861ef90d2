/**
 * The value scan: every known credential format (token-formats.ts) replaced by the marker, wherever
 * it sits in text that leaves Faultline. A format's pattern runs only when the text holds one of its
 * keywords (a plain substring search), so a 50 MB body without tokens costs a few substring scans.
 */
import { REDACTED } from './marker.ts';
import { TOKEN_FORMATS } from './token-formats.ts';

const SCANNERS = TOKEN_FORMATS.map((format) => ({ keywords: format.keywords, regex: new RegExp(format.pattern, 'g') }));

const allKeywords = [...new Set(TOKEN_FORMATS.flatMap((f) => f.keywords))];
/** Single characters (`.`, `:`) are in most texts: a substring search finds them at once. */
const CHARACTERS = allKeywords.filter((k) => k.length === 1);
/** Every longer keyword in one pattern: a single pass over the text finds which formats can be there. */
const KEYWORDS = new RegExp(allKeywords.filter((k) => k.length > 1).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

function candidates(text: string): RegExp[] {
  const found = new Set<string>(CHARACTERS.filter((c) => text.includes(c)));
  KEYWORDS.lastIndex = 0;
  for (let hit = KEYWORDS.exec(text); hit !== null; hit = KEYWORDS.exec(text)) found.add(hit[0]);
  return SCANNERS.filter(({ keywords }) => keywords.some((keyword) => found.has(keyword))).map(({ regex }) => regex);
}

/** `text` with every known token format replaced by [REDACTED]. */
export function redactTokens(text: string): string {
  let out = text;
  for (const regex of candidates(text)) out = out.replace(regex, REDACTED);
  return out;
}

/** Whether the value holds a known token format. */
export function hasToken(text: string): boolean {
  return candidates(text).some((regex) => text.search(regex) !== -1); // search() ignores the global flag's lastIndex
}

/**
 * A value shaped like a random credential though of no known format: long, one run of token
 * characters, mixing upper case, lower case and digits. UUIDs and hex digests (ids, commit hashes)
 * are all one case and stay readable.
 */
export function looksRandom(value: string): boolean {
  return value.length >= 32 && /^[A-Za-z0-9_~.+/=-]+$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}
