/** How a success response may hold a graphql error, tested without parsing (kept apart so the capture gate loads no family code). */
import type { SuccessHints } from './family.ts';

/** A non-empty GraphQL `errors` list of objects. */
export const graphqlSuccessHints: SuccessHints = { body: /"errors"\s*:\s*\[\s*\{/ };
