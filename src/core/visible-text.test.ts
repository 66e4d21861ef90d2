import { describe, expect, it } from 'vitest';
import { visibleJson, visibleText } from './visible-text.ts';

describe('visibleText', () => {
  // The characters named in Trojan Source (CVE-2021-42574) and the Unicode "invisible" lists.
  it.each([
    ['right-to-left override', 'invoice\u202Etxt.exe', 'invoice[U+202E]txt.exe'],
    ['Arabic letter mark', 'a\u061Cb', 'a[U+061C]b'],
    ['left-to-right isolate and pop', '\u2066x\u2069', '[U+2066]x[U+2069]'],
    ['zero-width space', 'pay\u200Bpal', 'pay[U+200B]pal'],
    ['word joiner', 'a\u2060b', 'a[U+2060]b'],
    ['tag characters (hidden ASCII)', 'ok\u{E0069}\u{E0067}', 'ok[U+E0069][U+E0067]'],
    ['BOM inside text', 'a\uFEFFb', 'a[U+FEFF]b'],
    ['soft hyphen', 'pass\u00ADword', 'pass[U+00AD]word'],
    ['ANSI escape', '\u001B[2Jcleared', '[U+001B][2Jcleared'],
    ['C1 control', 'a\u009Bb', 'a[U+009B]b'],
    ['line separator', 'a\u2028b', 'a[U+2028]b'],
    ['Hangul filler', 'a\u3164b', 'a[U+3164]b'],
    ['variation selector supplement', 'a\u{E0100}b', 'a[U+E0100]b'],
  ])('shows a %s', (_, input, shown) => {
    expect(visibleText(input)).toBe(shown);
  });

  it('leaves ordinary text, tabs and line breaks, accents, CJK and emoji presentation alone', () => {
    for (const text of ['Invalid request: "email" is required.\n\tsee docs', 'Übergröße — déjà vu', '無効なリクエスト', '❤️ ok']) expect(visibleText(text)).toBe(text);
  });
});

describe('visibleJson', () => {
  it('escapes invisible characters and stays the same JSON value', () => {
    const value = { message: 'a\u202Eb\u{E0041}' };
    const json = visibleJson(value);
    expect(json).toBe('{"message":"a\\u202eb\\udb40\\udc41"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});
