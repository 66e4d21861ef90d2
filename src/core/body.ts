import type { Exchange } from './exchange.ts';

/** Bodies above this are not parsed: the error is still reported from the status, with a note. */
export const MAX_DECODE_BYTES = 4 * 1024 * 1024;

export interface ReadBody {
  /** The body as text ('' when absent, binary or too large). */
  readonly text: string;
  /** Why the body could not be read, or null when it was read whole. */
  readonly note: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

function decodeBase64(encoded: string): Uint8Array | null {
  const clean = encoded.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  return sample.includes(0);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

const LIMIT = `${formatSize(MAX_DECODE_BYTES)} limit`;

/** Turns the exchange body into text the families can read, refusing what cannot or should not be read. */
export function readBody(body: Exchange['body']): ReadBody {
  if (body === null || body.text === '') return { text: '', note: null };
  if (body.encoding !== 'base64') {
    // String length counts UTF-16 units; a body over the limit in units is over it in bytes too.
    if (body.text.length > MAX_DECODE_BYTES) return { text: '', note: `Body not decoded: ${formatSize(body.text.length)} is over the ${LIMIT}.` };
    return { text: body.text, note: null };
  }
  if (body.text.length * 0.75 > MAX_DECODE_BYTES) {
    return { text: '', note: `Body not decoded: ${formatSize(body.text.length * 0.75)} is over the ${LIMIT}.` };
  }
  const bytes = decodeBase64(body.text);
  if (bytes === null) return { text: '', note: 'Body not decoded: it is marked base64 but is not valid base64.' };
  if (looksBinary(bytes)) return { text: '', note: `Body not decoded: ${formatSize(bytes.length)} of binary data.` };
  try {
    return { text: utf8.decode(bytes), note: null };
  } catch {
    return { text: utf8Lenient.decode(bytes), note: 'Body is not valid UTF-8; invalid bytes are shown as �.' };
  }
}

/** `application/problem+json; charset=utf-8` → `application/problem+json`. */
export function essenceOf(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

export function isJsonMime(essence: string): boolean {
  return essence === 'application/json' || essence.endsWith('+json') || essence === 'text/json' || essence.startsWith('application/x-amz-json');
}
