/**
 * The value scan: every known credential format (token-formats.ts) replaced by the marker, wherever
 * it sits in text that leaves Faultline. One combined pattern, so a 50 MB body is read once.
 */
import { REDACTED } from './marker.ts';
import { TOKEN_FORMATS } from './token-formats.ts';

const ANY_TOKEN = new RegExp(TOKEN_FORMATS.map((f) => `(?:${f.pattern})`).join('|'), 'g');

/** `text` with every known token format replaced by [REDACTED]. */
export function redactTokens(text: string): string {
  return text.replace(ANY_TOKEN, REDACTED);
}

/** Whether the value holds a known token format. */
export function hasToken(text: string): boolean {
  return text.search(ANY_TOKEN) !== -1; // search() ignores the global flag's lastIndex
}

/**
 * A value shaped like a random credential though of no known format: long, one run of token
 * characters, mixing upper case, lower case and digits. UUIDs and hex digests (ids, commit hashes)
 * are all one case and stay readable.
 */
export function looksRandom(value: string): boolean {
  return value.length >= 32 && /^[A-Za-z0-9_~.+/=-]+$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}
