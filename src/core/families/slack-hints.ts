/** How a success response may hold a slack error, tested without parsing (kept apart so the capture gate loads no family code). */
import type { SuccessHints } from './family.ts';

/** Slack's `ok: false`. */
export const slackSuccessHints: SuccessHints = { head: /"ok"\s*:\s*false/ };
