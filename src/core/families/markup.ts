/**
 * Linear-time reading of XML and HTML error pages without a DOM (src/core runs in Node and workers,
 * where DOMParser does not exist). Bodies are hostile: every pattern here is bounded so that a
 * megabyte of `<` or a thousand unclosed tags costs one pass, never a quadratic backtrack.
 */

/** Longest run of attributes read inside one start tag. */
const MAX_TAG_LENGTH = 512;

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
  ['ndash', '–'],
  ['mdash', '—'],
  ['hellip', '…'],
  ['rsquo', '’'],
  ['lsquo', '‘'],
  ['rdquo', '”'],
  ['ldquo', '“'],
  ['copy', '©'],
]);

function codePointText(codePoint: number, original: string): string {
  const valid = Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
  return valid ? String.fromCodePoint(codePoint) : original;
}

/** Replaces character references (`&amp;`, `&#39;`, `&#x27;`); unknown names stay as they are. */
export function decodeEntities(source: string): string {
  return source.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return codePointText(Number.parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return codePointText(Number.parseInt(ref.slice(1), 10), whole);
    return NAMED_ENTITIES.get(ref.toLowerCase()) ?? whole;
  });
}

export interface ElementOptions {
  /** XML names are case-sensitive; HTML names are not. */
  readonly caseSensitive?: boolean;
  /** Where to start looking (an index into the source). */
  readonly from?: number;
}

export interface Element {
  /** The raw markup between the start and end tags. */
  readonly inner: string;
  /** The raw start tag, attributes included (to test `id="cf-error-details"`-like markers). */
  readonly startTag: string;
  /** Index just past the end tag, to continue a search after this element. */
  readonly end: number;
}

/**
 * The first `<name …>…</name>` element at or after `from`, or null when there is none or it is never
 * closed. One search for the start tag and one for its end tag: linear in the source length.
 */
export function findElement(source: string, name: string, options: ElementOptions = {}): Element | null {
  const flags = options.caseSensitive === true ? 'g' : 'gi';
  const open = new RegExp(`<${name}(?:\\s[^<>]{0,${MAX_TAG_LENGTH}})?>`, flags);
  open.lastIndex = options.from ?? 0;
  const start = open.exec(source);
  if (start === null) return null;
  const close = new RegExp(`</${name}\\s*>`, flags);
  close.lastIndex = start.index + start[0].length;
  const end = close.exec(source);
  if (end === null) return null;
  return { inner: source.slice(start.index + start[0].length, end.index), startTag: start[0], end: close.lastIndex };
}

/** The inner markup of the first `<name>` element, or null. */
export function elementInner(source: string, name: string, options: ElementOptions = {}): string | null {
  return findElement(source, name, options)?.inner ?? null;
}

/**
 * The text of a piece of markup: tags dropped, entities decoded, whitespace collapsed. With
 * `keepLines`, `<br>` and newlines survive as `\n` (Express puts stack traces in one `<pre>`).
 */
export function markupText(markup: string, keepLines = false): string {
  const withoutTags = markup.replace(/<br\s*\/?>/gi, '\n').replace(/<[^<>]*>/g, ' ');
  const decoded = decodeEntities(withoutTags);
  if (!keepLines) return decoded.replace(/\s+/g, ' ').trim();
  return decoded
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The text of the first `<name>` element, or null when it is absent or holds no text. */
export function elementText(source: string, name: string, options: ElementOptions = {}): string | null {
  const inner = elementInner(source, name, options);
  if (inner === null) return null;
  const value = markupText(inner);
  return value === '' ? null : value;
}

/** The name of the document's root element, skipping an XML declaration, a doctype and comments. */
export function rootElementName(source: string): string | null {
  const prolog = /^\s*(?:<[?!][^<>]{0,512}>\s*)*<([A-Za-z_][\w.:-]{0,63})/;
  return prolog.exec(source.slice(0, 4096))?.[1] ?? null;
}
