/**
 * Text that reaches a terminal. Response data and file names are hostile: control characters (an
 * ANSI escape rewrites the terminal), bidi controls (they reorder what is shown) and line breaks
 * never reach it as they are.
 */
export function isUnsafeForTerminal(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** For messages about the input (a file name, a key): each unsafe character is shown as its escape, `\x1b`, `\u202e`. */
export function escapeForTerminal(value: string): string {
  let safe = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    safe += !isUnsafeForTerminal(code) ? char : code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return safe;
}
