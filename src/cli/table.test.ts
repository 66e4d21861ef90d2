import { describe, expect, it } from 'vitest';
import { cellText } from './table.ts';

describe('cellText', () => {
  it('shows escape sequences, bidi controls and invisible characters instead of letting them act, on one line', () => {
    expect(cellText('\u001b[2J\u001b]0;pwned\u0007 cleared')).toBe('[U+001B][2J[U+001B]]0;pwned[U+0007] cleared');
    expect(cellText('invoice_\u202Efdp.exe')).toBe('invoice_[U+202E]fdp.exe');
    expect(cellText('pay\u200Bpal\u2060 \u{E0041}')).toBe('pay[U+200B]pal[U+2060] [U+E0041]');
    expect(cellText('line one\n\tline two\r\n')).toBe('line one line two');
  });
});
