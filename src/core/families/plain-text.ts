/**
 * Short plain-text error bodies: Cloudflare's `error code: 1015`, Express's
 * `Not Found`, gateways' `Too Many Requests`, Go's `404 page not found`. Also catches such text
 * served under a JSON content type, which happens.
 */
import * as z from 'zod/mini';
import type { BodyView, Family, FamilyMatch } from './family.ts';

/** Longer text is a document or a dump, not an error message. */
const MAX_TEXT = 2000;
/** The message is the first line, cut to what fits a list row and a sentence. */
const MAX_MESSAGE = 300;

const MARKUP_MIMES = new Set(['text/html', 'application/xhtml+xml', 'application/xml', 'text/xml']);

/** Cloudflare's tiny body for 1xxx blocks: `error code: 1015`. */
const CLOUDFLARE_CODE = /^error code: (\d{3,4})$/i;

const Text = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT));

function firstLine(source: string): string {
  const line = source.split('\n', 1)[0]?.trim() ?? '';
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}

function match(view: BodyView): FamilyMatch | null {
  if (view.json !== undefined || MARKUP_MIMES.has(view.mime)) return null;
  const parsed = Text.safeParse(view.text.trim());
  if (!parsed.success) return null;
  const body = parsed.data;
  // Markup and broken JSON are not sentences.
  if (body[0] === '<' || body[0] === '{' || body[0] === '[') return null;
  const message = firstLine(body);
  const cloudflare = CLOUDFLARE_CODE.exec(message);
  return {
    family: 'plain-text',
    strength: cloudflare === null ? 1 : 2,
    fields: { code: cloudflare?.[1] ?? null, message, throttled: cloudflare?.[1] === '1015' },
  };
}

export const plainText = { id: 'plain-text', order: 6, match } as const satisfies Family;
