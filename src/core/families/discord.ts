/**
 * Discord (seed 003): `{code: 50035, message, errors:{…nested…:{_errors:[{code,
 * message}]}}}`, and the rate-limit body `{message, retry_after, global, code?}`.
 */
import * as z from 'zod/mini';
import { isRecord, MAX_WALK_DEPTH, pointerFromSegments, text } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { anything, int, keysWithin, listOf, MAX_ITEMS, maybe, str } from './lenient.ts';

/** Everything a Discord error body holds; a `{code, message}` pair with other keys is some other API. */
const DISCORD_KEYS = new Set(['code', 'message', 'errors', 'retry_after', 'global']);

/** Most nodes of an `errors` tree visited: a hostile tree can be as wide as the body allows. */
const MAX_NODES = 1000;

const Body = z.object({ code: int, message: z.string(), errors: anything, retry_after: maybe(z.number()), global: maybe(z.boolean()) });
const Leaf = z.object({ code: str, message: z.string() });
const Leaves = listOf(Leaf);

/** JSON error codes are 0 (general) or 5–6 digits (10008 Unknown message, 50035 Invalid Form Body, 110000…). */
function isDiscordCode(code: number): boolean {
  return code === 0 || (code >= 10000 && code <= 999999);
}

/**
 * Flattens the nested `errors` tree to JSON Pointers, in document order. Numeric keys are array
 * indices, which a pointer spells the same way. Bounded in depth, nodes visited and errors kept.
 */
export function flattenErrorTree(tree: unknown): FieldError[] {
  const out: FieldError[] = [];
  const stack: { node: unknown; path: string[] }[] = [{ node: tree, path: [] }];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES && out.length < MAX_ITEMS) {
    const { node, path } = stack.pop() as { node: unknown; path: string[] };
    visited++;
    if (!isRecord(node)) continue;
    const children: { node: unknown; path: string[] }[] = [];
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (key === '_errors') {
        for (const leaf of Leaves.parse(child) ?? []) {
          out.push({ path: pointerFromSegments(path), message: leaf.message, ...(leaf.code === undefined ? {} : { code: leaf.code }) });
        }
      } else if (isRecord(child) && path.length < MAX_WALK_DEPTH) {
        children.push({ node: child, path: [...path, key] });
      }
      if (children.length >= MAX_NODES) break;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as { node: unknown; path: string[] });
  }
  return out.slice(0, MAX_ITEMS);
}

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!isRecord(json) || typeof json['message'] !== 'string') return null;
  if (typeof json['code'] !== 'number' && typeof json['retry_after'] !== 'number') return null;
  const parsed = Body.safeParse(json);
  if (!parsed.success) return null;
  const body = parsed.data;
  const rateLimitBody = body.retry_after !== undefined && body.global !== undefined;
  const codeBody = body.code !== undefined && isDiscordCode(body.code) && keysWithin(json, DISCORD_KEYS);
  const fieldErrors = flattenErrorTree(body.errors);
  if (!rateLimitBody && !codeBody && !(body.code !== undefined && fieldErrors.length > 0)) return null;
  return {
    family: 'discord',
    strength: 2,
    fields: {
      code: body.code === undefined ? null : String(body.code),
      message: text(body.message),
      fieldErrors,
    },
  };
}

/** Discord `{code:int, message, errors?}` and `{message, retry_after, global}`. */
export const discord = { id: 'discord', order: 100, match } as const satisfies Family;
