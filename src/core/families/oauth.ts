/**
 * OAuth 2.0 errors: the token endpoint's
 * `{error: "invalid_grant", error_description?, error_uri?}` (RFC 6749 §5.2), and a resource server's
 * `WWW-Authenticate: Bearer error="insufficient_scope", scope="…"` challenge (RFC 6750), which often
 * comes on a 401/403 with no body at all.
 */
import * as z from 'zod/mini';
import type { HeaderMap } from '../exchange.ts';
import { prop } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, str } from './lenient.ts';

const OAuthError = z.object({ error: z.string(), error_description: str, error_uri: str, scope: str });

/** The auth-params of a `Bearer` challenge we read (RFC 6750 §3). */
const Challenge = z.object({ error: str, error_description: str, error_uri: str, scope: str });
type Challenge = z.infer<typeof Challenge>;

/** `name="quoted \"value\""` or `name=token`; quoted strings cannot overlap, so the scan is linear. */
const AUTH_PARAM = /([A-Za-z_][\w-]{0,63})\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g;

/** The auth-params of the `Bearer` challenge in `WWW-Authenticate`, or null when there is none. */
function bearerChallenge(headers: HeaderMap): Challenge | null {
  const header = headers.get('www-authenticate');
  if (header === undefined) return null;
  const start = header.search(/(?:^|[\s,])Bearer(?:\s|$)/i);
  if (start === -1) return null;
  const params = new Map<string, string>();
  for (const found of header.slice(start).matchAll(AUTH_PARAM)) {
    const name = (found[1] ?? '').toLowerCase();
    // The first value wins: a later challenge (`…, Basic realm="x"`) must not override the Bearer one.
    if (!params.has(name)) params.set(name, found[2]?.replace(/\\(.)/g, '$1') ?? found[3] ?? '');
  }
  return Challenge.parse(Object.fromEntries(params));
}

function match(view: BodyView): FamilyMatch | null {
  const hasDescription = typeof prop(view.json, 'error_description') === 'string' || typeof prop(view.json, 'error_uri') === 'string';
  const body = hasDescription ? OAuthError.safeParse(view.json).data : undefined;
  const challenge = bearerChallenge(view.headers);
  if (body === undefined && (challenge === null || challenge.error === undefined || view.text !== '')) return null;
  const code = firstText(body?.error, challenge?.error);
  if (code === null) return null;
  return {
    family: 'oauth',
    // A challenge header is the transport naming the protocol.
    strength: challenge?.error !== undefined ? 3 : 2,
    fields: {
      code,
      message: firstText(body?.error_description, challenge?.error_description),
      docsUrl: firstText(body?.error_uri, challenge?.error_uri),
      missingScope: code === 'insufficient_scope' ? firstText(body?.scope, challenge?.scope) : null,
    },
  };
}

export const oauth = { id: 'oauth', order: 160, match } as const satisfies Family;

