/**
 * JSON-RPC 2.0: `{jsonrpc:"2.0", id, error:{code:int, message, data?}}`, usually
 * in a 200; a batch is an array of responses, of which the first failed one is reported.
 */
import * as z from 'zod/mini';
import { isRecord, prop, text } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { MAX_ITEMS } from './lenient.ts';
import { jsonrpcSuccessHints } from './jsonrpc-hints.ts';

/** The codes the specification reserves, by name. */
const RESERVED: ReadonlyMap<number, string> = new Map([
  [-32700, 'Parse error'],
  [-32600, 'Invalid Request'],
  [-32601, 'Method not found'],
  [-32602, 'Invalid params'],
  [-32603, 'Internal error'],
]);

const Response = z.object({ jsonrpc: z.literal('2.0'), error: z.object({ code: z.number().check(z.int()), message: z.catch(z.optional(z.string()), undefined) }) });

function isFailedResponse(value: unknown): boolean {
  return prop(value, 'jsonrpc') === '2.0' && isRecord(prop(value, 'error'));
}

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  const failed = Array.isArray(json) ? json.slice(0, MAX_ITEMS).find(isFailedResponse) : isFailedResponse(json) ? json : undefined;
  if (failed === undefined) return null;
  const parsed = Response.safeParse(failed);
  if (!parsed.success) return null;
  const { code, message } = parsed.data.error;
  const serverError = code <= -32000 && code >= -32099 ? 'Server error' : null;
  return {
    family: 'jsonrpc',
    strength: 2,
    fields: { code: String(code), title: RESERVED.get(code) ?? serverError, message: text(message) },
  };
}

/** JSON-RPC 2.0 error responses, in 2xx too. */
export const jsonrpc = { id: 'jsonrpc', order: 40, successHints: jsonrpcSuccessHints, match } as const satisfies Family;
