/**
 * Lenient zod building blocks and field-error readers shared by the envelope families. Bodies are
 * hostile: a member of the wrong type is ignored rather than failing the whole shape (RFC 9457 §3.1
 * asks consumers to do exactly that), and lists are cut short before they are parsed.
 */
import * as z from 'zod/mini';
import { isRecord, MAX_WALK_DEPTH, text, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';

/** Most list items read from one body: a hostile body can hold a million, a developer reads a handful. */
export const MAX_ITEMS = 100;

/** An optional member that reads as undefined when it has the wrong type. */
export function maybe<T extends z.ZodMiniType>(schema: T): z.ZodMiniCatch<z.ZodMiniOptional<T>> {
  return z.catch(z.optional(schema), undefined);
}

/** A list of at most MAX_ITEMS items; items of the wrong shape are dropped, a non-list reads as undefined. */
export function listOf<T extends z.ZodMiniType>(item: T) {
  const cut = z.pipe(z.transform((value) => (Array.isArray(value) ? value.slice(0, MAX_ITEMS) : value)), z.array(maybe(item)));
  const kept = z.pipe(cut, z.transform((items) => items.filter((entry): entry is NonNullable<typeof entry> => entry !== undefined)));
  return z.catch(z.optional(kept), undefined);
}

/** A member of any type, possibly absent (zod 4 rejects a missing key for a bare `z.unknown()`). */
export const anything = z.optional(z.unknown());

/** A string member, ignored when it is anything else. */
export const str = maybe(z.string());

/** A code member: string or number (numeric codes are stringified later with codeText). */
export const codeLike = maybe(z.union([z.string(), z.number()]));

/** An integer member (HTTP-like or vendor numeric codes). */
export const int = maybe(z.number().check(z.int()));

/** The first argument that is a non-empty string, trimmed. */
export function firstText(...values: readonly unknown[]): string | null {
  for (const value of values) {
    const found = text(value);
    if (found !== null) return found;
  }
  return null;
}

/** `rate_limit_exceeded` → `Rate limit exceeded`: a readable stand-in when an API gives a code but no sentence. */
export function humanizeCode(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * `{field: ["msg", …]}` (ASP.NET `errors`, JSend `fail` data) → field errors. A key that is not a path
 * (`""`, ASP.NET's body-level entry) becomes the whole-document pointer `""`.
 */
export function fieldErrorsFromMessageMap(map: unknown): FieldError[] {
  if (!isRecord(map)) return [];
  const out: FieldError[] = [];
  for (const [key, value] of Object.entries(map)) {
    const path = toPointer(key) ?? '';
    const messages = Array.isArray(value) ? value.slice(0, MAX_ITEMS) : [value];
    for (const message of messages) {
      const line = text(message);
      if (line !== null) out.push({ path, message: line });
      if (out.length >= MAX_ITEMS) return out;
    }
  }
  return out;
}

/** Walks `innererror`-style chains (`{code, innererror:{code, innererror:{…}}}`) to the deepest link, bounded. */
export function deepestLink(start: unknown, key: string): unknown {
  let node = start;
  for (let depth = 0; depth < MAX_WALK_DEPTH; depth++) {
    const next = isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined;
    if (!isRecord(next)) return node;
    node = next;
  }
  return node;
}

/** True when every own key of `value` is in `allowed` (shape checks that must reject look-alikes). */
export function keysWithin(value: Readonly<Record<string, unknown>>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (Object.hasOwn(value, key) && !allowed.has(key)) return false;
  }
  return true;
}
