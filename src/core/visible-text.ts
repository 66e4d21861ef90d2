/**
 * Response text is hostile: a bidirectional override (U+202E) can make `exe.txt` read `txt.exe`, a
 * zero-width space or a tag character can hide text or split a word that looks whole. Every place
 * Faultline shows such text (panel, popup, support report, CLI) makes those characters visible as
 * `[U+202E]` instead of letting them act.
 *
 * What counts: every format character (Unicode category Cf: bidi controls and marks, zero-width
 * characters, word joiner, soft hyphen, BOM, tag characters), control characters but tab and line
 * breaks, line and paragraph separators, the Hangul fillers and variation selectors that render as
 * nothing, and the ones in the Unicode "Default_Ignorable_Code_Point" list that are not Cf.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- control and combining characters are exactly what must be shown
export const INVISIBLE_CHARS = /[\p{Cf}\p{Zl}\p{Zp}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\uffa0\ufe00-\ufe0e\u{e0100}-\u{e01ef}]/gu;

function marker(char: string): string {
  return `[U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** The text with every invisible or reordering character shown as `[U+XXXX]`. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE_CHARS, marker);
}

/** Whether the text holds any character `visibleText` would show. */
export function hasInvisible(text: string): boolean {
  return text.search(INVISIBLE_CHARS) !== -1; // search() ignores the global flag's lastIndex
}

/** JSON (a JavaScript literal too) with invisible characters written as `\u` escapes: the same value, shown. */
export function visibleJson(value: unknown, indent?: number): string {
  const utf16 = (char: string): string => Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  return JSON.stringify(value, null, indent).replace(INVISIBLE_CHARS, utf16);
}
