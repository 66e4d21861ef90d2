/** How a success response may hold a jsend error, tested without parsing (kept apart so the capture gate loads no family code). */
import type { SuccessHints } from './family.ts';

/** A JSend `fail` or `error` status. */
export const jsendSuccessHints: SuccessHints = { head: /"status"\s*:\s*"(?:fail|error)"/ };
