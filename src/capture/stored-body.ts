import { DEFAULT_BODY_CAP_KB } from '../protocol/capture.ts';
import { MAX_DECODE_BYTES, isJsonMime } from '../core/body.ts';
import type { ExchangeBody } from '../core/exchange.ts';
import type { RawContent } from './network.ts';
import { shrinkJson } from './shrink-json.ts';

/** Default cap on the body kept per request: enough for any error envelope, small for a 10 000-entry buffer. */
export const DEFAULT_BODY_CAP_BYTES = DEFAULT_BODY_CAP_KB * 1024;

export interface StoredBody {
  readonly body: ExchangeBody | null;
  /** Why the body is missing or partial, for the panel to show; null when it was kept whole. */
  readonly captureNote: string | null;
  /** A word for the row when the kept body is not the whole body (`shortened`, `truncated`). */
  readonly captureTag?: string | undefined;
}

/** Media types whose base64 bodies are text all the same (DevTools base64-encodes some of them). */
// AWS JSON protocols answer `application/x-amz-json-1.0` / `-1.1`, which Firefox hands over base64-encoded.
const TEXTUAL_MIME = /^text\/|[/+](?:json|xml)$|^application\/(?:(?:x-)?javascript|x-www-form-urlencoded|graphql|x-amz-json-1\.[01])$/;

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${bytes} B`;
}

/**
 * The body to keep for a request, given what `getContent()` returned: binary bodies are not kept (no
 * envelope lives in them); a JSON body over the cap is kept shortened but whole in structure, so it
 * still decodes (shrink-json.ts); anything else over the cap is cut at the cap. Sizes are in bytes of
 * the decoded body (UTF-16 units for text, close enough here).
 */
export function storeBody(raw: RawContent, mime: string, capBytes: number): StoredBody {
  if (raw.text === '') return { body: null, captureNote: null };
  const cap = Math.max(0, Math.floor(capBytes));
  if (raw.encoding === 'base64') {
    const bytes = base64Bytes(raw.text);
    if (!TEXTUAL_MIME.test(mime)) {
      return { body: null, captureNote: `Body not kept: ${formatBytes(bytes)} of binary data (${mime || 'unknown type'}).` };
    }
    if (bytes <= cap) return { body: { text: raw.text, encoding: 'base64' }, captureNote: null };
    // Cut on a 4-character boundary so the kept prefix is still valid base64.
    const kept = raw.text.slice(0, Math.floor(cap / 3) * 4);
    return { body: { text: kept, encoding: 'base64' }, captureNote: truncatedNote(cap, bytes), captureTag: 'truncated' };
  }
  if (raw.text.length <= cap) return { body: { text: raw.text }, captureNote: null };
  // Bodies the engine would not decode anyway (over its limit) are not parsed here either.
  const shortened = isJsonMime(mime) && raw.text.length <= MAX_DECODE_BYTES ? shrinkJson(raw.text, cap) : null;
  if (shortened !== null) {
    const incomplete = shortened.complete ? '' : ' DevTools handed over only the start of the body; the error was read from its complete part.';
    return {
      body: { text: shortened.text },
      captureNote: `Body shortened: ${formatBytes(raw.text.length)} is over the ${formatBytes(cap)} capture limit, so long strings and lists were cut and the kept copy still parses: the error is decoded from it (the full body is in the Network panel).${incomplete}`,
      captureTag: 'shortened',
    };
  }
  return { body: { text: raw.text.slice(0, cap) }, captureNote: truncatedNote(cap, raw.text.length), captureTag: 'truncated' };
}

function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((text.length * 3) / 4) - padding);
}

function truncatedNote(cap: number, size: number): string {
  return `Body truncated: kept the first ${formatBytes(cap)} of ${formatBytes(size)} (the capture limit).`;
}
