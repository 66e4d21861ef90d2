import { parseTruncatedJson } from './truncated-json.ts';

/**
 * A JSON error body over the capture's size cap, shortened so it still parses: cutting it at the cap
 * would leave invalid JSON and the panel would decode nothing but the status, though the error's code
 * and message are usually in its first bytes (a 2 MB validation error is mostly a long list or a dump).
 * Long strings and lists are cut, members beyond a count dropped, structure too deep replaced, with
 * limits halved until the result fits. The cap limits what is kept, not what is understood. A body
 * that was itself cut before its end (Firefox keeps a response's first megabyte) is read from its
 * complete part (truncated-json.ts).
 */

/** Nesting kept; deeper values are replaced by a marker (no envelope field lives that deep). */
const MAX_DEPTH = 64;
const FIRST_STRING_CHARS = 4096;
const FIRST_ITEMS = 200;
const MARK = '\u2026';

function cut(value: unknown, maxChars: number, maxItems: number, depth: number): unknown {
  if (typeof value === 'string') return value.length > maxChars ? value.slice(0, maxChars) + MARK : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return MARK;
  if (Array.isArray(value)) {
    const kept = value.slice(0, maxItems).map((item) => cut(item, maxChars, maxItems, depth + 1));
    return value.length > maxItems ? [...kept, `${MARK} ${value.length - maxItems} more`] : kept;
  }
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const [key, member] of Object.entries(value)) {
    if (count++ >= maxItems) break;
    // defineProperty: a `__proto__` member stays a plain member, as JSON.parse made it.
    Object.defineProperty(out, key, { value: cut(member, maxChars, maxItems, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export interface Shrunk {
  readonly text: string;
  /** False when the body itself was incomplete (cut before its end) and only its complete part was kept. */
  readonly complete: boolean;
}

function parse(text: string): { readonly value: unknown; readonly complete: boolean } {
  try {
    return { value: JSON.parse(text) as unknown, complete: true };
  } catch {
    return { value: parseTruncatedJson(text), complete: false };
  }
}

/** The body shortened to at most `capChars` characters and still valid JSON, or null when it is not JSON or cannot fit. */
export function shrinkJson(text: string, capChars: number): Shrunk | null {
  const { value, complete } = parse(text);
  if (value === null || typeof value !== 'object') return null;
  try {
    for (let chars = FIRST_STRING_CHARS, items = FIRST_ITEMS; chars >= 16; chars = Math.floor(chars / 2), items = Math.max(1, Math.floor(items / 2))) {
      const shortened = JSON.stringify(cut(value, chars, items, 0));
      if (shortened.length <= capChars) return { text: shortened, complete };
    }
  } catch {
    // A structure the walk cannot handle (none seen; JSON.parse output is plain data): keep the prefix instead.
  }
  return null;
}
