/**
 * NestJS default exception body:
 * `{statusCode, message: string | string[], error?}`; class-validator pipes send `message` as a list.
 */
import * as z from 'zod/mini';
import { isRecord, text } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { MAX_ITEMS, str } from './lenient.ts';

const Nest = z.object({
  statusCode: z.number().check(z.int()),
  message: z.union([z.string(), z.array(z.unknown())]),
  /** The reason phrase of the status (`Bad Request`), not a code. */
  error: str,
});

function match(view: BodyView): FamilyMatch | null {
  if (!isRecord(view.json) || !Object.hasOwn(view.json, 'statusCode')) return null;
  const parsed = Nest.safeParse(view.json);
  if (!parsed.success) return null;
  const { message, error } = parsed.data;
  const lines = typeof message === 'string' ? [message] : message.slice(0, MAX_ITEMS);
  const joined = lines.flatMap((line) => text(line) ?? []).join('; ');
  return {
    family: 'nestjs',
    strength: 2,
    fields: { title: text(error), message: joined === '' ? null : joined },
  };
}

export const nestjs = { id: 'nestjs', order: 180, match } as const satisfies Family;
