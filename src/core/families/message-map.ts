import { isRecord } from '../json.ts';

/** What a field → messages map holds per field: Laravel lists, Jira single strings, Shopify either. */
export type MessageLeaves = 'lists' | 'strings' | 'either';

function isLeaf(value: unknown, leaves: MessageLeaves): boolean {
  if (typeof value === 'string') return leaves !== 'lists';
  return leaves !== 'strings' && Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * True for `{field: ["msg", …]}`-style maps: every value a message leaf.
 * The shape test that tells Laravel/Shopify/Jira `errors` apart from Discord's `_errors` trees and
 * GitHub's `errors` lists; read the messages with `fieldErrorsFromMessageMap`.
 */
export function isMessageMap(value: unknown, leaves: MessageLeaves): value is Readonly<Record<string, unknown>> {
  if (!isRecord(value)) return false;
  for (const key of Object.keys(value)) {
    if (!isLeaf(value[key], leaves)) return false;
  }
  return true;
}
