/** How a success response may hold a twitter error, tested without parsing (kept apart so the capture gate loads no family code). */
import type { SuccessHints } from './family.ts';

/** Twitter v2 partial errors: a non-empty `errors` list next to `data`. */
export const twitterSuccessHints: SuccessHints = { body: /"errors"\s*:\s*\[\s*\{/ };
