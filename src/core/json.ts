/**
 * Small, total helpers for reading untrusted JSON. Response bodies are hostile: keys like `__proto__`
 * are plain own properties after JSON.parse, values have any type, and nesting can be 100 000 deep, so
 * every recursive walk in src/core must carry a depth limit (MAX_WALK_DEPTH).
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

export const MAX_WALK_DEPTH = 32;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property read that never walks the prototype chain (so `constructor`/`__proto__` are just keys). */
export function prop(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** A non-empty trimmed string, or null. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A code as a string: strings as they are, finite numbers stringified. */
export function codeText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return text(value);
}

/** The URL if it is an absolute http(s) URL, else null (never about:blank, javascript:, data:…). */
export function httpUrl(value: unknown, base?: string): string | null {
  const raw = text(value);
  if (raw === null) return null;
  try {
    const url = base === undefined ? new URL(raw) : new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** `["items", 0, "qty"]` → `/items/0/qty` (RFC 6901). */
export function pointerFromSegments(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerToken(String(s))}`).join('');
}

/**
 * A field path as the API writes it: a string (`user.name`, `items[0].sku`, `/data/attributes/title`,
 * `#/slot`) is kept exactly, because that is what a developer greps for in their code and in the API's
 * docs; only a list of segments (Zod and FastAPI `loc`) is turned into a JSON Pointer, since it has no
 * written form of its own.
 */
export function toPointer(path: unknown): string | null {
  if (Array.isArray(path)) {
    const segments = path.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number');
    return segments.length === 0 ? null : pointerFromSegments(segments);
  }
  return text(path);
}

/** Parses JSON, returning undefined instead of throwing. */
export function parseJson(source: string): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch {
    return undefined;
  }
}
