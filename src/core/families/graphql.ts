/**
 * GraphQL: `{data?, errors:[{message, locations?, path?, extensions?:{code}}],
 * extensions?}`, served as `application/graphql-response+json` or, by most servers, as JSON in a 200.
 * A response holds nothing else at its top level, which tells it apart from GitHub and Twitter bodies.
 */
import * as z from 'zod/mini';
import { codeText, isRecord, text } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { anything, keysWithin, listOf, MAX_ITEMS, maybe } from './lenient.ts';
import { graphqlSuccessHints } from './graphql-hints.ts';

const GRAPHQL_MIME = 'application/graphql-response+json';
const RESPONSE_KEYS = new Set(['data', 'errors', 'extensions']);
/** Members a GraphQL error may have, counting the `code`/`type` older servers put beside `message`. */
const ERROR_KEYS = new Set(['message', 'locations', 'path', 'extensions', 'code', 'type']);
/** Rate-limit codes: Shopify `THROTTLED`, GitHub's non-spec `type: RATE_LIMITED`. */
const THROTTLE_CODES = new Set(['THROTTLED', 'RATE_LIMITED']);

const GraphQLError = z.object({
  message: z.string(),
  // Older servers put `code`/`type` next to `message` instead of inside `extensions`.
  code: anything,
  type: anything,
  extensions: maybe(z.object({ code: anything })),
});

const GraphQLErrors = listOf(GraphQLError);

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!isRecord(json)) return null;
  const raw = json['errors'];
  if (!Array.isArray(raw) || raw.length === 0 || !keysWithin(json, RESPONSE_KEYS)) return null;
  const head = raw.slice(0, MAX_ITEMS);
  if (!head.every((item) => isRecord(item) && typeof item['message'] === 'string')) return null;
  const errors = GraphQLErrors.parse(head) ?? [];
  const first = errors[0];
  if (first === undefined) return null;
  const graphqlMembers = head.some((item) => isRecord(item) && ['locations', 'path', 'extensions'].some((key) => Object.hasOwn(item, key)));
  // Bare `{errors:[{message}]}` is also a Twitter v1.1 or ad-hoc list: weak unless something says GraphQL,
  // and not GraphQL at all when items carry other members (Twilio `infoUrl`, SendGrid `field`).
  const weak = !graphqlMembers && !Object.hasOwn(json, 'data');
  if (weak && view.mime !== GRAPHQL_MIME && !head.every((item) => isRecord(item) && keysWithin(item, ERROR_KEYS))) return null;
  const strength = view.mime === GRAPHQL_MIME ? 3 : graphqlMembers || Object.hasOwn(json, 'data') ? 2 : 1;
  const code = codeText(first.extensions?.code) ?? codeText(first.code) ?? codeText(first.type);
  return {
    family: 'graphql',
    strength,
    fields: { code, message: text(first.message), throttled: code !== null && THROTTLE_CODES.has(code) },
  };
}

/** GraphQL `errors[]`, in 2xx too: only a non-empty list is an error. */
export const graphql = { id: 'graphql', order: 81, successHints: graphqlSuccessHints, match } as const satisfies Family;
