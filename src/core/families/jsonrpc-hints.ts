/** How a success response may hold a jsonrpc error, tested without parsing (kept apart so the capture gate loads no family code). */
import type { SuccessHints } from './family.ts';

/** A JSON-RPC `error` object. */
export const jsonrpcSuccessHints: SuccessHints = { body: /"error"\s*:\s*\{/ };
