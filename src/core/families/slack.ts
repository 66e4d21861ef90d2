/**
 * Slack Web API: errors come in a 200 as `{ok:false, error:"channel_not_found",
 * response_metadata:{messages:["[ERROR] …"]}}`; only rate limiting uses a status (429, `ratelimited`).
 * `{ok:true, warning}` is a success with a warning, never an error.
 */
import * as z from 'zod/mini';
import { prop } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, humanizeCode, listOf, maybe } from './lenient.ts';
import { slackSuccessHints } from './slack-hints.ts';

const Body = z.object({
  ok: z.literal(false),
  error: z.string(),
  response_metadata: maybe(z.object({ messages: listOf(z.string()) })),
});

function match(view: BodyView): FamilyMatch | null {
  if (prop(view.json, 'ok') !== false || typeof prop(view.json, 'error') !== 'string') return null;
  const parsed = Body.safeParse(view.json);
  if (!parsed.success) return null;
  const { error, response_metadata } = parsed.data;
  const code = error.trim();
  if (code === '') return null;
  // Metadata messages are prefixed with their level: "[ERROR] channel does not exist".
  const detail = firstText(response_metadata?.messages?.[0]?.replace(/^\[[A-Z]+\]\s*/, ''));
  return {
    family: 'slack',
    strength: 2,
    fields: { code, message: detail ?? humanizeCode(code), throttled: code === 'ratelimited' || code === 'rate_limited' },
  };
}

/** Slack `{ok:false, error}`, in 2xx too. */
export const slack = { id: 'slack', order: 30, successHints: slackSuccessHints, match } as const satisfies Family;
